/** Connection resolution: regions, server URL override, token sources, and what is refused. */
import { KonnectConfigError, resolveConnection, settingsFromStackConfig } from "../../provider/konnect";

const token = "kpat_abc";
const RANGE = (setting: string, got: string) =>
  `${setting}: expected a number of seconds from 0.001 to 86400, got "${got}"`;

describe("resolveConnection", () => {
  it.each([
    [{}, undefined, "https://us.api.konghq.com", "us"],
    [{ region: "eu" }, undefined, "https://eu.api.konghq.com", "eu"],
    [{ region: "eu" }, "sg", "https://sg.api.konghq.com", "sg"],
    [{ serverUrl: "https://proxy.example.com/konnect/" }, "au", "https://proxy.example.com/konnect", "au"],
    [{ serverUrl: "http://127.0.0.1:8080/{region}" }, "me", "http://127.0.0.1:8080/me", "me"],
    [{ serverUrl: "http://localhost:8080" }, undefined, "http://localhost:8080", "us"],
    [{ serverUrl: "http://[::1]:8080" }, "in", "http://[::1]:8080", "in"],
    [{ serverUrl: "http://127.1.2.3:8080" }, undefined, "http://127.1.2.3:8080", "us"],
    [{ serverUrl: "https://{region}.proxy.example.com/{region}/" }, "eu", "https://eu.proxy.example.com/eu", "eu"],
  ])("stack %j with resource region %s → %s", (stack, resourceRegion, baseUrl, region) => {
    const connection = resolveConnection({ stack: { token, ...stack }, resourceRegion });
    expect(connection).toMatchObject({ baseUrl, region, token });
  });

  it("prefers stack config over the environment, and KONNECT_TOKEN over KONNECT_SPAT", () => {
    expect(resolveConnection({ stack: { token: "kpat_stack" }, env: { KONNECT_TOKEN: "kpat_env" } }).token).toBe(
      "kpat_stack",
    );
    expect(resolveConnection({ env: { KONNECT_TOKEN: "kpat_env", KONNECT_SPAT: "spat_env" } }).token).toBe("kpat_env");
    expect(resolveConnection({ env: { KONNECT_SPAT: "spat_env" } }).token).toBe("spat_env");
    expect(resolveConnection({ env: { KONNECT_SPAT: "spat_env", KONNECT_REGION: "eu" } }).baseUrl).toBe(
      "https://eu.api.konghq.com",
    );
  });

  it("reads the verification time limit, with a 30 s default", () => {
    expect(resolveConnection({ stack: { token } }).verifyTimeoutMs).toBe(30_000);
    expect(resolveConnection({ stack: { token, verifyTimeoutSeconds: "90" } }).verifyTimeoutMs).toBe(90_000);
    expect(
      resolveConnection({ env: { KONNECT_TOKEN: token, KONNECT_VERIFY_TIMEOUT_SECONDS: "5" } }).verifyTimeoutMs,
    ).toBe(5_000);
    const config = { get: (k: string) => ({ "konnect:token": token, "konnect:verifyTimeoutSeconds": "45" })[k] };
    expect(resolveConnection({ stack: settingsFromStackConfig(config) }).verifyTimeoutMs).toBe(45_000);
  });

  it("accepts time settings across the stated range, to the millisecond", () => {
    const limits = (requestTimeoutSeconds: string | number) => {
      const c = resolveConnection({
        stack: { token, requestTimeoutSeconds, retryBudgetSeconds: requestTimeoutSeconds },
      });
      return [c.requestTimeoutMs, c.retryBudgetMs];
    };
    expect(limits(0.001)).toEqual([1, 1]);
    expect(limits("0.0015")).toEqual([2, 2]);
    expect(limits("2")).toEqual([2000, 2000]);
    expect(limits(86400)).toEqual([86_400_000, 86_400_000]);
  });

  it("reads the bridged provider's config key names too", () => {
    const config = {
      get: (k: string) => ({ "konnect:personalAccessToken": "kpat_bridged", "konnect:region": "au" })[k],
    };
    expect(settingsFromStackConfig(config)).toEqual({ token: "kpat_bridged", region: "au" });
  });

  it.each([
    [
      { serverUrl: "http://konnect.example.com" },
      "konnect:serverUrl: only https:// URLs are allowed (plain http:// only for loopback addresses such as 127.0.0.1), got http://konnect.example.com",
    ],
    [
      { serverUrl: "http://10.0.0.5:8080" },
      "konnect:serverUrl: only https:// URLs are allowed (plain http:// only for loopback addresses such as 127.0.0.1), got http://10.0.0.5:8080",
    ],
    [
      { serverUrl: "https://user:pw@konnect.example.com" },
      "konnect:serverUrl: the URL must not contain credentials; set the token separately",
    ],
    [
      { serverUrl: "https://konnect.example.com?x=1" },
      "konnect:serverUrl: the URL must not contain a query or fragment",
    ],
    [
      { serverUrl: "not a url" },
      'konnect:serverUrl: "not a url" is not a URL; expected e.g. https://eu.api.konghq.com',
    ],
    [{ region: "asia" }, 'konnect:region: unknown Konnect region "asia"; expected one of us, eu, au, me, in, sg'],
    [{ requestTimeoutSeconds: "soon" }, RANGE("requestTimeoutSeconds", "soon")],
    // Past Node's timer limit (2^31 - 1 ms) a timer fires after 1 ms; below 1 ms the limit would round to none.
    [{ requestTimeoutSeconds: 99999999 }, RANGE("requestTimeoutSeconds", "99999999")],
    [{ requestTimeoutSeconds: "0.0001" }, RANGE("requestTimeoutSeconds", "0.0001")],
    [{ requestTimeoutSeconds: 0 }, RANGE("requestTimeoutSeconds", "0")],
    [{ requestTimeoutSeconds: "" }, RANGE("requestTimeoutSeconds", "")],
    [{ requestTimeoutSeconds: "Infinity" }, RANGE("requestTimeoutSeconds", "Infinity")],
    [{ retryBudgetSeconds: 86401 }, RANGE("retryBudgetSeconds", "86401")],
    [{ retryBudgetSeconds: -1 }, RANGE("retryBudgetSeconds", "-1")],
    [{ verifyTimeoutSeconds: "1e9" }, RANGE("verifyTimeoutSeconds", "1e9")],
    [{ verifyTimeoutSeconds: 0.0004 }, RANGE("verifyTimeoutSeconds", "0.0004")],
  ])("refuses %j", (stack, message) => {
    expect(() => resolveConnection({ stack: { token, ...stack } })).toThrow(new KonnectConfigError(message));
  });

  it("says where to set a missing token", () => {
    expect(() => resolveConnection({ env: {} })).toThrow(
      "No Konnect token: set it with `pulumi config set --secret konnect:token <token>`, or the KONNECT_TOKEN (personal access token) or KONNECT_SPAT (system account token) environment variable",
    );
  });

  it("never puts the token in a configuration error", () => {
    const secret = "kpat_SECRET_VALUE_123";
    for (const stack of [{ serverUrl: "http://example.com" }, { region: "xx" }, { retryBudgetSeconds: -1 }]) {
      try {
        resolveConnection({ stack: { token: secret, ...stack } });
        throw new Error("expected a failure");
      } catch (error) {
        expect((error as Error).message).not.toContain(secret);
      }
    }
  });
});
