/**
 * `check` of the auth strategy: every bad input gets the exact expected failure (property + reason), and good inputs
 * pass (values still unknown during preview: `../dcrProvider/check.test.ts`, which checks both resources).
 */
import { providers } from "../../../provider";
import { DCR_ID, nested, oidc, strategyFailures } from "../unitSupport";

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
});
