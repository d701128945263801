/**
 * Which labels of a Konnect object a resource owns. Konnect, other Kong tools (kongctl, decK, the Kubernetes
 * Ingress Controller) and people in the UI add labels too; a resource must never block on them, remove them, or show
 * them as a change.
 *
 * A resource owns:
 * - the keys it declares (`labels` of its inputs), and
 * - the creation label (`pulumi-create-id`): owned but never declared; it is kept on every update and hidden from
 *   outputs.
 * Every other key is not ours: keys with a reserved prefix (`kong`, `konnect`, `mesh`, `kic`, `_`; `check` refuses
 * them, so they can only come from elsewhere) and keys that are not declared. Outputs mirror only the declared keys,
 * so a refresh never turns a foreign label into a diff; the label PATCH sends values for the declared keys and `null`
 * only for keys that were ours before and are no longer declared.
 */
import { CREATE_LABEL, RESERVED_LABEL_PREFIXES } from "../../konnect/labelRules";
import type { Labels } from "./types";

/** True for a key a resource may own through its declared labels (not reserved by Kong, not the creation label). */
export function isDeclarableLabelKey(key: string): boolean {
  return key !== CREATE_LABEL && !RESERVED_LABEL_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The labels of a Konnect object that mirror the declared ones: the object's values for the declared keys (a declared
 * key missing on the object is left out, so the next diff puts it back). Undefined when nothing is declared.
 */
export function ownedLabels(objectLabels: Record<string, string>, declared: Labels | undefined): Labels | undefined {
  if (declared === undefined) return undefined;
  const owned: Labels = {};
  for (const key of Object.keys(declared)) {
    if (isDeclarableLabelKey(key) && Object.prototype.hasOwnProperty.call(objectLabels, key)) {
      owned[key] = objectLabels[key]!;
    }
  }
  return owned;
}

/**
 * The labels of prior outputs that were ours: a state written before this rule may hold foreign labels a refresh
 * copied in; those with a reserved prefix (which no one can declare) and the creation label are dropped.
 */
export function previouslyOwnedLabels(before: Labels | undefined): Labels {
  return Object.fromEntries(Object.entries(before ?? {}).filter(([key]) => isDeclarableLabelKey(key)));
}

/**
 * The `labels` of a PATCH that makes the owned labels equal `desired` (Konnect merges labels): every desired key with
 * its value, and `null` for a key owned before that is no longer desired. Keys not owned are never sent.
 */
export function ownedLabelsPatch(
  before: Labels | undefined,
  desired: Labels | undefined,
): Record<string, string | null> {
  const patch: Record<string, string | null> = { ...(desired ?? {}) };
  for (const key of Object.keys(previouslyOwnedLabels(before))) {
    if (!(key in patch)) patch[key] = null;
  }
  return patch;
}

/**
 * The whole `labels` of a request that replaces every label (a PUT): the object's labels that are not ours (foreign
 * keys and the creation label) kept as they are, the keys owned before and no longer desired left out, and every
 * desired key with its value. So a PUT neither drops what others set nor loses the creation key.
 */
export function ownedLabelsReplacement(
  before: Labels | undefined,
  desired: Labels | undefined,
  objectLabels: Record<string, string> | undefined,
): Record<string, string> {
  const ownedBefore = previouslyOwnedLabels(before);
  const notOurs = Object.entries(objectLabels ?? {}).filter(([key]) => !(key in ownedBefore));
  return { ...Object.fromEntries(notOurs), ...(desired ?? {}) };
}
