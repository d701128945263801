/**
 * `npm run verify` against local stand-ins: success, v2 token, wrong issuer, missing appid, token endpoint errors,
 * gateway 401/403, plus a scan of every byte the tool printed for the secret, the tokens and the Basic credentials.
 */
import { main } from "../../provider/verify/cli";
import { createHttp } from "../../provider/verify/http";
import { startTrickleServer } from "../konnect/trickle";
import { gateway } from "../../tools/standins/cannedGateway";
import { makeJwt } from "../../tools/standins/jwt";
import { startStandIn, type Canned, type StandIn } from "../../tools/standins/standIn";

const TENANT = "3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f";
const OTHER_TENANT = "99999999-aaaa-4bbb-8ccc-dddddddddddd";
const CLIENT_ID = "0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3";
const SECRET = "s3cr3t~Value.With-Special+Chars/=";
const BASIC = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString("base64");
/** The secret as a token endpoint may echo it: form-encoded (as sent), URL-encoded, JSON-escaped. */
const SECRET_ECHOES = [
  new URLSearchParams({ s: SECRET }).toString().slice(2),
  encodeURIComponent(SECRET),
  JSON.stringify(SECRET).slice(1, -1).replace(/\//g, "\\/"),
];

const v1Claims = {
  aud: "https://graph.microsoft.com",
  iss: `https://sts.windows.net/${TENANT}/`,
  ver: "1.0",
  appid: CLIENT_ID,
  tid: TENANT,
};
const V1_TOKEN = makeJwt(v1Claims);
const V2_TOKEN = makeJwt({
  aud: "api://x",
  iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
  ver: "2.0",
  azp: CLIENT_ID,
  tid: TENANT,
});
const WRONG_ISSUER_TOKEN = makeJwt({ ...v1Claims, iss: `https://sts.windows.net/${OTHER_TENANT}/` });
const NO_APPID_TOKEN = makeJwt({ ...v1Claims, appid: undefined });
const ALL_TOKENS = [V1_TOKEN, V2_TOKEN, WRONG_ISSUER_TOKEN, NO_APPID_TOKEN];

/** Everything any run printed, scanned at the end. */
const printed: string[] = [];

let tokenAnswer: Canned;
let gatewayRules = { bearer: V1_TOKEN as string | undefined, basic: BASIC as string | undefined, rejectStatus: 401 };
let login: StandIn;
let gw: StandIn;

beforeAll(async () => {
  login = await startStandIn(() => tokenAnswer);
  gw = await startStandIn(gateway(() => gatewayRules));
});

afterAll(async () => {
  await login.close();
  await gw.close();
});

beforeEach(() => {
  tokenAnswer = { status: 200, body: { token_type: "Bearer", expires_in: "3599", access_token: V1_TOKEN } };
  gatewayRules = { bearer: V1_TOKEN, basic: BASIC, rejectStatus: 401 };
  login.requests.length = 0;
  gw.requests.length = 0;
});

/** Runs the CLI in-process with the stand-ins and captures its output. */
async function run(extra: string[] = [], env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    ["--tenant", TENANT, "--route", `${gw.url}/orders?apikey=q`, "--login-url", login.url, ...extra],
    {
      env: { DCR_CLIENT_ID: CLIENT_ID, DCR_CLIENT_SECRET: SECRET, ...env },
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      stdin: {
        isTTY: false,
        on: () => undefined,
        removeListener: () => undefined,
        resume: () => undefined,
        pause: () => undefined,
      },
      http: createHttp(),
    },
  );
  printed.push(stdout, stderr);
  return { code, stdout, stderr };
}

const route = () => `${gw.url}/orders`;

describe("npm run verify", () => {
  it("passes end to end and sends exactly what Kong's guide sends", async () => {
    const { code, stdout, stderr } = await run();
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toBe(
      [
        `Checking Dev Portal application ${CLIENT_ID} in tenant ${TENANT} against ${route()}`,
        "",
        "PASS  Token from the Azure v1 endpoint (client credentials)",
        `      POST ${login.url}/${TENANT}/oauth2/token returned an access token.`,
        'PASS  Token version is v1 (claim ver = "1.0")',
        '      ver is "1.0".',
        "PASS  Issuer is the v1 issuer https://sts.windows.net/<tenant>",
        `      iss is "https://sts.windows.net/${TENANT}/"; the DCR provider and auth strategy issuer is https://sts.windows.net/${TENANT} (no trailing slash).`,
        "PASS  Claim appid equals the client id (credential claim of the auth strategy)",
        "      appid matches the client id.",
        "PASS  Gateway accepts the bearer token",
        `      ${route()} answered HTTP 200.`,
        "PASS  Gateway accepts the client id and secret (Basic)",
        `      ${route()} answered HTTP 200.`,
        "",
        "All 6 checks passed: the application can call the API through Konnect DCR.",
        "",
      ].join("\n"),
    );
    expect(login.requests).toHaveLength(1);
    expect(login.requests[0]!.method).toBe("POST");
    expect(login.requests[0]!.path).toBe(`/${TENANT}/oauth2/token`);
    expect(Object.fromEntries(new URLSearchParams(login.requests[0]!.body))).toEqual({
      grant_type: "client_credentials",
      client_id: CLIENT_ID,
      client_secret: SECRET,
      resource: "https://graph.microsoft.com",
    });
    expect(gw.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ["GET", "/orders?apikey=q", `Bearer ${V1_TOKEN}`],
      ["GET", "/orders?apikey=q", `Basic ${BASIC}`],
    ]);
  });

  it("uses --resource and --method", async () => {
    const { code } = await run(["--resource", "api://orders", "--method", "post"]);
    expect(code).toBe(0);
    expect(new URLSearchParams(login.requests[0]!.body).get("resource")).toBe("api://orders");
    expect(gw.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });

  it("fails a v2 token with the fix", async () => {
    tokenAnswer = { status: 200, body: { access_token: V2_TOKEN } };
    gatewayRules = { ...gatewayRules, bearer: undefined };
    const { code, stdout } = await run();
    expect(code).toBe(1);
    expect(stdout).toContain(
      [
        'FAIL  Token version is v1 (claim ver = "1.0")',
        '      ver is "2.0": Konnect DCR accepts Azure v1 tokens only.',
        "      What to do: The resource decides the token version: set api.requestedAccessTokenVersion = 1 (accessTokenAcceptedVersion) on the application behind --resource, or use --resource https://graph.microsoft.com; request tokens from /oauth2/token, not /oauth2/v2.0/token.",
        "FAIL  Issuer is the v1 issuer https://sts.windows.net/<tenant>",
        `      iss is "https://login.microsoftonline.com/${TENANT}/v2.0", not https://sts.windows.net/<tenant GUID>.`,
      ].join("\n"),
    );
    expect(stdout).toContain(
      [
        "FAIL  Claim appid equals the client id (credential claim of the auth strategy)",
        "      the token has no appid claim (it has azp, the v2 claim).",
      ].join("\n"),
    );
    expect(stdout).toContain("FAIL  Gateway accepts the bearer token\n");
    expect(stdout).toContain("PASS  Gateway accepts the client id and secret (Basic)\n");
    expect(stdout).toContain("4 of 6 checks failed (2 passed, 0 skipped).");
  });

  it("fails a token from another tenant", async () => {
    tokenAnswer = { status: 200, body: { access_token: WRONG_ISSUER_TOKEN } };
    gatewayRules = { ...gatewayRules, bearer: WRONG_ISSUER_TOKEN };
    const { code, stdout } = await run();
    expect(code).toBe(1);
    expect(stdout).toContain(
      [
        "FAIL  Issuer is the v1 issuer https://sts.windows.net/<tenant>",
        `      iss is "https://sts.windows.net/${OTHER_TENANT}/", from tenant ${OTHER_TENANT}, not ${TENANT}.`,
        `      What to do: Use the tenant the application lives in; the DCR provider's issuer must then be https://sts.windows.net/${OTHER_TENANT}.`,
      ].join("\n"),
    );
    expect(stdout).toContain("1 of 6 checks failed (5 passed, 0 skipped).");
  });

  it("fails a token without appid", async () => {
    tokenAnswer = { status: 200, body: { access_token: NO_APPID_TOKEN } };
    gatewayRules = { ...gatewayRules, bearer: NO_APPID_TOKEN };
    const { code, stdout } = await run();
    expect(code).toBe(1);
    expect(stdout).toContain(
      [
        "FAIL  Claim appid equals the client id (credential claim of the auth strategy)",
        "      the token has no appid claim.",
        '      What to do: appid exists in v1 tokens only: get a v1 token (see the version check) and keep credentialClaim ["appid"] on the auth strategy.',
      ].join("\n"),
    );
  });

  it("reports 400 invalid_client from the token endpoint and still tries Basic", async () => {
    tokenAnswer = {
      status: 400,
      body: {
        error: "invalid_client",
        error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${CLIENT_ID}'.\r\nTrace ID: 1\r\nCorrelation ID: 2`,
        error_codes: [7000215],
      },
    };
    gatewayRules = { ...gatewayRules, basic: undefined };
    const { code, stdout } = await run();
    expect(code).toBe(1);
    expect(stdout.split("\n").slice(2)).toEqual([
      "FAIL  Token from the Azure v1 endpoint (client credentials)",
      `      POST ${login.url}/${TENANT}/oauth2/token failed with HTTP 400: invalid_client: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${CLIENT_ID}'.`,
      "      What to do: The client secret is wrong or expired: copy the secret Konnect showed when the application was created (shown once), or create a new credential in the Dev Portal.",
      'SKIP  Token version is v1 (claim ver = "1.0")',
      "      not checked: no access token.",
      "SKIP  Issuer is the v1 issuer https://sts.windows.net/<tenant>",
      "      not checked: no access token.",
      "SKIP  Claim appid equals the client id (credential claim of the auth strategy)",
      "      not checked: no access token.",
      "SKIP  Gateway accepts the bearer token",
      "      not checked: no access token.",
      "FAIL  Gateway accepts the client id and secret (Basic)",
      `      ${route()} answered HTTP 401 (WWW-Authenticate: Bearer realm="kong", error="invalid_token").`,
      '      What to do: The gateway did not accept the credentials: check that the auth strategy is applied to the API publication (auth_strategy_ids), that its issuer is https://sts.windows.net/<tenant GUID> and credentialClaim ["appid"], and that the route belongs to that API. For Basic, the strategy\'s authMethods must include "client_credentials".',
      "",
      "2 of 6 checks failed (0 passed, 4 skipped).",
      "",
    ]);
    expect(gw.requests.map((r) => r.headers.authorization)).toEqual([`Basic ${BASIC}`]);
  });

  it("reports an unknown application and a non-JSON token error", async () => {
    tokenAnswer = {
      status: 400,
      body: { error: "unauthorized_client", error_description: "AADSTS700016: Application not found." },
    };
    let { stdout } = await run();
    expect(stdout).toContain(
      "      What to do: No application with this client id in this tenant: check --tenant and the client id of the Dev Portal application (Konnect registers it in the tenant of the DCR provider's issuer).",
    );
    tokenAnswer = { status: 502, body: "<html>bad gateway</html>" };
    ({ stdout } = await run());
    expect(stdout).toContain(`      POST ${login.url}/${TENANT}/oauth2/token failed with HTTP 502: HTTP 502\n`);
  });

  it("redacts the secret a token endpoint echoes form-encoded, URL-encoded or JSON-escaped", async () => {
    tokenAnswer = {
      status: 400,
      body: {
        error: "invalid_request",
        error_description: `AADSTS900144: could not parse client_id=${CLIENT_ID}&client_secret=${SECRET_ECHOES[0]!} (raw ${SECRET_ECHOES[1]!}, json "${SECRET_ECHOES[2]!}")`,
      },
    };
    const { code, stdout } = await run();
    expect(code).toBe(1);
    expect(stdout).toContain(
      `failed with HTTP 400: invalid_request: AADSTS900144: could not parse client_id=${CLIENT_ID}&client_secret=[secret] (raw [secret], json "[secret]")\n`,
    );
    for (const echo of [SECRET, ...SECRET_ECHOES]) expect(stdout).not.toContain(echo);
  });

  it("ends a token answer that trickles a byte every 500 ms at --timeout and goes on with the next check", async () => {
    const trickle = await startTrickleServer({ intervalMs: 500 });
    try {
      const started = Date.now();
      const { code, stdout } = await run(["--login-url", trickle.url, "--timeout", "1"]);
      const elapsed = Date.now() - started;
      expect(code).toBe(1);
      const host = new URL(trickle.url).host;
      expect(stdout.split("\n").slice(2, 5)).toEqual([
        "FAIL  Token from the Azure v1 endpoint (client credentials)",
        `      POST ${trickle.url}/${TENANT}/oauth2/token failed: no complete answer from ${host} within 1 s (--timeout)`,
        "      What to do: Check the network path to the login host (proxy, DNS, firewall) and --login-url.",
      ]);
      expect(stdout).toContain("PASS  Gateway accepts the client id and secret (Basic)");
      expect(trickle.requests).toEqual([`POST /${TENANT}/oauth2/token`]);
      // A hard limit: the gateway call follows after about 1 s, not after an endless trickle (generous under load).
      expect(elapsed).toBeGreaterThanOrEqual(950);
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      await trickle.close();
    }
  });

  it("reports gateway 401 for the bearer token with the publication hint", async () => {
    gatewayRules = { ...gatewayRules, bearer: undefined, basic: undefined, rejectStatus: 401 };
    const { code, stdout } = await run();
    expect(code).toBe(1);
    expect(stdout).toContain(
      [
        "FAIL  Gateway accepts the bearer token",
        `      ${route()} answered HTTP 401 (WWW-Authenticate: Bearer realm="kong", error="invalid_token").`,
        '      What to do: The gateway did not accept the credentials: check that the auth strategy is applied to the API publication (auth_strategy_ids), that its issuer is https://sts.windows.net/<tenant GUID> and credentialClaim ["appid"], and that the route belongs to that API.',
      ].join("\n"),
    );
  });

  it("reports gateway 403 with the registration hint", async () => {
    gatewayRules = { ...gatewayRules, bearer: undefined, basic: undefined, rejectStatus: 403 };
    const { stdout } = await run();
    expect(stdout).toContain(
      [
        "FAIL  Gateway accepts the bearer token",
        `      ${route()} answered HTTP 403.`,
        "      What to do: Authenticated but not allowed: the application needs an approved registration for this API in the Dev Portal (or an ACL/consumer group rule rejects it).",
      ].join("\n"),
    );
    expect(stdout).toContain("2 of 6 checks failed (4 passed, 0 skipped).");
  });

  it("refuses the secret as a flag, http login URLs off loopback, and a missing secret", async () => {
    let result = await run(["--client-secret", SECRET]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      "The client secret is not accepted on the command line (shell history, ps). Set DCR_CLIENT_SECRET or let the tool prompt for it.",
    );
    result = await run(["--login-url", "http://login.example.com"]);
    expect(result.stderr.split("\n")[0]).toBe(
      "--login-url must use https (http is accepted only for loopback hosts: localhost, 127.0.0.0/8 and ::1).",
    );
    result = await run(["--login-url", `${login.url}/?tenant=x`]);
    expect(result.stderr.split("\n")[0]).toBe(
      "--login-url must not contain a query or fragment: the tool appends /<tenant>/oauth2/token to it.",
    );
    result = await run(["--timeout", "99999999"]);
    expect(result.stderr.split("\n")[0]).toBe("--timeout must be a number of seconds from 0.001 to 86400.");
    result = await run([SECRET]);
    expect(result.stderr.split("\n")[0]).toBe("Unexpected argument without an option name (values are not echoed).");
    result = await run([`--${SECRET}`]);
    expect(result.stderr.split("\n")[0]).toBe("Unknown option (not echoed).");
    result = await run(["--tenat", TENANT]);
    expect(result.stderr.split("\n")[0]).toBe("Unknown option --tenat.");
    result = await run([], { DCR_CLIENT_SECRET: undefined });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("No client secret: set DCR_CLIENT_SECRET or run in a terminal to be asked for it.\n");
    expect(login.requests).toHaveLength(0);
  });

  it("never printed the secret, a token or the Basic credentials", () => {
    const all = printed.join("\n");
    expect(all.length).toBeGreaterThan(1000);
    for (const value of [SECRET, ...SECRET_ECHOES, BASIC, ...ALL_TOKENS, ...ALL_TOKENS.map((t) => t.split(".")[1]!)]) {
      expect(all.includes(value)).toBe(false);
    }
  });
});
