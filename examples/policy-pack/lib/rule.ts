/**
 * The shape of a rule in this pack (cdk-nag style): an ID, a short explanation, an enforcement level, and a pure
 * check over plain resource arguments. `policy.ts` turns rules into `@pulumi/policy` policies.
 */
import type { EnforcementLevel, Severity } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import type { PlainObject } from "./plain";

/** What a resource rule sees of one resource: type token, identity, plain inputs and the `protect` option. */
export interface RuleResource {
  /** Pulumi type token, e.g. `azuread:index/application:Application`. */
  type: string;
  /** Full URN (`urn:pulumi:<stack>::<project>::<type>::<name>`). */
  urn: string;
  /** Logical resource name. */
  name: string;
  /** Resource inputs as plain data; values unknown in preview are `UNKNOWN`. */
  props: PlainObject;
  /** The `protect` resource option. */
  protect: boolean;
}

/** What a stack rule sees of one resource: a {@link RuleResource} plus its dependencies (URNs). */
export interface StackRuleResource extends RuleResource {
  /** For each top-level property, the URNs of the resources its value came from. */
  propertyDependencies: Record<string, string[]>;
  /** URNs of every resource this one depends on (property dependencies and `dependsOn`). */
  dependencies: string[];
}

/** Things a rule must not read from the environment itself, so tests can fix them. */
export interface RuleContext {
  /** The current time. */
  now: Date;
}

/** One violation found by a stack rule, attached to the resource it concerns. */
export interface StackViolation {
  /** URN of the offending resource. */
  urn: string;
  /** What is wrong and what to do. */
  message: string;
}

/** Fields every rule has. */
interface RuleBase<C> {
  /** Rule ID, used as the Pulumi policy name and as the key in policy config files. */
  id: string;
  /** Short explanation: what the rule asks for and why. Pulumi prefixes every violation message with it. */
  description: string;
  /** Default enforcement level (overridable per rule in the policy config). */
  enforcementLevel: EnforcementLevel;
  /** Severity shown by Pulumi. */
  severity: Severity;
  /** JSON schema of the rule's own config properties (suppressions are added for every rule). */
  configSchema: Record<string, PolicyConfigJSONSchema>;
  /** Config values used when the policy config does not set them. */
  defaults: C;
}

/** A rule that looks at one resource at a time. */
export interface ResourceRule<C = Record<string, never>> extends RuleBase<C> {
  /** Type tokens the rule applies to; other resources are skipped. */
  appliesTo: readonly string[];
  /** The check: returns violation messages (empty when compliant). Pure. */
  check(resource: RuleResource, config: C, context: RuleContext): string[];
}

/** A rule that needs several resources of the stack at once. */
export interface StackRule<C = Record<string, never>> extends RuleBase<C> {
  /** The check over all resources of the stack. Pure. */
  check(resources: StackRuleResource[], config: C, context: RuleContext): StackViolation[];
}

/** Stack name from a URN `urn:pulumi:<stack>::<project>::<type>::<name>` (empty string when malformed). */
export function stackOf(urn: string): string {
  const prefix = "urn:pulumi:";
  if (!urn.startsWith(prefix)) return "";
  const end = urn.indexOf("::", prefix.length);
  return end < 0 ? "" : urn.slice(prefix.length, end);
}
