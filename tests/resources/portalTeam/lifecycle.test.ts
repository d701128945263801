/**
 * The lifecycle steps of PortalTeam through its handlers (what the plugin host runs) against the emulator: what each
 * step leaves in Konnect, what it returns, and exactly which requests it sends (the API economy floors: create = list
 * + POST, refresh = 1 GET, delete = 1 DELETE, a no-op = 0), plus the paths around them: 404 = gone, a 409 explained or
 * found, adoption, interrupted creates found again.
 */
import type { PortalTeamInputs, PortalTeamOutputs } from "../../../provider/resources/portalTeam/args";
import { ISO, UUID, diffAndUpdate, team, usePortalMembersTestbed } from "../portalMembersSupport";

const { emulator, targets, takeRequests, where } = usePortalMembersTestbed();

const TEAMS = "/v3/portals/{id}/teams";

async function createTeam(inputs: PortalTeamInputs) {
  return (await team.create(inputs)) as { id: string; outs: PortalTeamOutputs };
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
