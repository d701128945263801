/**
 * KONNECT-DCR-PROTECT-PRODUCTION: in production stacks, DCR providers have the `protect: true` resource option.
 *
 * Why: deleting a DCR provider (or replacing it, e.g. on a providerType change) breaks every developer application
 * registered through it. "Production" is a stack whose name matches the policy config `productionStackPattern`
 * (a regular expression, default `prod`); the stack name is read from the resource URN.
 */
import type { ResourceRule } from "../lib/rule";
import { stackOf } from "../lib/rule";
import { DCR_PROVIDER_TYPE } from "../lib/types";

/** Config of the rule. */
export interface ProtectProductionConfig {
  /** Regular expression (JavaScript syntax, no slashes) matched against the stack name. */
  productionStackPattern: string;
}

/** The rule. */
export const dcrProtectProduction: ResourceRule<ProtectProductionConfig> = {
  id: "konnect-dcr-protect-production",
  description:
    "In production stacks, Konnect DCR providers set the resource option protect: true: deleting one breaks every developer application registered through it.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {
    productionStackPattern: {
      type: "string",
      minLength: 1,
      default: "prod",
      description: "Regular expression (no slashes) that production stack names match.",
    },
  },
  defaults: { productionStackPattern: "prod" },
  appliesTo: [DCR_PROVIDER_TYPE],
  check: ({ urn, protect }, { productionStackPattern }) => {
    let pattern: RegExp;
    try {
      pattern = new RegExp(productionStackPattern);
    } catch {
      return [`policy config productionStackPattern "${productionStackPattern}" is not a valid regular expression.`];
    }
    const stack = stackOf(urn);
    if (protect || !pattern.test(stack)) return [];
    return [
      `stack "${stack}" matches the production pattern /${productionStackPattern}/ but this DCR provider is not protected: set the resource option protect: true.`,
    ];
  },
};
