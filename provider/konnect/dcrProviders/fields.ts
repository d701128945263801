/**
 * The field tables of `/v2/dcr-providers` (rows in the one format of `../fieldTable.ts`): the top-level fields
 * (`DCR_PROVIDER_FIELDS`) and the `dcr_config` fields (`DCR_CONFIG_FIELDS`, with per-type columns). The request and
 * response schemas, the wire mapping, the per-type rules, `check`, secret marking, diff and PATCH bodies and the
 * public argument types are all derived from them. Add a field here (plus its tests) and every layer picks it up.
 * Plain data (no zod): the program side reads the tables without loading the client.
 */
import type { FieldRow, FieldTable, ValueRule } from "../fieldTable";
import { UUID_PATTERN } from "../ids";

/** Provider types, as Konnect spells them. */
export const DCR_PROVIDER_TYPES = ["azureAd", "okta", "auth0", "curity", "http", "kongIdentity"] as const;
/** One provider type. */
export type DcrProviderType = (typeof DCR_PROVIDER_TYPES)[number];

/**
 * One DCR config field: a row (`effect` update: Konnect's PATCH merges `dcr_config`; never `required` as such, see
 * `requiredFor`) plus the columns only DCR config fields have.
 */
export interface DcrConfigFieldSpec extends FieldRow {
  /** Wire name inside `dcr_config`. */
  readonly wire: string;
  /** The value rule (Kong's contract). `flag` means absent compares as false; `nullable` text is cleared with null. */
  readonly value: ValueRule;
  /** Provider types that take the field. */
  readonly types: readonly DcrProviderType[];
  /** Provider types that require it on create. */
  readonly requiredFor: readonly DcrProviderType[];
  /** Write-only in Konnect (never returned): kept from the inputs and stored as a Pulumi secret. */
  readonly secret: boolean;
  /**
   * Stricter rules `check` adds for some provider types (what that IdP needs; requests stay per Kong's contract),
   * with the reason in the message.
   */
  readonly perType?: Partial<Record<DcrProviderType, ValueRule>>;
}

const INITIAL_CLIENT: readonly DcrProviderType[] = ["azureAd", "auth0", "curity"];
const FLAG = { kind: "flag" } as const;

/** Every DCR config field, camelCase input name → its rules (in wire order). */
export const DCR_CONFIG_FIELDS = {
  /**
   * azureAd, auth0, curity (required for them): client id of the "initial" IdP application Konnect signs in with to
   * register developer applications. For azureAd, the Application (client) ID GUID of the app registration. Changing
   * it updates the DCR provider in place.
   */
  initialClientId: {
    wire: "initial_client_id",
    effect: "update",
    value: { kind: "text", max: 256 },
    types: INITIAL_CLIENT,
    requiredFor: INITIAL_CLIENT,
    secret: false,
    perType: {
      azureAd: {
        kind: "text",
        max: 256,
        pattern: {
          regex: UUID_PATTERN,
          message: "must be a GUID (the Application (client) ID of the Azure AD app registration)",
        },
      },
    },
  },
  /**
   * azureAd, auth0, curity (required for them): secret of the initial client. Write-only in Konnect, always stored as
   * a Pulumi secret; changing it (secret rotation) updates the DCR provider in place.
   */
  initialClientSecret: {
    wire: "initial_client_secret",
    effect: "update",
    value: { kind: "text", max: 256 },
    types: INITIAL_CLIENT,
    requiredFor: INITIAL_CLIENT,
    secret: true,
  },
  /**
   * auth0 only: Auth0 Management API audience, needed with a custom domain. Default: none; left out or blank (`""`),
   * Konnect uses the issuer (both accepted because Kong's contract accepts them). Removing it sends null (clears it).
   * Updates in place.
   */
  initialClientAudience: {
    wire: "initial_client_audience",
    effect: "update",
    value: { kind: "text", max: 256, min: 0, nullable: true },
    types: ["auth0"],
    requiredFor: [],
    secret: false,
  },
  /** auth0 only: let developers pick scopes. Default false. Updates in place. */
  useDeveloperManagedScopes: {
    wire: "use_developer_managed_scopes",
    effect: "update",
    value: FLAG,
    types: ["auth0"],
    requiredFor: [],
    secret: false,
  },
  /**
   * okta only (required): Okta API token Konnect uses to register applications. Write-only, always a Pulumi secret.
   * Changing it updates in place.
   */
  dcrToken: {
    wire: "dcr_token",
    effect: "update",
    value: { kind: "text", max: 256 },
    types: ["okta"],
    requiredFor: ["okta"],
    secret: true,
  },
  /** http only (required): base URL of your DCR bridge, reachable from Konnect. Updates in place. */
  dcrBaseUrl: {
    wire: "dcr_base_url",
    effect: "update",
    value: { kind: "url", max: 256, base: true },
    types: ["http"],
    requiredFor: ["http"],
    secret: false,
  },
  /**
   * http only (required): key Konnect sends to your DCR bridge; 12-256 characters of [A-Za-z0-9_]. Write-only,
   * always a Pulumi secret. Changing it updates in place.
   */
  apiKey: {
    wire: "api_key",
    effect: "update",
    value: {
      kind: "text",
      min: 12,
      max: 256,
      pattern: { regex: /^[a-zA-Z0-9_]+$/, message: "must contain only letters, digits and '_'" },
    },
    types: ["http"],
    requiredFor: ["http"],
    secret: true,
  },
  /** http only: do not send event hooks to the bridge. Default false. Updates in place. */
  disableEventHooks: {
    wire: "disable_event_hooks",
    effect: "update",
    value: FLAG,
    types: ["http"],
    requiredFor: [],
    secret: false,
  },
  /** http only: do not offer secret refresh. Default false. Updates in place. */
  disableRefreshSecret: {
    wire: "disable_refresh_secret",
    effect: "update",
    value: FLAG,
    types: ["http"],
    requiredFor: [],
    secret: false,
  },
  /** http only: allow several credentials per application. Default false. Updates in place. */
  allowMultipleCredentials: {
    wire: "allow_multiple_credentials",
    effect: "update",
    value: FLAG,
    types: ["http"],
    requiredFor: [],
    secret: false,
  },
} as const satisfies Record<string, DcrConfigFieldSpec>;

/** A DCR config field name (camelCase). */
export type DcrConfigField = keyof typeof DCR_CONFIG_FIELDS;

/** The TypeScript type of a value rule. */
type ValueOf<R> = R extends { kind: "flag" } ? boolean : R extends { nullable: true } ? string | null : string;

/** The value type of each DCR config field, keyed like the table (keeps each entry's TSDoc). */
export type DcrConfigValues = { [F in DcrConfigField]: ValueOf<(typeof DCR_CONFIG_FIELDS)[F]["value"]> };

/** Per-type facts that are not about a single field. */
const TYPE_FACTS: Record<DcrProviderType, { configRequired: boolean; configUpdatable: boolean }> = {
  azureAd: { configRequired: true, configUpdatable: true },
  okta: { configRequired: true, configUpdatable: true },
  auth0: { configRequired: true, configUpdatable: true },
  curity: { configRequired: true, configUpdatable: true },
  http: { configRequired: true, configUpdatable: true },
  // kongIdentity has no config and no update variant of it.
  kongIdentity: { configRequired: false, configUpdatable: false },
};

/** The spec of one field. */
export function dcrConfigField(field: DcrConfigField): DcrConfigFieldSpec {
  return DCR_CONFIG_FIELDS[field];
}

/** Every field name, in wire order. */
export const DCR_CONFIG_FIELD_NAMES = Object.keys(DCR_CONFIG_FIELDS) as DcrConfigField[];

/** Which config fields each type has, which are required on create, which are write-only secrets, which are flags. */
export interface DcrTypeRules {
  fields: readonly DcrConfigField[];
  required: readonly DcrConfigField[];
  secrets: readonly DcrConfigField[];
  booleans: readonly DcrConfigField[];
  /** Whether `dcr_config` itself is required on create. */
  configRequired: boolean;
  /** Whether Konnect accepts a `dcr_config` on PATCH for this type (kongIdentity has no update variant). */
  configUpdatable: boolean;
}

function rulesOf(type: DcrProviderType): DcrTypeRules {
  const fields = DCR_CONFIG_FIELD_NAMES.filter((f) => dcrConfigField(f).types.includes(type));
  return {
    fields,
    required: fields.filter((f) => dcrConfigField(f).requiredFor.includes(type)),
    secrets: fields.filter((f) => dcrConfigField(f).secret),
    booleans: fields.filter((f) => dcrConfigField(f).value.kind === "flag"),
    ...TYPE_FACTS[type],
  };
}

/** The per-type rules, derived from the field table. */
export const DCR_TYPE_RULES: Record<DcrProviderType, DcrTypeRules> = Object.fromEntries(
  DCR_PROVIDER_TYPES.map((type) => [type, rulesOf(type)]),
) as Record<DcrProviderType, DcrTypeRules>;

/** Every write-only secret field over all types. */
export const DCR_SECRET_FIELDS: readonly DcrConfigField[] = DCR_CONFIG_FIELD_NAMES.filter(
  (f) => dcrConfigField(f).secret,
);

/** camelCase field → wire name. */
export const DCR_CONFIG_WIRE_NAMES = Object.fromEntries(
  DCR_CONFIG_FIELD_NAMES.map((f) => [f, dcrConfigField(f).wire]),
) as { readonly [F in DcrConfigField]: (typeof DCR_CONFIG_FIELDS)[F]["wire"] };

/** True when the field is cleared by sending null (a removed value); other removed values are left to Konnect. */
export function isClearedWithNull(field: DcrConfigField): boolean {
  const rule = dcrConfigField(field).value;
  return rule.kind === "text" && rule.nullable === true;
}

/** The top-level fields of a DCR provider (`providerType` is sent on create only: changing it replaces). */
export const DCR_PROVIDER_FIELDS = {
  /**
   * Name shown in the Konnect UI (1-256 characters). Not unique in Konnect: the resource is keyed on its id.
   * Changing it updates in place.
   */
  name: {
    wire: "name",
    value: { kind: "text", max: 256, name: true },
    required: "required: the DCR provider's name (1-256 characters)",
    effect: "update",
  },
  /** Name shown in the Dev Portal UI (1-256 characters). Default: none (Konnect shows the name). Updates in place. */
  displayName: { wire: "display_name", value: { kind: "text", max: 256, name: true }, effect: "update" },
  /** IdP type: `azureAd`, `okta`, `auth0`, `curity`, `http` or `kongIdentity`. Changing it replaces the DCR provider. */
  providerType: {
    wire: "provider_type",
    value: { kind: "enum", values: DCR_PROVIDER_TYPES },
    required: `required: one of ${DCR_PROVIDER_TYPES.join(", ")}`,
    effect: "replace",
  },
  /**
   * Issuer URL of the IdP (at most 256 characters; trailing slashes removed). For azureAd it must be the OAuth v1
   * form `https://sts.windows.net/<tenant GUID>`: Konnect DCR supports Azure v1 tokens only. Updates in place.
   */
  issuer: {
    wire: "issuer",
    value: { kind: "url", max: 256, issuer: true },
    required: "required: the issuer URL of the identity provider",
    effect: "update",
  },
  /**
   * Labels on the Konnect object (at most 49; Konnect's label rules). Only declared keys are managed: labels set
   * outside Pulumi are kept. Updates in place.
   */
  labels: { wire: "labels", value: { kind: "labels" }, effect: "update" },
  /**
   * Provider-specific settings (the rows of `DCR_CONFIG_FIELDS`); required for every type except kongIdentity. Fields
   * of another type are rejected. Secret fields are always stored as Pulumi secrets. Updates in place.
   */
  dcrConfig: { wire: "dcr_config", value: { kind: "object", fields: DCR_CONFIG_FIELDS }, effect: "update" },
} as const satisfies FieldTable;
