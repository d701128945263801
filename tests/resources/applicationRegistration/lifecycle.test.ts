/**
 * The lifecycle steps of ApplicationRegistration through its handlers (what the plugin host runs) against the
 * emulator: what each step leaves in Konnect, what it returns, and exactly which requests it sends (the API economy
 * floors: create = POST, a status change = 1 PATCH, refresh = 1 GET, delete = 1 DELETE, a no-op = 0), plus the paths
 * around them: 404 = gone, a 409 explained or found, adoption, interrupted creates found again.
 */
import type {
  ApplicationRegistrationInputs,
  ApplicationRegistrationOutputs,
} from "../../../provider/resources/applicationRegistration/args";
import { providerLogLines } from "../support";
import { ISO, app, diffAndUpdate, registration, usePortalMembersTestbed } from "../portalMembersSupport";

const { emulator, targets, takeRequests, where } = usePortalMembersTestbed();

const REGS = "/v3/portals/{id}/applications/{id}/registrations";

async function createRegistration(inputs: ApplicationRegistrationInputs) {
  return (await registration.create(inputs)) as { id: string; outs: ApplicationRegistrationOutputs };
}

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
