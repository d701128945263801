/**
 * KONNECT-STRATEGY-SAME-REGION (stack rule): an ApiPublication and a PortalDefaultAuthStrategy are in the same Konnect
 * region as the AuthStrategy they reference.
 *
 * Why: portals, APIs and auth strategies are geo-specific; a strategy id from another region does not exist where the
 * publication or the portal lives, so Konnect rejects the PUT/PATCH at `up` time. The rule reports it at preview.
 *
 * Which strategy: see `referencedStrategies` (property dependency of `authStrategyIds` / `authStrategyId`, else a
 * literal id equal to a strategy's `id`, `adopt` or `adoptId`). A strategy outside the stack is not checked.
 *
 * Regions compared:
 * - Both `region`s set: they must be equal.
 * - Both absent: both use the stack's default region (the same provider configuration), so they agree.
 * - One set and one absent: the absent one is the stack default (`konnect:region`, `KONNECT_REGION` or `us`), which
 *   policies cannot read. With the policy config `defaultRegion` the rule compares against it; without it the rule
 *   reports the pair, because it cannot show that they agree: set `region` on both, or set `defaultRegion`.
 * - A region unknown in preview is skipped (the rule runs again with the resolved value during `up`).
 */
import { referencedStrategies, regionOf } from "../lib/konnect";
import type { RegionOf } from "../lib/konnect";
import type { StackRule, StackRuleResource, StackViolation } from "../lib/rule";
import { API_PUBLICATION_TYPE, PORTAL_DEFAULT_AUTH_STRATEGY_TYPE } from "../lib/types";

/** Config of the rule. */
export interface SameRegionConfig {
  /** The stack's default Konnect region (what `konnect:region` / `KONNECT_REGION` resolve to), when known. */
  defaultRegion: string | undefined;
}

/** Konnect regions (the regional API hosts). */
const REGIONS = ["us", "eu", "au", "me", "in", "sg"];

/** The property that references strategies, per resource type, and how messages name the resource. */
const REFERENCES: Record<string, { property: string; kind: string }> = {
  [API_PUBLICATION_TYPE]: { property: "authStrategyIds", kind: "API publication" },
  [PORTAL_DEFAULT_AUTH_STRATEGY_TYPE]: { property: "authStrategyId", kind: "portal default" },
};

/** How a region reads in a message. */
function describe(region: RegionOf, defaultRegion: string | undefined): string {
  if (region.kind === "explicit") return `region "${region.region}"`;
  return defaultRegion === undefined
    ? "the stack default region (region not set)"
    : `the stack default region "${defaultRegion}" (region not set)`;
}

/** The violation message for one referencing resource and one strategy, or undefined when they agree. */
function mismatch(
  resource: StackRuleResource,
  kind: string,
  strategy: StackRuleResource,
  defaultRegion: string | undefined,
): string | undefined {
  const own = regionOf(resource);
  const theirs = regionOf(strategy);
  if (own.kind === "unknown" || theirs.kind === "unknown") return undefined;
  if (own.kind === "default" && theirs.kind === "default") return undefined;
  const a = own.kind === "explicit" ? own.region : defaultRegion;
  const b = theirs.kind === "explicit" ? theirs.region : defaultRegion;
  const head = `${kind} "${resource.name}" is in ${describe(own, defaultRegion)} but its auth strategy "${strategy.name}" is in ${describe(theirs, defaultRegion)}`;
  if (a === undefined || b === undefined) {
    return `${head}: the policy cannot see the stack default; set region on both, or set the policy config defaultRegion.`;
  }
  if (a === b) return undefined;
  return `${head}: Konnect objects are regional, so the strategy does not exist there; use the same region for both.`;
}

/** The rule. */
export const strategySameRegion: StackRule<SameRegionConfig> = {
  id: "konnect-strategy-same-region",
  description:
    "API publications and portal defaults are in the same Konnect region as the auth strategy they use: Konnect objects are regional and a strategy from another region does not exist there.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {
    defaultRegion: {
      type: "string",
      enum: REGIONS,
      description:
        "The stack's default Konnect region (konnect:region, else KONNECT_REGION, else us), for resources that do not set region.",
    },
  },
  defaults: { defaultRegion: undefined },
  check: (resources, { defaultRegion }) => {
    const violations: StackViolation[] = [];
    for (const resource of resources) {
      const reference = REFERENCES[resource.type];
      if (reference === undefined) continue;
      for (const strategy of referencedStrategies(resource, reference.property, resources)) {
        const message = mismatch(resource, reference.kind, strategy, defaultRegion);
        if (message !== undefined) violations.push({ urn: resource.urn, message });
      }
    }
    return violations;
  },
};
