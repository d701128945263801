/**
 * `check` of the DCR provider: every bad input gets the exact expected failure (property + reason), good inputs pass
 * and are normalized, and values still unknown during preview are accepted (that test checks an auth strategy's too).
 */
import { providers } from "../../../provider";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { TENANT } from "../../support/validInputs";
import { CLIENT, azure, dcrFailures, oidc, strategyFailures } from "../unitSupport";

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

  it("keeps the provider code and passes strings with unicode through exactly", async () => {
    const news = azure({ name: "Azure DCR – Größe ✓ <script>", __provider: "code" });
    const result = await providers.dcrProvider.check!({} as never, news as never);
    expect(result.failures).toEqual([]);
    expect(result.inputs).toMatchObject({ name: "Azure DCR – Größe ✓ <script>", __provider: "code" });
  });
});
