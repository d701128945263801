/**
 * The client operations of a portal's teams, applications and registrations, with a recording transport: the paths
 * under their parents, the wire bodies built from the field tables (the owner declared as `{ teamId }` or
 * `{ developerId }` and sent as `{ type, id }`), strict requests refused before anything is sent, and tolerant answers
 * (both application shapes, null and empty values, a credential type or status added later).
 */
import {
  KonnectRequestError,
  createApplication,
  createRegistration,
  createTeam,
  getApplication,
  listAllApplications,
  listAllRegistrations,
  listAllTeams,
  updateApplication,
  updateRegistration,
  updateTeam,
  type KonnectTransport,
  type RequestSpec,
} from "../../provider/konnect";

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const TEAM = "11111111-2222-4333-8444-555566667777";
const DEV = "22222222-3333-4444-8555-666677778888";
const STRATEGY = "33333333-4444-4555-8666-777788889999";
const APP = "44444444-5555-4666-8777-88889999aaaa";
const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const REG = "55555555-6666-4777-8888-9999aaaabbbb";
const ISO = "2026-12-04T10:00:00.000Z";
const TIMES = { created_at: ISO, updated_at: ISO };

/** A transport that records each request and answers with the next of `answers`. */
function recording(...answers: unknown[]): { transport: KonnectTransport; sent: RequestSpec[] } {
  const sent: RequestSpec[] = [];
  return {
    sent,
    transport: {
      baseUrl: "https://konnect.test",
      send: (spec) => {
        sent.push(spec);
        return Promise.resolve({ status: 200, data: answers[sent.length - 1], headers: {} });
      },
    },
  };
}

const page = (data: unknown[]) => ({ data, meta: { page: { number: 1, size: 100, total: data.length } } });
const sentAs = (sent: RequestSpec[]) =>
  sent.map((s) => ({ call: `${s.method} ${s.path}`, body: s.body, query: s.query }));

describe("teams", () => {
  const team = { id: TEAM, name: "Partners", description: "External", can_own_applications: true, ...TIMES };

  it("create, update and list by name under the portal", async () => {
    const { transport, sent } = recording(team, { ...team, name: "Partners EU" }, page([team]));
    const scope = { portalId: PORTAL };
    expect(
      await createTeam(transport, scope, { name: "Partners", description: "External", canOwnApplications: true }),
    ).toEqual({
      id: TEAM,
      name: "Partners",
      description: "External",
      canOwnApplications: true,
      createdAt: ISO,
      updatedAt: ISO,
    });
    await updateTeam(transport, scope, TEAM, { name: "Partners EU" });
    await listAllTeams(transport, scope, { filter: { name: { eq: "Partners" } } });
    expect(sentAs(sent)).toEqual([
      {
        call: `POST /v3/portals/${PORTAL}/teams`,
        body: { name: "Partners", description: "External", can_own_applications: true },
        query: undefined,
      },
      { call: `PATCH /v3/portals/${PORTAL}/teams/${TEAM}`, body: { name: "Partners EU" }, query: undefined },
      {
        call: `GET /v3/portals/${PORTAL}/teams`,
        body: undefined,
        query: { "filter[name][eq]": "Partners", "page[size]": 100, "page[number]": 1 },
      },
    ]);
  });

  it("a description Konnect leaves out or sends as null is absent; an absent flag is false", async () => {
    const { id, name, created_at, updated_at } = team;
    const { transport } = recording({ id, name, created_at, updated_at, description: null, extra: 1 });
    expect(await createTeam(transport, { portalId: PORTAL }, { name })).toEqual({
      id,
      name,
      canOwnApplications: false,
      createdAt: ISO,
      updatedAt: ISO,
    });
  });

  it("requests are strict: a field Kong's contract does not have never leaves the client", async () => {
    const { transport, sent } = recording(team);
    await expect(
      createTeam(transport, { portalId: PORTAL }, { name: "Partners", labels: {} } as never),
    ).rejects.toThrow(KonnectRequestError);
    await expect(updateTeam(transport, { portalId: "dev" }, TEAM, { name: "x" })).rejects.toThrow(
      'portalId: must be a UUID, got "dev"',
    );
    expect(sent).toEqual([]);
  });
});

describe("applications", () => {
  const dcr = {
    id: APP,
    name: "Orders client",
    description: null,
    labels: { env: "dev", gone: null },
    client_id: "generated",
    registration_count: 1,
    dcr_provider: { id: DEV },
    portal: { id: PORTAL },
    auth_strategy: { id: STRATEGY, name: "Azure", credential_type: "client_credentials", auth_methods: ["bearer"] },
    granted_scopes: ["openid"],
    owner: { type: "team", id: TEAM },
    ...TIMES,
  };

  it("create sends the owner as { type, id } and the client fields by their wire names", async () => {
    const { transport, sent } = recording(dcr);
    const created = await createApplication(
      transport,
      { portalId: PORTAL },
      {
        name: "Orders client",
        labels: { env: "dev" },
        authStrategyId: STRATEGY,
        owner: { teamId: TEAM },
        dcrClientId: "azure-client",
      },
    );
    expect(sentAs(sent)).toEqual([
      {
        call: `POST /v3/portals/${PORTAL}/applications`,
        body: {
          name: "Orders client",
          labels: { env: "dev" },
          auth_strategy_id: STRATEGY,
          dcr_client_id: "azure-client",
          owner: { type: "team", id: TEAM },
        },
        query: undefined,
      },
    ]);
    expect(created).toEqual({
      id: APP,
      name: "Orders client",
      labels: { env: "dev" },
      authStrategyId: STRATEGY,
      credentialType: "client_credentials",
      owner: { type: "team", id: TEAM },
      clientId: "generated",
      dcrProviderId: DEV,
      grantedScopes: ["openid"],
      registrationCount: 1,
      portalId: PORTAL,
      createdAt: ISO,
      updatedAt: ISO,
    });
  });

  it("the PATCH carries the owner only", async () => {
    const { transport, sent } = recording(dcr);
    await updateApplication(transport, { portalId: PORTAL }, APP, { owner: { developerId: DEV } });
    expect(sentAs(sent)).toEqual([
      {
        call: `PATCH /v3/portals/${PORTAL}/applications/${APP}`,
        body: { owner: { type: "developer", id: DEV } },
        query: undefined,
      },
    ]);
    await expect(updateApplication(transport, { portalId: PORTAL }, APP, { name: "renamed" } as never)).rejects.toThrow(
      "unknown field(s) name",
    );
  });

  it("an owner with both keys, or none, never leaves the client", async () => {
    const { transport, sent } = recording(dcr);
    const base = { name: "app", authStrategyId: STRATEGY };
    for (const owner of [{ teamId: TEAM, developerId: DEV }, {}]) {
      await expect(createApplication(transport, { portalId: PORTAL }, { ...base, owner } as never)).rejects.toThrow(
        "owner: set exactly one of teamId, developerId",
      );
    }
    expect(sent).toEqual([]);
  });

  it("reads both shapes and a credential type added later; an empty client id is none; never a secret", async () => {
    const keyAuth = {
      id: APP,
      name: "keys",
      description: "d",
      labels: {},
      registration_count: 0,
      portal: { id: PORTAL },
      auth_strategy: { id: STRATEGY, name: "Keys", credential_type: "key_auth", key_names: ["apikey"] },
      owner: { type: "developer", id: DEV },
      ...TIMES,
    };
    const future = {
      ...dcr,
      client_id: "",
      dcr_provider: null,
      granted_scopes: null,
      auth_strategy: { id: STRATEGY, credential_type: "mtls" },
    };
    const { transport } = recording(keyAuth, page([future, dcr]));
    expect(await getApplication(transport, { portalId: PORTAL }, APP)).toEqual({
      id: APP,
      name: "keys",
      description: "d",
      labels: {},
      authStrategyId: STRATEGY,
      credentialType: "key_auth",
      owner: { type: "developer", id: DEV },
      registrationCount: 0,
      portalId: PORTAL,
      createdAt: ISO,
      updatedAt: ISO,
    });
    const listed = await listAllApplications(transport, { portalId: PORTAL }, { filter: { name: { eq: "x" } } });
    expect(listed.map((a) => [a.credentialType, a.clientId, a.dcrProviderId, a.grantedScopes])).toEqual([
      ["mtls", undefined, undefined, undefined],
      ["client_credentials", "generated", DEV, ["openid"]],
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/secret/i);
  });
});

describe("registrations", () => {
  const registration = {
    id: REG,
    status: "approved",
    application: { id: APP, name: "Orders client" },
    api: { id: API, name: "Orders", version: "v1", entity_type: "api" },
    ...TIMES,
  };
  const scope = { portalId: PORTAL, applicationId: APP };

  it("create and PATCH under the application; the list is the application's", async () => {
    const { transport, sent } = recording(registration, { ...registration, status: "revoked" }, page([registration]));
    expect(await createRegistration(transport, scope, { apiId: API, status: "approved" })).toEqual({
      id: REG,
      status: "approved",
      apiId: API,
      applicationId: APP,
      createdAt: ISO,
      updatedAt: ISO,
    });
    await updateRegistration(transport, scope, REG, { status: "revoked" });
    await listAllRegistrations(transport, scope);
    expect(sentAs(sent)).toEqual([
      {
        call: `POST /v3/portals/${PORTAL}/applications/${APP}/registrations`,
        body: { api_id: API, status: "approved" },
        query: undefined,
      },
      {
        call: `PATCH /v3/portals/${PORTAL}/applications/${APP}/registrations/${REG}`,
        body: { status: "revoked" },
        query: undefined,
      },
      {
        call: `GET /v3/portals/${PORTAL}/applications/${APP}/registrations`,
        body: undefined,
        query: { "page[size]": 100, "page[number]": 1 },
      },
    ]);
  });

  it("a create may ask for approved or pending only (Kong's contract); the PATCH for any status", async () => {
    const { transport, sent } = recording(registration);
    await expect(createRegistration(transport, scope, { apiId: API, status: "revoked" as never })).rejects.toThrow(
      "status: a new registration's status must be one of approved, pending",
    );
    expect(sent).toEqual([]);
  });

  it("a status added later is passed through", async () => {
    const { transport } = recording(page([{ ...registration, status: "suspended", consumer: { id: TEAM } }]));
    expect((await listAllRegistrations(transport, scope))[0]?.status).toBe("suspended");
  });
});
