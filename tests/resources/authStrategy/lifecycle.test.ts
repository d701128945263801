/**
 * The whole life of both strategy types through `providers.authStrategy` against the Konnect emulator, including
 * the DCR link, PUT when extra OIDC options are removed, adoption, drift and delete conflicts.
 */
import { providers, type AuthStrategyInputs, type AuthStrategyOutputs } from "../../../provider";
import type { KonnectEmulator } from "../../../tools/emulator/emulator";
import { KEY_AUTH_BODY, seedPublicationTargets } from "../../../tools/emulator/testSupport";
import { callShapes, providerLogLines, startProviderTestbed } from "../support";
import { CREATE_LABEL } from "../../../provider/resources/core/createOnce";
import { CLIENT_ID, ISSUER, oidcStrategyInputs } from "../../support/validInputs";

const strategy = providers.authStrategy;

let emulator: KonnectEmulator;
let dcrProviderId: string;
beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  dcrProviderId = emulator.seedDcrProvider({
    name: "azure-dcr",
    provider_type: "azureAd",
    issuer: ISSUER,
    dcr_config: { initial_client_id: CLIENT_ID, initial_client_secret: "s" },
  }).id;
  emulator.clearRequestLog();
});

function oidcInputs(overrides: Partial<AuthStrategyInputs> = {}): AuthStrategyInputs {
  return oidcStrategyInputs({ dcrProviderId, ...overrides });
}

async function checked(inputs: AuthStrategyInputs): Promise<AuthStrategyInputs> {
  const result = await strategy.check!({} as never, { ...inputs, __provider: "code-v1" } as never);
  expect(result.failures).toEqual([]);
  return result.inputs!;
}

const withCode = (outs: AuthStrategyOutputs | undefined) => ({ ...outs, __provider: "code-v1" }) as never;

describe("AuthStrategy openid_connect with DCR", () => {
  it("creates, links the DCR provider, reads without drift, updates in place and deletes", async () => {
    const inputs = await checked(oidcInputs());
    const { id, outs } = await strategy.create(inputs);
    expect(outs).toEqual({
      ...oidcInputs(),
      active: false,
      supportsMultipleCredentials: true,
      dcrProvider: { id: dcrProviderId, name: "azure-dcr", providerType: "azureAd" },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      effectiveRegion: "us",
      serverUrl: `${emulator.url}/us`,
    });
    expect(callShapes(emulator)).toEqual(["POST /v2/application-auth-strategies"]);
    // the DCR provider is now in use
    const dcr = await providers.dcrProvider.read!(dcrProviderId, { name: "azure-dcr" } as never);
    expect(dcr.props).toMatchObject({ active: true });

    const read = await strategy.read!(id, outs);
    expect(read.props).toEqual(outs);
    expect(read.inputs).toEqual(oidcInputs());
    expect(await strategy.diff!(id, withCode(outs), inputs)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });

    emulator.clearRequestLog();
    const next = await checked(
      oidcInputs({
        displayName: "Azure AD",
        openidConnect: { ...oidcInputs().openidConnect!, scopes: ["openid", "email"] },
      }),
    );
    expect(await strategy.diff!(id, withCode(outs), next)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const updated = await strategy.update!(id, outs!, next);
    expect(updated.outs).toMatchObject({ displayName: "Azure AD", openidConnect: { scopes: ["openid", "email"] } });
    expect(callShapes(emulator)).toEqual(["PATCH /v2/application-auth-strategies/{id}"]);

    expect(await strategy.diff!(id, withCode(updated.outs), { ...next, strategyType: "key_auth" })).toMatchObject({
      replaces: ["strategyType"],
    });

    await strategy.delete!(id, updated.outs!);
    expect(emulator.get("application-auth-strategies", id)).toBeUndefined();
    expect(await strategy.read!(id, updated.outs)).toEqual({});
    await strategy.delete!(id, updated.outs!);
  });

  it("adds extra OIDC options with PATCH and removes them with PUT", async () => {
    const inputs = await checked(
      oidcInputs({ openidConnect: { ...oidcInputs().openidConnect!, additionalProperties: { cache_tokens: false } } }),
    );
    const { id, outs } = await strategy.create(inputs);
    expect(outs!.openidConnect!.additionalProperties).toEqual({ cache_tokens: false });
    const createLabel = (emulator.get("application-auth-strategies", id) as { labels: Record<string, string> }).labels[
      CREATE_LABEL
    ];
    expect(createLabel).toEqual(expect.any(String));

    emulator.clearRequestLog();
    const more = await checked(
      oidcInputs({
        openidConnect: {
          ...oidcInputs().openidConnect!,
          additionalProperties: { cache_tokens: false, ssl_verify: true },
        },
      }),
    );
    const afterAdd = await strategy.update!(id, outs!, more);
    expect(afterAdd.outs!.openidConnect!.additionalProperties).toEqual({ cache_tokens: false, ssl_verify: true });

    const fewer = await checked(oidcInputs());
    const afterRemove = await strategy.update!(id, afterAdd.outs!, fewer);
    expect(afterRemove.outs!.openidConnect).toEqual(oidcInputs().openidConnect);
    // The PUT replaces every label: the current creation label is read first and sent again.
    expect(callShapes(emulator)).toEqual([
      "PATCH /v2/application-auth-strategies/{id}",
      "GET /v2/application-auth-strategies/{id}",
      "PUT /v2/application-auth-strategies/{id}",
    ]);
    const stored = emulator.get("application-auth-strategies", id) as {
      configs: Record<string, Record<string, unknown>>;
      labels: Record<string, string>;
    };
    expect(stored.labels).toEqual({ [CREATE_LABEL]: createLabel });
    expect(Object.keys(stored.configs["openid-connect"]!).sort()).toEqual([
      "auth_methods",
      "credential_claim",
      "issuer",
      "scopes",
    ]);
  });

  it("unlinks the DCR provider with null", async () => {
    const { id, outs } = await strategy.create(await checked(oidcInputs()));
    const unlinked = await checked(oidcInputs({ dcrProviderId: undefined }));
    const updated = await strategy.update!(id, outs!, unlinked);
    expect(updated.outs!.dcrProviderId).toBeUndefined();
    expect(updated.outs!.dcrProvider).toBeNull();
  });

  it("shows drift on refresh and adopts existing strategies", async () => {
    const { id, outs } = await strategy.create(await checked(oidcInputs()));
    emulator.updateStored("application-auth-strategies", id, { display_name: "Edited in UI" });
    const read = await strategy.read!(id, outs);
    expect(read.props).toMatchObject({ displayName: "Edited in UI" });

    emulator.clearRequestLog();
    const adopted = await strategy.create(await checked(oidcInputs({ adoptId: id, labels: { team: "platform" } })));
    expect(adopted.id).toBe(id);
    expect(adopted.outs).toMatchObject({ displayName: "Azure DCR", labels: { team: "platform" }, adoptId: id });
    expect(callShapes(emulator)).toEqual([
      "GET /v2/application-auth-strategies/{id}",
      "PATCH /v2/application-auth-strategies/{id}",
    ]);
  });
});

describe("a 409 on delete names what really holds the strategy (Konnect is asked after the 409)", () => {
  const deleteError = async (id: string, outs: AuthStrategyOutputs | undefined) =>
    (
      (await strategy.delete!(id, outs!).then(
        () => new Error("deleted"),
        (e: unknown) => e,
      )) as Error
    ).message;
  // The two lookups run together: their order is not fixed.
  const sortedLookups = ([first, second, third, ...rest]: string[]) => [first, ...[second, third].sort(), ...rest];
  const holderCalls = ["DELETE /v2/application-auth-strategies/{id}", "GET /v3/api-publications", "GET /v3/portals"];

  it("an API publication: named, with what to declare", async () => {
    const { id, outs } = await strategy.create(await checked(oidcInputs()));
    const { apiId, portalId } = seedPublicationTargets(emulator);
    emulator.seedPublication(apiId, portalId, { auth_strategy_ids: [id] });
    emulator.clearRequestLog();
    expect(await deleteError(id, outs)).toMatch(
      new RegExp(
        `^cannot delete auth strategy "azure-dcr-strategy" \\(${id}\\): it is still used by API publication ` +
          `${apiId}/${portalId} \\(its auth_strategy_ids\\): give it another strategy or unpublish it first ` +
          "\\(an ApiPublication declared without authStrategyIds got the portal's default when it was published and " +
          "keeps it: declare authStrategyIds on it\\)\\. delete auth strategy [0-9a-f-]{36}: 409 Conflict",
      ),
    );
    expect(sortedLookups(callShapes(emulator))).toEqual(holderCalls);
  });

  it("a portal's default set outside Pulumi: named, and left as it is", async () => {
    const { id, outs } = await strategy.create(await checked(oidcInputs()));
    const portal = emulator.seedPortal({ name: "partners", default_application_auth_strategy_id: id });
    emulator.clearRequestLog();
    expect(await deleteError(id, outs)).toContain(
      `it is still used by the default auth strategy of portal "partners" (${portal.id}): give the portal another ` +
        "default (or delete the PortalDefaultAuthStrategy that set it) first.",
    );
    expect(sortedLookups(callShapes(emulator))).toEqual(holderCalls);
    expect(emulator.portalDefault(portal.id)).toBe(id);
  });

  it("a portal's default a PortalDefaultAuthStrategy set (its record on the portal): put back, then deleted", async () => {
    const { id, outs } = await strategy.create(await checked(oidcInputs()));
    const original = emulator.seedAuthStrategy({ ...KEY_AUTH_BODY, name: "original" }).id;
    const portal = emulator.seedPortal({
      name: "partners",
      default_application_auth_strategy_id: id,
      labels: { team: "a", "pulumi-default-previous": original, "pulumi-default-applied": id },
    });
    emulator.clearRequestLog();
    providerLogLines.splice(0);
    await strategy.delete!(id, outs!);
    expect(sortedLookups(callShapes(emulator))).toEqual([...holderCalls, "PATCH /v3/portals/{id}", holderCalls[0]]);
    expect(emulator.portalDefault(portal.id)).toBe(original);
    expect((emulator.get("portals", portal.id) as { labels: object }).labels).toEqual({ team: "a" });
    expect(emulator.get("application-auth-strategies", id)).toBeUndefined();
    expect(providerLogLines).toContain(
      `konnect: portal ${portal.id}: its default was this strategy, set by a PortalDefaultAuthStrategy that ` +
        `replaced strategy ${original}; put that back so the strategy can be deleted`,
    );
  });

  it("a stale record (the default was changed since to this strategy by hand) is not acted on", async () => {
    const { id, outs } = await strategy.create(await checked(oidcInputs()));
    const other = emulator.seedAuthStrategy({ ...KEY_AUTH_BODY, name: "other" }).id;
    const portal = emulator.seedPortal({
      name: "partners",
      default_application_auth_strategy_id: id,
      labels: { "pulumi-default-previous": "none", "pulumi-default-applied": other },
    });
    expect(await deleteError(id, outs)).toContain(`the default auth strategy of portal "partners" (${portal.id})`);
    expect(emulator.portalDefault(portal.id)).toBe(id);
  });

  it("nothing this package can see (an application, a product version): says so; Konnect's answer follows", async () => {
    const { id, outs } = await strategy.create(await checked(oidcInputs()));
    emulator.markStrategyInUse(id);
    emulator.clearRequestLog();
    expect(await deleteError(id, outs)).toMatch(
      /^cannot delete auth strategy "azure-dcr-strategy" \([0-9a-f-]{36}\): it is still used by something other than an API publication or a portal's default \(none uses it\): a developer application registered with it \(Dev Portal → Applications\), which Konnect's answer may name\. delete auth strategy [0-9a-f-]{36}: 409 Conflict/,
    );
    expect(sortedLookups(callShapes(emulator))).toEqual(holderCalls);
  });

  it("when Konnect cannot be asked (a token without portal rights): the general hint", async () => {
    const { id, outs } = await strategy.create(await checked(oidcInputs()));
    emulator.markStrategyInUse(id);
    emulator.injectFault({ method: "GET", path: "/v3/portals", status: 403, times: Infinity });
    expect(await deleteError(id, outs)).toMatch(
      /^cannot delete auth strategy "azure-dcr-strategy" \([0-9a-f-]{36}\): it is still used by an API publication \(its auth_strategy_ids\), a portal's default auth strategy, or a developer application registered with it; move them to another strategy first\. delete auth strategy [0-9a-f-]{36}: 409 Conflict/,
    );
    emulator.clearFaults();
  });
});

describe("AuthStrategy key_auth", () => {
  const keyAuth = (overrides: Partial<AuthStrategyInputs> = {}): AuthStrategyInputs => ({
    name: "keys",
    displayName: "API keys",
    strategyType: "key_auth",
    keyAuth: { keyNames: ["apikey", "x-api-key"], ttl: { value: 30, unit: "days" } },
    ...overrides,
  });

  it("creates, reads, changes key names, removes the TTL, deletes", async () => {
    const inputs = await checked(keyAuth());
    const { id, outs } = await strategy.create(inputs);
    expect(outs).toEqual({
      ...keyAuth(),
      active: false,
      supportsMultipleCredentials: true,
      dcrProvider: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      effectiveRegion: "us",
      serverUrl: `${emulator.url}/us`,
    });
    const read = await strategy.read!(id, outs);
    expect(read.props).toEqual(outs);

    emulator.clearRequestLog();
    const next = await checked(keyAuth({ keyAuth: { keyNames: ["apikey"] } }));
    const updated = await strategy.update!(id, outs!, next);
    expect(updated.outs!.keyAuth).toEqual({ keyNames: ["apikey"] });
    const stored = emulator.get("application-auth-strategies", id) as {
      configs: Record<string, Record<string, unknown>>;
    };
    expect(stored.configs["key-auth"]).toEqual({ key_names: ["apikey"] });
    expect(callShapes(emulator)).toEqual(["PATCH /v2/application-auth-strategies/{id}"]);
    expect(await strategy.diff!(id, withCode(updated.outs), next)).toMatchObject({ changes: false });
    await strategy.delete!(id, updated.outs!);
  });
});
