/**
 * The lifecycle steps of PortalTeam, PortalApplication and ApplicationRegistration through their handlers (what the
 * plugin host runs) against the emulator: what each step leaves in Konnect, what it returns, and exactly which
 * requests it sends (the API economy floors: team create = list + POST, application create = list + POST,
 * registration create = POST, owner and status changes = 1 PATCH, refresh = 1 GET, delete = 1 DELETE, a no-op = 0),
 * plus the paths around them: 404 = gone, a 409 explained or found, adoption, interrupted creates found again.
 */
import { CREATION_LABEL_KEY, baseCreationKey } from "../../provider/resources/core/creationKey";
import type {
  ApplicationRegistrationInputs,
  ApplicationRegistrationOutputs,
} from "../../provider/resources/applicationRegistration/args";
import type {
  PortalApplicationInputs,
  PortalApplicationOutputs,
} from "../../provider/resources/portalApplication/args";
import type { PortalTeamInputs, PortalTeamOutputs } from "../../provider/resources/portalTeam/args";
import { handlers } from "../../provider/resources/runtime";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { DEVELOPER_BODY, seedDcrTargets, type DcrTargets } from "../../tools/emulator/testSupport";
import { providerLogLines, startProviderTestbed } from "../resources/support";

const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const APP_KEY = baseCreationKey({
  urn: "urn:pulumi:dev::project::pulumi-nodejs:dynamic/konnect:PortalApplication::orders-client",
  organization: "",
});

let emulator: KonnectEmulator;
let targets: DcrTargets;
beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  targets = seedDcrTargets(emulator, { publication: { auto_approve_registrations: true } });
  emulator.clearRequestLog();
  providerLogLines.splice(0);
});

/** Requests since the last call, as `METHOD path status` (ids as `{id}`, no region prefix or query). */
function takeRequests(): string[] {
  const list = emulator.requestLog().map(
    (e) =>
      `${e.method} ${e.path
        .replace(/^\/[a-z]{2}(?=\/)/, "")
        .replace(/\?.*$/, "")
        .replace(UUID, "{id}")} ${e.status}`,
  );
  emulator.clearRequestLog();
  return list;
}
const where = () => ({ effectiveRegion: "us", serverUrl: `${emulator.url}/us` });
const TEAMS = "/v3/portals/{id}/teams";
const APPS = "/v3/portals/{id}/applications";
const REGS = "/v3/portals/{id}/applications/{id}/registrations";

const team = handlers.portalTeam;
const app = handlers.portalApplication;
const registration = handlers.applicationRegistration;

async function createTeam(inputs: PortalTeamInputs) {
  return (await team.create(inputs)) as { id: string; outs: PortalTeamOutputs };
}
async function createApp(inputs: PortalApplicationInputs) {
  return (await app.create(inputs)) as { id: string; outs: PortalApplicationOutputs };
}
async function createRegistration(inputs: ApplicationRegistrationInputs) {
  return (await registration.create(inputs)) as { id: string; outs: ApplicationRegistrationOutputs };
}

/** The handlers' diff, then the update it leads to, as the engine runs them; the update's requests are returned. */
async function diffAndUpdate<O>(
  handler: typeof team | typeof app | typeof registration,
  id: string,
  olds: O,
  news: object,
): Promise<{ changes: boolean; replaces: string[]; outs: O }> {
  const diff = await handler.diff(id, olds as never, news as never);
  const { outs } = await handler.update(id, olds as never, news as never);
  return { changes: diff.changes ?? false, replaces: diff.replaces ?? [], outs: outs as O };
}

describe("PortalTeam", () => {
  const declared = (): PortalTeamInputs => ({
    portalId: targets.portalId,
    name: "Partners",
    description: "External partners",
    canOwnApplications: true,
  });

  test("create = 1 list + 1 POST; refresh = 1 GET; a change = 1 PATCH; a no-op = 0; delete = 1 DELETE", async () => {
    const created = await createTeam(declared());
    expect(created).toEqual({
      id: expect.stringMatching(UUID),
      outs: { ...declared(), createdAt: ISO, updatedAt: ISO, ...where() },
    });
    // The lookup lists the portal's teams by the declared name.
    expect(decodeURIComponent(emulator.requestLog()[0]!.path)).toContain("filter[name][eq]=Partners");
    expect(takeRequests()).toEqual([`GET ${TEAMS} 200`, `POST ${TEAMS} 201`]);

    const read = await team.read(created.id, created.outs);
    expect(takeRequests()).toEqual([`GET ${TEAMS}/{id} 200`]);
    expect(read.props).toEqual(created.outs);

    const unchanged = await diffAndUpdate(team, created.id, created.outs, declared());
    expect([unchanged.changes, takeRequests()]).toEqual([false, []]);

    const renamed = await diffAndUpdate(team, created.id, created.outs, {
      ...declared(),
      name: "Partners EU",
      canOwnApplications: false,
    });
    expect([renamed.changes, renamed.replaces, takeRequests()]).toEqual([true, [], [`PATCH ${TEAMS}/{id} 200`]]);
    expect(emulator.get("teams", created.id)).toMatchObject({ name: "Partners EU", can_own_applications: false });
    expect(renamed.outs).toMatchObject({
      name: "Partners EU",
      canOwnApplications: false,
      description: "External partners",
    });

    await team.delete(created.id, renamed.outs);
    expect(takeRequests()).toEqual([`DELETE ${TEAMS}/{id} 204`]);
    await team.delete(created.id, renamed.outs);
    expect(takeRequests()).toEqual([`DELETE ${TEAMS}/{id} 404`]);
    expect(await team.read(created.id, renamed.outs)).toEqual({});
  });

  test("a team with the declared name (an interrupted up's, or someone else's) stops the create with its id", async () => {
    const existing = emulator.seedTeam(targets.portalId, { name: "Partners", description: "old" });
    await expect(createTeam(declared())).rejects.toThrow(
      `a team named "Partners" exists in portal ${targets.portalId} already (id ${existing.id}). Teams carry no ` +
        "labels, so this resource cannot prove that an earlier, interrupted `up` made it rather than someone else. " +
        `To manage it with this resource, set adopt: "${existing.id}"; otherwise choose another name.`,
    );
    expect(takeRequests()).toEqual([`GET ${TEAMS} 200`]);
    expect(emulator.list("teams").filter((t) => t.name === "Partners")).toHaveLength(1);
  });

  test("adopt = 1 GET + 1 PATCH to the declared state; an equal team = 1 GET", async () => {
    const existing = emulator.seedTeam(targets.portalId, { name: "Partners", description: "old" });
    const adopted = await createTeam({ ...declared(), adopt: existing.id });
    expect(adopted.id).toBe(existing.id);
    expect(takeRequests()).toEqual([`GET ${TEAMS}/{id} 200`, `PATCH ${TEAMS}/{id} 200`]);
    expect(emulator.get("teams", existing.id)).toMatchObject({
      description: "External partners",
      can_own_applications: true,
    });
    expect(adopted.outs).toMatchObject({
      adopt: existing.id,
      description: "External partners",
      canOwnApplications: true,
    });

    await createTeam({ ...declared(), adopt: existing.id });
    expect(takeRequests()).toEqual([`GET ${TEAMS}/{id} 200`]);
    expect(emulator.list("teams")).toHaveLength(2); // the seeded targets' team and this one
  });

  test("adopt naming a team of another portal fails naming adopt (404)", async () => {
    const other = emulator.seedPortal({ name: "other-portal" });
    const elsewhere = emulator.seedTeam(other.id, { name: "Partners" });
    await expect(createTeam({ ...declared(), adopt: elsewhere.id })).rejects.toThrow(
      `adopt: no portal team with id ${elsewhere.id} in portal ${targets.portalId} in region us`,
    );
    expect(takeRequests()).toEqual([`GET ${TEAMS}/{id} 404`]);
  });

  test("a Konnect that refuses a duplicate name (409): the team holding it is named", async () => {
    emulator.setOptions({ uniqueTeamNames: true });
    const existing = emulator.seedTeam(targets.portalId, { name: "Partners" });
    // The list misses it (a team made between the list and the POST): Konnect's 409 decides.
    emulator.injectFault({
      method: "GET",
      path: TEAMS.replace("{id}", "*"),
      status: 200,
      body: { data: [], meta: { page: { number: 1, size: 100, total: 0 } } },
    });
    await expect(createTeam(declared())).rejects.toThrow(`(id ${existing.id})`);
    expect(takeRequests()).toEqual([`GET ${TEAMS} 200`, `POST ${TEAMS} 409`, `GET ${TEAMS} 200`]);
  });

  test("a 409 on delete (the team owns applications) is explained", async () => {
    const created = await createTeam(declared());
    emulator.seedApplication(targets.portalId, {
      name: "owned",
      auth_strategy_id: targets.strategyId,
      owner: { type: "team", id: created.id },
    });
    emulator.clearRequestLog();
    await expect(team.delete(created.id, created.outs)).rejects.toThrow(
      `cannot delete portal team "Partners" (${created.id}): it is still used by applications the team owns (Kong ` +
        "does not document whether Konnect refuses this); delete them or give them another owner first.",
    );
    expect(takeRequests()).toEqual([`DELETE ${TEAMS}/{id} 409`]);
  });
});

describe("PortalApplication", () => {
  const declared = (): PortalApplicationInputs & { __creationKey: string } => ({
    portalId: targets.portalId,
    name: "Orders client",
    labels: { env: "dev" },
    authStrategyId: targets.strategyId,
    owner: { teamId: targets.teamId },
    __creationKey: APP_KEY,
  });

  test("create = 1 list + 1 POST with the creation key; owner = 1 PATCH; refresh = 1 GET; delete = 1 DELETE", async () => {
    const created = await createApp(declared());
    expect(takeRequests()).toEqual([`GET ${APPS} 200`, `POST ${APPS} 201`]);
    const stored = emulator.get("applications", created.id)!;
    expect(stored.labels).toEqual({ env: "dev", [CREATION_LABEL_KEY]: APP_KEY });
    expect(created.outs).toEqual({
      ...declared(),
      clientId: stored.client_id,
      dcrProviderId: targets.dcrProviderId,
      grantedScopes: ["openid"],
      registrationCount: 0,
      createdAt: ISO,
      updatedAt: ISO,
      ...where(),
    });
    // Konnect made the IdP client; its secret is nowhere (Konnect never returns one).
    expect(emulator.getIdpClient(stored.client_id!)).toMatchObject({ owners: [targets.adminClientId] });

    const unchanged = await diffAndUpdate(app, created.id, created.outs, declared());
    expect([unchanged.changes, takeRequests()]).toEqual([false, []]);

    const developer = emulator.seedDeveloper(targets.portalId, DEVELOPER_BODY);
    emulator.clearRequestLog();
    const moved = await diffAndUpdate(app, created.id, created.outs, {
      ...declared(),
      owner: { developerId: developer.id },
    });
    expect([moved.changes, moved.replaces, takeRequests()]).toEqual([true, [], [`PATCH ${APPS}/{id} 200`]]);
    expect(emulator.get("applications", created.id)?.owner).toEqual({ type: "developer", id: developer.id });
    expect(moved.outs.owner).toEqual({ developerId: developer.id });
    expect((moved.outs as { __creationKey?: string }).__creationKey).toBe(APP_KEY);

    const read = await app.read(created.id, moved.outs);
    expect(takeRequests()).toEqual([`GET ${APPS}/{id} 200`]);
    expect(read.props).toEqual(moved.outs);

    await app.delete(created.id, moved.outs);
    expect(takeRequests()).toEqual([`DELETE ${APPS}/{id} 204`]);
    await app.delete(created.id, moved.outs);
    expect(takeRequests()).toEqual([`DELETE ${APPS}/{id} 404`]);
    expect(await app.read(created.id, moved.outs)).toEqual({});
  });

  test("an application an earlier attempt made is found by its creation key: 1 list, no POST, still one", async () => {
    const earlier = emulator.seedApplication(targets.portalId, {
      name: "Orders client",
      labels: { env: "dev", [CREATION_LABEL_KEY]: APP_KEY },
      auth_strategy_id: targets.strategyId,
      owner: { type: "team", id: targets.teamId },
    });
    emulator.clearRequestLog();
    const created = await createApp(declared());
    expect(created.id).toBe(earlier.id);
    expect(takeRequests()).toEqual([`GET ${APPS} 200`]);
    expect(emulator.list("applications")).toHaveLength(1);
  });

  test("a POST whose answer is lost is recovered by the key in the same call: still one application", async () => {
    emulator.injectFault({ method: "POST", path: APPS.replace("{id}", "*"), commitThenDrop: true });
    const created = await createApp(declared());
    expect(takeRequests()).toEqual([`GET ${APPS} 200`, `POST ${APPS} 0`, `GET ${APPS} 200`]);
    expect(emulator.list("applications").map((a) => a.id)).toEqual([created.id]);
    expect(providerLogLines).toContain(
      "konnect: the create was applied although its answer was lost; using the object it made",
    );
  });

  test("adopt = 1 GET + 1 PATCH of the owner; a difference Konnect cannot change fails naming it", async () => {
    const developer = emulator.seedDeveloper(targets.portalId, DEVELOPER_BODY);
    const existing = emulator.seedApplication(targets.portalId, {
      name: "Orders client",
      labels: { env: "dev", other: "kept" },
      auth_strategy_id: targets.strategyId,
      owner: { type: "developer", id: developer.id },
    });
    emulator.clearRequestLog();
    const adopted = await createApp({ ...declared(), adopt: existing.id });
    expect(adopted.id).toBe(existing.id);
    expect(takeRequests()).toEqual([`GET ${APPS}/{id} 200`, `PATCH ${APPS}/{id} 200`]);
    expect(emulator.get("applications", existing.id)).toMatchObject({
      owner: { type: "team", id: targets.teamId },
      labels: { env: "dev", other: "kept" },
    });

    await expect(createApp({ ...declared(), name: "Orders", adopt: existing.id })).rejects.toThrow(
      'name: Konnect has "Orders client", declared "Orders"',
    );
    expect(takeRequests()).toEqual([`GET ${APPS}/{id} 200`]);
  });

  test("dcrClientId links an existing IdP client; one the DCR provider cannot reach is a 400 naming dcrClientId", async () => {
    const client = emulator.registerIdpClient({ owners: [targets.adminClientId], tenant_id: targets.tenantId });
    const linked = await createApp({ ...declared(), dcrClientId: client.client_id });
    expect(linked.outs).toMatchObject({ dcrClientId: client.client_id, clientId: client.client_id });
    expect(emulator.get("applications", linked.id)?.idp_client).toBe("linked");

    const foreign = emulator.registerIdpClient({ owners: ["someone-else"], tenant_id: targets.tenantId });
    takeRequests();
    const refused = createApp({ ...declared(), name: "Other client", dcrClientId: foreign.client_id });
    await expect(refused).rejects.toThrow(/dcrClientId: client \[.*\] does not resolve/);
    expect(takeRequests()).toEqual([`GET ${APPS} 200`, `POST ${APPS} 400`]);
  });

  test("a 400 on the owner names the declared owner input, owner.teamId", async () => {
    const cannotOwn = emulator.seedTeam(targets.portalId, { name: "Readers", can_own_applications: false });
    const refused = createApp({ ...declared(), owner: { teamId: cannotOwn.id } });
    await expect(refused).rejects.toThrow(/owner\.teamId: team \[.*\] cannot own applications/);
    await expect(refused).rejects.not.toThrow(/owner\.id:/);
  });
});

describe("ApplicationRegistration", () => {
  let applicationId = "";
  beforeEach(() => {
    applicationId = emulator.seedApplication(targets.portalId, {
      name: "Orders client",
      auth_strategy_id: targets.strategyId,
      owner: { type: "team", id: targets.teamId },
    }).id;
    emulator.clearRequestLog();
  });
  const declared = (extra: Partial<ApplicationRegistrationInputs> = {}): ApplicationRegistrationInputs => ({
    portalId: targets.portalId,
    applicationId,
    apiId: targets.apiId,
    ...extra,
  });

  test("create = 1 POST; a status change = 1 PATCH; refresh = 1 GET; a no-op = 0; delete = 1 DELETE", async () => {
    const created = await createRegistration(declared());
    expect(takeRequests()).toEqual([`POST ${REGS} 201`]);
    expect(created.outs).toEqual({ ...declared(), status: "approved", createdAt: ISO, updatedAt: ISO, ...where() });

    const unchanged = await diffAndUpdate(registration, created.id, created.outs, declared());
    expect([unchanged.changes, takeRequests()]).toEqual([false, []]);

    const revoked = await diffAndUpdate(registration, created.id, created.outs, declared({ status: "revoked" }));
    expect([revoked.changes, revoked.replaces, takeRequests()]).toEqual([true, [], [`PATCH ${REGS}/{id} 200`]]);
    expect(emulator.get("application-registrations", created.id)?.status).toBe("revoked");

    const read = await registration.read(created.id, revoked.outs);
    expect(takeRequests()).toEqual([`GET ${REGS}/{id} 200`]);
    expect(read.props).toEqual(revoked.outs);

    await registration.delete(created.id, revoked.outs);
    expect(takeRequests()).toEqual([`DELETE ${REGS}/{id} 204`]);
    await registration.delete(created.id, revoked.outs);
    expect(takeRequests()).toEqual([`DELETE ${REGS}/{id} 404`]);
  });

  test("revoked in the Dev Portal: refresh shows it, the next up puts approved back with 1 PATCH", async () => {
    const created = await createRegistration(declared());
    emulator.updateStored("application-registrations", created.id, { status: "revoked" });
    takeRequests();
    const refreshed = (await registration.read(created.id, created.outs)).props as ApplicationRegistrationOutputs;
    expect(refreshed.status).toBe("revoked");
    const back = await diffAndUpdate(registration, created.id, refreshed, declared());
    expect([back.changes, takeRequests(), back.outs.status]).toEqual([
      true,
      [`GET ${REGS}/{id} 200`, `PATCH ${REGS}/{id} 200`],
      "approved",
    ]);
  });

  test("approval by hand (no auto-approve): Konnect answers pending, 1 PATCH approves", async () => {
    emulator.updateStoredPublication(targets.apiId, targets.portalId, { auto_approve_registrations: false });
    const created = await createRegistration(declared());
    expect(takeRequests()).toEqual([`POST ${REGS} 201`, `PATCH ${REGS}/{id} 200`]);
    expect(created.outs.status).toBe("approved");
    expect(providerLogLines).toContain(
      `konnect: registration ${created.id}: Konnect has status pending; setting approved`,
    );
  });

  test("declared revoked: created as pending (never approved on the way), then 1 PATCH", async () => {
    // Konnect answers what was asked for: the pending seen proves the POST asked for pending, not approved.
    emulator.setOptions({ registrationStatusRule: "requested" });
    const created = await createRegistration(declared({ status: "revoked" }));
    expect(takeRequests()).toEqual([`POST ${REGS} 201`, `PATCH ${REGS}/{id} 200`]);
    expect(providerLogLines).toContain(
      `konnect: registration ${created.id}: Konnect has status pending; setting revoked`,
    );
    expect(emulator.get("application-registrations", created.id)).toMatchObject({
      status: "revoked",
      approved_at: null,
    });
  });

  test("an existing registration (409) is found and made equal, never duplicated", async () => {
    emulator.updateStoredPublication(targets.apiId, targets.portalId, { auto_approve_registrations: false });
    const existing = emulator.seedRegistration(targets.portalId, applicationId, { api_id: targets.apiId });
    expect(existing.status).toBe("pending");
    emulator.clearRequestLog();
    const created = await createRegistration(declared());
    expect(created.id).toBe(existing.id);
    expect(takeRequests()).toEqual([`POST ${REGS} 409`, `GET ${REGS} 200`, `PATCH ${REGS}/{id} 200`]);
    expect(emulator.list("application-registrations").map((r) => [r.id, r.status])).toEqual([
      [existing.id, "approved"],
    ]);
    expect(providerLogLines).toContain(
      `konnect: application ${applicationId} is registered for API ${targets.apiId} already (registration ` +
        `${existing.id}, pending); keeping it`,
    );
  });

  test("a POST whose answer is lost is sent again; its 409 finds the registration: still one", async () => {
    emulator.injectFault({ method: "POST", path: REGS.replaceAll("{id}", "*"), commitThenDrop: true });
    const created = await createRegistration(declared());
    expect(takeRequests()).toEqual([`POST ${REGS} 0`, `POST ${REGS} 409`, `GET ${REGS} 200`]);
    expect(emulator.list("application-registrations").map((r) => r.id)).toEqual([created.id]);
  });

  test("deleting the application took its registrations: refresh says gone, delete is done", async () => {
    const created = await createRegistration(declared());
    await app.delete(applicationId, { portalId: targets.portalId, ...where() } as never);
    takeRequests();
    expect(await registration.read(created.id, created.outs)).toEqual({});
    await registration.delete(created.id, created.outs);
    expect(takeRequests()).toEqual([`GET ${REGS}/{id} 404`, `DELETE ${REGS}/{id} 404`]);
  });
});
