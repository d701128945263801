/**
 * KONNECT-PUBLICATION-PUBLIC-AUTH (advisory stack rule): an API published with `visibility: "public"` requires
 * application auth.
 *
 * Why: a public publication is listed to everyone who can open the portal. With `authStrategyIds: []` (sent to Konnect
 * as `null`) the API requires no application auth, so no developer application, and no DCR client, stands between a
 * reader of the portal and the API. That can be intended (an open API), hence advisory: suppress it with the reason.
 *
 * How the publication's auth is read:
 * - `authStrategyIds: []`: explicitly no application auth; reported when public. `null` counts the same: it is what
 *   Konnect reports for a publication without auth, and stack policies can see the resource's outputs after `up`.
 * - `authStrategyIds` absent: Konnect applies the portal's default strategy when the publication is
 *   created; a later default is not applied retroactively. So:
 *   - with a PortalDefaultAuthStrategy for the same portal in the stack that the publication depends on (for example
 *     through `dependsOn`), the publication gets that strategy: compliant;
 *   - with one that the publication does not depend on, Pulumi may publish before the default is set, and the
 *     publication keeps the portal's previous default (possibly none): reported;
 *   - without one, the default is managed outside the stack and the rule cannot see it: not reported.
 * - `visibility` absent is Konnect's default, private: not checked.
 * - Values unknown in preview (visibility, the list, the portal id) are skipped; the rule runs again during `up`.
 */
import { samePortal } from "../lib/konnect";
import { asArray, isUnknown, show } from "../lib/plain";
import type { StackRule, StackRuleResource, StackViolation } from "../lib/rule";
import { API_PUBLICATION_TYPE, PORTAL_DEFAULT_AUTH_STRATEGY_TYPE } from "../lib/types";

/** The violation for one public publication, or undefined when it has application auth (or it cannot be told). */
function check(publication: StackRuleResource, resources: readonly StackRuleResource[]): string | undefined {
  const ids = publication.props["authStrategyIds"];
  if (isUnknown(ids)) return undefined;
  const list = asArray(ids);
  if (list !== undefined && list.length > 0) return undefined;
  if (list !== undefined || ids === null) {
    return `API publication "${publication.name}" is public and has authStrategyIds ${show(ids)}: the API requires no application auth, so developers use it without registering an application. Set authStrategyIds to the DCR strategy, make it private, or suppress this rule with the reason the API is open.`;
  }
  const defaults = resources.filter(
    (r) => r.type === PORTAL_DEFAULT_AUTH_STRATEGY_TYPE && samePortal(publication, r) !== false,
  );
  const unordered = defaults.filter((d) => samePortal(publication, d) === true && !dependsOn(publication, d));
  if (unordered.length === 0 || unordered.length < defaults.length) return undefined;
  const names = unordered.map((d) => `"${d.name}"`).join(", ");
  return `API publication "${publication.name}" is public and takes the portal's default strategy (authStrategyIds not set), but it does not depend on the portal default ${names}: Konnect applies the default only to publications created after it, so this one may get the previous default or none. Add dependsOn: [the portal default], or set authStrategyIds.`;
}

/** Whether `resource` depends on `other` (property dependency or `dependsOn`). */
function dependsOn(resource: StackRuleResource, other: StackRuleResource): boolean {
  return (
    resource.dependencies.includes(other.urn) ||
    Object.values(resource.propertyDependencies).some((urns) => urns.includes(other.urn))
  );
}

/** The rule. */
export const publicationPublicAuth: StackRule = {
  id: "konnect-publication-public-auth",
  description:
    "Public API publications require application auth: with no auth strategy, anyone who can open the portal uses the API without registering an application.",
  enforcementLevel: "advisory",
  severity: "medium",
  configSchema: {},
  defaults: {},
  check: (resources) => {
    const violations: StackViolation[] = [];
    for (const publication of resources) {
      if (publication.type !== API_PUBLICATION_TYPE || publication.props["visibility"] !== "public") continue;
      const message = check(publication, resources);
      if (message !== undefined) violations.push({ urn: publication.urn, message });
    }
    return violations;
  },
};
