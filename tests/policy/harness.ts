/**
 * Runs this pack's policies the way @pulumi/policy's server does, without gRPC: properties go through the same
 * unknown-checking proxy, config comes from `getConfig`, and violations, URNs and "not applicable" are collected.
 */
import type {
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { unknownCheckingProxy } from "../../examples/policy-pack/lib/runtime";

/** Unknown-string sentinel of the Pulumi wire format (a value not known during preview). */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Unknown-array sentinel. */
export const UNKNOWN_ARRAY = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";
/** Unknown-object sentinel. */
export const UNKNOWN_OBJECT = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";

/** A resource as a test describes it. */
export interface TestResource {
  type: string;
  name: string;
  props: Record<string, unknown>;
  stack?: string;
  protect?: boolean;
  propertyDependencies?: Record<string, string[]>;
  /** URNs of every resource this one depends on (`dependsOn` included). */
  dependencies?: string[];
}

/** What a policy reported. */
export interface Outcome {
  violations: { message: string; urn?: string }[];
  notApplicable?: string;
}

class NotApplicable extends Error {
  constructor(readonly reason: string | undefined) {
    super(reason);
  }
}

/** URN of a test resource. */
export function urnOf(r: Pick<TestResource, "type" | "name" | "stack">): string {
  return `urn:pulumi:${r.stack ?? "dev"}::konnect-dcr::${r.type}::${r.name}`;
}

function baseArgs(r: TestResource, config: Record<string, unknown>) {
  return {
    type: r.type,
    name: r.name,
    urn: urnOf(r),
    props: unknownCheckingProxy(r.props),
    opts: {
      protect: r.protect ?? false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    stackTags: new Map<string, string>(),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  };
}

/** Validates one resource with a resource policy. */
export async function runResource(
  policy: ResourceValidationPolicy,
  resource: TestResource,
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const outcome: Outcome = { violations: [] };
  const args: ResourceValidationArgs = {
    ...baseArgs(resource, config),
    isType: () => false,
    asType: () => undefined,
  };
  const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
  try {
    for (const validate of validations) {
      await validate?.(args, (message, urn) => outcome.violations.push(urn ? { message, urn } : { message }));
    }
  } catch (e) {
    if (!(e instanceof NotApplicable)) throw e;
    outcome.notApplicable = e.reason;
  }
  return outcome;
}

/** Validates a whole stack with a stack policy. */
export async function runStack(
  policy: StackValidationPolicy,
  resources: TestResource[],
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const outcome: Outcome = { violations: [] };
  const built: PolicyResource[] = resources.map((r) => ({
    ...baseArgs(r, config),
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  }));
  const byUrn = new Map(built.map((b) => [b.urn, b]));
  resources.forEach((r, i) => {
    built[i]!.dependencies = (r.dependencies ?? []).map((u) => byUrn.get(u)!);
    for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
      built[i]!.propertyDependencies[key] = urns.map((u) => byUrn.get(u)!);
    }
  });
  try {
    await policy.validateStack(
      {
        resources: built,
        stackTags: new Map(),
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string): never => {
          throw new NotApplicable(reason);
        },
      },
      (message, urn) => outcome.violations.push(urn ? { message, urn } : { message }),
    );
  } catch (e) {
    if (!(e instanceof NotApplicable)) throw e;
    outcome.notApplicable = e.reason;
  }
  return outcome;
}
