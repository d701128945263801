/**
 * Suppressions in the style of cdk-nag: a rule can be switched off for named resources, and only with a written
 * reason. They live in the policy config file (`--policy-pack-config`), under each rule's `suppressions` key.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

/** Shortest reason accepted for a suppression. */
export const MIN_REASON_LENGTH = 10;

/** One suppression: which resource (logical name or full URN) and why. */
export interface Suppression {
  /** Logical name (`new X("name", ...)`) or full URN of the resource. */
  resource: string;
  /** Why the rule does not apply; at least {@link MIN_REASON_LENGTH} characters. */
  reason: string;
}

/** JSON schema of the `suppressions` config property; the Pulumi CLI validates policy config against it. */
export const suppressionsSchema: PolicyConfigJSONSchema = {
  type: "array",
  description: "Resources this rule does not apply to, each with the reason (cdk-nag style).",
  items: {
    type: "object",
    properties: {
      resource: { type: "string", minLength: 1, description: "Logical name or full URN of the resource." },
      reason: { type: "string", minLength: MIN_REASON_LENGTH, description: "Why the rule does not apply." },
    },
    required: ["resource", "reason"],
    additionalProperties: false,
  },
};

/** Outcome of looking up a resource in a rule's suppressions. */
export type SuppressionMatch =
  { kind: "none" } | { kind: "suppressed"; reason: string } | { kind: "invalid"; note: string };

/** Finds the suppression for a resource; a matching entry without a long enough reason does not suppress. */
export function findSuppression(suppressions: unknown, urn: string, name: string): SuppressionMatch {
  if (!Array.isArray(suppressions)) return { kind: "none" };
  for (const entry of suppressions as unknown[]) {
    if (entry === null || typeof entry !== "object") continue;
    const { resource, reason } = entry as Partial<Record<keyof Suppression, unknown>>;
    if (resource !== urn && resource !== name) continue;
    const text = typeof reason === "string" ? reason.trim() : "";
    if (text.length < MIN_REASON_LENGTH) {
      return {
        kind: "invalid",
        note: `Suppression for "${String(resource)}" ignored: it needs a reason of at least ${MIN_REASON_LENGTH} characters.`,
      };
    }
    return { kind: "suppressed", reason: text };
  }
  return { kind: "none" };
}
