/**
 * `DcrRequestCheck` through its handlers (what the plugin host runs) against local stand-ins for Azure's v1 token
 * endpoint and a gateway route (the scripted ones of tools/standins), with a Konnect emulator the stack points at to prove the
 * check never calls Konnect. Each test names the requests it makes: a pass is 1 token request + 1 gateway request;
 * a new secret that starts working later, or a registration that reaches the gateway later, passes within the time
 * limit (retries on the schedule the test hook sets: 1 ms waits, no sleeping); a gateway that keeps answering 401
 * fails with a readable report and nothing secret in it; refresh and delete make no request. The last part runs
 * against the emulator-backed stand-ins (tools/standins: tokens only for a working IdP secret, the gateway only for an
 * approved, propagated registration): a rotated secret and a registration on its way pass once they work; a revoked
 * registration fails with 403.
 */
import { setRequestCheckSchedule } from "../../../provider/resources/testHooks";
import { handlers } from "../../../provider/resources/runtime";
import type { DcrRequestCheckInputs, DcrRequestCheckOutputs } from "../../../provider/resources/dcrRequestCheck/args";
import type { KonnectEmulator } from "../../../tools/emulator/emulator";
import { SecretScan, expectNoSecrets } from "../../support/secretScan";
import { CLIENT_ID, TENANT } from "../../support/validInputs";
import { gateway, type GatewayRules } from "../../../tools/standins/cannedGateway";
import { makeJwt } from "../../../tools/standins/jwt";
import { startStandIn, type Canned, type StandIn } from "../../../tools/standins/standIn";
import { startAzureTokenEndpoint, type AzureTokenEndpoint } from "../../../tools/standins/azureTokenEndpoint";
import { startEmulatorGateway, type EmulatorGateway, type GatewayRoute } from "../../../tools/standins/emulatorGateway";
import { seedDcrTargets } from "../../../tools/emulator/testSupport";
import { providerLogLines, startProviderTestbed } from "../support";

const SECRET = "request~check.secret+0001/=";
const NEW_SECRET = "request~check.secret+0002/=";
const V1_CLAIMS = {
  aud: "https://graph.microsoft.com",
  iss: `https://sts.windows.net/${TENANT}/`,
  ver: "1.0",
  appid: CLIENT_ID,
  tid: TENANT,
  oid: "5b2e8f1a-0c3d-4e5f-8a9b-0c1d2e3f4a5b",
  exp: 4102444800,
};
const TOKEN = makeJwt(V1_CLAIMS);
const V2_TOKEN = makeJwt({ ...V1_CLAIMS, ver: "2.0", iss: `https://login.microsoftonline.com/${TENANT}/v2.0` });

const check = handlers.dcrRequestCheck;
const scan = new SecretScan();

let emulator: KonnectEmulator;
let login: StandIn;
let gw: StandIn;
/** The token endpoint's answer to each request in turn (the last one repeats). */
let tokenAnswers: Canned[];
let gatewayRules: GatewayRules;
/** Rejections the gateway answers before it applies `gatewayRules` (a registration still on its way). */
let gatewayRejectsFirst: number;

/** Azure's answer to a secret it does not accept yet, echoing the secret as a careless endpoint might. */
const invalidSecret = (secret: string): Canned => ({
  status: 401,
  body: {
    error: "invalid_client",
    error_description: `AADSTS7000215: Invalid client secret provided. Got ${encodeURIComponent(secret)}`,
  },
});
const issued = (token: string): Canned => ({ status: 200, body: { token_type: "Bearer", access_token: token } });

beforeAll(async () => {
  emulator = await startProviderTestbed();
  login = await startStandIn(() => tokenAnswers[Math.min(login.requests.length, tokenAnswers.length) - 1]!);
  gw = await startStandIn((req) =>
    gw.requests.length <= gatewayRejectsFirst
      ? { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } }
      : gateway(() => gatewayRules)(req),
  );
});
afterAll(async () => {
  await login.close();
  await gw.close();
  await emulator.close();
  // Everything a user could see in this file: every error, every log line, every visible output.
  scan.addLines("provider log", providerLogLines);
  expect(scan.expectClean([SECRET, NEW_SECRET, TOKEN, V2_TOKEN])).toBeGreaterThan(0);
});
beforeEach(() => {
  tokenAnswers = [issued(TOKEN)];
  gatewayRules = { bearer: TOKEN, basic: undefined, rejectStatus: 401 };
  gatewayRejectsFirst = 0;
  login.requests.length = 0;
  gw.requests.length = 0;
  emulator.clearRequestLog();
  setRequestCheckSchedule({ attempts: 5, initialDelayMs: 1 });
});
afterEach(() => {
  // The check talks to no Konnect API, although the stack is configured with a Konnect token and server.
  expect(emulator.requestLog()).toEqual([]);
});

const inputs = (overrides: Partial<DcrRequestCheckInputs> = {}): DcrRequestCheckInputs => ({
  tenantId: TENANT,
  clientId: CLIENT_ID,
  clientSecret: SECRET,
  route: `${gw.url}/orders?apikey=q`,
  loginUrl: login.url,
  ...overrides,
});

async function create(declared: DcrRequestCheckInputs) {
  const created = (await check.create(declared)) as { id: string; outs: DcrRequestCheckOutputs };
  scan.addOutputs("create", withoutSecret(created.outs));
  return created;
}

/** Outputs as Pulumi shows them: the secret-marked `clientSecret` left out. */
function withoutSecret(outs: DcrRequestCheckOutputs): Omit<DcrRequestCheckOutputs, "clientSecret"> {
  const { clientSecret: _secret, ...visible } = outs;
  return visible;
}

/** The error a handler call fails with (recorded for the secret scan). */
async function failure(call: Promise<unknown>, label: string): Promise<Error> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (error === undefined) throw new Error(`${label}: expected a failure`);
  scan.addError(label, error);
  return error;
}

const requestsSeen = () => ({
  token: login.requests.map((r) => `${r.method} ${r.path}`),
  gateway: gw.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization === `Bearer ${TOKEN}`}`),
});

describe("create", () => {
  it("passes with 1 token request and 1 gateway request; outputs say what was checked, never the token", async () => {
    const { id, outs } = await create(inputs());
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestsSeen()).toEqual({
      token: [`POST /${TENANT}/oauth2/token`],
      gateway: ["GET /orders?apikey=q true"],
    });
    expect(Object.fromEntries(new URLSearchParams(login.requests[0]!.body))).toEqual({
      grant_type: "client_credentials",
      client_id: CLIENT_ID,
      client_secret: SECRET,
      resource: "https://graph.microsoft.com",
    });
    expect(outs).toEqual({
      ...inputs(),
      checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) as unknown,
      attempts: 1,
      results: [
        {
          title: "Token from the Azure v1 endpoint (client credentials)",
          status: "pass",
          detail: `POST ${login.url}/${TENANT}/oauth2/token returned an access token.`,
        },
        { title: 'Token version is v1 (claim ver = "1.0")', status: "pass", detail: 'ver is "1.0".' },
        {
          title: "Issuer is the v1 issuer https://sts.windows.net/<tenant>",
          status: "pass",
          detail: `iss is "https://sts.windows.net/${TENANT}/"; the DCR provider and auth strategy issuer is https://sts.windows.net/${TENANT} (no trailing slash).`,
        },
        {
          title: "Claim appid equals the client id (credential claim of the auth strategy)",
          status: "pass",
          detail: "appid matches the client id.",
        },
        { title: "Gateway accepts the bearer token", status: "pass", detail: `${gw.url}/orders answered HTTP 200.` },
      ],
      // The claims that are not secret; `oid` and `exp` are not copied.
      claims: {
        ver: "1.0",
        iss: `https://sts.windows.net/${TENANT}/`,
        appid: CLIENT_ID,
        tid: TENANT,
        aud: "https://graph.microsoft.com",
      },
    });
    // The token is in no output, not even next to the secret; the secret only in `clientSecret` (a Pulumi secret).
    expect(expectNoSecrets([JSON.stringify(outs)], [TOKEN, TOKEN.split(".")[1]!])).toBe(2);
    expect(expectNoSecrets([JSON.stringify(withoutSecret(outs))], [SECRET])).toBe(1);
  });

  it("without a route checks the token only: 1 token request, no gateway request", async () => {
    const { outs } = await create(inputs({ route: undefined, method: "POST", resource: "api://orders" }));
    expect(requestsSeen()).toEqual({ token: [`POST /${TENANT}/oauth2/token`], gateway: [] });
    expect(new URLSearchParams(login.requests[0]!.body).get("resource")).toBe("api://orders");
    expect(outs.results.map((r) => r.title)).toEqual([
      "Token from the Azure v1 endpoint (client credentials)",
      'Token version is v1 (claim ver = "1.0")',
      "Issuer is the v1 issuer https://sts.windows.net/<tenant>",
      "Claim appid equals the client id (credential claim of the auth strategy)",
    ]);
  });

  it("a new secret Azure refuses at first passes within the time limit once it works (3 token requests)", async () => {
    tokenAnswers = [invalidSecret(SECRET), invalidSecret(SECRET), issued(TOKEN)];
    const { outs } = await create(inputs());
    expect(outs.attempts).toBe(3);
    expect(requestsSeen()).toEqual({
      token: Array(3).fill(`POST /${TENANT}/oauth2/token`),
      gateway: ["GET /orders?apikey=q true"],
    });
    // Each failed attempt is one log line, the secret Azure echoed redacted.
    const attempts = providerLogLines.filter((l) => l.includes("failed: Token from the Azure v1 endpoint"));
    expect(attempts.slice(-2).map((l) => l.replace(/^.*(attempt \d).*$/, "$1"))).toEqual(["attempt 1", "attempt 2"]);
    expect(attempts.at(-1)).toContain("AADSTS7000215: Invalid client secret provided. Got [secret]");
  });

  it("a registration that reaches the gateway later passes; the token is requested once and reused", async () => {
    gatewayRejectsFirst = 2;
    const { outs } = await create(inputs());
    expect(outs.attempts).toBe(3);
    expect(requestsSeen()).toEqual({
      token: [`POST /${TENANT}/oauth2/token`],
      gateway: Array(3).fill("GET /orders?apikey=q true"),
    });
  });

  it("a gateway that keeps answering 401 fails the up with the report of each check, nothing secret in it", async () => {
    gatewayRules = { bearer: undefined, basic: undefined, rejectStatus: 401 };
    const error = await failure(check.create(inputs()), "gateway 401");
    // The schedule's 5 attempts: the token once, the gateway each time.
    expect(requestsSeen().token).toHaveLength(1);
    expect(requestsSeen().gateway).toHaveLength(5);
    const [first, ...report] = error.message.split("\n");
    expect(first).toMatch(
      new RegExp(
        `^request check of client ${CLIENT_ID} in tenant ${TENANT} failed after 5 attempts in \\d+ s ` +
          "\\(time limit 120 s\\)\\. The last attempt:$",
      ),
    );
    expect(report).toEqual([
      "PASS  Token from the Azure v1 endpoint (client credentials)",
      `      POST ${login.url}/${TENANT}/oauth2/token returned an access token.`,
      'PASS  Token version is v1 (claim ver = "1.0")',
      '      ver is "1.0".',
      "PASS  Issuer is the v1 issuer https://sts.windows.net/<tenant>",
      `      iss is "https://sts.windows.net/${TENANT}/"; the DCR provider and auth strategy issuer is https://sts.windows.net/${TENANT} (no trailing slash).`,
      "PASS  Claim appid equals the client id (credential claim of the auth strategy)",
      "      appid matches the client id.",
      "FAIL  Gateway accepts the bearer token",
      `      ${gw.url}/orders answered HTTP 401 (WWW-Authenticate: Bearer realm="kong", error="invalid_token").`,
      '      What to do: The gateway did not accept the credentials: check that the auth strategy is applied to the API publication (auth_strategy_ids), that its issuer is https://sts.windows.net/<tenant GUID> and credentialClaim ["appid"], and that the route belongs to that API.',
      "",
      "1 of 5 checks failed (4 passed, 0 skipped).",
    ]);
  });

  it("a secret Azure never accepts fails with Azure's reason redacted and the fix", async () => {
    tokenAnswers = [invalidSecret(SECRET)];
    const error = await failure(check.create(inputs()), "wrong secret");
    expect(requestsSeen()).toEqual({ token: Array(5).fill(`POST /${TENANT}/oauth2/token`), gateway: [] });
    expect(error.message).toContain(
      "FAIL  Token from the Azure v1 endpoint (client credentials)\n" +
        `      POST ${login.url}/${TENANT}/oauth2/token failed with HTTP 401: invalid_client: AADSTS7000215: Invalid client secret provided. Got [secret]\n` +
        "      What to do: The client secret is wrong or expired",
    );
    expect(error.message).toContain("SKIP  Gateway accepts the bearer token\n      not checked: no access token.");
  });

  it("a token with wrong claims (v2) fails at once: retrying cannot change them", async () => {
    tokenAnswers = [issued(V2_TOKEN)];
    gatewayRules = { bearer: V2_TOKEN, basic: undefined, rejectStatus: 401 };
    const error = await failure(check.create(inputs()), "v2 token");
    expect(requestsSeen().token).toHaveLength(1);
    expect(requestsSeen().gateway).toHaveLength(1);
    expect(error.message).toMatch(/failed after 1 attempt in \d+ s \(not retried: the token's claims do not change/);
    expect(error.message).toContain('FAIL  Token version is v1 (claim ver = "1.0")');
  });

  it("starts no retry whose wait would end after timeoutSeconds", async () => {
    setRequestCheckSchedule({ attempts: 5, initialDelayMs: 2000 });
    gatewayRules = { bearer: undefined, basic: undefined, rejectStatus: 403 };
    const error = await failure(check.create(inputs({ timeoutSeconds: 1 })), "time limit");
    expect(requestsSeen().gateway).toHaveLength(1);
    expect(error.message).toMatch(/failed after 1 attempt in \d+ s \(time limit 1 s\)/);
    expect(error.message).toContain("answered HTTP 403");
  });
});

describe("update, refresh, delete", () => {
  let outs: DcrRequestCheckOutputs;
  let id: string;
  beforeEach(async () => {
    ({ id, outs } = await create(inputs({ triggers: { version: 1 } })));
    login.requests.length = 0;
    gw.requests.length = 0;
  });

  it("a triggers change re-runs the check: 1 token request + 1 gateway request, new outputs", async () => {
    const news = inputs({ triggers: { version: 2 } });
    expect(await check.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    const updated = (await check.update(id, outs, news)).outs as DcrRequestCheckOutputs;
    expect(requestsSeen()).toEqual({
      token: [`POST /${TENANT}/oauth2/token`],
      gateway: ["GET /orders?apikey=q true"],
    });
    expect(updated).toMatchObject({ triggers: { version: 2 }, attempts: 1 });
    expect(Date.parse(updated.checkedAt)).toBeGreaterThanOrEqual(Date.parse(outs.checkedAt));
    scan.addOutputs("update", withoutSecret(updated));
  });

  it("a rotated secret re-runs the check with the new secret", async () => {
    const news = inputs({ clientSecret: NEW_SECRET, triggers: { version: 1 } });
    expect(await check.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    const updated = (await check.update(id, outs, news)).outs as DcrRequestCheckOutputs;
    expect(new URLSearchParams(login.requests[0]!.body).get("client_secret")).toBe(NEW_SECRET);
    expect(updated.clientSecret).toBe(NEW_SECRET);
  });

  it("an update that fails throws the report (the engine keeps the prior state)", async () => {
    gatewayRules = { bearer: undefined, basic: undefined, rejectStatus: 401 };
    const error = await failure(check.update(id, outs, inputs({ triggers: { version: 3 } })), "update 401");
    expect(error.message).toContain("FAIL  Gateway accepts the bearer token");
  });

  it("refresh makes no request and changes nothing", async () => {
    const read = await check.read(id, outs);
    expect(read).toEqual({ id, props: outs, inputs: inputs({ triggers: { version: 1 } }) });
    expect(requestsSeen()).toEqual({ token: [], gateway: [] });
  });

  it("delete makes no request", async () => {
    await check.delete(id, outs);
    expect(requestsSeen()).toEqual({ token: [], gateway: [] });
    expect(providerLogLines.at(-1)).toBe(
      `konnect: forgetting request check of client ${CLIENT_ID} in tenant ${TENANT}: nothing outside Pulumi to delete`,
    );
  });
});

describe("against the emulator-backed stand-ins: a DCR application with a registration in the emulator", () => {
  const APP_SECRET = "Qx7~dcr-application.secret_0001";
  const ROTATED = "Qx7~dcr-application.secret_0002";
  let azure: AzureTokenEndpoint;
  let gatewayOfKonnect: EmulatorGateway;
  const routes: GatewayRoute[] = [];
  let app: { clientId: string; portalId: string; registrationId: string };

  beforeAll(async () => {
    azure = await startAzureTokenEndpoint({ idp: emulator });
    gatewayOfKonnect = await startEmulatorGateway({ konnect: emulator, tokens: azure, routes });
  });
  afterAll(async () => {
    emulator.setOptions({ idpSecretActivationMs: 0, registrationPropagationMs: 0 });
    await gatewayOfKonnect.close();
    await azure.close();
  });
  beforeEach(() => {
    emulator.reset();
    emulator.setOptions({ idpSecretActivationMs: 0, registrationPropagationMs: 0 });
    const targets = seedDcrTargets(emulator, { tenantId: TENANT, publication: { auto_approve_registrations: true } });
    routes.splice(0, routes.length, { path: "/orders", apiId: targets.apiId });
    const client = emulator.registerIdpClient({
      tenant_id: TENANT,
      owners: [targets.adminClientId],
      secret: APP_SECRET,
    });
    const application = emulator.seedApplication(targets.portalId, {
      name: "Orders client",
      auth_strategy_id: targets.strategyId,
      owner: { type: "team", id: targets.teamId },
      dcr_client_id: client.client_id,
    });
    const registration = emulator.seedRegistration(targets.portalId, application.id, { api_id: targets.apiId });
    app = { clientId: client.client_id, portalId: targets.portalId, registrationId: registration.id };
    azure.requests.length = 0;
    gatewayOfKonnect.requests.length = 0;
  });
  afterEach(() => {
    // The stand-ins ask the emulator in process: no Konnect API request either.
    expect(emulator.requestLog()).toEqual([]);
  });

  const flowInputs = (secret = APP_SECRET): DcrRequestCheckInputs => ({
    tenantId: TENANT,
    clientId: app.clientId,
    clientSecret: secret,
    route: `${gatewayOfKonnect.url}/orders`,
    loginUrl: azure.loginUrl,
  });
  const statuses = () => ({
    token: azure.requests.map((r) => r.status),
    gateway: gatewayOfKonnect.requests.map((r) => r.status),
  });

  it("an approved registration passes: 1 token request, 1 gateway request, the token's claims in outputs", async () => {
    const { outs } = await create(flowInputs());
    expect(statuses()).toEqual({ token: [200], gateway: [200] });
    expect(outs.claims).toEqual({
      ver: "1.0",
      iss: `https://sts.windows.net/${TENANT}/`,
      appid: app.clientId,
      tid: TENANT,
      aud: "https://graph.microsoft.com",
    });
  });

  it("a rotated secret not usable yet is retried until Azure accepts it, then passes", async () => {
    const { id, outs } = await create(flowInputs());
    azure.requests.length = 0;
    gatewayOfKonnect.requests.length = 0;
    emulator.setOptions({ idpSecretActivationMs: 300 });
    emulator.addIdpClientSecret(app.clientId, ROTATED);
    setRequestCheckSchedule({ attempts: 10, initialDelayMs: 50 });
    const updated = (await check.update(id, outs, flowInputs(ROTATED))).outs as DcrRequestCheckOutputs;
    const { token, gateway: calls } = statuses();
    expect(token.at(-1)).toBe(200);
    expect(token.slice(0, -1)).toEqual(Array(token.length - 1).fill(401));
    expect(token.length).toBeGreaterThan(1);
    expect(calls).toEqual([200]);
    expect(updated.attempts).toBe(token.length);
  });

  it("a registration still on its way to the gateway is retried until it arrives; the token is requested once", async () => {
    emulator.setOptions({ registrationPropagationMs: 300 });
    emulator.updateStored("application-registrations", app.registrationId, {
      approved_at: new Date().toISOString(),
    });
    setRequestCheckSchedule({ attempts: 10, initialDelayMs: 50 });
    const { outs } = await create(flowInputs());
    const { token, gateway: calls } = statuses();
    expect(token).toEqual([200]);
    expect(calls.at(-1)).toBe(200);
    expect(calls.slice(0, -1)).toEqual(Array(calls.length - 1).fill(403));
    expect(calls.length).toBeGreaterThan(1);
    expect(outs.attempts).toBe(calls.length);
  });

  it("a revoked registration fails the up with 403 and what to do", async () => {
    emulator.updateStored("application-registrations", app.registrationId, { status: "revoked", approved_at: null });
    setRequestCheckSchedule({ attempts: 2, initialDelayMs: 1 });
    const error = await failure(check.create(flowInputs()), "revoked registration");
    expect(statuses()).toEqual({ token: [200], gateway: [403, 403] });
    expect(error.message).toContain(
      `FAIL  Gateway accepts the bearer token\n      ${gatewayOfKonnect.url}/orders answered HTTP 403.\n` +
        "      What to do: Authenticated but not allowed: the application needs an approved registration for this API",
    );
  });
});
