/**
 * Finding F5: URLs given to Konnect (a DCR provider's `issuer` and `dcrConfig.dcrBaseUrl`, an OIDC strategy's
 * `openidConnect.issuer`) never carry credentials (`https://user:password@host`: a secret sent to Konnect and kept
 * unmarked in outputs and state), a query or a fragment (Konnect appends paths to them: OpenID discovery to an issuer,
 * the DCR handler's `/{applicationId}…` endpoints to a base URL). Refused by `check` naming the property, by the
 * client's request schemas (a caller that skips `check`), and so by the handlers before any request; no message
 * ever contains the credential.
 */
import fc from "fast-check";
import { providers, type AuthStrategyInputs, type DcrProviderInputs } from "../../../provider";
import {
  createAuthStrategy,
  createAuthStrategyRequestSchema,
  createDcrProvider,
  createDcrProviderRequestSchema,
  formatIssues,
  updateAuthStrategyRequestSchema,
  updateDcrProviderRequestSchema,
  validateServerUrl,
  type CreateAuthStrategyRequest,
} from "../../../provider/konnect";
import {
  CREDENTIALS_REASON,
  URL_CREDENTIALS_REASON,
  URL_QUERY_REASON,
  endpointUrlProblem,
  withoutUserInfo,
} from "../../../provider/konnect/urlRules";
import type { KonnectEmulator } from "../../../tools/emulator/emulator";
import { startClientTestbed, type ClientTestbed } from "../../konnect/support";
import { calls, startProviderTestbed } from "../support";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT = "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5";
const DCR_ID = "8a6b1f3c-2d4e-4f5a-9b6c-7d8e9f0a1b2c";
/** The credential in every bad URL below: it must appear in no message. */
const PASSWORD = "Pa55wordInTheUrl";
const USER = "dcrAdminUserName";

/** URL forms that carry a credential, built around `host` (scheme, host and path kept). */
function withCredentials(url: string): string[] {
  return [
    url.replace("https://", `https://${USER}:${PASSWORD}@`),
    url.replace("https://", `https://${PASSWORD}@`),
    url.replace("https://", `https://:${PASSWORD}@`),
  ];
}

/** URL forms with a query or fragment. */
function withQueryOrFragment(url: string): string[] {
  return [`${url}?tenant=x`, `${url}#frag`, `${url}?`, `${url}/#`];
}

function okta(overrides: Partial<DcrProviderInputs> = {}): DcrProviderInputs {
  return {
    name: "okta-dcr",
    providerType: "okta",
    issuer: "https://example.okta.com/oauth2/default",
    dcrConfig: { dcrToken: "okta-token-123" },
    ...overrides,
  };
}

function http(dcrBaseUrl: string): DcrProviderInputs {
  return {
    name: "http-dcr",
    providerType: "http",
    issuer: "https://idp.example.com",
    dcrConfig: { dcrBaseUrl, apiKey: "api_key_number_1" },
  };
}

function strategy(issuer: string): AuthStrategyInputs {
  return {
    name: "oidc",
    displayName: "OIDC",
    strategyType: "openid_connect",
    openidConnect: { issuer, credentialClaim: ["appid"], scopes: ["openid"], authMethods: ["bearer"] },
    dcrProviderId: DCR_ID,
  };
}

/** Every failure of a check, and a scan of its reasons for the credential. */
async function failures(resource: "dcrProvider" | "authStrategy", news: object) {
  const result = await providers[resource].check!({} as never, news as never);
  const found = result.failures ?? [];
  for (const failure of found) {
    expect(failure.reason).not.toContain(PASSWORD);
    expect(failure.reason).not.toContain(USER);
  }
  return found;
}

const ISSUER = "https://example.okta.com/oauth2/default";
const BASE_URL = "https://dcr.example.com/v1/dcr";
const AZURE_ISSUER = `https://sts.windows.net/${TENANT}`;

describe("the one URL rule", () => {
  it("finds credentials first, then (for a base URL Konnect appends paths to) a query or fragment; accepts a plain URL and leaves non-URLs to the URL check", () => {
    for (const base of [true, false]) {
      const reason = base ? URL_CREDENTIALS_REASON : CREDENTIALS_REASON;
      for (const url of withCredentials(ISSUER)) expect(endpointUrlProblem(url, base)).toBe(reason);
      expect(endpointUrlProblem(`${withCredentials(ISSUER)[0]!}?a=1`, base)).toBe(reason);
      expect(endpointUrlProblem(ISSUER, base)).toBeUndefined();
      expect(endpointUrlProblem("https://@example.com/empty-userinfo", base)).toBeUndefined();
      expect(endpointUrlProblem("not a url", base)).toBeUndefined();
    }
    for (const url of withQueryOrFragment(ISSUER)) expect(endpointUrlProblem(url, true)).toBe(URL_QUERY_REASON);
    // Not a base (a gateway route, a login URL): a query is part of what is called.
    for (const url of withQueryOrFragment(ISSUER)) expect(endpointUrlProblem(url, false)).toBeUndefined();
    for (const reason of [CREDENTIALS_REASON, URL_CREDENTIALS_REASON, URL_QUERY_REASON]) {
      expect(reason).not.toContain(PASSWORD);
    }
  });

  it("is the rule konnect:serverUrl uses, whose messages do not echo a credential either", () => {
    expect(() => validateServerUrl(`https://${USER}:${PASSWORD}@eu.api.konghq.com`, "konnect:serverUrl")).toThrow(
      "konnect:serverUrl: the URL must not contain credentials; set the token separately",
    );
    // A URL that does not parse is shown, without what sits before the host's @.
    let message = "";
    try {
      validateServerUrl(`https://${USER}:${PASSWORD}@eu.api.konghq.com:99999`, "konnect:serverUrl");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'konnect:serverUrl: "https://…@eu.api.konghq.com:99999" is not a URL; expected e.g. https://eu.api.konghq.com',
    );
    expect(withoutUserInfo(`https://a@b:${PASSWORD}@host/p@q?x=@`)).toBe("https://…@host/p@q?x=@");
  });
});

describe("check refuses credentials, queries and fragments, naming the property", () => {
  it("DcrProvider issuer (okta and azureAd)", async () => {
    for (const issuer of withCredentials(ISSUER)) {
      expect(await failures("dcrProvider", okta({ issuer }))).toEqual([
        { property: "issuer", reason: URL_CREDENTIALS_REASON },
      ]);
    }
    for (const issuer of withCredentials(AZURE_ISSUER)) {
      const azure = okta({
        providerType: "azureAd",
        issuer,
        dcrConfig: { initialClientId: CLIENT, initialClientSecret: "s3cr3t-value" },
      });
      expect(await failures("dcrProvider", azure)).toEqual([{ property: "issuer", reason: URL_CREDENTIALS_REASON }]);
    }
    for (const issuer of withQueryOrFragment(ISSUER)) {
      expect(await failures("dcrProvider", okta({ issuer }))).toEqual([
        { property: "issuer", reason: URL_QUERY_REASON },
      ]);
    }
    expect(await failures("dcrProvider", okta())).toEqual([]);
  });

  it("DcrProvider dcrConfig.dcrBaseUrl", async () => {
    for (const url of withCredentials(BASE_URL)) {
      expect(await failures("dcrProvider", http(url))).toEqual([
        { property: "dcrConfig.dcrBaseUrl", reason: URL_CREDENTIALS_REASON },
      ]);
    }
    for (const url of withQueryOrFragment(BASE_URL)) {
      expect(await failures("dcrProvider", http(url))).toEqual([
        { property: "dcrConfig.dcrBaseUrl", reason: URL_QUERY_REASON },
      ]);
    }
    expect(await failures("dcrProvider", http(BASE_URL))).toEqual([]);
  });

  it("AuthStrategy openidConnect.issuer", async () => {
    for (const issuer of withCredentials(AZURE_ISSUER)) {
      expect(await failures("authStrategy", strategy(issuer))).toEqual([
        { property: "openidConnect.issuer", reason: URL_CREDENTIALS_REASON },
      ]);
    }
    for (const issuer of withQueryOrFragment(AZURE_ISSUER)) {
      expect(await failures("authStrategy", strategy(issuer))).toEqual([
        { property: "openidConnect.issuer", reason: URL_QUERY_REASON },
      ]);
    }
    expect(await failures("authStrategy", strategy(AZURE_ISSUER))).toEqual([]);
  });
});

describe("check, over generated URLs and credentials", () => {
  it("refuses every URL with a user or password on each of the three properties, and never echoes either", async () => {
    const userinfo = fc.record({
      user: fc.stringMatching(/^[A-Za-z0-9._~-]{0,20}$/),
      password: fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=-]{0,20}$/),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.webUrl({ validSchemes: ["https"] }).filter((u) => u.length < 180),
        userinfo.filter(({ user, password }) => user.length + password.length >= 8),
        async (url, { user, password }) => {
          // A replacement function: `$'` and `$&` in a replacement string would be expanded.
          const withUserinfo = (info: string) => url.replace("https://", () => `https://${info}@`);
          const checkAll = async (target: string) =>
            [
              ["issuer", await providers.dcrProvider.check!({} as never, okta({ issuer: target }))],
              ["dcrConfig.dcrBaseUrl", await providers.dcrProvider.check!({} as never, http(target))],
              ["openidConnect.issuer", await providers.authStrategy.check!({} as never, strategy(target))],
            ] as const;
          const results = await checkAll(withUserinfo(`${user}${password ? `:${password}` : ""}`));
          // Never echoed: every failure reads exactly as it does for the same URL with other credentials. (Testing
          // with "does not contain" fails when a generated password happens to be a word of the message, "name".)
          const neutral = await checkAll(withUserinfo("Zq0user:Zq0pass"));
          results.forEach(([property, result], i) => {
            expect(result.failures).toContainEqual({ property, reason: URL_CREDENTIALS_REASON });
            expect(result.failures).toEqual(neutral[i]![1].failures);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("the client's request schemas refuse them too (a caller that skips check)", () => {
  const issues = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) => {
    const parsed = schema.safeParse(value);
    expect(parsed.success).toBe(false);
    const text = formatIssues(parsed.error as never);
    expect(text.join("\n")).not.toContain(PASSWORD);
    return text;
  };
  const [credentialIssuer] = withCredentials(ISSUER);
  const [credentialBase] = withCredentials(BASE_URL);

  it("DCR provider create and update", () => {
    expect(issues(createDcrProviderRequestSchema(), okta({ issuer: credentialIssuer! }))).toEqual([
      `issuer: ${URL_CREDENTIALS_REASON}`,
    ]);
    expect(issues(createDcrProviderRequestSchema(), http(`${BASE_URL}?code=k`))).toEqual([
      `dcrConfig.dcrBaseUrl: ${URL_QUERY_REASON}`,
    ]);
    expect(issues(updateDcrProviderRequestSchema("okta"), { issuer: `${ISSUER}#x` })).toEqual([
      `issuer: ${URL_QUERY_REASON}`,
    ]);
    expect(
      issues(updateDcrProviderRequestSchema("http"), {
        dcrConfig: { dcrBaseUrl: credentialBase!, apiKey: "k".repeat(12) },
      }),
    ).toEqual([`dcrConfig.dcrBaseUrl: ${URL_CREDENTIALS_REASON}`]);
  });

  it("auth strategy create (and PUT) and update", () => {
    const request = strategy(credentialIssuer!) as CreateAuthStrategyRequest;
    expect(issues(createAuthStrategyRequestSchema(), request)).toEqual([
      `openidConnect.issuer: ${URL_CREDENTIALS_REASON}`,
    ]);
    expect(
      issues(updateAuthStrategyRequestSchema("openid_connect"), { openidConnect: { issuer: `${AZURE_ISSUER}?x=1` } }),
    ).toEqual([`openidConnect.issuer: ${URL_QUERY_REASON}`]);
  });

  describe("client calls send nothing", () => {
    let bed: ClientTestbed;
    beforeAll(async () => {
      bed = await startClientTestbed();
    });
    afterAll(() => bed.emulator.close());

    it("createDcrProvider and createAuthStrategy throw before any request, without the credential", async () => {
      const provider = createDcrProvider(bed.transport, okta({ issuer: credentialIssuer! }));
      await expect(provider).rejects.toThrow(`issuer: ${URL_CREDENTIALS_REASON}`);
      const oidc = createAuthStrategy(bed.transport, strategy(credentialIssuer!));
      await expect(oidc).rejects.toThrow(`openidConnect.issuer: ${URL_CREDENTIALS_REASON}`);
      for (const attempt of [provider, oidc]) {
        const message = await attempt.then(
          () => "",
          (error: unknown) => (error as Error).message,
        );
        expect(message).not.toContain(PASSWORD);
      }
      expect(bed.emulator.requestLog()).toEqual([]);
    });
  });
});

describe("through the handlers: nothing reaches Konnect, nothing is kept", () => {
  let emulator: KonnectEmulator;
  beforeAll(async () => {
    emulator = await startProviderTestbed();
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  /** The message of a rejected handler call. */
  async function rejection(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("the call succeeded");
  }

  it("create and update of a DCR provider, and create of a strategy, fail naming the property", async () => {
    const [credentialIssuer] = withCredentials(ISSUER);
    const created = await rejection(providers.dcrProvider.create(okta({ issuer: credentialIssuer! })));
    expect(created).toContain(`issuer: ${URL_CREDENTIALS_REASON}`);
    expect(created).not.toContain(PASSWORD);

    const good = await providers.dcrProvider.create(http(BASE_URL));
    const [credentialBase] = withCredentials(BASE_URL);
    const updated = await rejection(providers.dcrProvider.update!(good.id, good.outs as never, http(credentialBase!)));
    expect(updated).toContain(`dcrConfig.dcrBaseUrl: ${URL_CREDENTIALS_REASON}`);
    expect(updated).not.toContain(PASSWORD);

    const strategyFailure = await rejection(providers.authStrategy.create(strategy(`${AZURE_ISSUER}#fragment`)));
    expect(strategyFailure).toContain(`openidConnect.issuer: ${URL_QUERY_REASON}`);

    // Only the good provider's create reached Konnect (its lookup by creation key, then the POST).
    expect(calls(emulator).filter((call) => !call.startsWith("GET"))).toEqual(["POST /v2/dcr-providers"]);
    expect(JSON.stringify(emulator.list("dcr-providers"))).not.toContain(PASSWORD);
  });
});
