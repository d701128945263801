/**
 * The `dcr_config` fields of each DCR provider type, in one table that drives create and PATCH validation, secret
 * stripping and response defaults (konnect-api.md §3.3-§3.5).
 */
import { type DcrProviderType } from "./types";

/** One `dcr_config` field. */
export interface DcrConfigField {
  kind: "string" | "url" | "boolean";
  /** Required on create. */
  required: boolean;
  /** Write-only: stored, never returned. */
  secret: boolean;
  max?: number;
  min?: number;
  pattern?: RegExp;
  nullable?: boolean;
  /** Value the response shows when the field was never set; absent fields are left out otherwise. */
  responseDefault?: string | boolean | null;
}

const initialClientId: DcrConfigField = { kind: "string", required: true, secret: false, max: 256 };
const initialClientSecret: DcrConfigField = { kind: "string", required: true, secret: true, max: 256 };
const optionalFlag: DcrConfigField = { kind: "boolean", required: false, secret: false };

/** `dcr_config` fields per provider type. kongIdentity has none. */
export const DCR_CONFIG_FIELDS: Record<DcrProviderType, Record<string, DcrConfigField>> = {
  azureAd: { initial_client_id: initialClientId, initial_client_secret: initialClientSecret },
  curity: { initial_client_id: initialClientId, initial_client_secret: initialClientSecret },
  auth0: {
    initial_client_id: initialClientId,
    initial_client_secret: initialClientSecret,
    initial_client_audience: {
      kind: "string",
      required: false,
      secret: false,
      max: 256,
      nullable: true,
      responseDefault: null,
    },
    use_developer_managed_scopes: { kind: "boolean", required: false, secret: false, responseDefault: false },
  },
  okta: { dcr_token: { kind: "string", required: true, secret: true, max: 256 } },
  http: {
    dcr_base_url: { kind: "url", required: true, secret: false, max: 256 },
    api_key: { kind: "string", required: true, secret: true, min: 12, max: 256, pattern: /^[a-zA-Z0-9_]+$/ },
    disable_event_hooks: optionalFlag,
    disable_refresh_secret: optionalFlag,
    allow_multiple_credentials: optionalFlag,
  },
  kongIdentity: {},
};

/** Names of the write-only fields of a provider type. */
export function secretFieldNames(type: DcrProviderType): string[] {
  return Object.entries(DCR_CONFIG_FIELDS[type])
    .filter(([, field]) => field.secret)
    .map(([name]) => name);
}

/** Whether a provider type needs `dcr_config` on create (every type except kongIdentity). */
export function dcrConfigRequired(type: DcrProviderType): boolean {
  return type !== "kongIdentity";
}
