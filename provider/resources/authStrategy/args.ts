/**
 * Public types of `konnect.AuthStrategy`, derived from its input table (`./inputs.ts`): each property's TSDoc is its
 * row's. Types only: nothing here loads at run time.
 */
import type {
  KEY_AUTH_FIELDS,
  KEY_AUTH_TTL_FIELDS,
  OIDC_FIELDS,
  PRINCIPALS_FIELDS,
} from "../../konnect/authStrategies/fields";
import type { DcrProviderType } from "../../konnect/dcrProviders/fields";
import type { RecordedLocation } from "../core/location";
import type { ArgsOf, PlainOf } from "../core/tableTypes";
import type { AUTH_STRATEGY_INPUTS } from "./inputs";

/**
 * OpenID Connect settings of an auth strategy (`configs.openid-connect`): `issuer`, `credentialClaim`, `scopes` and
 * `authMethods` (all required) plus extra plugin options. For Azure DCR: issuer `https://sts.windows.net/<tenant
 * GUID>`, credentialClaim `["appid"]`.
 */
export interface OpenIdConnectArgs extends ArgsOf<typeof OIDC_FIELDS> {}

/** Time to live of API keys issued under a key-auth strategy. */
export interface KeyAuthTtlArgs extends ArgsOf<typeof KEY_AUTH_TTL_FIELDS> {}

/** Key-auth settings of an auth strategy (`configs.key-auth`). */
export interface KeyAuthArgs extends ArgsOf<typeof KEY_AUTH_FIELDS> {}

/** Arguments of a Konnect application auth strategy (`konnect.AuthStrategy`). */
export interface AuthStrategyArgs extends ArgsOf<typeof AUTH_STRATEGY_INPUTS> {}

/** Plain OpenID Connect settings. */
export interface OpenIdConnectState extends PlainOf<typeof OIDC_FIELDS> {}

/** Plain key-auth settings. */
export interface KeyAuthState extends PlainOf<typeof KEY_AUTH_FIELDS> {}

/** Plain principals settings. */
export interface PrincipalsState extends PlainOf<typeof PRINCIPALS_FIELDS> {}

/** Plain auth strategy inputs as the dynamic provider receives them after `check`. */
export interface AuthStrategyInputs extends PlainOf<typeof AUTH_STRATEGY_INPUTS> {}

/** Summary of the DCR provider an auth strategy uses, as Konnect reports it. */
export interface DcrProviderSummary {
  /** The DCR provider's id. */
  id: string;
  /** Its name in the Konnect UI. */
  name: string;
  /** Its Dev Portal name, when Konnect reports one. */
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
