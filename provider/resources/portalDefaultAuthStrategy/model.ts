/**
 * Pure logic of `konnect.PortalDefaultAuthStrategy` (no I/O): outputs after create, update and refresh, the delete
 * ("restore") decision, what to do when the restore PATCH fails, and diff. The semantics are written down in
 * `./portalDefaultArgs.ts`.
 */
import { changedRules, regionRule, replacingProperties, type FieldRule } from "../core/fieldRules";
import type { PortalDefaultAuthStrategyInputs, PortalDefaultAuthStrategyOutputs } from "./args";

/**
 * Replacement deletes first: the old resource must put the previous default back before the new one records it.
 * Creating first on the same portal (a `region` change that names the same region) would record ours as "previous"
 * and the old resource's delete would then restore over the new one.
 */
export const PORTAL_DEFAULT_DELETE_BEFORE_REPLACE = true;

function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  return a.toLowerCase() === b.toLowerCase();
}

/** Outputs after create: `previous` is the default the GET found before the PATCH (null when none). */
export function outputsAfterCreate(
  inputs: PortalDefaultAuthStrategyInputs,
  previous: string | null,
  current: string | null,
): PortalDefaultAuthStrategyOutputs {
  // An interrupted earlier create may have set ours already: then the GET shows ours, and there is no other
  // previous default to know of. Restoring "ours" would undo nothing, so it is recorded as none.
  const previousAuthStrategyId = sameId(previous, inputs.authStrategyId) ? null : previous;
  return {
    portalId: inputs.portalId,
    authStrategyId: current,
    appliedAuthStrategyId: inputs.authStrategyId,
    previousAuthStrategyId,
    ...(inputs.region === undefined ? {} : { region: inputs.region }),
  };
}

/** Outputs after an update (one PATCH to the new id): the previous default stays what it was before create. */
export function outputsAfterUpdate(
  olds: PortalDefaultAuthStrategyOutputs,
  news: PortalDefaultAuthStrategyInputs,
  current: string | null,
): PortalDefaultAuthStrategyOutputs {
  return { ...olds, ...news, authStrategyId: current, appliedAuthStrategyId: news.authStrategyId };
}

/** Outputs after a refresh: only the portal's current default changes; what we set and what was there are kept. */
export function outputsAfterRead(
  olds: PortalDefaultAuthStrategyOutputs,
  current: string | null,
): PortalDefaultAuthStrategyOutputs {
  return { ...olds, authStrategyId: current };
}

/** What delete does after its GET of the portal. */
export type RestoreDecision =
  /** The portal still points at ours: PATCH it to `to` (the previous default, or null). */
  | { kind: "restore"; to: string | null }
  /** Someone changed the default since: leave it, and log `message`. */
  | { kind: "leave"; message: string };

/**
 * Decides delete from state and the portal's current default. Only a portal that still points at the strategy this
 * resource applied is changed; it goes back to the previous default (null when there was none).
 */
export function restoreDecision(
  state: Pick<PortalDefaultAuthStrategyOutputs, "portalId" | "appliedAuthStrategyId" | "previousAuthStrategyId">,
  current: string | null,
): RestoreDecision {
  if (sameId(current, state.appliedAuthStrategyId)) return { kind: "restore", to: state.previousAuthStrategyId };
  const now = current === null ? "no default" : `strategy ${current}`;
  return {
    kind: "leave",
    message:
      `portal ${state.portalId}: default auth strategy left as is (${now}): it no longer points at ` +
      `${state.appliedAuthStrategyId}, which this resource set, so someone changed it since`,
  };
}

/** What to do when the restore PATCH to the previous default failed with an HTTP status and Konnect's fields. */
export type RestoreFailureAction = "clear" | "done" | "fail";

/**
 * After a failed PATCH back to `previousAuthStrategyId`: a 400 naming `default_application_auth_strategy_id` means
 * that strategy no longer exists → clear the default (PATCH null). A 404 may mean the strategy is gone (Konnect's
 * answer for unknown references is not documented) or the portal is: clear, and a 404 on that clear means the portal
 * is gone → done. Anything else fails the delete.
 */
export function restoreFailureAction(
  status: number,
  invalidFields: readonly string[],
  restoringTo: string | null,
): RestoreFailureAction {
  if (restoringTo === null) return status === 404 ? "done" : "fail";
  if (status === 400 && invalidFields.some((f) => f === "default_application_auth_strategy_id")) return "clear";
  if (status === 404) return "clear";
  return "fail";
}

/** The PATCH body of the portal's default (camelCase). */
export interface PortalDefaultBody {
  defaultApplicationAuthStrategyId?: string;
}

/**
 * The rows: `portalId` and `region` replace; `authStrategyId` updates in place (one PATCH) and is compared with both
 * the portal's current default (refresh shows drift) and the one this resource set: both must be the declared one.
 */
export const PORTAL_DEFAULT_RULES: readonly FieldRule<
  PortalDefaultAuthStrategyOutputs,
  PortalDefaultAuthStrategyInputs,
  PortalDefaultBody
>[] = [
  { property: "portalId", effect: "replace", before: (o) => o.portalId, after: (n) => n.portalId },
  regionRule(),
  {
    property: "authStrategyId",
    effect: "update",
    before: (o) => [o.authStrategyId, o.appliedAuthStrategyId],
    after: (n) => [n.authStrategyId, n.authStrategyId],
    equal: (a, b) => {
      const [a0, a1] = a as (string | null)[];
      const [b0, b1] = b as (string | null)[];
      return sameId(a0, b0) && sameId(a1, b1);
    },
    send: (body, _o, n) => (body.defaultApplicationAuthStrategyId = n.authStrategyId),
  },
];

/** What `diff` reports: changed properties, and those of them that replace (from the rows). */
export function portalDefaultChanges(
  olds: PortalDefaultAuthStrategyOutputs,
  news: PortalDefaultAuthStrategyInputs,
): { changes: string[]; replaces: string[] } {
  const changes = changedRules(PORTAL_DEFAULT_RULES, olds, news).map((r) => r.property);
  return { changes, replaces: replacingProperties(PORTAL_DEFAULT_RULES, changes) };
}
