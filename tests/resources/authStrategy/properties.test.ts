/**
 * Properties of the auth strategy's field table over random valid old/new input pairs of the same type and region:
 * - `diff` reports an in-place change exactly when the update has a non-empty body to send (offline, many runs);
 * - create(old) then update(new) against the Konnect emulator sends a PATCH/PUT exactly when `diff` said so, leaves
 *   Konnect holding the new declared state (write-only secrets included), and the diff afterwards is empty both from
 *   the update's outputs and after a refresh (`read`).
 */
import fc from "fast-check";
import { providers, type AuthStrategyInputs, type AuthStrategyOutputs } from "../../../provider";
import { authStrategyDefinition } from "../../../provider/resources/authStrategy/definition";
import { STRATEGY_VALID, konnectAnswerForStrategy } from "../../fuzz/arbitraries";
import { pairs, useDcrPropertyTestbed, withCode } from "../propertySupport";

async function checkedStrategy(inputs: AuthStrategyInputs): Promise<AuthStrategyInputs> {
  const result = await providers.authStrategy.check!({} as never, withCode(inputs));
  expect(result.failures).toEqual([]);
  return result.inputs!;
}

/**
 * Outputs with `principals: { enabled: false }` left out: it means the same to Konnect as no `principals` ("absent
 * means false"), so an update that sends nothing keeps the declared form while a refresh reads Konnect's.
 */
function absentMeansDisabled(outs: AuthStrategyOutputs): AuthStrategyOutputs {
  if (outs.principals?.enabled === true) return outs;
  const { principals: _disabled, ...rest } = outs;
  return rest;
}

describe("diff reports an in-place change exactly when the update body is non-empty (offline)", () => {
  it.each(["openid_connect", "key_auth"] as const)("auth strategy %s", async (type) => {
    await fc.assert(
      fc.asyncProperty(pairs(STRATEGY_VALID[type]), async ({ old, next }) => {
        const olds = await checkedStrategy(old);
        const news = await checkedStrategy(next);
        const outs = authStrategyDefinition.outputs(olds, konnectAnswerForStrategy(olds), { kind: "create" });
        const diff = await providers.authStrategy.diff!("id", withCode(outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        const plan = authStrategyDefinition.planUpdate(outs, news);
        expect(diff.changes).toBe(plan !== undefined);
        if (plan) expect(plan.fields.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("create(old), update(new) against the emulator", () => {
  const { emulator, dcrIds, resetKonnect, writes } = useDcrPropertyTestbed();

  it.each(["openid_connect", "key_auth"] as const)(
    "auth strategy %s ends in the new declared state with an empty diff",
    async (type) => {
      const strategy = providers.authStrategy;
      await fc.assert(
        fc.asyncProperty(pairs(STRATEGY_VALID[type]), async ({ old, next }) => {
          resetKonnect(old.region);
          const link = (inputs: AuthStrategyInputs): AuthStrategyInputs =>
            inputs.dcrProviderId === undefined
              ? inputs
              : { ...inputs, dcrProviderId: dcrIds[inputs.dcrProviderId.charCodeAt(0) % 2]! };
          const olds = await checkedStrategy(link(old));
          const news = await checkedStrategy(link(next));
          const created = await strategy.create(olds);
          const diff = await strategy.diff!(created.id, withCode(created.outs), withCode(news));
          expect(diff.replaces).toEqual([]);

          emulator.clearRequestLog();
          const updated = await strategy.update!(created.id, withCode(created.outs), withCode(news));
          expect(writes()).toHaveLength(diff.changes ? 1 : 0);

          const after = await strategy.diff!(created.id, withCode(updated.outs), withCode(news));
          expect(after.changes).toBe(false);
          const refreshed = await strategy.read!(created.id, updated.outs);
          const afterRefresh = await strategy.diff!(created.id, withCode(refreshed.props), withCode(news));
          expect(afterRefresh.changes).toBe(false);
          expect(absentMeansDisabled(refreshed.props as AuthStrategyOutputs)).toEqual(
            absentMeansDisabled(updated.outs as AuthStrategyOutputs),
          );
        }),
        { numRuns: 25 },
      );
    },
  );
});
