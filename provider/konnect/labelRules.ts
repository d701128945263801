/**
 * Konnect's label rules (konnect-api §2.4), written once and free of zod and axios so the Konnect schemas, the
 * resources' `check` and the components' `konnectLabels` all read the same numbers.
 */

/** Label keys may not start with these (case-sensitive; kongctl's `KONGCTL-*` keys are accepted by Konnect). */
export const RESERVED_LABEL_PREFIXES = ["kong", "konnect", "mesh", "kic", "_"] as const;
/** Label value rule from the spec. */
export const LABEL_VALUE_PATTERN = /^[a-z0-9A-Z]{1}([a-z0-9A-Z-._]*[a-z0-9A-Z]+)?$/;
/** Most labels Konnect keeps on one object. */
export const MAX_LABELS = 50;
/** Label key that carries the creation id of the exactly-once create. Hidden from outputs, never removed by updates. */
export const CREATE_LABEL = "pulumi-create-id";
/** Most labels a resource (or component) may declare: Konnect's limit minus the slot kept for {@link CREATE_LABEL}. */
export const MAX_DECLARED_LABELS = MAX_LABELS - 1;

/** The reserved prefixes as one pattern, compiled once (every label of every request is checked against it). */
const RESERVED_PREFIX_PATTERN = new RegExp(`^(?:${RESERVED_LABEL_PREFIXES.join("|")})`);

/** Why a label key is invalid, or undefined when it is fine. */
export function labelKeyProblem(key: string): string | undefined {
  if (key.length < 1 || key.length > 63) return "label keys must be 1-63 characters";
  const prefix = RESERVED_PREFIX_PATTERN.exec(key)?.[0];
  if (prefix !== undefined) {
    return `label keys must not start with "${prefix}" (reserved: kong, konnect, mesh, kic, _)`;
  }
  return undefined;
}

/** Why a label value is invalid, or undefined when it is fine. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length < 1 || value.length > 63) return "label values must be 1-63 characters";
  if (!LABEL_VALUE_PATTERN.test(value)) {
    return "label values must start and end with a letter or digit and contain only letters, digits, '-', '.' and '_'";
  }
  return undefined;
}

/** Why a set of declared labels has too many keys, or undefined. */
export function declaredLabelCountProblem(count: number): string | undefined {
  if (count <= MAX_DECLARED_LABELS) return undefined;
  return `at most ${MAX_DECLARED_LABELS} labels are allowed (Konnect's ${MAX_LABELS} minus one kept for ${CREATE_LABEL}), got ${count}`;
}
