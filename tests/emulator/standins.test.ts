/**
 * The emulator-backed stand-ins: the Azure v1 token endpoint (tokens only for IdP clients with a working secret) and
 * the gateway (2xx only for an application with an approved, propagated registration for the route's API), alone
 * and under `npm run verify`.
 */
import { main } from "../../provider/verify/cli";
import { createHttp } from "../../provider/verify/http";
import { type AzureTokenEndpoint, startAzureTokenEndpoint } from "../../tools/standins/azureTokenEndpoint";
import { type EmulatorGateway, startEmulatorGateway } from "../../tools/standins/emulatorGateway";
import { makeJwt } from "../../tools/standins/jwt";
import { call, seedDcrTargets, useEmulator, type DcrTargets } from "../../tools/emulator/testSupport";

const konnect = useEmulator({
  options: {
    idpSecretActivationMs: 0,
    registrationPropagationMs: 0,
    createdClientOnDelete: "delete",
    registrationStatusRule: "auto-approve",
  },
});

const SECRET = "Qx7~stand-in.secret_abcdefghijklmnop";
const ROUTE = "/orders";

let azure: AzureTokenEndpoint;
let gateway: EmulatorGateway;
const routes: { path: string; apiId: string }[] = [];

beforeAll(async () => {
  azure = await startAzureTokenEndpoint({ idp: konnect });
  gateway = await startEmulatorGateway({ konnect, tokens: azure, routes });
});

afterAll(async () => {
  await gateway.close();
  await azure.close();
});

beforeEach(() => {
  azure.requests.length = 0;
  gateway.requests.length = 0;
  routes.length = 0;
});

/** A DCR application linked to a client with `SECRET`, registered (auto-approved) for the API behind `ROUTE`. */
function approvedApplication(
  tenantId = "tenant",
): DcrTargets & { clientId: string; applicationId: string; registrationId: string } {
  const t = seedDcrTargets(konnect, { publication: { auto_approve_registrations: true }, tenantId });
  routes.push({ path: ROUTE, apiId: t.apiId });
  const client = konnect.registerIdpClient({ tenant_id: t.tenantId, owners: [t.adminClientId], secret: SECRET });
  const application = konnect.seedApplication(t.portalId, {
    name: "Orders client",
    auth_strategy_id: t.strategyId,
    owner: { type: "team", id: t.teamId },
    dcr_client_id: client.client_id,
  });
  const registration = konnect.seedRegistration(t.portalId, application.id, { api_id: t.apiId });
  return { ...t, clientId: client.client_id, applicationId: application.id, registrationId: registration.id };
}

/** POSTs a client-credentials form to the token endpoint. */
async function tokenRequest(tenant: string, form: Record<string, string>) {
  const response = await fetch(`${azure.loginUrl}/${tenant}/oauth2/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const form = (clientId: string, secret = SECRET) => ({
  grant_type: "client_credentials",
  client_id: clientId,
  client_secret: secret,
  resource: "https://graph.microsoft.com",
});

async function tokenFor(clientId: string, tenant = "tenant"): Promise<string> {
  const answer = await tokenRequest(tenant, form(clientId));
  expect(answer.status).toBe(200);
  return answer.body.access_token as string;
}

/** Calls the gateway route with an Authorization header (none when undefined). */
async function callGateway(authorization?: string, path = ROUTE) {
  const response = await fetch(`${gateway.url}${path}`, {
    headers: authorization === undefined ? {} : { Authorization: authorization },
  });
  return {
    status: response.status,
    reason: response.headers.get("x-emulator-reason"),
    wwwAuthenticate: response.headers.get("www-authenticate"),
    body: await response.json(),
  };
}

describe("Azure v1 token endpoint stand-in", () => {
  it("issues a signed v1 token (ver 1.0, sts.windows.net issuer, appid, aud) to a client with a working secret", async () => {
    const { clientId } = approvedApplication();
    const answer = await tokenRequest("tenant", form(clientId));
    expect(answer).toStrictEqual({
      status: 200,
      body: {
        token_type: "Bearer",
        expires_in: "3599",
        ext_expires_in: "3599",
        expires_on: expect.stringMatching(/^\d+$/),
        not_before: expect.stringMatching(/^\d+$/),
        resource: "https://graph.microsoft.com",
        access_token: expect.any(String),
      },
    });
    expect(azure.verify(answer.body.access_token as string)).toMatchObject({
      ver: "1.0",
      iss: "https://sts.windows.net/tenant/",
      appid: clientId,
      aud: "https://graph.microsoft.com",
      tid: "tenant",
    });
    expect(azure.verify(makeJwt({ ver: "1.0", appid: clientId }))).toBeUndefined();
    expect(azure.requests).toStrictEqual([{ method: "POST", path: "/tenant/oauth2/token", status: 200 }]);
  });

  it("answers a wrong secret with 401 invalid_client AADSTS7000215, and never records the secret", async () => {
    const { clientId } = approvedApplication();
    const answer = await tokenRequest("tenant", form(clientId, "wrong-secret"));
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: "invalid_client", error_codes: [7000215] });
    expect(answer.body.error_description).toMatch(
      new RegExp(`^AADSTS7000215: Invalid client secret provided\\. .*'${clientId}'\\.\\r\\nTrace ID: `),
    );
    expect(JSON.stringify(azure.requests)).not.toContain(SECRET);
    expect(JSON.stringify(answer.body)).not.toContain("wrong-secret");
  });

  it("refuses a new secret until idpSecretActivationMs has passed (then the same secret works)", async () => {
    konnect.setOptions({ idpSecretActivationMs: 60_000 });
    const { clientId } = approvedApplication();
    expect((await tokenRequest("tenant", form(clientId))).body.error_codes).toStrictEqual([7000215]);
    konnect.setOptions({ idpSecretActivationMs: 0 });
    expect((await tokenRequest("tenant", form(clientId))).status).toBe(200);
  });

  it("answers AADSTS700016 for a client not in the tenant, and the v1 errors for a bad request", async () => {
    const { clientId } = approvedApplication();
    const elsewhere = await tokenRequest("other-tenant", form(clientId));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toMatchObject({ error: "unauthorized_client", error_codes: [700016] });
    expect((await tokenRequest("tenant", form("no-such-client"))).body.error_codes).toStrictEqual([700016]);
    const { resource: _dropped, ...noResource } = form(clientId);
    expect((await tokenRequest("tenant", noResource)).body).toMatchObject({
      error: "invalid_request",
      error_codes: [900144],
    });
    const grant = await tokenRequest("tenant", { ...form(clientId), grant_type: "password" });
    expect(grant.body).toMatchObject({ error: "unsupported_grant_type", error_codes: [70003] });
    const { client_secret: _secret, ...noSecret } = form(clientId);
    expect((await tokenRequest("tenant", noSecret)).body.error_codes).toStrictEqual([7000216]);
    expect((await fetch(`${azure.loginUrl}/tenant/oauth2/token`)).status).toBe(405);
    expect((await fetch(`${azure.loginUrl}/tenant/oauth2/v2.0/token`, { method: "POST" })).status).toBe(404);
  });
});

describe("gateway stand-in tied to the emulator", () => {
  it("passes (200) a bearer token of an application with an approved registration for the route's API", async () => {
    const t = approvedApplication();
    const answer = await callGateway(`Bearer ${await tokenFor(t.clientId)}`, `${ROUTE}/123?x=1`);
    expect(answer).toMatchObject({ status: 200, body: { message: "upstream reached", api_id: t.apiId } });
    expect(gateway.requests).toStrictEqual([{ method: "GET", path: `${ROUTE}/123`, status: 200 }]);
  });

  it("answers 403 once the registration is revoked through the API, and 200 again when re-approved", async () => {
    const t = approvedApplication();
    const bearer = `Bearer ${await tokenFor(t.clientId)}`;
    const registration = `/v3/portals/${t.portalId}/applications/${t.applicationId}/registrations/${t.registrationId}`;
    expect((await call(konnect, "PATCH", registration, { status: "revoked" })).status).toBe(200);
    expect(await callGateway(bearer)).toMatchObject({
      status: 403,
      reason: "not-approved",
      body: { message: "Forbidden" },
    });
    await call(konnect, "PATCH", registration, { status: "approved" });
    expect((await callGateway(bearer)).status).toBe(200);
    await call(konnect, "DELETE", registration);
    expect(await callGateway(bearer)).toMatchObject({ status: 403, reason: "not-registered" });
  });

  it("keeps a new or re-approved registration out until registrationPropagationMs has passed", async () => {
    konnect.setOptions({ registrationPropagationMs: 60_000 });
    const t = approvedApplication();
    const bearer = `Bearer ${await tokenFor(t.clientId)}`;
    expect(await callGateway(bearer)).toMatchObject({ status: 403, reason: "propagating" });
    konnect.setOptions({ registrationPropagationMs: 0 });
    expect((await callGateway(bearer)).status).toBe(200);
  });

  it("lets a short propagation delay pass in real time", async () => {
    konnect.setOptions({ registrationPropagationMs: 300 });
    const t = approvedApplication();
    const bearer = `Bearer ${await tokenFor(t.clientId)}`;
    const started = Date.now();
    let status = (await callGateway(bearer)).status;
    expect(status).toBe(403);
    while (status !== 200 && Date.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await callGateway(bearer)).status;
    }
    expect(status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("answers 401 without a credential, with a forged, expired or foreign token, and with a wrong Basic secret", async () => {
    const t = approvedApplication();
    const expiring = await startAzureTokenEndpoint({ idp: konnect, lifetimeSeconds: 0 });
    try {
      const response = await fetch(`${expiring.loginUrl}/tenant/oauth2/token`, {
        method: "POST",
        body: new URLSearchParams(form(t.clientId)),
      });
      const expired = ((await response.json()) as { access_token: string }).access_token;
      expect(expiring.verify(expired)).toBeUndefined();
      const forged = makeJwt({ iss: "https://sts.windows.net/tenant/", ver: "1.0", appid: t.clientId });
      for (const authorization of [undefined, "Token x", `Bearer ${forged}`, `Bearer ${expired}`]) {
        expect((await callGateway(authorization)).status).toBe(401);
      }
      const invalid = await callGateway(`Bearer ${forged}`);
      expect(invalid.wwwAuthenticate).toBe('Bearer realm="kong", error="invalid_token"');
      const wrongBasic = Buffer.from(`${t.clientId}:nope`).toString("base64");
      expect((await callGateway(`Basic ${wrongBasic}`)).status).toBe(401);
    } finally {
      await expiring.close();
    }
  });

  it("passes Basic client id and secret of an approved application (the OIDC plugin's client-credentials exchange)", async () => {
    const t = approvedApplication();
    const basic = Buffer.from(`${t.clientId}:${SECRET}`).toString("base64");
    expect((await callGateway(`Basic ${basic}`)).status).toBe(200);
  });

  it("denies a valid token of a client no application of the portal uses (403), and after the application is deleted", async () => {
    const t = approvedApplication();
    const stray = konnect.registerIdpClient({ tenant_id: "tenant", secret: SECRET });
    expect(await callGateway(`Bearer ${await tokenFor(stray.client_id)}`)).toMatchObject({
      status: 403,
      reason: "no-application",
    });
    const bearer = `Bearer ${await tokenFor(t.clientId)}`;
    await call(konnect, "DELETE", `/v3/portals/${t.portalId}/applications/${t.applicationId}`);
    expect(await callGateway(bearer)).toMatchObject({ status: 403, reason: "no-application" });
  });

  it("answers 404 off its routes, lets an API without application auth through, and takes a deniedStatus", async () => {
    const t = approvedApplication();
    expect(await callGateway(undefined, "/elsewhere")).toMatchObject({
      status: 404,
      body: { message: "no Route matched with those values" },
    });
    const open = konnect.seedApi({ name: "Open API" });
    konnect.seedPublication(open.id, t.portalId, { auth_strategy_ids: null });
    routes.push({ path: "/open", apiId: open.id });
    expect((await callGateway(undefined, "/open")).status).toBe(200);
    const strict = await startEmulatorGateway({ konnect, tokens: azure, routes, deniedStatus: 401 });
    try {
      konnect.updateStored("application-registrations", t.registrationId, { status: "pending" });
      const response = await fetch(`${strict.url}${ROUTE}`, {
        headers: { Authorization: `Bearer ${await tokenFor(t.clientId)}` },
      });
      expect(response.status).toBe(401);
    } finally {
      await strict.close();
    }
  });
});

describe("the whole DCR flow through the stand-ins", () => {
  it("a Konnect-created DCR client, given a secret as the developer would see it, reaches the API", async () => {
    const t = seedDcrTargets(konnect, { publication: { auto_approve_registrations: true } });
    routes.push({ path: ROUTE, apiId: t.apiId });
    const apps = `/v3/portals/${t.portalId}/applications`;
    const created = await call(konnect, "POST", apps, {
      name: "Portal app",
      auth_strategy_id: t.strategyId,
      owner: { type: "team", id: t.teamId },
    });
    const clientId = created.body.client_id as string;
    konnect.addIdpClientSecret(clientId, SECRET);
    const bearer = `Bearer ${await tokenFor(clientId)}`;
    expect(await callGateway(bearer)).toMatchObject({ status: 403, reason: "not-registered" });
    const registered = await call(konnect, "POST", `${apps}/${created.id}/registrations`, { api_id: t.apiId });
    expect(registered.body.status).toBe("approved");
    expect((await callGateway(bearer)).status).toBe(200);
  });

  it("npm run verify passes against them, and fails (gateway 403) while the registration is pending", async () => {
    const tenant = "3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f";
    const t = approvedApplication(tenant);
    const run = async () => {
      let stdout = "";
      const code = await main(
        ["--tenant", tenant, "--route", `${gateway.url}${ROUTE}`, "--login-url", azure.loginUrl],
        {
          env: { DCR_CLIENT_ID: t.clientId, DCR_CLIENT_SECRET: SECRET },
          stdout: { write: (text: string) => (stdout += text) },
          stderr: { write: (text: string) => (stdout += text) },
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
      return { code, stdout };
    };
    const passed = await run();
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain("All 6 checks passed");
    konnect.updateStored("application-registrations", t.registrationId, { status: "pending" });
    const failed = await run();
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("FAIL  Gateway accepts the bearer token");
    expect(failed.stdout).toContain("answered HTTP 403");
    expect(failed.stdout).not.toContain(SECRET);
  });
});
