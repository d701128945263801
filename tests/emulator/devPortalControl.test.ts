/**
 * The control surface for the Dev Portal members (seeds, the emulated IdP, the gateway decision), in process and over
 * HTTP, and the transport features (faults, request log, rate limit) on the new routes.
 */
import {
  ISO_MS,
  TEAM_BODY,
  call,
  seedDcrTargets,
  useEmulator,
  type DcrTargets,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator({
  options: { idpSecretActivationMs: 0, registrationPropagationMs: 0, rateLimit: null },
});

const SECRET = "Zq8~emulated.idp-secret_0123456789";

/** Calls the control API (no token). */
function control(method: string, path: string, body?: unknown) {
  return call(konnect, method, `/_emulator${path}`, body, { token: null });
}

/** DCR targets plus a linked application whose client has `SECRET`, registered (approved) for the API. */
function approvedApplication(): DcrTargets & { clientId: string; applicationId: string; registrationId: string } {
  const t = seedDcrTargets(konnect, { publication: { auto_approve_registrations: true } });
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

/** v1-token claims for a client of the tenant `DCR_BODIES.azureAd` names. */
const claimsFor = (clientId: string, tenant = "tenant") => ({
  iss: `https://sts.windows.net/${tenant}/`,
  ver: "1.0",
  appid: clientId,
});

describe("the emulated IdP", () => {
  it("registers clients, never shows a secret or its hash, and checks client credentials", () => {
    const client = konnect.registerIdpClient({
      client_id: "11111111-2222-4333-8444-555555555555",
      tenant_id: "tenant",
      display_name: "stack client",
      owners: ["client-a"],
      secret: SECRET,
    });
    expect(client).toStrictEqual({
      client_id: "11111111-2222-4333-8444-555555555555",
      tenant_id: "tenant",
      display_name: "stack client",
      owners: ["client-a"],
      created_by: "control",
      dcr_provider_id: null,
      secrets: [{ added_at: ISO_MS, usable_from: ISO_MS }],
      created_at: ISO_MS,
    });
    expect(JSON.stringify(konnect.idpClients())).not.toContain(SECRET);
    expect(konnect.checkIdpSecret(client.client_id, SECRET)).toStrictEqual({ ok: true, client });
    expect(konnect.checkIdpSecret(client.client_id, SECRET, "tenant")).toMatchObject({ ok: true });
    expect(konnect.checkIdpSecret(client.client_id, SECRET, "other")).toStrictEqual({
      ok: false,
      reason: "unknown-client",
    });
    expect(konnect.checkIdpSecret(client.client_id, "wrong")).toStrictEqual({ ok: false, reason: "invalid-secret" });
    expect(konnect.checkIdpSecret("nobody", SECRET)).toStrictEqual({ ok: false, reason: "unknown-client" });
    expect(() => konnect.registerIdpClient({ client_id: client.client_id })).toThrow("already exists");
    expect(() => konnect.addIdpClientSecret("nobody", "x")).toThrow("not found");
  });

  it("accepts a new secret only after idpSecretActivationMs (0: at once)", () => {
    const client = konnect.registerIdpClient();
    expect(client.client_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(konnect.checkIdpSecret(client.client_id, SECRET)).toMatchObject({ reason: "invalid-secret" });
    konnect.addIdpClientSecret(client.client_id, SECRET);
    expect(konnect.checkIdpSecret(client.client_id, SECRET)).toMatchObject({ ok: true });
    konnect.setOptions({ idpSecretActivationMs: 60_000 });
    const rotated = konnect.addIdpClientSecret(client.client_id, "new-secret");
    expect(konnect.checkIdpSecret(client.client_id, "new-secret")).toStrictEqual({
      ok: false,
      reason: "invalid-secret",
    });
    const [, second] = rotated.secrets;
    expect(Date.parse(second!.usable_from) - Date.parse(second!.added_at)).toBe(60_000);
    konnect.setOptions({ idpSecretActivationMs: 0 });
    expect(konnect.checkIdpSecret(client.client_id, "new-secret")).toMatchObject({ ok: true });
  });

  it("is emptied by reset and deletes clients", () => {
    const client = konnect.registerIdpClient();
    expect(konnect.deleteIdpClient(client.client_id)).toBe(true);
    expect(konnect.deleteIdpClient(client.client_id)).toBe(false);
    konnect.registerIdpClient();
    konnect.reset();
    expect(konnect.idpClients()).toStrictEqual([]);
  });
});

describe("gatewayAccess", () => {
  it("allows a token whose client has an approved registration for the API", () => {
    const t = approvedApplication();
    expect(konnect.gatewayAccess({ api_id: t.apiId, claims: claimsFor(t.clientId) })).toStrictEqual({
      allowed: true,
      reason: "approved",
      detail: `application [${t.applicationId}] has an approved registration`,
      application_id: t.applicationId,
    });
  });

  it("denies pending, revoked and missing registrations, other clients, other issuers and unpublished APIs", () => {
    const t = approvedApplication();
    const ask = (claims: Record<string, unknown>, apiId = t.apiId) => konnect.gatewayAccess({ api_id: apiId, claims });
    for (const status of ["pending", "revoked", "rejected"]) {
      konnect.updateStored("application-registrations", t.registrationId, { status });
      expect(ask(claimsFor(t.clientId))).toMatchObject({ allowed: false, reason: "not-approved" });
    }
    konnect.updateStored("application-registrations", t.registrationId, { status: "approved" });
    expect(ask(claimsFor(t.clientId, "other-tenant"))).toMatchObject({ allowed: false, reason: "issuer-mismatch" });
    expect(ask(claimsFor("another-client"))).toMatchObject({ allowed: false, reason: "no-application" });
    expect(ask({ ...claimsFor(t.clientId), appid: undefined })).toMatchObject({ reason: "no-application" });
    const unpublished = konnect.seedApi({ name: "Unpublished" });
    expect(ask(claimsFor(t.clientId), unpublished.id)).toMatchObject({ allowed: false, reason: "no-publication" });
    const second = konnect.seedApi({ name: "Second" });
    konnect.seedPublication(second.id, t.portalId, { auth_strategy_ids: [t.strategyId] });
    expect(ask(claimsFor(t.clientId), second.id)).toMatchObject({
      allowed: false,
      reason: "not-registered",
      application_id: t.applicationId,
    });
    const open = konnect.seedApi({ name: "Open" });
    konnect.seedPublication(open.id, t.portalId, { auth_strategy_ids: null });
    expect(ask({}, open.id)).toMatchObject({ allowed: true, reason: "no-auth" });
    expect(ask(claimsFor(t.clientId), t.apiId)).toMatchObject({ allowed: true });
  });

  it("lets a new or re-approved registration through only after registrationPropagationMs", () => {
    konnect.setOptions({ registrationPropagationMs: 60_000 });
    const t = approvedApplication();
    const ask = () => konnect.gatewayAccess({ api_id: t.apiId, claims: claimsFor(t.clientId) });
    expect(ask()).toMatchObject({ allowed: false, reason: "propagating" });
    konnect.setOptions({ registrationPropagationMs: 0 });
    expect(ask()).toMatchObject({ allowed: true });
    konnect.setOptions({ registrationPropagationMs: 60_000 });
    konnect.updateStored("application-registrations", t.registrationId, { approved_at: "2020-01-01T00:00:00.000Z" });
    expect(ask()).toMatchObject({ allowed: true });
    konnect.updateStored("application-registrations", t.registrationId, { status: "revoked" });
    konnect.updateStored("application-registrations", t.registrationId, { status: "approved" });
    expect(ask()).toMatchObject({ allowed: false, reason: "propagating" });
  });
});

describe("HTTP control API", () => {
  it("seeds teams, developers, applications and registrations with region and id, and lists them", async () => {
    const portal = await control("POST", "/seed/portals?region=eu", { name: "dev" });
    const teamId = "11111111-2222-4333-8444-000000000001";
    const team = await control("POST", `/seed/teams/${portal.id}?region=eu&id=${teamId}`, TEAM_BODY);
    expect([team.status, team.id, team.body.region, team.body.portal_id]).toStrictEqual([201, teamId, "eu", portal.id]);
    const developer = await control("POST", `/seed/developers/${portal.id}?region=eu`, {
      email: "d@example.com",
      full_name: "D",
    });
    expect(developer.body).toMatchObject({ status: "pending", portal_id: portal.id });
    const strategy = await control("POST", "/seed/application-auth-strategies?region=eu", {
      name: "oidc",
      display_name: "Client Credentials",
      strategy_type: "openid_connect",
      configs: {
        "openid-connect": {
          issuer: "https://idp.example.com",
          credential_claim: ["sub"],
          scopes: [],
          auth_methods: [],
        },
      },
    });
    const api = await control("POST", "/seed/apis?region=eu", { name: "Orders API" });
    await control("POST", `/seed/publications/${api.id}/${portal.id}?region=eu`, { auth_strategy_ids: [strategy.id] });
    const application = await control("POST", `/seed/applications/${portal.id}?region=eu`, {
      name: "App",
      auth_strategy_id: strategy.id,
      client_id: "self-managed",
      owner: { type: "developer", id: developer.id },
    });
    expect(application.body).toMatchObject({ client_id: "self-managed", idp_client: null, region: "eu" });
    const registration = await control(
      "POST",
      `/seed/application-registrations/${portal.id}/${application.id}?region=eu`,
      { api_id: api.id },
    );
    expect(registration.body).toMatchObject({ status: "pending", approved_at: null, application_id: application.id });
    for (const kind of ["teams", "developers", "applications", "application-registrations"]) {
      expect((await control("GET", `/objects/${kind}?region=eu`)).body).toHaveLength(1);
      expect((await control("GET", `/objects/${kind}?region=us`)).body).toHaveLength(0);
    }
    const edited = await control("PATCH", `/objects/application-registrations/${registration.id}`, {
      status: "approved",
    });
    expect(edited.body.approved_at).toBe(edited.body.updated_at);
    const unknownPortal = await control("POST", `/seed/teams/${teamId}`, TEAM_BODY);
    expect([unknownPortal.status, unknownPortal.body.detail]).toStrictEqual([404, "Not Found"]);
    expect(konnect.requestLog()).toStrictEqual([]);
  });

  it("registers IdP clients, adds secrets (never echoed), checks credentials and answers gateway access", async () => {
    const t = seedDcrTargets(konnect, { publication: { auto_approve_registrations: true } });
    const registered = await control("POST", "/idp/clients", { tenant_id: "tenant", owners: [t.adminClientId] });
    expect(registered.status).toBe(201);
    const clientId = registered.body.client_id as string;
    const withSecret = await control("POST", `/idp/clients/${clientId}/secrets`, { secret: SECRET });
    expect(withSecret.status).toBe(201);
    expect(withSecret.body.secrets).toHaveLength(1);
    expect(JSON.stringify(withSecret.body)).not.toContain(SECRET);
    const check = await control("POST", "/idp/check", { client_id: clientId, client_secret: SECRET, tenant: "tenant" });
    expect(check.body).toMatchObject({ ok: true, client: { client_id: clientId } });
    expect(JSON.stringify(check.body)).not.toContain(SECRET);
    const wrong = await control("POST", "/idp/check", { client_id: clientId, client_secret: "nope" });
    expect(wrong.body).toStrictEqual({ ok: false, reason: "invalid-secret" });
    expect((await control("GET", "/idp/clients")).body).toHaveLength(1);
    expect((await control("GET", `/idp/clients/${clientId}`)).body.owners).toStrictEqual([t.adminClientId]);

    const application = konnect.seedApplication(t.portalId, {
      name: "App",
      auth_strategy_id: t.strategyId,
      owner: { type: "team", id: t.teamId },
      dcr_client_id: clientId,
    });
    konnect.seedRegistration(t.portalId, application.id, { api_id: t.apiId });
    const access = await control("POST", "/gateway-access", { api_id: t.apiId, claims: claimsFor(clientId) });
    expect(access.body).toMatchObject({ allowed: true, application_id: application.id });

    expect((await control("DELETE", `/idp/clients/${clientId}`)).status).toBe(204);
    expect((await control("GET", `/idp/clients/${clientId}`)).status).toBe(404);
    expect((await control("DELETE", `/idp/clients/${clientId}`)).status).toBe(404);
  });

  it("answers bad IdP and gateway requests with JSON errors", async () => {
    const taken = await control("POST", "/idp/clients", { client_id: "c1" });
    expect(taken.status).toBe(201);
    expect(await control("POST", "/idp/clients", { client_id: "c1" })).toMatchObject({
      status: 409,
      body: { error: "IdP client c1 already exists" },
    });
    expect((await control("POST", "/idp/clients/c1/secrets", { secret: 5 })).body).toStrictEqual({
      error: "expected {secret} as a string",
    });
    expect((await control("POST", "/idp/clients/nobody/secrets", { secret: "x" })).status).toBe(404);
    expect((await control("POST", "/idp/check", { client_id: "c1" })).status).toBe(400);
    expect((await control("PUT", "/idp/clients")).status).toBe(404);
    expect((await control("GET", "/idp/tokens")).status).toBe(404);
    expect((await control("POST", "/gateway-access", { api_id: "x" })).body).toStrictEqual({
      error: "expected {api_id, claims, region?}",
    });
  });
});

describe("transport features on the new routes", () => {
  it("faults, the request log and the rate limit apply as on the other routes", async () => {
    const t = seedDcrTargets(konnect);
    const apps = `/v3/portals/${t.portalId}/applications`;
    const body = { name: "App", auth_strategy_id: t.strategyId, owner: { type: "team", id: t.teamId } };
    konnect.injectFault({ method: "POST", path: "/v3/portals/*/applications", status: 503, retryAfter: 2 });
    const faulted = await call(konnect, "POST", `/us${apps}`, body);
    expect([faulted.status, faulted.headers.get("retry-after")]).toStrictEqual([503, "2"]);
    expect(konnect.list("applications")).toStrictEqual([]);
    expect(konnect.idpClients()).toStrictEqual([]);

    const created = await call(konnect, "POST", apps, body);
    const regs = `${apps}/${created.id}/registrations`;
    konnect.injectFault({ method: "POST", path: "/v3/portals/*/applications/*/registrations", commitThenDrop: true });
    await expect(call(konnect, "POST", regs, { api_id: t.apiId })).rejects.toThrow();
    expect(konnect.list("application-registrations")).toHaveLength(1);

    konnect.setOptions({ rateLimit: { requestsPerSecond: 1, retryAfterSeconds: 7 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(konnect, "GET", `/v3/portals/${t.portalId}/teams`)).status);
    expect(statuses).toContain(429);
    konnect.setOptions({ rateLimit: null });

    const log = konnect.requestLog().map((e) => `${e.method} ${e.path} ${e.status}`);
    expect(log.slice(0, 3)).toStrictEqual([`POST /us${apps} 503`, `POST ${apps} 201`, `POST ${regs} 0`]);
    expect(log.slice(3)).toContain(`GET /v3/portals/${t.portalId}/teams 429`);
  });

  it("needs a token and refuses writes with a read-only token, like every API route", async () => {
    const t = seedDcrTargets(konnect);
    const teams = `/v3/portals/${t.portalId}/teams`;
    expect((await call(konnect, "GET", teams, undefined, { token: null })).status).toBe(401);
    konnect.setOptions({ readOnlyTokens: ["kpat_readOnlyToken0123456789"] });
    const readOnly = { token: "kpat_readOnlyToken0123456789" };
    expect((await call(konnect, "GET", teams, undefined, readOnly)).status).toBe(200);
    expect((await call(konnect, "POST", teams, TEAM_BODY, readOnly)).status).toBe(403);
  });
});
