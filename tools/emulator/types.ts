/**
 * Shared types of the Konnect emulator: regions, stored objects (wire format, snake_case), options, faults and
 * request-log entries. Everything here is plain data so it can cross the HTTP control API as JSON.
 */

/** Konnect regions; each one is a separate data store. Unprefixed paths belong to `us`. */
export const REGIONS = ["us", "eu", "au", "me", "in", "sg"] as const;
/** One Konnect region. */
export type Region = (typeof REGIONS)[number];

/** DCR provider types (`provider_type`, case-sensitive). */
export const DCR_PROVIDER_TYPES = ["auth0", "azureAd", "curity", "okta", "http", "kongIdentity"] as const;
/** One DCR provider type. */
export type DcrProviderType = (typeof DCR_PROVIDER_TYPES)[number];

/** Application auth strategy types (`strategy_type`). */
export const STRATEGY_TYPES = ["key_auth", "openid_connect"] as const;
/** One auth strategy type. */
export type StrategyType = (typeof STRATEGY_TYPES)[number];

/**
 * The object kinds the emulator stores by id, named like their API collections (publications are keyed by pair).
 * Teams, developers, applications and registrations belong to a portal (`portal_id`).
 */
export const OBJECT_KINDS = [
  "dcr-providers",
  "application-auth-strategies",
  "portals",
  "apis",
  "teams",
  "developers",
  "applications",
  "application-registrations",
] as const;
/** One stored object kind. */
export type ObjectKind = (typeof OBJECT_KINDS)[number];
/** The kinds whose objects have a `name` (developers have `full_name`, registrations none). */
export type NamedObjectKind = Exclude<ObjectKind, "developers" | "application-registrations">;

/** String labels on a Konnect object. */
export type Labels = Record<string, string>;

/** A DCR provider as the emulator stores it: `dcr_config` holds the write-only secrets too. */
export interface StoredDcrProvider {
  id: string;
  region: Region;
  name: string;
  display_name?: string;
  provider_type: DcrProviderType;
  issuer: string;
  labels: Labels;
  dcr_config: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** An application auth strategy as the emulator stores it. */
export interface StoredAuthStrategy {
  id: string;
  region: Region;
  name: string;
  display_name: string;
  strategy_type: StrategyType;
  /** `{"key-auth": {...}}` or `{"openid-connect": {...}}`. */
  configs: Record<string, Record<string, unknown>>;
  dcr_provider_id: string | null;
  labels: Labels;
  principals?: { enabled: boolean };
  /**
   * A use the emulator does not model (a product version, an application) set through the control API: drives
   * `active` and the 409 on delete. Stored API publications count on their own.
   */
  in_use: boolean;
  created_at: string;
  updated_at: string;
}

/** `public` or `private`: a portal's defaults and a publication's visibility. */
export type Visibility = "public" | "private";

/** A v3 Dev Portal as the emulator stores it (the response fields of `PortalResponse`). */
export interface StoredPortal {
  id: string;
  region: Region;
  name: string;
  display_name: string;
  description: string | null;
  authentication_enabled: boolean;
  rbac_enabled: boolean;
  sipr_enabled: boolean;
  default_api_visibility: Visibility;
  default_page_visibility: Visibility;
  /** The strategy new publications use when they leave out `auth_strategy_ids`; null for none. */
  default_application_auth_strategy_id: string | null;
  auto_approve_developers: boolean;
  auto_approve_applications: boolean;
  default_domain: string;
  canonical_domain: string;
  labels: Labels;
  notifications_developer_pii_visibility_enabled: boolean;
  created_at: string;
  updated_at: string;
}

/** A v3 API (catalog entry) as the emulator stores it; `portals` is computed from publications when rendered. */
export interface StoredApi {
  id: string;
  region: Region;
  name: string;
  description?: string | null;
  version: string | null;
  slug: string;
  labels: Labels;
  attributes?: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** An API's publication in a portal, keyed by the (api_id, portal_id) pair. */
export interface StoredPublication {
  api_id: string;
  portal_id: string;
  region: Region;
  /** At most one id; null means the API requires no application auth. */
  auth_strategy_ids: string[] | null;
  visibility: Visibility;
  auto_approve_registrations: boolean;
  created_at: string;
  updated_at: string;
}

/** A developer team of a portal (`PortalTeamResponse` fields). */
export interface StoredTeam {
  id: string;
  region: Region;
  portal_id: string;
  name: string;
  /** Null when never set: the response then leaves `description` out [INF]. */
  description: string | null;
  can_own_applications: boolean;
  created_at: string;
  updated_at: string;
}

/** A developer's status in a portal (`DeveloperStatus`). */
export const DEVELOPER_STATUSES = ["approved", "pending", "revoked", "rejected"] as const;
/** One developer status. */
export type DeveloperStatus = (typeof DEVELOPER_STATUSES)[number];

/** A developer account of a portal (`PortalDeveloper` fields). */
export interface StoredDeveloper {
  id: string;
  region: Region;
  portal_id: string;
  email: string;
  full_name: string;
  status: DeveloperStatus;
  created_at: string;
  updated_at: string;
}

/** Who owns an application (`ApplicationOwner`). */
export interface ApplicationOwner {
  type: "developer" | "team";
  id: string;
}

/** A portal application as the emulator stores it; the response shape depends on its strategy's type. */
export interface StoredApplication {
  id: string;
  region: Region;
  portal_id: string;
  name: string;
  description: string | null;
  labels: Labels;
  auth_strategy_id: string;
  owner: ApplicationOwner;
  /** The IdP client id (DCR: created or linked; self-managed OIDC: as sent); null for key-auth. */
  client_id: string | null;
  /** The DCR provider the client lives in (taken from the strategy at create time); null without DCR. */
  dcr_provider_id: string | null;
  /** How the IdP client came about: Konnect created it, `dcr_client_id` linked it, or there is none (no DCR). */
  idp_client: "created" | "linked" | null;
  granted_scopes: string[] | null;
  created_at: string;
  updated_at: string;
}

/** `ApplicationRegistrationStatus`. */
export const REGISTRATION_STATUSES = ["approved", "pending", "revoked", "rejected"] as const;
/** One registration status. */
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** An application's registration for an API. */
export interface StoredRegistration {
  id: string;
  region: Region;
  portal_id: string;
  application_id: string;
  api_id: string;
  status: RegistrationStatus;
  /**
   * When the registration last became approved (null while it is not approved). Not part of any response: the
   * gateway stand-in lets traffic through from `approved_at + registrationPropagationMs`.
   */
  approved_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A client (application) in the emulated identity provider, as the control API shows it: never a secret. */
export interface IdpClientView {
  client_id: string;
  /** The directory (tenant) the client lives in; null means any tenant resolves it. */
  tenant_id: string | null;
  display_name: string;
  /** Client ids of the admin applications that own it (for Azure: the DCR provider's `initial_client_id`). */
  owners: string[];
  /** `konnect`: created by a DCR application create; `control`: registered by a test. */
  created_by: "konnect" | "control";
  /** For clients Konnect created: the DCR provider that created them. */
  dcr_provider_id: string | null;
  /** One entry per secret: when it was added and from when the token endpoint accepts it. No values, no hashes. */
  secrets: { added_at: string; usable_from: string }[];
  created_at: string;
}

/** What `registerIdpClient` takes; everything has a default (a random GUID client id, no tenant, no owners). */
export interface IdpClientInput {
  client_id?: string;
  tenant_id?: string | null;
  display_name?: string;
  owners?: string[];
  /** A first secret (as an Azure ApplicationPassword would give it); stored hashed, never returned. */
  secret?: string;
}

/** The answer to a client-credentials check against the emulated IdP. */
export type IdpSecretCheck =
  | { ok: true; client: IdpClientView }
  /** `unknown-client`: no such client in that tenant; `invalid-secret`: wrong, or not usable yet. */
  | { ok: false; reason: "unknown-client" | "invalid-secret" };

/** Why the gateway lets a request through or not; see `gatewayAccess.ts`. */
export type GatewayAccessReason =
  | "approved"
  | "no-auth"
  | "no-publication"
  | "issuer-mismatch"
  | "no-application"
  | "not-registered"
  | "not-approved"
  | "propagating";

/** The gateway's decision for one request. */
export interface GatewayAccess {
  allowed: boolean;
  reason: GatewayAccessReason;
  /** A sentence for people (ids, statuses), never a credential. */
  detail: string;
  /** The application the credential belongs to, when one was found. */
  application_id?: string;
}

/** What the gateway asks: may a token with these claims call this API (in this region)? */
export interface GatewayAccessQuery {
  api_id: string;
  claims: Record<string, unknown>;
  region?: Region;
}

/** How `POST /v2/dcr-providers/{id}/verify` answers. */
export type VerifyBehavior =
  | { result: "success" }
  | { result: "failed"; errors?: string[] }
  /** Fail the first `failures` calls for each provider, then succeed (a fresh Azure secret takes seconds to work). */
  | { result: "fail-then-succeed"; failures: number; errors?: string[] };

/** Token bucket that answers 429 when empty. */
export interface RateLimitOptions {
  /** Refill rate; also the bucket size (burst). */
  requestsPerSecond: number;
  /** Value of the `Retry-After` header on a 429. */
  retryAfterSeconds: number;
}

/** Every tunable behaviour of the emulator. See `options.ts` for defaults and the evidence behind each one. */
export interface EmulatorOptions {
  /** Interface to listen on. Start-time only. */
  host: string;
  /** Port to listen on; 0 picks a free one. Start-time only. */
  port: number;
  /** Tokens that may only read: POST/PUT/PATCH/DELETE answer 403. */
  readOnlyTokens: string[];
  /** When set, only these tokens authenticate (others 401, e.g. a revoked token); null accepts any well-formed one. */
  acceptedTokens: string[] | null;
  /** [INF] Names are not unique in Konnect; true answers 409 to a create (or rename) that duplicates a name. */
  uniqueNames: boolean;
  /** [UNK] PATCH labels: "merge" keeps keys left out, "replace" drops them. Null values always delete. */
  labelPatchMode: "merge" | "replace";
  /** [OBS] Konnect can omit `display_name` from DCR provider responses. */
  omitDcrDisplayName: boolean;
  /** [OBS] Extra `configs.openid-connect` keys answered 400 `unknown field` (real Konnect rejected `labels`). */
  rejectedOidcExtraKeys: string[];
  /** [UNK] Status for DELETE of a DCR provider still used by a strategy; 204 deletes and unlinks the strategies. */
  dcrDeleteInUseStatus: 409 | 400 | 204;
  /** [INF] Page size when `page[size]` is absent (the spec's example). */
  defaultPageSize: number;
  /** [INF] Largest `page[size]`; larger answers 400. */
  maxPageSize: number;
  /** [UNK] Status for a path id that is not a UUID. */
  malformedIdStatus: 404 | 400;
  /** [UNK] PUT on an unknown strategy id: "not-found" answers 404, "create" upserts with that id. */
  strategyPutUnknownId: "not-found" | "create";
  /** [UNK] PUT with a different `strategy_type`: "reject" answers 400, "allow" changes the type. */
  strategyPutTypeChange: "reject" | "allow";
  /** Default verify answer. */
  verifyResult: VerifyBehavior;
  /** Verify answer per DCR provider id (wins over `verifyResult`). */
  verifyResultById: Record<string, VerifyBehavior>;
  /** [UNK] Status of a failed verify: 200 with `{status:"failed"}` (default) or a 4xx problem. */
  verifyFailureStatus: number;
  /** [UNK] key-auth `key_names` stored when a create leaves them out; null stores none. */
  defaultKeyNames: string[] | null;
  /** [UNK] Status for a strategy id (publication `auth_strategy_ids`, portal default) that names no strategy. */
  unknownStrategyReferenceStatus: 400 | 404;
  /**
   * [UNK] Strategy DELETE while a portal's `default_application_auth_strategy_id` names it: "conflict" answers 409,
   * "clear" deletes and sets the portal default to null, "keep" deletes and leaves the portal pointing at nothing.
   */
  strategyDeleteWithPortalDefault: "conflict" | "clear" | "keep";
  /** Status of a publication PUT that creates ([SPEC] 200; the how-to [DOC] expects 201). Replacing is always 200. */
  publicationCreateStatus: 200 | 201;
  /**
   * [INF] `auth_strategy_ids` stored when a PUT leaves it out: "portal-default" copies the portal's default at PUT
   * time ([SPEC] "the portal's default … will be used"; not retroactive [DOC]), "null" stores no strategy.
   */
  omittedAuthStrategyIds: "portal-default" | "null";
  /** [UNK] `visibility` stored when a PUT leaves it out: "private" ([SPEC] default) or the portal's `default_api_visibility`. */
  omittedVisibility: "private" | "portal-default";
  /** [SPEC] "Name must be unique" for portals; the status (409) is [INF]. False allows duplicates. */
  uniquePortalNames: boolean;
  /** [SPEC] "The name + version combination must be unique" for APIs; the status (409) is [INF]. */
  uniqueApiNameVersion: boolean;
  /**
   * [DOC] "By default, a Key Auth strategy is created for every Dev Portal"; its name and whether it becomes the
   * default are [UNK]. "none" (default) creates nothing, "create" creates one, "create-and-default" also sets it as
   * the portal's default when the create body does not name one.
   */
  portalKeyAuthStrategy: "none" | "create" | "create-and-default";
  /** [UNK] Team names unique within a portal: true answers 409 to a create or rename that duplicates one. */
  uniqueTeamNames: boolean;
  /**
   * [UNK] DELETE of a team that owns applications: "conflict" answers 409, "cascade" deletes its applications (as
   * their DELETE would), "orphan" deletes the team and leaves the applications pointing at it.
   */
  teamDeleteWithApplications: "conflict" | "cascade" | "orphan";
  /** [DOC http bridge, INF Azure] Deleting a DCR application whose client Konnect created deletes that IdP client. */
  createdClientOnDelete: "delete" | "keep";
  /** [UNK] Deleting a DCR application linked with `dcr_client_id` deletes (or keeps) that IdP client. */
  linkedClientOnDelete: "delete" | "keep";
  /**
   * [SPEC text, reading UNK] Status of a new registration. "auto-approve": the portal's / publication's auto-approve
   * settings decide (approved when on, unless `status: pending` is sent; pending when off, whatever is sent).
   * "requested": the sent `status` wins, auto-approve decides only when it is left out.
   */
  registrationStatusRule: "auto-approve" | "requested";
  /**
   * [INF] What a registration needs from the API: "same-strategy" (published in the portal with the application's
   * auth strategy), "published" (published in the portal) or "none" (the API exists).
   */
  registrationPublicationCheck: "same-strategy" | "published" | "none";
  /** [INF] How long a new or re-approved registration takes to reach the gateway stand-in. */
  registrationPropagationMs: number;
  /** [INF, observed 4-18 s on Azure] How long a new IdP client secret takes before the token endpoint accepts it. */
  idpSecretActivationMs: number;
  /** Delay before answering every API request. */
  latencyMs: number;
  /** [UNK] limits; null means unlimited. */
  rateLimit: RateLimitOptions | null;
}

/** Which requests a fault applies to. */
export interface FaultMatch {
  /** HTTP method; any method when left out. */
  method?: string;
  /** Path without region prefix or query, `*` standing for one segment: `/v2/dcr-providers/*`. */
  path: string;
  /** Number of matching requests to affect (default 1); `Infinity` (or "Infinity" over HTTP) for all. */
  times?: number;
}

/** What a fault does to a matching request. */
export type FaultAction =
  /** Answer this status with a problem+json body (or `body`), optionally with `Retry-After`. */
  | { status: number; retryAfter?: number | string; body?: unknown }
  /** Wait, then answer normally. */
  | { latencyMs: number }
  /** Destroy the socket without answering; nothing is stored. */
  | { drop: true }
  /** Apply the request, then destroy the socket: the client never learns the outcome. */
  | { commitThenDrop: true }
  /** Hold the connection open this long, then destroy it unanswered (for client timeouts). */
  | { hangMs: number }
  /**
   * Apply the request, then hold the answer: the connection stays open and unanswered until the client closes it
   * (or the emulator closes). For killing the client while Konnect holds a stored POST.
   */
  | { commitThenHold: true }
  /** Apply the request, then answer its real status with a body the client cannot use (see {@link MalformedAnswer}). */
  | { commitThenMalformed: MalformedAnswer };

/**
 * A useless answer to a request that was applied: either `raw` text (an HTML error page, say) sent with `contentType`
 * (default `text/html`), or the real JSON answer with `set` fields overridden (`{ display_name: null }`) and `omit`
 * fields removed (top-level wire names).
 */
export type MalformedAnswer =
  { raw: string; contentType?: string } | { set?: Record<string, unknown>; omit?: string[] };

/** A fault to inject: a matcher plus an action. */
export type Fault = FaultMatch & FaultAction;

/** One API request as the emulator saw it. Never holds bodies or headers. */
export interface RequestLogEntry {
  method: string;
  /** Path as sent, region prefix and query included. */
  path: string;
  region: Region;
  /** Status sent; 0 when the socket was dropped without an answer. */
  status: number;
  durationMs: number;
  /** ISO time the request arrived. */
  time: string;
}
