/**
 * Label updates on PATCH: a null value deletes that key [OBS kongctl]; keys left out are kept ("merge") or dropped
 * ("replace") depending on the `labelPatchMode` option [UNK]; `labels: null` clears every label [INF].
 */
import { type Labels } from "./types";

/** Applies a validated PATCH `labels` value to the current labels. */
export function applyLabelPatch(
  current: Labels,
  patch: Record<string, string | null> | null,
  mode: "merge" | "replace",
): Labels {
  if (patch === null) return {};
  const next: Labels = mode === "merge" ? { ...current } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}
