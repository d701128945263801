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

/** True when the value or anything inside it is unknown. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}
