/**
 * Checks that a strategy id a v3 object points at (a publication's `auth_strategy_ids`, a portal's
 * `default_application_auth_strategy_id`) names a strategy of the same region. The answer for one that does not is
 * [UNK]: 400 `missing_reference` (like `dcr_provider_id` [INF]) or 404, by `unknownStrategyReferenceStatus`.
 */
import { ProblemError, invalidRequest } from "./problem";
import { type EmulatorState } from "./state";
import { type Region } from "./types";

/** Throws the configured problem when `strategyId` names no strategy of `region`. */
export function checkStrategyReference(state: EmulatorState, region: Region, strategyId: string, field: string): void {
  if (state.store.getAuthStrategy(region, strategyId) !== undefined) return;
  const reason = `application auth strategy [${strategyId}] does not exist`;
  if (state.options.unknownStrategyReferenceStatus === 404) throw new ProblemError(404, reason);
  throw invalidRequest([{ field, rule: "missing_reference", reason, source: "body" }]);
}
