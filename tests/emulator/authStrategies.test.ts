import {
  DCR_BODIES,
  ISO_MS,
  KEY_AUTH_BODY,
  UUID,
  call,
  invalidParameters,
  oidcBody,
  problem,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator({
  options: { strategyPutUnknownId: "not-found", strategyPutTypeChange: "reject", defaultKeyNames: null },
});

const STRATEGIES = "/v2/application-auth-strategies";
const timestamps = { created_at: ISO_MS, updated_at: ISO_MS };

async function createDcr(type: keyof typeof DCR_BODIES, dcrConfig?: Record<string, unknown>) {
  const body = dcrConfig === undefined ? DCR_BODIES[type] : { ...DCR_BODIES[type], dcr_config: dcrConfig };
  const created = await call(konnect, "POST", "/v2/dcr-providers", body);
  expect(created.status).toBe(201);
  return created;
}

describe("key_auth strategies", () => {
  it("creates (201) with the full response shape and reads it back", async () => {
    const created = await call(konnect, "POST", STRATEGIES, {
      ...KEY_AUTH_BODY,
      configs: { "key-auth": { key_names: ["apikey"], ttl: { value: 30, unit: "days" } } },
      principals: { enabled: true },
    });
    expect(created.status).toBe(201);
    expect(created.body).toStrictEqual({
      id: UUID,
      name: "key auth",
      display_name: "API Key",
      strategy_type: "key_auth",
      configs: { "key-auth": { key_names: ["apikey"], ttl: { value: 30, unit: "days" } } },
      active: false,
      dcr_provider: null,
      labels: {},
      supports_multiple_credentials: true,
      principals: { enabled: true },
      ...timestamps,
    });
    expect((await call(konnect, "GET", `${STRATEGIES}/${created.id}`)).body).toStrictEqual(created.body);
  });

  it("accepts an empty key-auth config and stores defaultKeyNames when configured", async () => {
    const bare = await call(konnect, "POST", STRATEGIES, { ...KEY_AUTH_BODY, configs: { "key-auth": {} } });
    expect(bare.body.configs).toStrictEqual({ "key-auth": {} });
    konnect.setOptions({ defaultKeyNames: ["apikey"] });
    const defaulted = await call(konnect, "POST", STRATEGIES, { ...KEY_AUTH_BODY, configs: { "key-auth": {} } });
    expect(defaulted.body.configs).toStrictEqual({ "key-auth": { key_names: ["apikey"] } });
  });

  it("PATCH merges key-auth config and unsets ttl with null", async () => {
    const created = await call(konnect, "POST", STRATEGIES, {
      ...KEY_AUTH_BODY,
      configs: { "key-auth": { key_names: ["apikey"], ttl: { value: 1, unit: "years" } } },
    });
    const renamed = await call(konnect, "PATCH", `${STRATEGIES}/${created.id}`, {
      configs: { "key-auth": { key_names: ["x-api-key", "apikey"] } },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.configs).toStrictEqual({
      "key-auth": { key_names: ["x-api-key", "apikey"], ttl: { value: 1, unit: "years" } },
    });
    const unset = await call(konnect, "PATCH", `${STRATEGIES}/${created.id}`, {
      configs: { "key-auth": { ttl: null } },
    });
    expect(unset.body.configs).toStrictEqual({ "key-auth": { key_names: ["x-api-key", "apikey"] } });
  });

  it("rejects dcr_provider_id on create and on PATCH, and an openid-connect config on PATCH", async () => {
    const rejected = await call(konnect, "POST", STRATEGIES, {
      ...KEY_AUTH_BODY,
      dcr_provider_id: "00000000-0000-4000-8000-000000000000",
    });
    expect(rejected.body).toStrictEqual(
      invalidParameters([
        { field: "dcr_provider_id", rule: "unknown_property", reason: "is an unknown property", source: "body" },
      ]),
    );
    const created = await call(konnect, "POST", STRATEGIES, KEY_AUTH_BODY);
    const patched = await call(konnect, "PATCH", `${STRATEGIES}/${created.id}`, {
      dcr_provider_id: null,
      configs: { "openid-connect": { scopes: [] } },
    });
    expect(patched.body).toStrictEqual(
      invalidParameters([
        {
          field: "dcr_provider_id",
          rule: "invalid",
          reason: "is only allowed for openid_connect strategies",
          source: "body",
        },
        {
          field: "configs.openid-connect",
          rule: "invalid",
          reason: "does not match strategy_type key_auth",
          source: "body",
        },
        { field: "configs.key-auth", rule: "required", reason: "is a required field", source: "body" },
      ]),
    );
  });
});

describe("openid_connect strategies", () => {
  it("creates unlinked: dcr_provider null, supports_multiple_credentials false, extras echoed", async () => {
    const created = await call(konnect, "POST", STRATEGIES, oidcBody(undefined, { cache_tokens: false }));
    expect(created.body).toStrictEqual({
      id: UUID,
      name: "oidc",
      display_name: "Client Credentials",
      strategy_type: "openid_connect",
      configs: {
        "openid-connect": {
          issuer: "https://sts.windows.net/tenant",
          credential_claim: ["appid"],
          scopes: ["openid"],
          auth_methods: ["client_credentials", "bearer"],
          cache_tokens: false,
        },
      },
      active: false,
      dcr_provider: null,
      labels: {},
      supports_multiple_credentials: false,
      ...timestamps,
    });
  });

  it("links a DCR provider: dcr_provider object, no dcr_provider_id field", async () => {
    const provider = await createDcr("azureAd");
    const created = await call(konnect, "POST", STRATEGIES, oidcBody(provider.id));
    expect(created.body.dcr_provider).toStrictEqual({
      id: provider.id,
      name: "azure",
      display_name: "Azure",
      provider_type: "azureAd",
    });
    expect(created.body).not.toHaveProperty("dcr_provider_id");
  });

  it.each([
    ["azureAd", undefined, true],
    ["okta", undefined, true],
    ["auth0", undefined, false],
    ["curity", undefined, false],
    ["kongIdentity", undefined, false],
    ["http", { dcr_base_url: "https://d.example.com", api_key: "abcdefghijkl" }, false],
    [
      "http",
      { dcr_base_url: "https://d.example.com", api_key: "abcdefghijkl", allow_multiple_credentials: true },
      true,
    ],
  ] as const)("supports_multiple_credentials with %s %j is %s", async (type, config, expected) => {
    const provider = await createDcr(type, config);
    const created = await call(konnect, "POST", STRATEGIES, oidcBody(provider.id));
    expect(created.body.supports_multiple_credentials).toBe(expected);
  });

  it("answers 400 missing_reference for a dcr_provider_id that does not exist (in this region)", async () => {
    const elsewhere = await call(konnect, "POST", "/eu/v2/dcr-providers", DCR_BODIES.azureAd);
    const created = await call(konnect, "POST", STRATEGIES, oidcBody(elsewhere.id));
    expect(created.body).toStrictEqual(
      invalidParameters([
        {
          field: "dcr_provider_id",
          rule: "missing_reference",
          reason: `DCR provider [${elsewhere.id}] does not exist`,
          source: "body",
        },
      ]),
    );
    expect(konnect.list("application-auth-strategies")).toStrictEqual([]);
  });

  it("PATCH merges a partial OIDC config, keeps extras, relinks and unlinks", async () => {
    const first = await createDcr("azureAd");
    const second = await createDcr("okta");
    const created = await call(konnect, "POST", STRATEGIES, oidcBody(first.id, { ssl_verify: true }));
    const patched = await call(konnect, "PATCH", `${STRATEGIES}/${created.id}`, {
      configs: { "openid-connect": { scopes: ["openid", "email"], cache_tokens: false } },
      dcr_provider_id: second.id,
      display_name: "Renamed",
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toStrictEqual({
      ...created.body,
      display_name: "Renamed",
      configs: {
        "openid-connect": {
          issuer: "https://sts.windows.net/tenant",
          credential_claim: ["appid"],
          scopes: ["openid", "email"],
          auth_methods: ["client_credentials", "bearer"],
          ssl_verify: true,
          cache_tokens: false,
        },
      },
      dcr_provider: { id: second.id, name: "okta", provider_type: "okta" },
      updated_at: ISO_MS,
    });
    expect(patched.body.updated_at > created.body.updated_at).toBe(true);
    const unlinked = await call(konnect, "PATCH", `${STRATEGIES}/${created.id}`, { dcr_provider_id: null });
    expect(unlinked.body.dcr_provider).toBeNull();
    expect(unlinked.body.supports_multiple_credentials).toBe(false);
  });

  it("PATCH rejects strategy_type (immutable) and a rejected extra key", async () => {
    const created = await call(konnect, "POST", STRATEGIES, oidcBody());
    const patched = await call(konnect, "PATCH", `${STRATEGIES}/${created.id}`, {
      strategy_type: "key_auth",
      configs: { "openid-connect": { labels: { a: "b" } } },
    });
    expect(patched.body).toStrictEqual(
      invalidParameters([
        { field: "strategy_type", rule: "unknown_property", reason: "is an unknown property", source: "body" },
        { field: "configs.openid-connect.labels", rule: "invalid", reason: "unknown field", source: "body" },
      ]),
    );
  });

  it("PATCH sets principals and answers missing_reference for an unknown dcr_provider_id", async () => {
    const created = await call(konnect, "POST", STRATEGIES, oidcBody());
    const enabled = await call(konnect, "PATCH", `${STRATEGIES}/${created.id}`, { principals: { enabled: true } });
    expect(enabled.body.principals).toStrictEqual({ enabled: true });
    const missing = "99999999-9999-4999-8999-999999999999";
    const refused = await call(konnect, "PATCH", `${STRATEGIES}/${created.id}`, { dcr_provider_id: missing });
    expect(refused.body).toStrictEqual(
      invalidParameters([
        {
          field: "dcr_provider_id",
          rule: "missing_reference",
          reason: `DCR provider [${missing}] does not exist`,
          source: "body",
        },
      ]),
    );
    expect((await call(konnect, "GET", `${STRATEGIES}/${created.id}`)).body).toStrictEqual(enabled.body);
  });

  it("PATCH label null deletes that key", async () => {
    const created = await call(konnect, "POST", STRATEGIES, { ...oidcBody(), labels: { env: "dev", team: "a" } });
    const patched = await call(konnect, "PATCH", `${STRATEGIES}/${created.id}`, { labels: { team: null } });
    expect(patched.body.labels).toStrictEqual({ env: "dev" });
  });
});

describe("PUT on a strategy", () => {
  it("replaces the whole mutable state (201): extras, labels and link not sent disappear", async () => {
    const provider = await createDcr("azureAd");
    const created = await call(konnect, "POST", STRATEGIES, {
      ...oidcBody(provider.id, { ssl_verify: true }),
      labels: { env: "dev" },
      principals: { enabled: true },
    });
    konnect.markStrategyInUse(created.id);
    const replaced = await call(konnect, "PUT", `${STRATEGIES}/${created.id}`, {
      ...oidcBody(),
      name: "replaced",
    });
    expect(replaced.status).toBe(201);
    expect(replaced.body).toStrictEqual({
      id: created.id,
      name: "replaced",
      display_name: "Client Credentials",
      strategy_type: "openid_connect",
      configs: {
        "openid-connect": {
          issuer: "https://sts.windows.net/tenant",
          credential_claim: ["appid"],
          scopes: ["openid"],
          auth_methods: ["client_credentials", "bearer"],
        },
      },
      active: true,
      dcr_provider: null,
      labels: {},
      supports_multiple_credentials: false,
      created_at: created.body.created_at,
      updated_at: ISO_MS,
    });
  });

  it("refuses a strategy_type change (400) unless strategyPutTypeChange is allow", async () => {
    const created = await call(konnect, "POST", STRATEGIES, oidcBody());
    const refused = await call(konnect, "PUT", `${STRATEGIES}/${created.id}`, KEY_AUTH_BODY);
    expect(refused.body).toStrictEqual(
      invalidParameters([
        {
          field: "strategy_type",
          rule: "invalid",
          reason: "cannot be changed from openid_connect to key_auth",
          source: "body",
        },
      ]),
    );
    konnect.setOptions({ strategyPutTypeChange: "allow" });
    const changed = await call(konnect, "PUT", `${STRATEGIES}/${created.id}`, KEY_AUTH_BODY);
    expect(changed.status).toBe(201);
    expect(changed.body.strategy_type).toBe("key_auth");
  });

  it("validates the body like a create and leaves the strategy unchanged on 400", async () => {
    const created = await call(konnect, "POST", STRATEGIES, KEY_AUTH_BODY);
    const refused = await call(konnect, "PUT", `${STRATEGIES}/${created.id}`, { ...KEY_AUTH_BODY, name: "" });
    expect(refused.body).toStrictEqual(
      invalidParameters([
        { field: "name", rule: "min_length", minimum: 1, reason: "must have at least 1 characters", source: "body" },
      ]),
    );
    expect((await call(konnect, "GET", `${STRATEGIES}/${created.id}`)).body).toStrictEqual(created.body);
  });

  it("answers 404 for an unknown id, or creates it with strategyPutUnknownId create", async () => {
    const id = "11111111-2222-4333-8444-555555555555";
    expect((await call(konnect, "PUT", `${STRATEGIES}/${id}`, KEY_AUTH_BODY)).status).toBe(404);
    konnect.setOptions({ strategyPutUnknownId: "create" });
    const created = await call(konnect, "PUT", `${STRATEGIES}/${id}`, KEY_AUTH_BODY);
    expect(created.status).toBe(201);
    expect(created.id).toBe(id);
  });
});

describe("strategy DELETE", () => {
  it("answers 409 while in use, 204 once released, then 404", async () => {
    const created = await call(konnect, "POST", STRATEGIES, KEY_AUTH_BODY);
    konnect.markStrategyInUse(created.id);
    expect((await call(konnect, "GET", `${STRATEGIES}/${created.id}`)).body.active).toBe(true);
    const refused = await call(konnect, "DELETE", `${STRATEGIES}/${created.id}`);
    expect(refused.body).toStrictEqual(
      problem(409, "Conflict", `Application auth strategy [${created.id}] is in use and cannot be deleted`),
    );
    konnect.markStrategyInUse(created.id, false);
    expect((await call(konnect, "DELETE", `${STRATEGIES}/${created.id}`)).status).toBe(204);
    expect((await call(konnect, "DELETE", `${STRATEGIES}/${created.id}`)).status).toBe(404);
  });

  it("allows duplicate names", async () => {
    await call(konnect, "POST", STRATEGIES, KEY_AUTH_BODY);
    expect((await call(konnect, "POST", STRATEGIES, KEY_AUTH_BODY)).status).toBe(201);
  });
});
