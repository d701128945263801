/**
 * Konnect labels for the objects a component creates: an ownership label by default, user labels on top, and
 * Konnect's label rules checked before anything is sent (konnect-api §2.4).
 */
import type * as pulumi from "@pulumi/pulumi";
import { declaredLabelCountProblem, labelKeyProblem, labelValueProblem } from "../konnect/labelRules";

/** The ownership label every component-created Konnect object carries unless overridden. */
export const DEFAULT_KONNECT_LABELS: Readonly<Record<string, string>> = { "managed-by": "pulumi" };

/**
 * The default labels merged with `labels` (user values win), validated: at most 49 keys (`MAX_DECLARED_LABELS`)
 * (Konnect's 50 minus the one kept for the creation label); keys 1-63 characters not
 * starting with `kong`, `konnect`, `mesh`, `kic` or `_`; known values 1-63 characters of `[A-Za-z0-9-._]` starting and
 * ending with a letter or digit. Values that are Outputs are left to Konnect.
 * @throws naming the offending key.
 */
export function konnectLabels(labels: Record<string, pulumi.Input<string>> = {}): Record<string, pulumi.Input<string>> {
  const merged: Record<string, pulumi.Input<string>> = { ...DEFAULT_KONNECT_LABELS, ...labels };
  const keys = Object.keys(merged);
  const countProblem = declaredLabelCountProblem(keys.length);
  if (countProblem) throw new Error(`labels: ${countProblem}`);
  for (const key of keys) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) throw new Error(`labels.${key}: ${keyProblem}`);
    const value = merged[key];
    const valueProblem = typeof value === "string" ? labelValueProblem(value) : undefined;
    if (valueProblem) throw new Error(`labels.${key}: ${valueProblem}`);
  }
  return merged;
}
