/**
 * The client operations of a portal's teams, with a recording transport: the paths under their parent, the wire
 * bodies built from the field table, strict requests refused before anything is sent, and tolerant answers.
 */
import { KonnectRequestError, createTeam, listAllTeams, updateTeam } from "../../../provider/konnect";
import { PORTAL, TEAM } from "../../support/validInputs";
import { ISO, TIMES, page, recording, sentAs } from "../recording";

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
