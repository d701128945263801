/**
 * Public input and output shapes of the two dynamic resources. Inputs are camelCase and close to Kong's bridged
 * provider (`initialClientId`, `dcrProviderId`) so users can move between the two. Outputs mirror the inputs (same
 * names, normalized values) plus read-only fields, so `pulumi preview --diff` shows only real changes.
 */
import type * as pulumi from "@pulumi/pulumi";

import type { AuthStrategyType, DcrProviderType, Region } from "../konnect";
import type { DcrConfigValues } from "../konnect/dcrProviders/configFields";
import type { OpenIdConnectConfig } from "../konnect/authStrategies/schemas";
import type { RecordedLocation } from "./core/location";

export { AUTH_STRATEGY_TYPES, DCR_PROVIDER_TYPES, REGIONS as KONNECT_REGIONS } from "../konnect";
export type { AuthStrategyType, DcrProviderType };
/** One Konnect region (`us`, `eu`, `au`, `me`, `in`, `sg`), each with its own API host. */
export type KonnectRegion = Region;

/**
 * Labels on a Konnect object: at most 49 keys (Konnect's 50 minus one kept for the creation label); keys 1-63
 * characters not starting with kong, konnect, mesh, kic or _; values 1-63 characters of letters, digits, `-`, `.`, `_`.
 */
export type Labels = Record<string, string>;

/**
 * Provider-specific DCR settings, one optional property per entry of the DCR config field table
 * (`provider/konnect/schemas/dcrConfigFields.ts`, which documents each field). Each field belongs to some provider
 * types only; `check` rejects the others. Secret fields are write-only in Konnect (never returned) and always stored
 * as Pulumi secrets.
 */
export type DcrConfigArgs = { [F in keyof DcrConfigValues]?: pulumi.Input<DcrConfigValues[F]> };

/** Arguments of a Konnect DCR provider (`konnect.DcrProvider`). */
export interface DcrProviderArgs {
  /** Name shown in the Konnect UI (1-256 characters). Not unique in Konnect: the resource is keyed on its id. */
  name: pulumi.Input<string>;
  /** Name shown in the Dev Portal UI (1-256 characters). */
  displayName?: pulumi.Input<string>;
  /** IdP type. Changing it replaces the DCR provider (Konnect cannot change it in place). */
  providerType: pulumi.Input<DcrProviderType>;
  /**
   * Issuer URL of the IdP (at most 256 characters, trailing slash removed). For azureAd it must be the OAuth v1 form
   * `https://sts.windows.net/<tenant GUID>`: Konnect DCR supports Azure v1 tokens only.
   */
  issuer: pulumi.Input<string>;
  /** Labels on the Konnect object. */
  labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Provider-specific settings; required for every type except kongIdentity. */
  dcrConfig?: DcrConfigArgs;
  /** Adopt an existing DCR provider with this id instead of creating one (`pulumi import` cannot work here). */
  adoptId?: pulumi.Input<string>;
  /** Call Konnect's `/verify` after create and update, retrying briefly (new Azure secrets take seconds to work). */
  verify?: pulumi.Input<boolean>;
  /** Konnect region for this resource (overrides `konnect:region`). Not a secret. */
  region?: pulumi.Input<KonnectRegion>;
}

/**
 * OpenID Connect settings of an auth strategy (`configs.openid-connect`): the named keys of the OpenID Connect key
 * table (`issuer`, `credentialClaim`, `scopes`, `authMethods`; see `OIDC_FIELDS`), all required, plus extra plugin
 * options. For Azure DCR: issuer `https://sts.windows.net/<tenant GUID>`, credentialClaim `["appid"]`.
 */
export type OpenIdConnectArgs = {
  [
    F in keyof OpenIdConnectConfig as F extends "additionalProperties" ? never : F
  ]-?: OpenIdConnectConfig[F] extends string[]
    ? pulumi.Input<pulumi.Input<string>[]>
    : pulumi.Input<OpenIdConnectConfig[F]>;
} & {
  /** Extra OpenID Connect plugin options passed through to Konnect (for example `{ cache_tokens: false }`). */
  additionalProperties?: pulumi.Input<Record<string, unknown>>;
};

/** Time to live of API keys issued under a key-auth strategy. */
export interface KeyAuthTtlArgs {
  /** A whole number, at least 1. */
  value: pulumi.Input<number>;
  /** `days`, `weeks` or `years`. */
  unit: pulumi.Input<"days" | "weeks" | "years">;
}

/** Key-auth settings of an auth strategy (`configs.key-auth`). */
export interface KeyAuthArgs {
  /** Header names that carry the API key, 1-10 names. */
  keyNames?: pulumi.Input<pulumi.Input<string>[]>;
  /** Default maximum lifetime of keys. */
  ttl?: pulumi.Input<KeyAuthTtlArgs>;
}

/** Arguments of a Konnect application auth strategy (`konnect.AuthStrategy`). */
export interface AuthStrategyArgs {
  /** Name shown in the Konnect UI (1-256 characters). Not unique in Konnect. */
  name: pulumi.Input<string>;
  /** Name shown in the Dev Portal UI (at most 256 characters). */
  displayName: pulumi.Input<string>;
  /** `openid_connect` (DCR strategies are OIDC strategies with `dcrProviderId`) or `key_auth`. Changing it replaces. */
  strategyType: pulumi.Input<AuthStrategyType>;
  /** Settings for `openid_connect`; required for that type, rejected for `key_auth`. */
  openidConnect?: pulumi.Input<OpenIdConnectArgs>;
  /** Settings for `key_auth`; rejected for `openid_connect`. */
  keyAuth?: pulumi.Input<KeyAuthArgs>;
  /** Id of the DCR provider that registers applications (openid_connect only). */
  dcrProviderId?: pulumi.Input<string>;
  /** Labels on the Konnect object. */
  labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Principals settings. */
  principals?: pulumi.Input<{ enabled: pulumi.Input<boolean> }>;
  /** Adopt an existing auth strategy with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** Konnect region for this resource (overrides `konnect:region`). Not a secret. */
  region?: pulumi.Input<KonnectRegion>;
}

/** Plain (resolved) DCR config as the provider sees and returns it: `DcrConfigArgs` without Inputs. */
export type DcrConfigState = { [K in keyof DcrConfigArgs]?: pulumi.Unwrap<NonNullable<DcrConfigArgs[K]>> };

/** Plain DCR provider inputs as the dynamic provider receives them after `check`. */
export interface DcrProviderInputs {
  name: string;
  displayName?: string;
  providerType: DcrProviderType;
  issuer: string;
  labels?: Labels;
  dcrConfig?: DcrConfigState;
  adoptId?: string;
  verify?: boolean;
  region?: KonnectRegion;
}

/** Plain DCR provider outputs stored in state: the inputs plus read-only fields. */
export interface DcrProviderOutputs extends DcrProviderInputs, RecordedLocation {
  /** True when at least one auth strategy uses this DCR provider. */
  active: boolean;
  /** Creation time (ISO 8601). */
  createdAt: string;
  /** Last update time (ISO 8601). */
  updatedAt: string;
}

/** Plain OpenID Connect settings. */
export type OpenIdConnectState = OpenIdConnectConfig;

/** Plain key-auth settings. */
export interface KeyAuthState {
  keyNames?: string[];
  ttl?: { value: number; unit: "days" | "weeks" | "years" };
}

/** Plain auth strategy inputs as the dynamic provider receives them after `check`. */
export interface AuthStrategyInputs {
  name: string;
  displayName: string;
  strategyType: AuthStrategyType;
  openidConnect?: OpenIdConnectState;
  keyAuth?: KeyAuthState;
  dcrProviderId?: string;
  labels?: Labels;
  principals?: { enabled: boolean };
  adoptId?: string;
  region?: KonnectRegion;
}

/** Summary of the DCR provider an auth strategy uses, as Konnect reports it. */
export interface DcrProviderSummary {
  id: string;
  name: string;
  displayName?: string;
  /** One of the known provider types, or a type Konnect added later. */
  providerType: DcrProviderType | (string & {});
}

/** Plain auth strategy outputs stored in state: the inputs plus read-only fields. */
export interface AuthStrategyOutputs extends AuthStrategyInputs, RecordedLocation {
  /** True when at least one published API uses this strategy. */
  active: boolean;
  /** Whether applications may hold several credentials under this strategy. */
  supportsMultipleCredentials: boolean;
  /** The linked DCR provider, or null. */
  dcrProvider: DcrProviderSummary | null;
  /** Creation time (ISO 8601). */
  createdAt: string;
  /** Last update time (ISO 8601). */
  updatedAt: string;
}
