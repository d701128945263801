/**
 * Helpers over the plain arguments of the Konnect Dev Portal resources (ApiPublication, PortalDefaultAuthStrategy):
 * which auth strategies of the stack they reference, which region they live in, and whether two name the same portal.
 */
import { asArray, isUnknown } from "./plain";
import type { Plain } from "./plain";
import type { StackRuleResource } from "./rule";
import { AUTH_STRATEGY_TYPE } from "./types";

/** Region of a resource: an explicit name, the stack's default region (`region` not set), or unknown in preview. */
export type RegionOf = { kind: "explicit"; region: string } | { kind: "default" } | { kind: "unknown" };

/**
 * The region a resource declares. Absent, `null` and `""` mean the stack default (`konnect:region`, else
 * `KONNECT_REGION`, else `us`), which the policy pack cannot see. A value unknown in preview, and a value that is not
 * a string (the resource's own validation rejects it), count as `unknown`.
 */
export function regionOf(resource: StackRuleResource): RegionOf {
  const raw = resource.props["region"];
  if (raw === undefined || raw === null || raw === "") return { kind: "default" };
  if (typeof raw === "string") return { kind: "explicit", region: raw };
  return { kind: "unknown" };
}

/**
 * The AuthStrategy resources of the stack that a reference property points at (`authStrategyIds` of a publication,
 * `authStrategyId` of a portal default), in this order of evidence:
 * 1. `propertyDependencies[property]`: AuthStrategy resources whose output fed the property. Exact, and it also works
 *    in preview, where the id of a strategy not yet created is unknown.
 * 2. AuthStrategy resources whose `id`, `adopt` or `adoptId` equals a literal id in the property.
 * Strategies outside the stack are not found; the caller then has nothing to compare.
 */
export function referencedStrategies(
  resource: StackRuleResource,
  property: string,
  resources: readonly StackRuleResource[],
): StackRuleResource[] {
  const strategies = resources.filter((r) => r.type === AUTH_STRATEGY_TYPE);
  const deps = resource.propertyDependencies[property] ?? [];
  const ids = literalIds(resource.props[property]);
  return strategies.filter(
    (s) =>
      deps.includes(s.urn) ||
      ids.some(
        (id) =>
          id === s.props["id"] ||
          (s.props["adopt"] !== undefined && id === s.props["adopt"]) ||
          (s.props["adoptId"] !== undefined && id === s.props["adoptId"]),
      ),
  );
}

/** The known string ids of a reference property (one id or a list of ids). */
function literalIds(value: Plain): string[] {
  if (typeof value === "string") return [value];
  return (asArray(value) ?? []).filter((v): v is string => typeof v === "string");
}

/**
 * Whether two resources name the same portal: `true` when both `portalId`s are the same known string or came from the
 * same resource output (property dependencies), `false` when both are known and differ, `undefined` when it cannot be
 * told in preview (an unknown id without a shared dependency).
 */
export function samePortal(a: StackRuleResource, b: StackRuleResource): boolean | undefined {
  const pa = a.props["portalId"];
  const pb = b.props["portalId"];
  if (typeof pa === "string" && typeof pb === "string") return pa === pb;
  const da = a.propertyDependencies["portalId"] ?? [];
  const db = b.propertyDependencies["portalId"] ?? [];
  if (da.length > 0 && da.length === db.length && da.every((u) => db.includes(u))) return true;
  if (isUnknown(pa) || isUnknown(pb)) return undefined;
  return false;
}
