/**
 * Response views: stored objects as Konnect returns them. Write-only secrets are removed here and only here, so no
 * response (create included) can carry one.
 */
import { DCR_CONFIG_FIELDS } from "./dcrConfigFields";
import { type EmulatorStore } from "./store";
import {
  type StoredApi,
  type StoredAuthStrategy,
  type StoredDcrProvider,
  type StoredPortal,
  type StoredPublication,
} from "./types";

/** The options rendering depends on. */
export interface RenderOptions {
  omitDcrDisplayName: boolean;
}

/** `dcr_config` without secrets, with the type's response defaults filled in (auth0's audience and scopes flag). */
export function publicDcrConfig(provider: StoredDcrProvider): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(DCR_CONFIG_FIELDS[provider.provider_type])) {
    if (field.secret) continue;
    const value = provider.dcr_config[name];
    if (value !== undefined) config[name] = value;
    else if (field.responseDefault !== undefined) config[name] = field.responseDefault;
  }
  return config;
}

/**
 * A `DcrProviderResponse`. `active` is true while a strategy references the provider [OBS]. `labels` appear only
 * when some are set [INF: the spec's examples leave them out; the schema makes them optional].
 */
export function renderDcrProvider(
  provider: StoredDcrProvider,
  store: EmulatorStore,
  options: RenderOptions,
): Record<string, unknown> {
  const body: Record<string, unknown> = { id: provider.id, name: provider.name };
  if (provider.display_name !== undefined && !options.omitDcrDisplayName) body.display_name = provider.display_name;
  body.provider_type = provider.provider_type;
  body.issuer = provider.issuer;
  body.active = store.isDcrProviderReferenced(provider.region, provider.id);
  body.dcr_config = publicDcrConfig(provider);
  if (Object.keys(provider.labels).length > 0) body.labels = { ...provider.labels };
  body.created_at = provider.created_at;
  body.updated_at = provider.updated_at;
  return body;
}

/**
 * Whether a strategy supports several credentials per application. key_auth: always [SPEC]. openid_connect [INF]:
 * true when linked to an azureAd or okta provider, or an http provider with `allow_multiple_credentials`.
 */
export function supportsMultipleCredentials(strategy: StoredAuthStrategy, provider: StoredDcrProvider | undefined) {
  if (strategy.strategy_type === "key_auth") return true;
  if (provider === undefined) return false;
  if (provider.provider_type === "azureAd" || provider.provider_type === "okta") return true;
  return provider.provider_type === "http" && provider.dcr_config.allow_multiple_credentials === true;
}

/** An `AppAuthStrategy` response; the linked provider appears as `dcr_provider`, never as `dcr_provider_id`. */
export function renderAuthStrategy(
  strategy: StoredAuthStrategy,
  store: EmulatorStore,
  options: RenderOptions,
): Record<string, unknown> {
  const provider =
    strategy.dcr_provider_id === null ? undefined : store.getDcrProvider(strategy.region, strategy.dcr_provider_id);
  let dcrProvider: Record<string, unknown> | null = null;
  if (provider !== undefined) {
    dcrProvider = { id: provider.id, name: provider.name };
    if (provider.display_name !== undefined && !options.omitDcrDisplayName)
      dcrProvider.display_name = provider.display_name;
    dcrProvider.provider_type = provider.provider_type;
  }
  const body: Record<string, unknown> = {
    id: strategy.id,
    name: strategy.name,
    display_name: strategy.display_name,
    strategy_type: strategy.strategy_type,
    configs: structuredClone(strategy.configs),
    // [SPEC] active while a published entity uses it; `in_use` is the control API's stand-in for other users.
    active: strategy.in_use || store.publicationsUsing(strategy.region, strategy.id).length > 0,
    dcr_provider: dcrProvider,
    labels: { ...strategy.labels },
    supports_multiple_credentials: supportsMultipleCredentials(strategy, provider),
  };
  if (strategy.principals !== undefined) body.principals = { ...strategy.principals };
  body.created_at = strategy.created_at;
  body.updated_at = strategy.updated_at;
  return body;
}

/** A `PortalResponse`: every field the spec marks required, `labels` always (`{}` when none) [INF]. */
export function renderPortal(portal: StoredPortal): Record<string, unknown> {
  const body: Record<string, unknown> = { ...portal, labels: { ...portal.labels } };
  delete body.region;
  return body;
}

/**
 * An `ApiResponseSchema`. `portals` lists the portals the API is published to, oldest publication first [SPEC];
 * `current_version_summary` is null and `api_spec_ids` empty (no specifications are emulated) [INF];
 * `description` and `attributes` appear only when set [INF].
 */
export function renderApi(api: StoredApi, store: EmulatorStore): Record<string, unknown> {
  const portals = store
    .publications(api.region)
    .filter((p) => p.api_id === api.id)
    .map((p) => store.getPortal(api.region, p.portal_id))
    .filter((p): p is StoredPortal => p !== undefined)
    .map((p) => ({ id: p.id, name: p.name, display_name: p.display_name }));
  const body: Record<string, unknown> = { id: api.id, name: api.name };
  if (api.description !== undefined) body.description = api.description;
  body.version = api.version;
  body.current_version_summary = null;
  body.slug = api.slug;
  body.api_spec_ids = [];
  body.portals = portals;
  body.labels = { ...api.labels };
  if (api.attributes !== undefined) body.attributes = structuredClone(api.attributes);
  body.created_at = api.created_at;
  body.updated_at = api.updated_at;
  return body;
}

/** An `ApiPublicationResponse`; `warnings` is always empty (no ACE implementations are emulated) [INF]. */
export function renderPublication(publication: StoredPublication): Record<string, unknown> {
  return {
    auto_approve_registrations: publication.auto_approve_registrations,
    auth_strategy_ids: publication.auth_strategy_ids === null ? null : [...publication.auth_strategy_ids],
    visibility: publication.visibility,
    warnings: [],
    created_at: publication.created_at,
    updated_at: publication.updated_at,
  };
}

/** An `ApiPublicationListItem` (`entity_type` is always `api`: API packages are not emulated). */
export function renderPublicationListItem(publication: StoredPublication): Record<string, unknown> {
  return {
    api_id: publication.api_id,
    portal_id: publication.portal_id,
    entity_type: "api",
    ...renderPublication(publication),
  };
}
