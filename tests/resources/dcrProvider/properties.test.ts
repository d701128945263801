/**
 * Properties of the DCR provider's field table over random valid old/new input pairs of the same type and region:
 * - `diff` reports an in-place change exactly when the update has a non-empty body to send (offline, many runs);
 * - create(old) then update(new) against the Konnect emulator sends a PATCH/PUT exactly when `diff` said so, leaves
 *   Konnect holding the new declared state (write-only secrets included), and the diff afterwards is empty both from
 *   the update's outputs and after a refresh (`read`).
 */
import fc from "fast-check";
import { providers, type DcrProviderInputs } from "../../../provider";
import { DCR_CONFIG_WIRE_NAMES, DCR_PROVIDER_TYPES, DCR_SECRET_FIELDS } from "../../../provider/konnect";
import { dcrProviderDefinition } from "../../../provider/resources/dcrProvider/definition";
import { DCR_PROVIDER_INPUTS } from "../../../provider/resources/dcrProvider/inputs";
import { DCR_VALID, konnectAnswerForDcr } from "../../fuzz/arbitraries";
import { declaredView } from "../support";
import { pairs, useDcrPropertyTestbed, withCode } from "../propertySupport";

async function checkedDcr(inputs: DcrProviderInputs): Promise<DcrProviderInputs> {
  const result = await providers.dcrProvider.check!({} as never, withCode(inputs));
  expect(result.failures).toEqual([]);
  return result.inputs!;
}

describe("diff reports an in-place change exactly when the update body is non-empty (offline)", () => {
  it.each(DCR_PROVIDER_TYPES)("DCR provider %s", async (type) => {
    await fc.assert(
      fc.asyncProperty(pairs(DCR_VALID[type]), fc.boolean(), async ({ old, next }, omitDisplayName) => {
        const olds = await checkedDcr(old);
        const news = await checkedDcr(next);
        const outs = dcrProviderDefinition.outputs(olds, konnectAnswerForDcr(olds, omitDisplayName), {
          kind: "create",
        });
        const diff = await providers.dcrProvider.diff!("id", withCode(outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        const plan = dcrProviderDefinition.planUpdate(outs, news);
        expect(diff.changes).toBe(plan !== undefined);
        if (plan) expect(plan.fields.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});

describe("create(old), update(new) against the emulator", () => {
  const { emulator, resetKonnect, writes } = useDcrPropertyTestbed();

  it.each(DCR_PROVIDER_TYPES)("DCR provider %s ends in the new declared state with an empty diff", async (type) => {
    const provider = providers.dcrProvider;
    await fc.assert(
      fc.asyncProperty(pairs(DCR_VALID[type]), async ({ old, next }) => {
        resetKonnect(old.region);
        const olds = await checkedDcr(old);
        const news = await checkedDcr(next);
        const created = await provider.create(olds);
        const diff = await provider.diff!(created.id, withCode(created.outs), withCode(news));
        expect(diff.replaces).toEqual([]);

        emulator.clearRequestLog();
        const updated = await provider.update!(created.id, withCode(created.outs), withCode(news));
        expect(writes()).toHaveLength(diff.changes ? 1 : 0);

        const after = await provider.diff!(created.id, withCode(updated.outs), withCode(news));
        expect(after.changes).toBe(false);
        const refreshed = await provider.read!(created.id, updated.outs);
        const afterRefresh = await provider.diff!(created.id, withCode(refreshed.props), withCode(news));
        expect(afterRefresh.changes).toBe(false);
        expect(refreshed.inputs).toEqual(declaredView(refreshed.props, DCR_PROVIDER_INPUTS));

        // Write-only secrets: Konnect holds exactly the declared ones.
        const declaredSecrets = Object.fromEntries(
          DCR_SECRET_FIELDS.flatMap((f) => {
            const value = news.dcrConfig?.[f];
            return value === undefined ? [] : [[DCR_CONFIG_WIRE_NAMES[f], value]];
          }),
        );
        expect(emulator.storedSecrets(created.id) ?? {}).toEqual(declaredSecrets);
      }),
      { numRuns: 12 },
    );
  });
});
