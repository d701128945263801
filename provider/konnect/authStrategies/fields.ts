/**
 * The field tables of `/v2/application-auth-strategies` (rows in the one format of `../fieldTable.ts`): the
 * top-level fields (`AUTH_STRATEGY_FIELDS`), the named OpenID Connect keys (`OIDC_FIELDS`; every other key of
 * `configs.openid-connect` is an extra plugin option) and the key-auth keys (`KEY_AUTH_FIELDS`). Request and response
 * schemas, the wire mapping, `check`, diff and PATCH bodies, the renaming of Konnect's 400 fields and the public
 * argument types derive from them. Plain data (no zod).
 */
import type { FieldTable } from "../fieldTable";

/** What logs and errors call an application auth strategy (a resource that references one names it so too). */
export const AUTH_STRATEGY_NOUN = "auth strategy";

/** Strategy types, as Konnect spells them. */
export const AUTH_STRATEGY_TYPES = ["openid_connect", "key_auth"] as const;
/** One strategy type. */
export type AuthStrategyType = (typeof AUTH_STRATEGY_TYPES)[number];

/** Key TTL units. */
export const TTL_UNITS = ["days", "weeks", "years"] as const;

/** The OpenID Connect keys of `configs.openid-connect` the package names, and the extra plugin options. */
export const OIDC_FIELDS = {
  /**
   * Issuer URL of the IdP (at most 256 characters). For Azure AD DCR: `https://sts.windows.net/<tenant GUID>` (v1).
   * Updates in place.
   */
  issuer: { wire: "issuer", value: { kind: "url", max: 256, issuer: true }, required: "required", effect: "update" },
  /**
   * Claims that identify the client, at most 10 of at most 128 characters. For Azure AD v1 tokens: `["appid"]`.
   * Updates in place.
   */
  credentialClaim: {
    wire: "credential_claim",
    value: { kind: "list", item: { kind: "text", max: 128 }, maxItems: 10 },
    required: "required",
    effect: "update",
  },
  /** Scopes, at most 50 of at most 128 characters (for example `["openid"]`). Updates in place. */
  scopes: {
    wire: "scopes",
    value: { kind: "list", item: { kind: "text", max: 128 }, maxItems: 50 },
    required: "required",
    effect: "update",
  },
  /**
   * Auth methods, at most 10 of at most 64 characters (Kong's Azure DCR guide: `client_credentials`, `bearer`,
   * `session`). Updates in place.
   */
  authMethods: {
    wire: "auth_methods",
    value: { kind: "list", item: { kind: "text", max: 64 }, maxItems: 10 },
    required: "required",
    effect: "update",
  },
  /**
   * Extra OpenID Connect plugin options passed through to Konnect next to the named keys (for example
   * `{ cache_tokens: false }`). Default: none. Updates in place (removing an option replaces the strategy's settings
   * with one PUT, never the strategy).
   */
  additionalProperties: { value: { kind: "options" }, effect: "update" },
} as const satisfies FieldTable;

/** A named OpenID Connect key (camelCase), without the extra options. */
export type OidcField = Exclude<keyof typeof OIDC_FIELDS, "additionalProperties">;
/** The named OpenID Connect keys, in wire order. */
export const OIDC_FIELD_NAMES: readonly OidcField[] = ["issuer", "credentialClaim", "scopes", "authMethods"];
/** Their wire names; every other key of `configs.openid-connect` is an extra plugin option. */
export const OIDC_CORE_WIRE_KEYS: readonly string[] = OIDC_FIELD_NAMES.map((f) => OIDC_FIELDS[f].wire);

/** The time-to-live of keys issued under a key-auth strategy. */
export const KEY_AUTH_TTL_FIELDS = {
  /** A whole number, at least 1. */
  value: { wire: "value", value: { kind: "count", min: 1 }, required: "required", effect: "update" },
  /** `days`, `weeks` or `years`. */
  unit: { wire: "unit", value: { kind: "enum", values: TTL_UNITS }, required: "required", effect: "update" },
} as const satisfies FieldTable;

/** The key-auth keys of `configs.key-auth`. */
export const KEY_AUTH_FIELDS = {
  /** Header names that carry the API key, 1-10 names of at most 256 characters. Default: Konnect's. Updates in place. */
  keyNames: {
    wire: "key_names",
    value: { kind: "list", item: { kind: "text", max: 256 }, maxItems: 10, minItems: 1 },
    effect: "update",
  },
  /** Default maximum lifetime of keys. Default: none (removing it removes the TTL). Updates in place. */
  ttl: { wire: "ttl", value: { kind: "object", fields: KEY_AUTH_TTL_FIELDS }, effect: "update" },
} as const satisfies FieldTable;

/** Principals settings of a strategy. */
export const PRINCIPALS_FIELDS = {
  /** Whether principals are enabled. */
  enabled: { wire: "enabled", value: { kind: "flag" }, required: "required", effect: "update" },
} as const satisfies FieldTable;

/** The top-level fields of an auth strategy (`strategyType` is fixed at create: changing it replaces). */
export const AUTH_STRATEGY_FIELDS = {
  /** Name shown in the Konnect UI (1-256 characters). Not unique in Konnect. Updates in place. */
  name: {
    wire: "name",
    value: { kind: "text", max: 256, name: true },
    required: "required: the strategy's name (1-256 characters)",
    effect: "update",
  },
  /** Name shown in the Dev Portal UI (at most 256 characters). Updates in place. */
  displayName: {
    wire: "display_name",
    value: { kind: "text", max: 256, min: 0, name: true },
    required: "required: the name shown in the Dev Portal (at most 256 characters)",
    effect: "update",
  },
  /**
   * `openid_connect` (DCR strategies are OIDC strategies with `dcrProviderId`) or `key_auth`. Changing it replaces
   * the strategy.
   */
  strategyType: {
    wire: "strategy_type",
    value: { kind: "enum", values: AUTH_STRATEGY_TYPES },
    required: `required: one of ${AUTH_STRATEGY_TYPES.join(", ")}`,
    effect: "replace",
  },
  /**
   * Settings for `openid_connect` (the rows of `OIDC_FIELDS`); required for that type, rejected for `key_auth`.
   * Updates in place.
   */
  openidConnect: {
    wire: "configs.openid-connect",
    value: { kind: "object", fields: OIDC_FIELDS },
    effect: "update",
  },
  /** Settings for `key_auth` (the rows of `KEY_AUTH_FIELDS`); rejected for `openid_connect`. Updates in place. */
  keyAuth: { wire: "configs.key-auth", value: { kind: "object", fields: KEY_AUTH_FIELDS }, effect: "update" },
  /**
   * Id of the DCR provider that registers developer applications (openid_connect only). Default: none. Changing or
   * removing it updates in place.
   */
  dcrProviderId: { wire: "dcr_provider_id", value: { kind: "id" }, effect: "update" },
  /**
   * Labels on the Konnect object (at most 49; Konnect's label rules). Only declared keys are managed: labels set
   * outside Pulumi are kept. Updates in place.
   */
  labels: { wire: "labels", value: { kind: "labels" }, effect: "update" },
  /** Principals settings. Default: disabled. Updates in place. */
  principals: { wire: "principals", value: { kind: "object", fields: PRINCIPALS_FIELDS }, effect: "update" },
} as const satisfies FieldTable;

/**
 * The top-level rows only a strategy of one type takes (its settings object; for OpenID Connect also the DCR
 * provider): `check` refuses them for another type, and that type's requests leave them out.
 */
export const STRATEGY_TYPE_ROWS = {
  openid_connect: ["openidConnect", "dcrProviderId"],
  key_auth: ["keyAuth"],
} as const satisfies Record<AuthStrategyType, readonly (keyof typeof AUTH_STRATEGY_FIELDS)[]>;

/** The rows of the other strategy types (see `STRATEGY_TYPE_ROWS`); none for a type this package does not know. */
export function otherTypeRows(type: unknown): readonly (keyof typeof AUTH_STRATEGY_FIELDS)[] {
  if (!(AUTH_STRATEGY_TYPES as readonly unknown[]).includes(type)) return [];
  return AUTH_STRATEGY_TYPES.filter((other) => other !== type).flatMap((other) => STRATEGY_TYPE_ROWS[other]);
}
