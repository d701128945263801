/**
 * Values that are not known yet. During `pulumi preview` the engine sends inputs that come from resources not yet
 * created as this sentinel string; `check` and `diff` must accept them and decide later.
 */

import { unknownValue } from "@pulumi/pulumi/runtime";

/** The engine's "unknown" sentinel, as dynamic providers receive it (the SDK's own constant). */
export const UNKNOWN: string = unknownValue;

/** True when the value itself is unknown. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value or anything inside it is unknown. Iterative, so a deeply nested value cannot overflow the stack. */
export function containsUnknown(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === UNKNOWN) return true;
    if (typeof next === "object" && next !== null) for (const item of Object.values(next)) pending.push(item);
  }
  return false;
}
