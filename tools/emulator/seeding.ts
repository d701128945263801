/**
 * Seeding helpers: the Konnect objects a publication or a DCR application needs, stored straight into an in-process
 * emulator (no request is logged). Free of test-runner globals, so tests (through `testSupport.ts`) and the bench
 * share them.
 */
import { type KonnectEmulator, type Region } from "./emulator";
import { API_BODY, DCR_BODIES, PORTAL_BODY, TEAM_BODY, oidcBody } from "./sampleBodies";

/** What `seedPublicationTargets` seeded. */
export interface PublicationTargets {
  portalId: string;
  apiId: string;
}

/**
 * Seeds one portal and one API in a region (default `us`), the two objects an API publication needs, straight into
 * the store (no request is logged). `portal` fields are merged into `PORTAL_BODY`, e.g.
 * `{default_application_auth_strategy_id: strategyId}`.
 */
export function seedPublicationTargets(
  konnect: KonnectEmulator,
  options: { region?: Region; portal?: Record<string, unknown>; api?: Record<string, unknown> } = {},
): PublicationTargets {
  const region = options.region ?? "us";
  const portal = konnect.seedPortal({ ...PORTAL_BODY, ...options.portal }, { region });
  const api = konnect.seedApi({ ...API_BODY, ...options.api }, { region });
  return { portalId: portal.id, apiId: api.id };
}

/** What `seedDcrTargets` seeded: everything a DCR application and its registration need. */
export interface DcrTargets extends PublicationTargets {
  dcrProviderId: string;
  strategyId: string;
  teamId: string;
  /** The Azure DCR provider's `initial_client_id` (the admin app that owns the clients Konnect creates). */
  adminClientId: string;
  /** The tenant of the provider's issuer. */
  tenantId: string;
}

/**
 * Seeds, in a region (default `us`), an Azure DCR provider (`DCR_BODIES.azureAd`: admin `client-a`, tenant
 * `tenant` unless `tenantId` names another), an OIDC strategy linked to it with the same issuer, a portal, an API
 * published there with that strategy (options as the publication PUT's, e.g. `{auto_approve_registrations: true}`)
 * and a team that can own applications.
 */
export function seedDcrTargets(
  konnect: KonnectEmulator,
  options: { region?: Region; publication?: Record<string, unknown>; tenantId?: string } = {},
): DcrTargets {
  const region = options.region ?? "us";
  const tenantId = options.tenantId ?? "tenant";
  const issuer = `https://sts.windows.net/${tenantId}`;
  const provider = konnect.seedDcrProvider({ ...DCR_BODIES.azureAd, issuer }, { region });
  const strategy = konnect.seedAuthStrategy(oidcBody(provider.id, { issuer }), { region });
  const { portalId, apiId } = seedPublicationTargets(konnect, { region });
  konnect.seedPublication(apiId, portalId, { auth_strategy_ids: [strategy.id], ...options.publication }, { region });
  const team = konnect.seedTeam(portalId, TEAM_BODY, { region });
  return {
    portalId,
    apiId,
    dcrProviderId: provider.id,
    strategyId: strategy.id,
    teamId: team.id,
    adminClientId: DCR_BODIES.azureAd.dcr_config.initial_client_id,
    tenantId,
  };
}
