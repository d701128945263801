import {
  DCR_BODIES,
  KEY_AUTH_BODY,
  call,
  invalidParameters,
  oidcBody,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator();

const body = (field: string, rest: object) => ({ field, ...rest, source: "body" });
const required = (field: string) => body(field, { rule: "required", reason: "is a required field" });
const unknown = (field: string) => body(field, { rule: "unknown_property", reason: "is an unknown property" });
const maxLength = (field: string, maximum: number) =>
  body(field, { rule: "max_length", maximum, reason: `must not have more than ${maximum} characters` });
const minLength = (field: string, minimum: number) =>
  body(field, { rule: "min_length", minimum, reason: `must have at least ${minimum} characters` });
const notUrl = (field: string) => body(field, { rule: "invalid", reason: "must be a valid URL" });

const azure = DCR_BODIES.azureAd;
const http = DCR_BODIES.http;

const DCR_CASES: [string, unknown, object[]][] = [
  ["a body that is not an object", [1], [body("body", { rule: "is_object", reason: "must be an object" })]],
  ["an empty body", {}, [required("provider_type"), required("name"), required("issuer")]],
  [
    "an unknown provider_type",
    { ...azure, provider_type: "Azure" },
    [
      body("provider_type", {
        rule: "enum",
        choices: ["auth0", "azureAd", "curity", "okta", "http", "kongIdentity"],
        reason: "must be one of: auth0, azureAd, curity, okta, http, kongIdentity",
      }),
    ],
  ],
  ["an empty name", { ...azure, name: "" }, [minLength("name", 1)]],
  ["a 257-character display_name", { ...azure, display_name: "x".repeat(257) }, [maxLength("display_name", 256)]],
  ["an issuer that is not a URL", { ...azure, issuer: "sts.windows.net" }, [notUrl("issuer")]],
  ["a missing dcr_config", { ...azure, dcr_config: undefined }, [required("dcr_config")]],
  [
    "a missing initial_client_secret",
    { ...azure, dcr_config: { initial_client_id: "a" } },
    [required("dcr_config.initial_client_secret")],
  ],
  [
    "initial_client_audience on azureAd",
    { ...azure, dcr_config: { ...azure.dcr_config, initial_client_audience: "x" } },
    [unknown("dcr_config.initial_client_audience")],
  ],
  [
    "a 257-character initial_client_id",
    { ...azure, dcr_config: { ...azure.dcr_config, initial_client_id: "c".repeat(257) } },
    [maxLength("dcr_config.initial_client_id", 256)],
  ],
  [
    "an 11-character http api_key",
    { ...http, dcr_config: { ...http.dcr_config, api_key: "abcdefghijk" } },
    [minLength("dcr_config.api_key", 12)],
  ],
  [
    "an http api_key with a dash",
    { ...http, dcr_config: { ...http.dcr_config, api_key: "abcdefghijk-" } },
    [body("dcr_config.api_key", { rule: "matches_regex", reason: "must match pattern ^[a-zA-Z0-9_]+$" })],
  ],
  [
    "an http dcr_base_url that is not a URL and a string flag",
    { ...http, dcr_config: { ...http.dcr_config, dcr_base_url: "nope", disable_event_hooks: "yes" } },
    [
      notUrl("dcr_config.dcr_base_url"),
      body("dcr_config.disable_event_hooks", { rule: "is_boolean", reason: "must be a boolean" }),
    ],
  ],
  [
    "dcr_config on kongIdentity with a key",
    { ...DCR_BODIES.kongIdentity, dcr_config: { x: 1 } },
    [unknown("dcr_config.x")],
  ],
  [
    "labels with a reserved prefix, a bad value and a 64-character key",
    { ...azure, labels: { kong_env: "a", env: "-bad", ["k".repeat(64)]: "v" } },
    [
      body("labels.kong_env", {
        rule: "is_label",
        reason: 'label keys cannot start with "kong", "konnect", "mesh", "kic", or "_"',
      }),
      body("labels.env", {
        rule: "matches_regex",
        reason: "must match pattern ^[a-z0-9A-Z]{1}([a-z0-9A-Z-._]*[a-z0-9A-Z]+)?$",
      }),
      body(`labels.${"k".repeat(64)}`, { rule: "is_label", reason: "label keys must be 1-63 characters long" }),
    ],
  ],
  [
    "51 labels",
    { ...azure, labels: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) },
    [body("labels", { rule: "max", maximum: 50, reason: "must not have more than 50 labels" })],
  ],
  ["a label value of 64 characters", { ...azure, labels: { env: "v".repeat(64) } }, [maxLength("labels.env", 63)]],
];

describe("DCR provider create validation", () => {
  it.each(DCR_CASES)("rejects %s", async (_name, request, parameters) => {
    const answer = await call(konnect, "POST", "/v2/dcr-providers", request);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(answer.body).toStrictEqual(invalidParameters(parameters));
    expect(konnect.list("dcr-providers")).toStrictEqual([]);
  });

  it("accepts label keys with an upper-case reserved prefix and ignores unknown top-level keys", async () => {
    const answer = await call(konnect, "POST", "/v2/dcr-providers", {
      ...azure,
      labels: { "KONGCTL-namespace": "default" },
      extra: true,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.labels).toStrictEqual({ "KONGCTL-namespace": "default" });
    expect(answer.body).not.toHaveProperty("extra");
  });

  it("rejects a body that is not JSON", async () => {
    const answer = await call(konnect, "POST", "/v2/dcr-providers", undefined, { rawBody: "{nope" });
    expect(answer.body).toStrictEqual(
      invalidParameters([body("body", { rule: "invalid", reason: "must be valid JSON" })]),
    );
  });
});

const oidc = oidcBody();
const oidcConfig = oidc.configs["openid-connect"];

const STRATEGY_CASES: [string, unknown, object[]][] = [
  ["an empty body", {}, [required("name"), required("display_name"), required("strategy_type"), required("configs")]],
  [
    "an unknown strategy_type",
    { ...KEY_AUTH_BODY, strategy_type: "dcr" },
    [
      body("strategy_type", {
        rule: "enum",
        choices: ["key_auth", "openid_connect"],
        reason: "must be one of: key_auth, openid_connect",
      }),
    ],
  ],
  ["an unknown top-level key", { ...KEY_AUTH_BODY, extra: 1 }, [unknown("extra")]],
  [
    "the config key of the other type",
    { ...KEY_AUTH_BODY, configs: { "openid-connect": oidcConfig } },
    [unknown("configs.openid-connect"), required("configs.key-auth")],
  ],
  [
    "11 key_names and a ttl of 0 months",
    {
      ...KEY_AUTH_BODY,
      configs: {
        "key-auth": { key_names: Array.from({ length: 11 }, (_, i) => `k${i}`), ttl: { value: 0, unit: "months" } },
      },
    },
    [
      body("configs.key-auth.key_names", {
        rule: "max_items",
        maximum: 10,
        reason: "must not have more than 10 items",
      }),
      body("configs.key-auth.ttl.value", { rule: "min", minimum: 1, reason: "must be greater than or equal to 1" }),
      body("configs.key-auth.ttl.unit", {
        rule: "enum",
        choices: ["days", "weeks", "years"],
        reason: "must be one of: days, weeks, years",
      }),
    ],
  ],
  [
    "empty key_names, a fractional ttl and an unknown key-auth key",
    { ...KEY_AUTH_BODY, configs: { "key-auth": { key_names: [], ttl: { value: 1.5, unit: "days" }, other: 1 } } },
    [
      unknown("configs.key-auth.other"),
      body("configs.key-auth.key_names", { rule: "min_items", minimum: 1, reason: "must have at least 1 items" }),
      body("configs.key-auth.ttl.value", { rule: "is_integer", reason: "must be an integer" }),
    ],
  ],
  [
    "a null ttl on create",
    { ...KEY_AUTH_BODY, configs: { "key-auth": { ttl: null } } },
    [body("configs.key-auth.ttl", { rule: "is_object", reason: "must be an object" })],
  ],
  [
    "an OIDC config missing every required field",
    { ...oidc, configs: { "openid-connect": {} } },
    [
      required("configs.openid-connect.issuer"),
      required("configs.openid-connect.credential_claim"),
      required("configs.openid-connect.scopes"),
      required("configs.openid-connect.auth_methods"),
    ],
  ],
  [
    "an OIDC issuer that is not a URL, 51 scopes, a long auth method and labels inside the config",
    {
      ...oidc,
      configs: {
        "openid-connect": {
          ...oidcConfig,
          issuer: "not a url",
          scopes: Array.from({ length: 51 }, () => "s"),
          auth_methods: ["m".repeat(65)],
          labels: { a: "b" },
        },
      },
    },
    [
      notUrl("configs.openid-connect.issuer"),
      body("configs.openid-connect.scopes", {
        rule: "max_items",
        maximum: 50,
        reason: "must not have more than 50 items",
      }),
      maxLength("configs.openid-connect.auth_methods.0", 64),
      body("configs.openid-connect.labels", { rule: "invalid", reason: "unknown field" }),
    ],
  ],
  [
    "a credential claim over 128 characters",
    { ...oidc, configs: { "openid-connect": { ...oidcConfig, credential_claim: ["c".repeat(129)] } } },
    [maxLength("configs.openid-connect.credential_claim.0", 128)],
  ],
  [
    "a dcr_provider_id that is not a UUID",
    oidcBody("abc"),
    [body("dcr_provider_id", { rule: "is_uuid", reason: "must be a valid UUID" })],
  ],
  [
    "principals without enabled and with an extra key",
    { ...KEY_AUTH_BODY, principals: { on: true } },
    [unknown("principals.on"), required("principals.enabled")],
  ],
  [
    "a 257-character display_name",
    { ...KEY_AUTH_BODY, display_name: "d".repeat(257) },
    [maxLength("display_name", 256)],
  ],
];

describe("auth strategy create validation", () => {
  it.each(STRATEGY_CASES)("rejects %s", async (_name, request, parameters) => {
    const answer = await call(konnect, "POST", "/v2/application-auth-strategies", request);
    expect(answer.status).toBe(400);
    expect(answer.body).toStrictEqual(invalidParameters(parameters));
    expect(konnect.list("application-auth-strategies")).toStrictEqual([]);
  });

  it("accepts an empty display_name, a null dcr_provider_id and OIDC extras", async () => {
    const answer = await call(konnect, "POST", "/v2/application-auth-strategies", {
      ...oidcBody(undefined, { token_post_args_names: ["audience"] }),
      display_name: "",
      dcr_provider_id: null,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.configs["openid-connect"].token_post_args_names).toStrictEqual(["audience"]);
  });

  it("rejects the extra OIDC keys listed in rejectedOidcExtraKeys", async () => {
    konnect.setOptions({ rejectedOidcExtraKeys: ["labels", "bogus"] });
    try {
      const answer = await call(konnect, "POST", "/v2/application-auth-strategies", oidcBody(undefined, { bogus: 1 }));
      expect(answer.body).toStrictEqual(
        invalidParameters([body("configs.openid-connect.bogus", { rule: "invalid", reason: "unknown field" })]),
      );
    } finally {
      konnect.setOptions({ rejectedOidcExtraKeys: ["labels"] });
    }
  });
});

describe("PATCH validation", () => {
  it("rejects invalid DCR provider updates with every problem listed", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", azure);
    const answer = await call(konnect, "PATCH", `/v2/dcr-providers/${created.id}`, {
      name: "",
      issuer: "x",
      labels: { _private: "a" },
      dcr_config: { initial_client_secret: 5 },
    });
    expect(answer.body).toStrictEqual(
      invalidParameters([
        minLength("name", 1),
        notUrl("issuer"),
        body("labels._private", {
          rule: "is_label",
          reason: 'label keys cannot start with "kong", "konnect", "mesh", "kic", or "_"',
        }),
        body("dcr_config.initial_client_secret", { rule: "is_string", reason: "must be a string" }),
      ]),
    );
  });

  it("rejects a strategy PATCH with an unknown configs key", async () => {
    const created = await call(konnect, "POST", "/v2/application-auth-strategies", oidcBody());
    const answer = await call(konnect, "PATCH", `/v2/application-auth-strategies/${created.id}`, {
      configs: { "openid-connect": { issuer: "https://ok.example.com" }, other: {} },
    });
    expect(answer.body).toStrictEqual(invalidParameters([unknown("configs.other")]));
  });
});
