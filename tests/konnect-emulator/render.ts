/**
 * Response views: stored objects as Konnect returns them. Write-only secrets are removed here and only here, so no
 * response (create included) can carry one.
 */
import { DCR_CONFIG_FIELDS } from "./dcrConfigFields";
import { type EmulatorStore } from "./store";
import { type StoredAuthStrategy, type StoredDcrProvider } from "./types";

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
    active: strategy.in_use,
    dcr_provider: dcrProvider,
    labels: { ...strategy.labels },
    supports_multiple_credentials: supportsMultipleCredentials(strategy, provider),
  };
  if (strategy.principals !== undefined) body.principals = { ...strategy.principals };
  body.created_at = strategy.created_at;
  body.updated_at = strategy.updated_at;
  return body;
}
