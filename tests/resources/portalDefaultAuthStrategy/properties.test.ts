/**
 * Properties of PortalDefaultAuthStrategy's field rows (as `../dcrProvider/properties.test.ts` for the DCR provider),
 * over random valid old/new input pairs with the same portal and region:
 * - `diff` reports an in-place change exactly when the update has a non-empty body to send (offline, many runs);
 * - create(old) then update(new) against the Konnect emulator sends a PUT/PATCH exactly when `diff` reported a
 *   Konnect-side change, leaves Konnect holding the new declared state, and the diff afterwards is empty both from
 *   the update's outputs and after a refresh (`read`).
 */
import fc from "fast-check";
import { providers } from "../../../provider";
import type {
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
} from "../../../provider/resources/portalDefaultAuthStrategy/args";
import { portalDefaultDefinition } from "../../../provider/resources/portalDefaultAuthStrategy/definition";
import { regions, withCode } from "../propertySupport";
import { PORTAL, S1, S2, usePublicationPropertyTestbed } from "../devPortalSupport";

async function checkedDefault(inputs: object): Promise<PortalDefaultAuthStrategyInputs> {
  const result = await providers.portalDefaultAuthStrategy.check!({} as never, withCode(inputs));
  expect(result.failures).toEqual([]);
  return result.inputs!;
}

describe("diff reports an in-place change exactly when the update body is non-empty (offline)", () => {
  test("portal default auth strategy (also after a refresh saw the portal pointing elsewhere)", async () => {
    const id = fc.constantFrom(S1, S2, S1.toUpperCase());
    const current = fc.constantFrom<string | null>("declared", null, S1, S2);
    await fc.assert(
      fc.asyncProperty(id, id, regions, current, async (a, b, region, now) => {
        const base = { portalId: PORTAL, ...(region ? { region } : {}) };
        const olds = await checkedDefault({ ...base, authStrategyId: a });
        const news = await checkedDefault({ ...base, authStrategyId: b });
        const created = portalDefaultDefinition.outputs(
          olds,
          { current: a, labels: {}, previous: null },
          { kind: "create" },
        );
        const outs: PortalDefaultAuthStrategyOutputs = {
          ...created,
          authStrategyId: now === "declared" ? a : now,
        };
        const diff = await providers.portalDefaultAuthStrategy.diff!(PORTAL, withCode(outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        expect(diff.deleteBeforeReplace).toBe(true);
        const plan = portalDefaultDefinition.planUpdate(outs, news);
        expect(diff.changes).toBe(plan !== undefined);
        const same = (x: string | null, y: string) => x !== null && x.toLowerCase() === y.toLowerCase();
        expect(diff.changes).toBe(!same(a, b) || !same(outs.authStrategyId, b));
      }),
      { numRuns: 200 },
    );
  });
});

describe("create(old), update(new) against the emulator", () => {
  const { emulator, writes, resetKonnect, index } = usePublicationPropertyTestbed();

  test("portal default auth strategy ends in the new declared state with an empty diff, and delete restores", async () => {
    const provider = providers.portalDefaultAuthStrategy;
    await fc.assert(
      fc.asyncProperty(fc.nat(1), fc.nat(1), regions, index, async (a, b, region, portalDefault) => {
        const { strategies, fallback, portalId } = resetKonnect(region, portalDefault);
        const base = { portalId, ...(region ? { region } : {}) };
        const olds = await checkedDefault({ ...base, authStrategyId: strategies[a] });
        const news = await checkedDefault({ ...base, authStrategyId: strategies[b] });
        const created = await provider.create(olds);
        expect(created.id).toBe(portalId);
        const diff = await provider.diff!(created.id, withCode(created.outs), withCode(news));
        expect(diff.replaces).toEqual([]);

        emulator.clearRequestLog();
        const updated = await provider.update!(created.id, withCode(created.outs), withCode(news));
        expect(writes()).toHaveLength(diff.changes ? 1 : 0);
        expect(emulator.portalDefault(portalId)).toBe(news.authStrategyId);

        const after = await provider.diff!(created.id, withCode(updated.outs), withCode(news));
        expect(after.changes).toBe(false);
        const refreshed = await provider.read!(created.id, updated.outs);
        const afterRefresh = await provider.diff!(created.id, withCode(refreshed.props), withCode(news));
        expect(afterRefresh.changes).toBe(false);
        expect(refreshed.props).toEqual(updated.outs);

        // Delete puts back what the portal had before create (ours, kept, when it had ours already), and the portal
        // keeps none of the resource's record labels.
        await provider.delete!(created.id, updated.outs!);
        expect(emulator.portalDefault(portalId)).toBe(fallback);
        const labels = (emulator.get("portals", portalId) as { labels: object }).labels;
        expect(Object.keys(labels).filter((key) => key.startsWith("pulumi-"))).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});
