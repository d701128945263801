/**
 * KONNECT-STRATEGY-AZURE-CLAIMS (stack rule): an auth strategy that uses an azureAd DCR provider has credential claim
 * `["appid"]` and the same issuer as that provider.
 *
 * Why: Azure v1 access tokens carry the client id in `appid` (`azp` is the v2 claim), and the OpenID Connect plugin
 * validates tokens against the strategy's issuer, so a strategy whose issuer differs from the provider's rejects the
 * tokens of the very applications the provider registered.
 *
 * How the strategy's DCR provider is found, in order:
 * 1. `propertyDependencies.dcrProviderId`: the DcrProvider resource whose output fed `dcrProviderId`. This is exact
 *    and works in preview, where the id of a provider not yet created is unknown.
 * 2. A DcrProvider in the stack whose `id`, `adopt` or `adoptId` equals the known `dcrProviderId` (hard-coded ids).
 * 3. Fallback when neither applies (id unknown and no dependency recorded): azureAd DCR providers of the stack with
 *    the strategy's issuer. Only the claim can be checked then, since the issuers match by construction.
 * A strategy whose provider is not in the stack is still treated as Azure when its own issuer is a
 * `https://sts.windows.net/` issuer, and its claim is checked.
 */
import { normalizeIssuer } from "../lib/azure";
import { asArray, asString, isUnknown, show } from "../lib/plain";
import type { Plain } from "../lib/plain";
import type { StackRule, StackRuleResource, StackViolation } from "../lib/rule";
import { AUTH_STRATEGY_TYPE, AZURE_PROVIDER_TYPE, DCR_PROVIDER_TYPE } from "../lib/types";

/** How the strategy was tied to a DCR provider (for messages and tests). */
export type ProviderLink =
  | { via: "dependency" | "id"; provider: StackRuleResource }
  | { via: "issuer"; provider: StackRuleResource }
  | { via: "none" };

/** Finds the DCR provider of a strategy among the stack's resources; see the file comment for the order. */
export function findDcrProvider(strategy: StackRuleResource, resources: readonly StackRuleResource[]): ProviderLink {
  const providers = resources.filter((r) => r.type === DCR_PROVIDER_TYPE);
  const deps = strategy.propertyDependencies["dcrProviderId"] ?? [];
  const byDependency = providers.find((p) => deps.includes(p.urn));
  if (byDependency) return { via: "dependency", provider: byDependency };
  const id = strategy.props["dcrProviderId"];
  if (typeof id === "string") {
    const byId = providers.find((p) => p.props["id"] === id || p.props["adopt"] === id || p.props["adoptId"] === id);
    if (byId) return { via: "id", provider: byId };
  }
  const issuer = strategyIssuer(strategy);
  if (issuer !== undefined) {
    const byIssuer = providers.find((p) => {
      const pi = p.props["issuer"];
      return (
        p.props["providerType"] === AZURE_PROVIDER_TYPE &&
        typeof pi === "string" &&
        normalizeIssuer(pi) === normalizeIssuer(issuer)
      );
    });
    if (byIssuer) return { via: "issuer", provider: byIssuer };
  }
  return { via: "none" };
}

/** The strategy's `openidConnect.issuer` when known. */
function strategyIssuer(strategy: StackRuleResource): string | undefined {
  const oidc = strategy.props["openidConnect"];
  if (oidc === null || typeof oidc !== "object" || Array.isArray(oidc)) return undefined;
  return asString(oidc["issuer"]);
}

/** True when the claim list is exactly `["appid"]`; undefined when unknown. */
function claimIsAppid(claim: Plain): boolean | undefined {
  if (isUnknown(claim)) return undefined;
  const list = asArray(claim);
  if (list?.some(isUnknown)) return undefined;
  return list !== undefined && list.length === 1 && list[0] === "appid";
}

/** The rule. */
export const strategyAzureClaims: StackRule = {
  id: "konnect-strategy-azure-claims",
  description:
    'Auth strategies that use an Azure DCR provider set credentialClaim ["appid"] and the same issuer as the provider: Azure v1 tokens carry the client id in appid.',
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {},
  defaults: {},
  check: (resources) => {
    const violations: StackViolation[] = [];
    for (const strategy of resources) {
      if (strategy.type !== AUTH_STRATEGY_TYPE || strategy.props["dcrProviderId"] === undefined) continue;
      const oidc = strategy.props["openidConnect"];
      if (oidc === null || typeof oidc !== "object" || Array.isArray(oidc)) continue;
      const issuer = strategyIssuer(strategy);
      const link = findDcrProvider(strategy, resources);
      const provider = link.via === "none" ? undefined : link.provider;
      const azure =
        provider !== undefined
          ? provider.props["providerType"] === AZURE_PROVIDER_TYPE
          : issuer?.startsWith("https://sts.windows.net/") === true;
      if (!azure) continue;
      const named = provider ? ` uses Azure DCR provider "${provider.name}" but` : " has an Azure issuer but";
      const claim = oidc["credentialClaim"];
      if (claimIsAppid(claim) === false) {
        violations.push({
          urn: strategy.urn,
          message: `auth strategy "${strategy.name}"${named} openidConnect.credentialClaim is ${show(claim)}: set it to ["appid"].`,
        });
      }
      const providerIssuer = provider ? provider.props["issuer"] : undefined;
      if (
        issuer !== undefined &&
        typeof providerIssuer === "string" &&
        normalizeIssuer(issuer) !== normalizeIssuer(providerIssuer)
      ) {
        violations.push({
          urn: strategy.urn,
          message: `auth strategy "${strategy.name}" has issuer "${issuer}" but its DCR provider "${provider?.name ?? ""}" has issuer "${providerIssuer}": use the same https://sts.windows.net/<tenant GUID> issuer on both.`,
        });
      }
    }
    return violations;
  },
};
