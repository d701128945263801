/**
 * Properties of PortalApplication's field rows (as `../apiPublication/properties.test.ts` for the other Dev Portal resources), over
 * random valid old/new input pairs in the same portal and region:
 * - `diff` reports an in-place change exactly when the update has a body to send (or a local row such as `adopt`
 *   changed), and a replace exactly for the Konnect fields Konnect cannot change (offline, many runs);
 * - create(old) then update(new) against the emulator sends a PATCH exactly when `diff` reported a Konnect-side change,
 *   leaves Konnect holding the new declared state, and the diff afterwards is empty both from the update's outputs and
 *   after a refresh (`read`), which hands back the declared view of its outputs.
 */
import fc from "fast-check";
import { providers } from "../../../provider";
import type { PortalApplication } from "../../../provider/konnect";
import type { PortalApplicationInputs } from "../../../provider/resources/portalApplication/args";
import { PORTAL_APPLICATION_INPUTS } from "../../../provider/resources/portalApplication/inputs";
import {
  applicationOutputs,
  portalApplicationDefinition,
  unchangeableDifferences,
} from "../../../provider/resources/portalApplication/definition";
import { checked, regions, withCode } from "../propertySupport";
import { A, B, PORTAL, T, useMembersPropertyTestbed } from "../portalMembersSupport";

describe("diff reports an in-place change exactly when the update body is non-empty (offline)", () => {
  test("portal application: the owner updates, every other Konnect field replaces", async () => {
    const owner = fc.constantFrom<PortalApplicationInputs["owner"]>(
      { teamId: A },
      { teamId: A.toUpperCase() },
      { teamId: B },
      { developerId: A },
    );
    const settings = fc.record(
      {
        name: fc.constantFrom("Orders", "Orders client"),
        description: fc.constantFrom(undefined, "", "d"),
        labels: fc.constantFrom(undefined, { env: "dev" }, { env: "prod" }),
        owner,
        dcrClientId: fc.constantFrom(undefined, "azure-client"),
      },
      { requiredKeys: ["name", "owner"] },
    );
    await fc.assert(
      fc.asyncProperty(settings, settings, async (a, b) => {
        const base = { portalId: PORTAL, authStrategyId: B };
        const olds = await checked<PortalApplicationInputs>("portalApplication", { ...a, ...base });
        const news = await checked<PortalApplicationInputs>("portalApplication", { ...b, ...base });
        const key = olds.owner.teamId === undefined ? "developer" : "team";
        const konnect: PortalApplication = {
          id: A,
          name: olds.name,
          ...(olds.description ? { description: olds.description } : {}),
          labels: { ...olds.labels, other: "set-in-the-ui" },
          authStrategyId: B,
          owner: { type: key, id: (olds.owner.teamId ?? olds.owner.developerId).toLowerCase() },
          clientId: olds.dcrClientId ?? "made-by-konnect",
          dcrProviderId: B,
          registrationCount: 0,
          createdAt: T,
          updatedAt: T,
        };
        const outs = applicationOutputs(olds, konnect);
        const diff = await providers.portalApplication.diff!(A, withCode(outs), withCode(news));
        const fixed = unchangeableDifferences(outs, news);
        expect(diff.replaces!.length > 0).toBe(fixed !== undefined);
        expect(diff.deleteBeforeReplace).toBe(true);
        if (fixed === undefined) {
          const plan = portalApplicationDefinition.planUpdate(outs, news);
          expect(diff.changes).toBe(plan !== undefined);
          expect(plan?.fields ?? ["owner"]).toEqual(["owner"]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("create(old), update(new) against the emulator", () => {
  const { emulator, writes, resetKonnect, settled } = useMembersPropertyTestbed();

  test("portal application: an owner change is one PATCH, and nothing else is ever sent", async () => {
    const provider = providers.portalApplication;
    // Ids in another case are compared offline above; Konnect is sent the ids as declared.
    const owner = fc.constantFrom("team", "developer");
    await fc.assert(
      fc.asyncProperty(owner, owner, regions, async (a, b, region) => {
        const { portalId, strategyId, teamId, developerId } = resetKonnect(region);
        const ownerOf = (o: string) => (o === "team" ? { teamId } : { developerId });
        const base = { portalId, name: "Orders client", authStrategyId: strategyId, ...(region ? { region } : {}) };
        const olds = await checked<PortalApplicationInputs>("portalApplication", { ...base, owner: ownerOf(a) });
        const news = await checked<PortalApplicationInputs>("portalApplication", { ...base, owner: ownerOf(b) });
        const created = await provider.create(olds);
        const diff = await provider.diff!(created.id, withCode(created.outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        emulator.clearRequestLog();
        const updated = await provider.update!(created.id, withCode(created.outs), withCode(news));
        expect(writes()).toEqual(diff.changes ? ["PATCH /v3/portals/{id}/applications/{id}"] : []);
        expect(diff.changes).toBe((a === "developer") !== (b === "developer"));
        const stored = emulator.get("applications", created.id)!;
        expect(stored.owner.type).toBe(b === "developer" ? "developer" : "team");
        expect(emulator.list("applications")).toHaveLength(1);
        // The client id of a DCR application is Konnect's: not part of the declared view.
        const { clientId: _konnects, ...declaredRows } = PORTAL_APPLICATION_INPUTS;
        await settled("portalApplication", created.id, updated.outs!, news, declaredRows);
      }),
      { numRuns: 15 },
    );
  });
});
