/**
 * Konnect labels for the objects a component creates: an ownership label by default, user labels on top, and
 * Konnect's label rules checked before anything is sent (konnect-api §2.4).
 */
import type * as pulumi from "@pulumi/pulumi";

/** The ownership label every component-created Konnect object carries unless overridden. */
export const DEFAULT_KONNECT_LABELS: Readonly<Record<string, string>> = { "managed-by": "pulumi" };

/** Key prefixes Konnect reserves. */
const RESERVED_PREFIXES = ["kong", "konnect", "mesh", "kic", "_"];
const VALUE = /^[a-z0-9A-Z]([a-z0-9A-Z-._]*[a-z0-9A-Z]+)?$/;
const MAX_LABELS = 50;

/**
 * The default labels merged with `labels` (user values win), validated: at most 50 keys; keys 1-63 characters not
 * starting with `kong`, `konnect`, `mesh`, `kic` or `_`; known values 1-63 characters of `[A-Za-z0-9-._]` starting and
 * ending with a letter or digit. Values that are Outputs are left to Konnect.
 * @throws naming the offending key.
 */
export function konnectLabels(labels: Record<string, pulumi.Input<string>> = {}): Record<string, pulumi.Input<string>> {
  const merged: Record<string, pulumi.Input<string>> = { ...DEFAULT_KONNECT_LABELS, ...labels };
  const keys = Object.keys(merged);
  if (keys.length > MAX_LABELS) throw new Error(`labels: at most ${MAX_LABELS} labels (got ${keys.length})`);
  for (const key of keys) {
    if (key.length < 1 || key.length > 63) throw new Error(`labels.${key}: keys must be 1-63 characters`);
    const reserved = RESERVED_PREFIXES.find((p) => key.startsWith(p));
    if (reserved !== undefined) throw new Error(`labels.${key}: keys cannot start with "${reserved}"`);
    const value = merged[key];
    if (typeof value === "string" && (value.length > 63 || !VALUE.test(value))) {
      throw new Error(
        `labels.${key}: values must be 1-63 characters of letters, digits, "-", "." or "_", ` +
          "starting and ending with a letter or digit",
      );
    }
  }
  return merged;
}
