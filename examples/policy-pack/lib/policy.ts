/**
 * Adapters from this pack's pure rules to `@pulumi/policy` policies: they snapshot the proxied properties into plain
 * data, merge the policy config over the rule's defaults, apply suppressions, and report each violation.
 */
import type {
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { snapshotProps } from "./plain";
import type { ResourceRule, RuleResource, StackRule, StackRuleResource } from "./rule";
import { findSuppression, suppressionsSchema } from "./suppressions";

/** Source of the current time; injected so tests are deterministic. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/** Rule defaults overlaid with the policy config the user set (unknown keys and `suppressions` kept aside). */
function resolveConfig<C>(defaults: C, raw: Record<string, unknown>): { config: C; suppressions: unknown } {
  const base = defaults as unknown as Record<string, unknown>;
  const config: Record<string, unknown> = {};
  for (const key of Object.keys(base)) config[key] = raw[key] !== undefined ? raw[key] : base[key];
  return { config: config as unknown as C, suppressions: raw["suppressions"] };
}

/** The config schema Pulumi sees: the rule's own properties plus `suppressions`. */
function schemaOf(rule: { configSchema: ResourceRule["configSchema"] }): ResourceValidationPolicy["configSchema"] {
  return { properties: { ...rule.configSchema, suppressions: suppressionsSchema } };
}

/** Plain view of the resource under validation. */
export function toRuleResource(
  args: Pick<ResourceValidationArgs, "type" | "urn" | "name" | "props" | "opts">,
): RuleResource {
  return {
    type: args.type,
    urn: args.urn,
    name: args.name,
    props: snapshotProps(args.props),
    protect: args.opts.protect,
  };
}

/** Plain view of one resource of the stack, with its dependencies as URNs. */
export function toStackRuleResource(resource: PolicyResource): StackRuleResource {
  const propertyDependencies: Record<string, string[]> = {};
  for (const [key, deps] of Object.entries(resource.propertyDependencies)) {
    propertyDependencies[key] = deps.map((d) => d.urn);
  }
  const dependencies = resource.dependencies.map((d) => d.urn);
  return { ...toRuleResource(resource), propertyDependencies, dependencies };
}

/** Turns a resource rule into a `ResourceValidationPolicy`. */
export function resourcePolicy<C>(rule: ResourceRule<C>, clock: Clock = systemClock): ResourceValidationPolicy {
  return {
    name: rule.id,
    description: rule.description,
    enforcementLevel: rule.enforcementLevel,
    severity: rule.severity,
    configSchema: schemaOf(rule),
    validateResource: (args, reportViolation) => {
      if (!rule.appliesTo.includes(args.type)) return;
      const { config, suppressions } = resolveConfig(rule.defaults, args.getConfig<Record<string, unknown>>());
      const messages = rule.check(toRuleResource(args), config, { now: clock() });
      if (messages.length === 0) return;
      const match = findSuppression(suppressions, args.urn, args.name);
      if (match.kind === "suppressed") args.notApplicable(`suppressed: ${match.reason}`);
      for (const message of messages) {
        reportViolation(match.kind === "invalid" ? `${message}\n${match.note}` : message);
      }
    },
  };
}

/** Turns a stack rule into a `StackValidationPolicy`; suppressions apply per offending resource. */
export function stackPolicy<C>(rule: StackRule<C>, clock: Clock = systemClock): StackValidationPolicy {
  return {
    name: rule.id,
    description: rule.description,
    enforcementLevel: rule.enforcementLevel,
    severity: rule.severity,
    configSchema: schemaOf(rule),
    validateStack: (args: StackValidationArgs, reportViolation) => {
      const { config, suppressions } = resolveConfig(rule.defaults, args.getConfig<Record<string, unknown>>());
      const resources = args.resources.map(toStackRuleResource);
      const names = new Map(resources.map((r) => [r.urn, r.name]));
      for (const violation of rule.check(resources, config, { now: clock() })) {
        const match = findSuppression(suppressions, violation.urn, names.get(violation.urn) ?? "");
        if (match.kind === "suppressed") continue;
        const message = match.kind === "invalid" ? `${violation.message}\n${match.note}` : violation.message;
        reportViolation(message, violation.urn);
      }
    },
  };
}
