/**
 * Konnect's 400 names fields by wire path; every write path renames them to the input names users wrote. Adopt used
 * to be the one path that did not: now all writes go through the generic handlers, which rename on each of them.
 */
import { providers, type AuthStrategyInputs, type DcrProviderInputs } from "../../../provider";
import type { KonnectEmulator } from "../../../tools/emulator/emulator";
import { startProviderTestbed } from "../support";
import { CLIENT_ID, ISSUER } from "../../support/validInputs";

const withCode = <T>(value: T) => ({ ...value, __provider: "code-v1" }) as never;

let emulator: KonnectEmulator;
beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

/** A 400 as Konnect sends it, naming one wire field. */
const badRequest = (field: string) => ({
  status: 400,
  body: {
    status: 400,
    title: "Invalid Request",
    detail: "invalid parameters",
    instance: "kong:trace:1234567890",
    invalid_parameters: [{ field, rule: "required", reason: "is rejected" }],
  },
});

it("adopting a DCR provider names dcrConfig.initialClientId, not dcr_config.initial_client_id", async () => {
  const seeded = emulator.seedDcrProvider({
    name: "old",
    provider_type: "azureAd",
    issuer: ISSUER,
    dcr_config: { initial_client_id: CLIENT_ID, initial_client_secret: "s" },
  });
  const inputs: DcrProviderInputs = {
    name: "azure-dcr",
    providerType: "azureAd",
    issuer: ISSUER,
    dcrConfig: { initialClientId: "1f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5", initialClientSecret: "secret-value" },
    adoptId: seeded.id,
  };
  const checked = (await providers.dcrProvider.check!({} as never, withCode(inputs))).inputs!;
  emulator.injectFault({ method: "PATCH", path: "/v2/dcr-providers/*", ...badRequest("dcr_config.initial_client_id") });
  const error = (await providers.dcrProvider.create(checked).catch((e: unknown) => e)) as Error & {
    invalidParameters: { field: string }[];
  };
  expect(error.message).toContain("dcrConfig.initialClientId: is rejected");
  expect(error.message).not.toContain("dcr_config.initial_client_id");
  expect(error.invalidParameters.map((p) => p.field)).toEqual(["dcrConfig.initialClientId"]);
});

it("adopting an auth strategy names openidConnect.credentialClaim, not configs.openid-connect.credential_claim", async () => {
  const seeded = emulator.seedAuthStrategy({
    name: "old",
    display_name: "Old",
    strategy_type: "openid_connect",
    configs: {
      "openid-connect": { issuer: ISSUER, credential_claim: ["sub"], scopes: ["openid"], auth_methods: ["bearer"] },
    },
  });
  const inputs: AuthStrategyInputs = {
    name: "azure",
    displayName: "Azure",
    strategyType: "openid_connect",
    openidConnect: { issuer: ISSUER, credentialClaim: ["appid"], scopes: ["openid"], authMethods: ["bearer"] },
    adoptId: seeded.id,
  };
  const checked = (await providers.authStrategy.check!({} as never, withCode(inputs))).inputs!;
  emulator.injectFault({
    method: "PATCH",
    path: "/v2/application-auth-strategies/*",
    ...badRequest("configs.openid-connect.credential_claim"),
  });
  const error = (await providers.authStrategy.create(checked).catch((e: unknown) => e)) as Error;
  expect(error.message).toContain("openidConnect.credentialClaim: is rejected");
  expect(error.message).not.toContain("credential_claim");
});

describe("`pulumi import` (read without recorded state) says what to declare instead, in the resource's own inputs", () => {
  const instead = {
    dcrProvider: "`adopt: <Konnect id>`",
    authStrategy: "`adopt: <Konnect id>`",
    portalTeam: "`adopt: <Konnect id>`",
    portalApplication: "`adopt: <Konnect id>`",
    apiPublication: "`adopt: true`",
    portalDefaultAuthStrategy: "its create takes over the existing object",
    applicationRegistration: "its create takes over the existing object",
  } as const;
  it.each(Object.entries(instead))("%s: %s (never the old spelling newer resources refuse)", async (key, hint) => {
    const provider = providers[key as keyof typeof instead];
    const failure = await provider.read!("11111111-2222-4333-8444-555555555555", undefined as never).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^pulumi import is not supported for dynamic resources/);
    expect((failure as Error).message).toContain(hint);
    expect((failure as Error).message).not.toContain("adoptId");
  });
});
