/**
 * The record a portal default keeps on the portal it changes (`PortalDefaultAuthStrategy`, which does not own the
 * portal): two labels written by the same PATCH that replaces the portal's default, so what was replaced is durable at
 * the moment it is replaced, also when Pulumi never writes the state of that step (the plugin host killed between the
 * PATCH and the state write). Plain data and pure functions; the PATCH is in `./operations.ts`.
 *
 * - `pulumi-default-previous`: the default before a portal default resource first set one (a strategy id, or `none`).
 * - `pulumi-default-applied`: the strategy it set last.
 *
 * Both keys and values follow Konnect's label rules (keys of 1-63 characters without a reserved prefix, values of 1-63
 * characters of `[a-zA-Z0-9-._]`, a UUID is 36), and take 2 of a portal's 50 labels. The record is *in force* only
 * while the portal still points at the applied strategy: someone who changed the default since (in the UI) made it
 * stale, and their choice is left alone.
 */
import { UUID_PATTERN } from "../ids";

/** Portal label: the default before a portal default resource first set one (a strategy id, or {@link NO_DEFAULT}). */
export const PREVIOUS_LABEL = "pulumi-default-previous";
/** Portal label: the strategy a portal default resource set last (create or update). */
export const APPLIED_LABEL = "pulumi-default-applied";
/** The value of {@link PREVIOUS_LABEL} when the portal had no default. */
export const NO_DEFAULT = "none";

/** What the portal's labels record: the strategy applied and the default it replaced. */
export interface DefaultRecord {
  /** The strategy a portal default resource set last. */
  applied: string;
  /** The default before one first set it (null: none). */
  previous: string | null;
}

/** The record a portal's labels hold, when both labels are there and well formed. */
export function recordOf(labels: Readonly<Record<string, string>>): DefaultRecord | undefined {
  const applied = labels[APPLIED_LABEL];
  const previous = labels[PREVIOUS_LABEL];
  if (applied === undefined || previous === undefined || !UUID_PATTERN.test(applied)) return undefined;
  if (previous === NO_DEFAULT) return { applied, previous: null };
  return UUID_PATTERN.test(previous) ? { applied, previous } : undefined;
}

/** True when either record label is on the portal. */
export function hasRecordLabels(labels: Readonly<Record<string, string>>): boolean {
  return labels[APPLIED_LABEL] !== undefined || labels[PREVIOUS_LABEL] !== undefined;
}

/** Two strategy ids (or nulls) name the same strategy (UUIDs compared case-insensitively). */
export function sameStrategy(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The portal's record while it is in force: the portal still points at the strategy the record says was applied.
 * Undefined when there is none or it is stale (the default was changed since).
 */
export function recordInForce(portal: {
  current: string | null;
  labels: Readonly<Record<string, string>>;
}): DefaultRecord | undefined {
  const record = recordOf(portal.labels);
  return record !== undefined && sameStrategy(record.applied, portal.current) ? record : undefined;
}

/** The labels of a PATCH that writes `record`. */
export function recordLabels(record: DefaultRecord): Record<string, string> {
  return { [PREVIOUS_LABEL]: record.previous ?? NO_DEFAULT, [APPLIED_LABEL]: record.applied };
}

/** The labels of a PATCH that removes the record (a null value removes a key). */
export function removedRecordLabels(): Record<string, null> {
  return { [PREVIOUS_LABEL]: null, [APPLIED_LABEL]: null };
}

/** What to do when the PATCH back to the previous default failed with an HTTP status and Konnect's fields. */
export type RestoreFailureAction = "clear" | "done" | "fail";

/**
 * After a failed PATCH back to the previous default: a 400 naming `default_application_auth_strategy_id` means that
 * strategy no longer exists → clear the default (PATCH null). A 404 may mean the strategy is gone (Konnect's answer
 * for unknown references is not documented) or the portal is: clear, and a 404 on that clear means the portal is
 * gone → done. Anything else fails.
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
