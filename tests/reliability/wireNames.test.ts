/**
 * Konnect's 400s name wire fields; users see their own input property names, with status and trace kept, from both
 * create and update of every resource (the Dev Portal ones included).
 */
import { providers, type AuthStrategyInputs, type DcrProviderInputs } from "../../provider";
import { KonnectApiError } from "../../provider/konnect";
import type { FieldTable } from "../../provider/konnect/fieldTable";
import { API_PUBLICATION_INPUTS } from "../../provider/resources/apiPublication/inputs";
import { AUTH_STRATEGY_INPUTS } from "../../provider/resources/authStrategy/inputs";
import { inputPathForWireField } from "../../provider/resources/core/wireNames";
import { DCR_PROVIDER_INPUTS } from "../../provider/resources/dcrProvider/inputs";
import { APPLICATION_REGISTRATION_INPUTS } from "../../provider/resources/applicationRegistration/inputs";
import { PORTAL_APPLICATION_INPUTS } from "../../provider/resources/portalApplication/inputs";
import { PORTAL_DEFAULT_INPUTS } from "../../provider/resources/portalDefaultAuthStrategy/inputs";
import { PORTAL_TEAM_INPUTS } from "../../provider/resources/portalTeam/inputs";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { TEST_TOKEN, startProviderTestbed } from "../resources/support";
import { oidcBody, seedPublicationTargets } from "../../tools/emulator/testSupport";
import { SecretScan } from "../support/secretScan";
import { CLIENT_ID, TENANT } from "../support/validInputs";

const MISSING = "11111111-2222-4333-8444-555555555555";
const SECRET = "wire-names-client-secret-001";

describe("inputPathForWireField", () => {
  const tables: Record<string, FieldTable> = {
    dcrProvider: DCR_PROVIDER_INPUTS,
    authStrategy: AUTH_STRATEGY_INPUTS,
    apiPublication: API_PUBLICATION_INPUTS,
    portalDefaultAuthStrategy: PORTAL_DEFAULT_INPUTS,
    portalTeam: PORTAL_TEAM_INPUTS,
    portalApplication: PORTAL_APPLICATION_INPUTS,
    applicationRegistration: APPLICATION_REGISTRATION_INPUTS,
  };
  it.each<[string, string, string]>([
    ["dcrProvider", "dcr_config.initial_client_id", "dcrConfig.initialClientId"],
    ["dcrProvider", "dcr_config.initial_client_secret", "dcrConfig.initialClientSecret"],
    ["dcrProvider", "dcr_config.dcr_base_url", "dcrConfig.dcrBaseUrl"],
    ["dcrProvider", "dcr_config.api_key", "dcrConfig.apiKey"],
    ["dcrProvider", "dcr_config.use_developer_managed_scopes", "dcrConfig.useDeveloperManagedScopes"],
    ["dcrProvider", "dcr_config", "dcrConfig"],
    ["dcrProvider", "display_name", "displayName"],
    ["dcrProvider", "provider_type", "providerType"],
    ["dcrProvider", "issuer", "issuer"],
    ["dcrProvider", "labels.env", "labels.env"],
    ["dcrProvider", "labels.my_key.with.dots", "labels.my_key.with.dots"],
    ["authStrategy", "configs.openid-connect.credential_claim", "openidConnect.credentialClaim"],
    ["authStrategy", "configs.openid-connect.auth_methods.2", "openidConnect.authMethods.2"],
    ["authStrategy", "configs.openid-connect.issuer", "openidConnect.issuer"],
    ["authStrategy", "configs.openid-connect.labels", "openidConnect.additionalProperties.labels"],
    ["authStrategy", "configs.openid-connect.cache_tokens", "openidConnect.additionalProperties.cache_tokens"],
    ["authStrategy", "configs.openid-connect", "openidConnect"],
    ["authStrategy", "configs.key-auth.ttl.unit", "keyAuth.ttl.unit"],
    ["authStrategy", "configs.key-auth.key_names.0", "keyAuth.keyNames.0"],
    ["authStrategy", "configs.key-auth", "keyAuth"],
    ["authStrategy", "dcr_provider_id", "dcrProviderId"],
    ["authStrategy", "display_name", "displayName"],
    ["authStrategy", "strategy_type", "strategyType"],
    ["authStrategy", "principals.enabled", "principals.enabled"],
    ["authStrategy", "", ""],
    ["apiPublication", "auth_strategy_ids", "authStrategyIds"],
    ["apiPublication", "auth_strategy_ids.0", "authStrategyIds.0"],
    ["apiPublication", "auto_approve_registrations", "autoApproveRegistrations"],
    ["apiPublication", "visibility", "visibility"],
    ["portalDefaultAuthStrategy", "default_application_auth_strategy_id", "authStrategyId"],
    ["portalTeam", "can_own_applications", "canOwnApplications"],
    ["portalTeam", "description", "description"],
    ["portalApplication", "auth_strategy_id", "authStrategyId"],
    ["portalApplication", "dcr_client_id", "dcrClientId"],
    ["portalApplication", "client_id", "clientId"],
    ["portalApplication", "labels.env", "labels.env"],
    // The owner's id is renamed to the declared owner.teamId / owner.developerId by the application's definition.
    ["portalApplication", "owner.id", "owner.id"],
    ["applicationRegistration", "api_id", "apiId"],
    ["applicationRegistration", "status", "status"],
  ])("%s: %s -> %s", (kind, wire, input) => {
    expect(inputPathForWireField(tables[kind]!, wire)).toBe(input);
  });
});

describe("400s from Konnect name input properties", () => {
  let emulator: KonnectEmulator;
  const scan = new SecretScan();
  beforeAll(async () => {
    emulator = await startProviderTestbed();
  });
  afterAll(async () => {
    scan.expectClean([TEST_TOKEN, SECRET]);
    await emulator.close();
  });
  beforeEach(() => emulator.reset());

  const oidc = (overrides: Partial<AuthStrategyInputs> = {}): AuthStrategyInputs => ({
    name: "oidc",
    displayName: "OIDC",
    strategyType: "openid_connect",
    openidConnect: {
      issuer: `https://sts.windows.net/${TENANT}`,
      credentialClaim: ["appid"],
      scopes: ["openid"],
      authMethods: ["bearer"],
    },
    ...overrides,
  });
  const azure: DcrProviderInputs = {
    name: "azure",
    providerType: "azureAd",
    issuer: `https://sts.windows.net/${TENANT}`,
    dcrConfig: { initialClientId: CLIENT_ID, initialClientSecret: SECRET },
  };

  async function failure(promise: Promise<unknown>): Promise<KonnectApiError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KonnectApiError);
    scan.addError("wire names", error);
    return error as KonnectApiError;
  }

  it("create: a dcr_provider_id that does not exist is reported as dcrProviderId", async () => {
    const error = await failure(providers.authStrategy.create(oidc({ dcrProviderId: MISSING })));
    expect(error.status).toBe(400);
    expect(error.instance).toMatch(/^kong:trace:\d+$/);
    expect(error.invalidParameters.map((p) => p.field)).toEqual(["dcrProviderId"]);
    expect(error.message).toMatch(
      /^create auth strategy "oidc": 400 Invalid Request: dcrProviderId: .+ \(trace kong:trace:\d+\)$/,
    );
    expect(error.message).not.toContain("dcr_provider_id");
    expect(emulator.list("application-auth-strategies")).toEqual([]);
  });

  it("create: an OIDC extra key Konnect rejects is reported under openidConnect.additionalProperties", async () => {
    // `labels` is refused by check and the client now; a plugin option only Konnect knows it rejects goes through.
    emulator.setOptions({ rejectedOidcExtraKeys: ["labels", "not_a_plugin_option"] });
    try {
      const inputs = oidc();
      inputs.openidConnect!.additionalProperties = { not_a_plugin_option: true };
      const error = await failure(providers.authStrategy.create(inputs));
      expect(error.invalidParameters.map((p) => p.field)).toEqual([
        "openidConnect.additionalProperties.not_a_plugin_option",
      ]);
      expect(error.message).toMatch(
        /^create auth strategy "oidc": 400 Invalid Request: openidConnect\.additionalProperties\.not_a_plugin_option: unknown field \(trace kong:trace:\d+\)$/,
      );
    } finally {
      emulator.setOptions({ rejectedOidcExtraKeys: ["labels"] });
    }
  });

  it("update: PATCH with a missing DCR provider is reported as dcrProviderId", async () => {
    const { id, outs } = await providers.authStrategy.create(oidc());
    const error = await failure(providers.authStrategy.update!(id, outs!, oidc({ dcrProviderId: MISSING })));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^update auth strategy [0-9a-f-]{36}: 400 Invalid Request: dcrProviderId: /);
  });

  it.each([
    ["create", "POST", "/v2/dcr-providers"],
    ["update", "PATCH", "/v2/dcr-providers/*"],
  ])("DCR provider %s: several wire fields become input paths, in order", async (op, method, path) => {
    const made = op === "update" ? await providers.dcrProvider.create(azure) : undefined;
    emulator.injectFault({
      method,
      path,
      status: 400,
      body: {
        status: 400,
        title: "Invalid Request",
        instance: "kong:trace:1234567890123456789",
        detail: "Invalid Parameters",
        invalid_parameters: [
          { field: "dcr_config.initial_client_id", rule: "invalid", reason: "app not found in tenant" },
          { field: "display_name", rule: "max_length", reason: "too long", maximum: 256 },
        ],
      },
    });
    const run =
      op === "update"
        ? providers.dcrProvider.update!(made!.id, made!.outs!, { ...azure, name: "renamed" })
        : providers.dcrProvider.create(azure);
    const error = await failure(run);
    expect(error.message).toBe(
      `${op === "update" ? `update DCR provider ${made!.id}` : 'create DCR provider "azure"'}: 400 Invalid Request: ` +
        "dcrConfig.initialClientId: app not found in tenant; displayName: too long (trace kong:trace:1234567890123456789)",
    );
    expect(error.invalidParameters.map((p) => p.field)).toEqual(["dcrConfig.initialClientId", "displayName"]);
  });

  const invalid = (...fields: string[]) => ({
    status: 400,
    title: "Invalid Request",
    instance: "kong:trace:1234567890123456789",
    detail: "Invalid Parameters",
    invalid_parameters: fields.map((field) => ({ field, rule: "invalid", reason: "rejected" })),
  });

  it("API publication create: a strategy that does not exist is reported as authStrategyIds.0", async () => {
    const { apiId, portalId } = seedPublicationTargets(emulator);
    const error = await failure(providers.apiPublication.create({ apiId, portalId, authStrategyIds: [MISSING] }));
    expect(error.status).toBe(400);
    expect(error.invalidParameters.map((p) => p.field)).toEqual(["authStrategyIds.0"]);
    expect(error.message).toContain("authStrategyIds.0: ");
    expect(error.message).not.toContain("auth_strategy_ids");
    expect(emulator.getPublication(apiId, portalId)).toBeUndefined();
  });

  it("API publication update: the PUT's wire fields become input properties, in order", async () => {
    const { apiId, portalId } = seedPublicationTargets(emulator);
    const made = await providers.apiPublication.create({ apiId, portalId });
    emulator.injectFault({
      method: "PUT",
      path: "/v3/apis/*/publications/*",
      status: 400,
      body: invalid("auto_approve_registrations", "visibility", "auth_strategy_ids"),
    });
    const error = await failure(
      providers.apiPublication.update!(made.id, made.outs!, { apiId, portalId, visibility: "public" }),
    );
    expect(error.invalidParameters.map((p) => p.field)).toEqual([
      "autoApproveRegistrations",
      "visibility",
      "authStrategyIds",
    ]);
    expect(error.message).toContain(
      "400 Invalid Request: autoApproveRegistrations: rejected; visibility: rejected; authStrategyIds: rejected",
    );
  });

  it.each(["create", "update"])(
    "portal default %s: default_application_auth_strategy_id is reported as authStrategyId",
    async (op) => {
      const strategy = emulator.seedAuthStrategy(oidcBody());
      const other = emulator.seedAuthStrategy(oidcBody());
      const { portalId } = seedPublicationTargets(emulator);
      const made =
        op === "update"
          ? await providers.portalDefaultAuthStrategy.create({ portalId, authStrategyId: strategy.id })
          : undefined;
      emulator.injectFault({
        method: "PATCH",
        path: "/v3/portals/*",
        status: 400,
        body: invalid("default_application_auth_strategy_id"),
      });
      const news = { portalId, authStrategyId: other.id };
      const error = await failure(
        made
          ? providers.portalDefaultAuthStrategy.update!(made.id, made.outs!, news)
          : providers.portalDefaultAuthStrategy.create(news),
      );
      expect(error.invalidParameters.map((p) => p.field)).toEqual(["authStrategyId"]);
      expect(error.message).toContain("400 Invalid Request: authStrategyId: rejected");
      expect(error.message).not.toContain("default_application_auth_strategy_id");
    },
  );

  it("errors without invalid parameters pass through unchanged", async () => {
    emulator.injectFault({ method: "POST", path: "/v2/dcr-providers", status: 403 });
    const error = await failure(providers.dcrProvider.create(azure));
    expect(error.message).toMatch(/^create DCR provider "azure": 403 Forbidden \(trace kong:trace:\d+\)$/);
  });
});
