/**
 * Properties of PortalTeam's field rows (as `../apiPublication/properties.test.ts` for the other Dev Portal resources), over
 * random valid old/new input pairs in the same portal and region:
 * - `diff` reports an in-place change exactly when the update has a body to send (or a local row such as `adopt`
 *   changed), and a replace exactly for the Konnect fields Konnect cannot change (offline, many runs);
 * - create(old) then update(new) against the emulator sends a PATCH exactly when `diff` reported a Konnect-side change,
 *   leaves Konnect holding the new declared state, and the diff afterwards is empty both from the update's outputs and
 *   after a refresh (`read`), which hands back the declared view of its outputs.
 */
import fc from "fast-check";
import { providers } from "../../../provider";
import type { PortalTeamInputs, PortalTeamOutputs } from "../../../provider/resources/portalTeam/args";
import { portalTeamDefinition, teamOutputs } from "../../../provider/resources/portalTeam/definition";
import { PORTAL_TEAM_INPUTS } from "../../../provider/resources/portalTeam/inputs";
import { checked, regions, withCode } from "../propertySupport";
import { A, PORTAL, T, useMembersPropertyTestbed } from "../portalMembersSupport";

/** Team settings (the portal and region come from the pair). */
const teamSettings = fc.record(
  {
    name: fc.constantFrom("Partners", "Partners EU"),
    description: fc.constantFrom(undefined, "External", "EU partners"),
    canOwnApplications: fc.constantFrom(undefined, true, false),
    adopt: fc.constantFrom(undefined, A),
  },
  { requiredKeys: ["name"] },
);

const adoptChanged = (olds: { adopt?: string }, news: { adopt?: string }) => olds.adopt !== news.adopt;

describe("diff reports an in-place change exactly when the update body is non-empty (offline)", () => {
  test("portal team (a description left out keeps Konnect's)", async () => {
    await fc.assert(
      fc.asyncProperty(teamSettings, teamSettings, regions, async (a, b, region) => {
        const base = { portalId: PORTAL, ...(region ? { region } : {}) };
        const olds = await checked<PortalTeamInputs>("portalTeam", { ...a, ...base });
        const news = await checked<PortalTeamInputs>("portalTeam", { ...b, ...base });
        const team = {
          id: A,
          name: olds.name,
          canOwnApplications: olds.canOwnApplications ?? false,
          createdAt: T,
          updatedAt: T,
        };
        const outs = teamOutputs(
          olds,
          olds.description === undefined ? team : { ...team, description: olds.description },
        );
        const diff = await providers.portalTeam.diff!(A, withCode(outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        const plan = portalTeamDefinition.planUpdate(outs, news);
        expect(diff.changes).toBe(plan !== undefined || adoptChanged(olds, news));
        if (news.description === undefined) expect(plan?.fields ?? []).not.toContain("description");
      }),
      { numRuns: 300 },
    );
  });
});

describe("create(old), update(new) against the emulator", () => {
  const { emulator, writes, resetKonnect, settled } = useMembersPropertyTestbed();

  test("portal team ends in the new declared state with an empty diff", async () => {
    const provider = providers.portalTeam;
    const settings = fc.record(
      {
        name: fc.constantFrom("Partners", "Partners EU"),
        description: fc.constantFrom(undefined, "External", "EU partners"),
        canOwnApplications: fc.constantFrom(undefined, true, false),
      },
      { requiredKeys: ["name"] },
    );
    await fc.assert(
      fc.asyncProperty(settings, settings, regions, async (a, b, region) => {
        const { portalId } = resetKonnect(region);
        const base = { portalId, ...(region ? { region } : {}) };
        const olds = await checked<PortalTeamInputs>("portalTeam", { ...a, ...base });
        const news = await checked<PortalTeamInputs>("portalTeam", { ...b, ...base });
        const created = await provider.create(olds);
        const diff = await provider.diff!(created.id, withCode(created.outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        emulator.clearRequestLog();
        const updated = await provider.update!(created.id, withCode(created.outs), withCode(news));
        expect(writes()).toEqual(diff.changes ? ["PATCH /v3/portals/{id}/teams/{id}"] : []);
        expect(emulator.get("teams", created.id)).toMatchObject({
          name: news.name,
          description: news.description ?? olds.description ?? null,
          can_own_applications: news.canOwnApplications ?? false,
        });
        await settled("portalTeam", created.id, updated.outs!, news, PORTAL_TEAM_INPUTS);
        expect((updated.outs as PortalTeamOutputs).canOwnApplications).toBe(news.canOwnApplications ?? false);
      }),
      { numRuns: 20 },
    );
  });
});
