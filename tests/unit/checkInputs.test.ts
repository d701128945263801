/**
 * `check` of the DCR provider and the auth strategy: every bad input gets the exact expected failure (property + reason), good inputs pass
 * and are normalized, and values still unknown during preview are accepted.
 */
import { providers } from "../../provider";
import { UNKNOWN } from "../../provider/resources/core/unknowns";
import { CLIENT_ID, TENANT, azureDcrInputs, oidcStrategyInputs } from "../support/validInputs";

const CLIENT = CLIENT_ID;
const DCR_ID = "8a6b1f3c-2d4e-4f5a-9b6c-7d8e9f0a1b2c";

function azure(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...azureDcrInputs(), ...overrides };
}

function oidc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...oidcStrategyInputs({ dcrProviderId: DCR_ID }), ...overrides };
}

async function dcrFailures(news: Record<string, unknown>) {
  const result = await providers.dcrProvider.check!({} as never, news as never);
  return result.failures ?? [];
}

async function strategyFailures(news: Record<string, unknown>) {
  const result = await providers.authStrategy.check!({} as never, news as never);
  return result.failures ?? [];
}

/** `{ a: { a: … { a: 1 } } }`, `levels` objects deep, built without recursion. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

describe("DcrProvider check: bad inputs", () => {
  const cases: [string, Record<string, unknown>, { property: string; reason: string }[]][] = [
    [
      "missing name",
      azure({ name: undefined }),
      [{ property: "name", reason: "required: the DCR provider's name (1-256 characters)" }],
    ],
    ["empty name", azure({ name: "" }), [{ property: "name", reason: "must not be empty" }]],
    [
      "name too long",
      azure({ name: "n".repeat(257) }),
      [{ property: "name", reason: "must be at most 256 characters" }],
    ],
    ["name not a string", azure({ name: 42 }), [{ property: "name", reason: "must be a string" }]],
    ["displayName empty", azure({ displayName: "" }), [{ property: "displayName", reason: "must not be empty" }]],
    [
      "unknown top-level field",
      azure({ clientSecret: "x" }),
      [
        {
          property: "clientSecret",
          reason:
            "unknown property; expected one of name, displayName, providerType, issuer, labels, dcrConfig, verify, adopt, adoptId, region",
        },
      ],
    ],
    [
      "missing providerType",
      azure({ providerType: undefined }),
      [{ property: "providerType", reason: "required: one of azureAd, okta, auth0, curity, http, kongIdentity" }],
    ],
    [
      "legacy provider type Azure",
      azure({ providerType: "Azure" }),
      [{ property: "providerType", reason: "must be one of azureAd, okta, auth0, curity, http, kongIdentity" }],
    ],
    [
      "missing issuer",
      azure({ issuer: undefined }),
      [{ property: "issuer", reason: "required: the issuer URL of the identity provider" }],
    ],
    [
      "issuer not a URL",
      azure({ providerType: "okta", issuer: "not a url", dcrConfig: { dcrToken: "okta-api-token" } }),
      [{ property: "issuer", reason: "must be an absolute http(s) URL" }],
    ],
    [
      "issuer with leading space",
      azure({ providerType: "okta", issuer: " https://x.okta.com", dcrConfig: { dcrToken: "okta-api-token" } }),
      [{ property: "issuer", reason: "must be an absolute http(s) URL" }],
    ],
    [
      "issuer with a newline",
      azure({ providerType: "okta", issuer: "https://x.okta.com/\nevil", dcrConfig: { dcrToken: "okta-api-token" } }),
      [{ property: "issuer", reason: "must be an absolute http(s) URL" }],
    ],
    [
      "issuer too long",
      azure({
        providerType: "okta",
        issuer: `https://x.okta.com/${"a".repeat(250)}`,
        dcrConfig: { dcrToken: "okta-api-token" },
      }),
      [{ property: "issuer", reason: "must be at most 256 characters" }],
    ],
    [
      "azure v2 issuer",
      azure({ issuer: `https://login.microsoftonline.com/${TENANT}/v2.0` }),
      [
        {
          property: "issuer",
          reason:
            "Konnect DCR supports Azure AD OAuth v1 tokens only, so the issuer must be the v1 form https://sts.windows.net/<tenant GUID>, not the v2 issuer https://login.microsoftonline.com/<tenant>/v2.0",
        },
      ],
    ],
    [
      "azure issuer with a bad tenant GUID",
      azure({ issuer: "https://sts.windows.net/my-tenant" }),
      [
        {
          property: "issuer",
          reason:
            "for providerType azureAd the issuer must be https://sts.windows.net/<tenant GUID> (the Azure AD OAuth v1 issuer)",
        },
      ],
    ],
    [
      "azure issuer with an upper-case tenant GUID",
      azure({ issuer: `https://sts.windows.net/${TENANT.toUpperCase()}` }),
      [
        {
          property: "issuer",
          reason:
            "the tenant GUID must be lower-case, as in the iss claim of Azure AD tokens (Konnect compares issuers exactly)",
        },
      ],
    ],
    [
      "azure issuer on another host",
      azure({ issuer: `https://example.com/${TENANT}` }),
      [
        {
          property: "issuer",
          reason:
            "for providerType azureAd the issuer must be https://sts.windows.net/<tenant GUID> (the Azure AD OAuth v1 issuer)",
        },
      ],
    ],
    [
      "azure client id not a GUID",
      azure({ dcrConfig: { initialClientId: "abc123", initialClientSecret: "s3cr3t-value" } }),
      [
        {
          property: "dcrConfig.initialClientId",
          reason: "must be a GUID (the Application (client) ID of the Azure AD app registration)",
        },
      ],
    ],
    [
      "azure missing secret",
      azure({ dcrConfig: { initialClientId: CLIENT } }),
      [{ property: "dcrConfig.initialClientSecret", reason: "required for providerType azureAd (a secret)" }],
    ],
    [
      "azure missing dcrConfig",
      azure({ dcrConfig: undefined }),
      [{ property: "dcrConfig", reason: "required for providerType azureAd: initialClientId, initialClientSecret" }],
    ],
    [
      "azure with an Auth0-only audience",
      azure({
        dcrConfig: { initialClientId: CLIENT, initialClientSecret: "s3cr3t-value", initialClientAudience: "https://a" },
      }),
      [
        {
          property: "dcrConfig.initialClientAudience",
          reason: "not used by providerType azureAd (azureAd takes initialClientId, initialClientSecret)",
        },
      ],
    ],
    [
      "azure with an Okta token",
      azure({
        dcrConfig: { initialClientId: CLIENT, initialClientSecret: "s3cr3t-value", dcrToken: "okta-api-token" },
      }),
      [
        {
          property: "dcrConfig.dcrToken",
          reason: "not used by providerType azureAd (azureAd takes initialClientId, initialClientSecret)",
        },
      ],
    ],
    [
      "okta missing token",
      { name: "o", providerType: "okta", issuer: "https://x.okta.com/oauth2/default", dcrConfig: {} },
      [{ property: "dcrConfig.dcrToken", reason: "required for providerType okta (a secret)" }],
    ],
    [
      "http api key too short",
      {
        name: "h",
        providerType: "http",
        issuer: "https://idp.example.com",
        dcrConfig: { dcrBaseUrl: "https://dcr.example.com", apiKey: "short" },
      },
      [{ property: "dcrConfig.apiKey", reason: "must be at least 12 characters" }],
    ],
    [
      "initialClientSecret shorter than 8 characters",
      azure({ dcrConfig: { initialClientId: CLIENT, initialClientSecret: "s3cr3t!" } }),
      [
        {
          property: "dcrConfig.initialClientSecret",
          reason:
            "must be at least 8 characters: shorter secrets cannot be told apart from ordinary text, so they could not be redacted",
        },
      ],
    ],
    [
      "okta dcrToken shorter than 8 characters",
      { name: "o", providerType: "okta", issuer: "https://x.okta.com/oauth2/default", dcrConfig: { dcrToken: "tok" } },
      [
        {
          property: "dcrConfig.dcrToken",
          reason:
            "must be at least 8 characters: shorter secrets cannot be told apart from ordinary text, so they could not be redacted",
        },
      ],
    ],
    [
      "http api key with symbols",
      {
        name: "h",
        providerType: "http",
        issuer: "https://idp.example.com",
        dcrConfig: { dcrBaseUrl: "https://dcr.example.com", apiKey: "abc-def-ghi-jkl" },
      },
      [{ property: "dcrConfig.apiKey", reason: "must contain only letters, digits and '_'" }],
    ],
    [
      "http base url not a URL",
      {
        name: "h",
        providerType: "http",
        issuer: "https://idp.example.com",
        dcrConfig: { dcrBaseUrl: "dcr.example.com", apiKey: "abcdefghijkl" },
      },
      [{ property: "dcrConfig.dcrBaseUrl", reason: "must be an absolute http(s) URL" }],
    ],
    [
      "http flag not a boolean",
      {
        name: "h",
        providerType: "http",
        issuer: "https://idp.example.com",
        dcrConfig: { dcrBaseUrl: "https://dcr.example.com", apiKey: "abcdefghijkl", disableEventHooks: "yes" },
      },
      [{ property: "dcrConfig.disableEventHooks", reason: "must be true or false" }],
    ],
    [
      "kongIdentity with a client id",
      {
        name: "k",
        providerType: "kongIdentity",
        issuer: "https://x.us.identity.konghq.com/auth",
        dcrConfig: { initialClientId: "x" },
      },
      [
        {
          property: "dcrConfig.initialClientId",
          reason: "not used by providerType kongIdentity (providerType kongIdentity takes no dcrConfig fields)",
        },
      ],
    ],
    [
      "label key with reserved prefix",
      azure({ labels: { konnect_team: "a" } }),
      [
        {
          property: "labels.konnect_team",
          reason: 'label keys must not start with "konnect" (reserved: kong, konnect, mesh, kic, _)',
        },
      ],
    ],
    [
      "label key starting with underscore",
      azure({ labels: { _x: "a" } }),
      [{ property: "labels._x", reason: 'label keys must not start with "_" (reserved: kong, konnect, mesh, kic, _)' }],
    ],
    [
      "label value with a space",
      azure({ labels: { team: "platform team" } }),
      [
        {
          property: "labels.team",
          reason:
            "label values must start and end with a letter or digit and contain only letters, digits, '-', '.' and '_'",
        },
      ],
    ],
    [
      "label value too long",
      azure({ labels: { team: "a".repeat(64) } }),
      [{ property: "labels.team", reason: "label values must be 1-63 characters" }],
    ],
    [
      "too many labels",
      azure({ labels: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }),
      [
        {
          property: "labels",
          reason: "at most 49 labels are allowed (Konnect's 50 minus one kept for pulumi-create-id), got 51",
        },
      ],
    ],
    [
      "label key reserved for the creation label",
      azure({ labels: { "pulumi-create-id": "x" } }),
      [{ property: "labels.pulumi-create-id", reason: "reserved: set by pulumi-konnect-dcr on create" }],
    ],
    [
      "labels not an object",
      azure({ labels: ["a"] }),
      [{ property: "labels", reason: "must be an object of string keys to string values" }],
    ],
    ["adoptId not a UUID", azure({ adoptId: "dcr-1" }), [{ property: "adoptId", reason: "must be a UUID" }]],
    ["verify not a boolean", azure({ verify: "true" }), [{ property: "verify", reason: "must be true or false" }]],
    [
      "whitespace-only name",
      azure({ name: " \t " }),
      [{ property: "name", reason: "must not contain control characters (such as NUL, tab or a line break)" }],
    ],
    ["blank name of spaces", azure({ name: "   " }), [{ property: "name", reason: "must not be only whitespace" }]],
    [
      "name with a NUL",
      azure({ name: "idp\u0000evil" }),
      [{ property: "name", reason: "must not contain control characters (such as NUL, tab or a line break)" }],
    ],
    [
      "displayName with a line break",
      azure({ displayName: "Azure\nDCR" }),
      [{ property: "displayName", reason: "must not contain control characters (such as NUL, tab or a line break)" }],
    ],
    [
      "label key __proto__",
      azure({ labels: JSON.parse('{"__proto__":"x","team":"a"}') as Record<string, string> }),
      [
        {
          property: "labels.__proto__",
          reason:
            'the key "__proto__" is not allowed: JavaScript objects drop it on the way to Konnect, so it would show as a change on every preview',
        },
      ],
    ],
    [
      "unknown region",
      azure({ region: "asia" }),
      [{ property: "region", reason: "must be one of us, eu, au, me, in, sg" }],
    ],
  ];

  it.each(cases)("%s", async (_name, news, expected) => {
    expect(await dcrFailures(news)).toEqual(expected);
  });
});

describe("AuthStrategy check: bad inputs", () => {
  const cases: [string, Record<string, unknown>, { property: string; reason: string }[]][] = [
    [
      "missing displayName",
      oidc({ displayName: undefined }),
      [{ property: "displayName", reason: "required: the name shown in the Dev Portal (at most 256 characters)" }],
    ],
    [
      "bad strategy type",
      oidc({ strategyType: "dcr" }),
      [{ property: "strategyType", reason: "must be one of openid_connect, key_auth" }],
    ],
    [
      "openid_connect without settings",
      oidc({ openidConnect: undefined }),
      [
        {
          property: "openidConnect",
          reason: "required for strategyType openid_connect: issuer, credentialClaim, scopes, authMethods",
        },
      ],
    ],
    [
      "openid_connect with keyAuth",
      oidc({ keyAuth: { keyNames: ["apikey"] } }),
      [{ property: "keyAuth", reason: "only for strategyType key_auth; use openidConnect" }],
    ],
    [
      "dcrProviderId on key_auth",
      { name: "k", displayName: "Key", strategyType: "key_auth", dcrProviderId: DCR_ID },
      [{ property: "dcrProviderId", reason: "only openid_connect strategies can use a DCR provider" }],
    ],
    [
      "openidConnect on key_auth",
      { name: "k", displayName: "Key", strategyType: "key_auth", openidConnect: {} },
      [{ property: "openidConnect", reason: "only for strategyType openid_connect; use keyAuth" }],
    ],
    [
      "dcrProviderId not a UUID",
      oidc({ dcrProviderId: "dcr-1" }),
      [{ property: "dcrProviderId", reason: "must be a UUID" }],
    ],
    [
      "too many credential claims",
      oidc({
        openidConnect: {
          ...(oidc().openidConnect as object),
          credentialClaim: Array.from({ length: 11 }, (_, i) => `c${i}`),
        },
      }),
      [{ property: "openidConnect.credentialClaim", reason: "must have at most 10 items" }],
    ],
    [
      "missing auth methods",
      oidc({ openidConnect: { issuer: "https://sts.windows.net/x", credentialClaim: ["appid"], scopes: [] } }),
      [{ property: "openidConnect.authMethods", reason: "required" }],
    ],
    [
      "unknown OIDC field",
      oidc({ openidConnect: { ...(oidc().openidConnect as object), cacheTokens: false } }),
      [
        {
          property: "openidConnect.cacheTokens",
          reason:
            "unknown property; expected one of issuer, credentialClaim, scopes, authMethods, additionalProperties",
        },
      ],
    ],
    [
      "core field in additionalProperties",
      oidc({ openidConnect: { ...(oidc().openidConnect as object), additionalProperties: { scopes: ["x"] } } }),
      [
        {
          property: "openidConnect.additionalProperties.scopes",
          reason: '"scopes" is a named field; set it directly instead of in additionalProperties',
        },
      ],
    ],
    [
      "key names empty",
      { name: "k", displayName: "Key", strategyType: "key_auth", keyAuth: { keyNames: [] } },
      [{ property: "keyAuth.keyNames", reason: "must have at least 1 item" }],
    ],
    [
      "ttl unit unknown",
      { name: "k", displayName: "Key", strategyType: "key_auth", keyAuth: { ttl: { value: 1, unit: "months" } } },
      [{ property: "keyAuth.ttl.unit", reason: "must be one of days, weeks, years" }],
    ],
    [
      "ttl value zero",
      { name: "k", displayName: "Key", strategyType: "key_auth", keyAuth: { ttl: { value: 0, unit: "days" } } },
      [{ property: "keyAuth.ttl.value", reason: "must be at least 1" }],
    ],
    [
      "whitespace-only strategy name",
      oidc({ name: "  " }),
      [{ property: "name", reason: "must not be only whitespace" }],
    ],
    [
      "whitespace-only displayName",
      oidc({ displayName: "   " }),
      [{ property: "displayName", reason: "must not be only whitespace" }],
    ],
    [
      "strategy name with a NUL",
      oidc({ name: "s\u0000" }),
      [{ property: "name", reason: "must not contain control characters (such as NUL, tab or a line break)" }],
    ],
    [
      "labels in additionalProperties",
      oidc({ openidConnect: { ...(oidc().openidConnect as object), additionalProperties: { labels: { a: "b" } } } }),
      [
        {
          property: "openidConnect.additionalProperties.labels",
          reason:
            '"labels" is a field of the auth strategy itself, not an OpenID Connect plugin option (Konnect rejects it here); set it on the strategy',
        },
      ],
    ],
    [
      "every other top-level wire field in additionalProperties",
      oidc({
        openidConnect: {
          ...(oidc().openidConnect as object),
          additionalProperties: {
            name: "n",
            display_name: "d",
            strategy_type: "key_auth",
            dcr_provider_id: DCR_ID,
            principals: { enabled: true },
            configs: {},
            cache_tokens: false,
          },
        },
      }),
      ["name", "display_name", "strategy_type", "dcr_provider_id", "principals", "configs"].map((key) => ({
        property: `openidConnect.additionalProperties.${key}`,
        reason: `"${key}" is a field of the auth strategy itself, not an OpenID Connect plugin option (Konnect rejects it here); set it on the strategy`,
      })),
    ],
    [
      "__proto__ in additionalProperties",
      oidc({
        openidConnect: {
          ...(oidc().openidConnect as object),
          additionalProperties: JSON.parse('{"__proto__":{"x":1},"cache_tokens":false}') as Record<string, unknown>,
        },
      }),
      [
        {
          property: "openidConnect.additionalProperties.__proto__",
          reason:
            'the key "__proto__" is not allowed: JavaScript objects drop it on the way to Konnect, so it would show as a change on every preview',
        },
      ],
    ],
    [
      "__proto__ nested inside additionalProperties",
      oidc({
        openidConnect: {
          ...(oidc().openidConnect as object),
          additionalProperties: JSON.parse('{"session":{"cookie":[{"__proto__":""}]}}') as Record<string, unknown>,
        },
      }),
      [
        {
          property: "openidConnect.additionalProperties.session.cookie[0].__proto__",
          reason:
            'the key "__proto__" is not allowed: JavaScript objects drop it on the way to Konnect, so it would show as a change on every preview',
        },
      ],
    ],
    [
      "additionalProperties nested past the bound",
      oidc({ openidConnect: { ...(oidc().openidConnect as object), additionalProperties: nested(100_000) } }),
      [
        {
          property: "openidConnect.additionalProperties.a.a.…",
          reason: "nested more than 32 levels deep; values may nest at most 32 levels",
        },
      ],
    ],
    [
      "principals not boolean",
      oidc({ principals: { enabled: "yes" } }),
      [{ property: "principals.enabled", reason: "must be true or false" }],
    ],
  ];

  it.each(cases)("%s", async (_name, news, expected) => {
    expect(await strategyFailures(news)).toEqual(expected);
  });
});

describe("check: good inputs and normalization", () => {
  it("accepts the Azure DCR provider and strips the issuer's trailing slash", async () => {
    const result = await providers.dcrProvider.check!(
      {} as never,
      azure({ issuer: `https://sts.windows.net/${TENANT}/` }) as never,
    );
    expect(result.failures).toEqual([]);
    expect((result.inputs as unknown as Record<string, unknown>).issuer).toBe(`https://sts.windows.net/${TENANT}`);
  });

  it("accepts every provider type with its own fields", async () => {
    const valid: Record<string, unknown>[] = [
      azure(),
      {
        name: "o",
        providerType: "okta",
        issuer: "https://x.okta.com/oauth2/default",
        dcrConfig: { dcrToken: "okta-api-token" },
      },
      {
        name: "a",
        providerType: "auth0",
        issuer: "https://t.us.auth0.com",
        dcrConfig: {
          initialClientId: "abc",
          initialClientSecret: "s3cr3t-value",
          initialClientAudience: "https://t.us.auth0.com/api/v2/",
          useDeveloperManagedScopes: true,
        },
      },
      {
        name: "c",
        providerType: "curity",
        issuer: "https://c.example.com/oauth/v2/oauth-anonymous",
        dcrConfig: { initialClientId: "abc", initialClientSecret: "s3cr3t-value" },
      },
      {
        name: "h",
        providerType: "http",
        issuer: "https://idp.example.com",
        dcrConfig: {
          dcrBaseUrl: "https://dcr.example.com/v1",
          apiKey: "abcdefghijkl_1",
          disableEventHooks: true,
          disableRefreshSecret: false,
          allowMultipleCredentials: true,
        },
      },
      { name: "k", providerType: "kongIdentity", issuer: "https://x.us.identity.konghq.com/auth" },
    ];
    for (const news of valid) expect(await dcrFailures(news)).toEqual([]);
  });

  it("accepts both strategy types", async () => {
    expect(await strategyFailures(oidc())).toEqual([]);
    expect(
      await strategyFailures(
        oidc({ openidConnect: { ...(oidc().openidConnect as object), additionalProperties: { cache_tokens: false } } }),
      ),
    ).toEqual([]);
    expect(
      await strategyFailures({
        name: "k",
        displayName: "Key",
        strategyType: "key_auth",
        keyAuth: { keyNames: ["apikey"], ttl: { value: 30, unit: "days" } },
      }),
    ).toEqual([]);
  });

  it("accepts unknown values during preview and checks what is known", async () => {
    expect(await dcrFailures(azure({ dcrConfig: { initialClientId: UNKNOWN, initialClientSecret: UNKNOWN } }))).toEqual(
      [],
    );
    expect(await dcrFailures(azure({ issuer: UNKNOWN, labels: UNKNOWN }))).toEqual([]);
    expect(await strategyFailures(oidc({ dcrProviderId: UNKNOWN }))).toEqual([]);
    expect(
      await dcrFailures(azure({ name: "", dcrConfig: { initialClientId: UNKNOWN, initialClientSecret: UNKNOWN } })),
    ).toEqual([{ property: "name", reason: "must not be empty" }]);
  });

  it("accepts additionalProperties nested within the bound, and diff compares extremely deep values without a RangeError", async () => {
    const within = oidc({ openidConnect: { ...(oidc().openidConnect as object), additionalProperties: nested(25) } });
    expect(await strategyFailures(within)).toEqual([]);
    // A state written before the bound (or by hand) may hold deeper values: diff must still answer.
    const deep = (levels: number) =>
      oidc({ openidConnect: { ...(oidc().openidConnect as object), additionalProperties: nested(levels) } });
    const olds = { ...deep(100_000), active: false, createdAt: "t", updatedAt: "t" };
    const same = await providers.authStrategy.diff!(DCR_ID, olds as never, deep(100_000) as never);
    expect(same).toMatchObject({ changes: false });
    const other = await providers.authStrategy.diff!(DCR_ID, olds as never, deep(100_001) as never);
    expect(other).toMatchObject({ changes: true, replaces: [] });
  });

  it("keeps the provider code and passes strings with unicode through exactly", async () => {
    const news = azure({ name: "Azure DCR – Größe ✓ <script>", __provider: "code" });
    const result = await providers.dcrProvider.check!({} as never, news as never);
    expect(result.failures).toEqual([]);
    expect(result.inputs).toMatchObject({ name: "Azure DCR – Größe ✓ <script>", __provider: "code" });
  });
});
