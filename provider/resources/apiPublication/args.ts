/**
 * Public contract of `konnect.ApiPublication` (type token `pulumi-nodejs:dynamic/konnect:ApiPublication`): one API
 * published to one Dev Portal, `PUT|GET|DELETE /v3/apis/{apiId}/publications/{portalId}`. The API and the portal
 * exist already and are managed elsewhere; this resource owns only the publication between them.
 *
 * Semantics (what the handlers do; each line names its API calls, which are also the economy floor):
 * - **id**: `<apiId>/<portalId>` (a publication has no id of its own in Konnect).
 * - **check** (preview): `apiId`, `portalId` and each `authStrategyIds` entry are UUIDs; `authStrategyIds` holds at
 *   most one id; `visibility` is `public` or `private`; flags are booleans; `region` is a Konnect region. Unknown
 *   values are deferred. Failures name the property (`authStrategyIds: at most one auth strategy id`).
 * - **create** = 1 GET (+ 1 PUT): GET the publication. 404 → PUT the declared publication. Found and equal to the
 *   declared one (see `publicationDifferences`) → take it over without a PUT (what an interrupted earlier `up`
 *   leaves). Found and different → fail with a message naming each differing field, unless `adopt: true`, which PUTs
 *   the declared settings over it.
 * - **update** = 1 PUT of the whole declared publication (a PUT replaces: fields left out get Konnect's defaults).
 * - **delete** = 1 DELETE; 404 means already gone, which is done.
 * - **read** (refresh) = 1 GET; 404 means gone (the resource leaves the state). Drift made in the UI shows up as
 *   changed outputs.
 * - **diff** (no API call): `apiId`, `portalId` and `region` replace; `authStrategyIds`, `visibility` and
 *   `autoApproveRegistrations` update in place; `adopt` changes nothing in Konnect. Compared as effective values: an
 *   absent `visibility` is `private`, an absent `autoApproveRegistrations` is `false`, and an absent
 *   `authStrategyIds` is not compared (the portal default Konnect chose is not ours to diff). Replacement deletes the
 *   old publication first (`deleteBeforeReplace`): old and new can be the same Konnect object.
 * - **wire**: `authStrategyIds` absent → `auth_strategy_ids` not sent (portal default); `[]` → `null` (no app auth);
 *   `[id]` → `[id]`. `visibility` and `auto_approve_registrations` are always sent with their effective values, so the
 *   result never depends on a default Konnect may choose differently. Outputs report Konnect's `null` as `[]`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { KonnectRegion } from "../args";
import type { RecordedLocation } from "../core/location";

/** Visibility of an API in a portal: `public` (listed to everyone) or `private` (signed-in developers). */
export type ApiPublicationVisibility = "public" | "private";

/** Arguments of a Konnect API publication (`konnect.ApiPublication`). */
export interface ApiPublicationArgs {
  /** Id (UUID) of the API to publish; the API is managed elsewhere. Changing it replaces the publication. */
  apiId: pulumi.Input<string>;
  /** Id (UUID) of the Dev Portal to publish to; managed elsewhere. Changing it replaces the publication. */
  portalId: pulumi.Input<string>;
  /**
   * The auth strategy developers' applications use for this API: at most one id. **Absent**: the portal's default
   * strategy at publication time (Konnect does not apply a later default retroactively). **`[]`**: the API requires
   * no application auth (sent to Konnect as `null`).
   */
  authStrategyIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** `public` (listed without signing in) or `private`. Default `private` (Konnect's default). */
  visibility?: pulumi.Input<ApiPublicationVisibility>;
  /**
   * Approve developers' registrations for this API automatically. Absent or false: the portal's
   * `auto_approve_applications` setting decides.
   */
  autoApproveRegistrations?: pulumi.Input<boolean>;
  /**
   * Take over an existing publication of this API in this portal even when its settings differ from the declared
   * ones (they are then overwritten). Without it, create fails on a different existing publication. Default false.
   */
  adopt?: pulumi.Input<boolean>;
  /** Konnect region of the API and portal (overrides `konnect:region`); the strategy must live there too. */
  region?: pulumi.Input<KonnectRegion>;
}

/** Plain API publication inputs as the dynamic provider receives them after `check`. */
export interface ApiPublicationInputs {
  /** API id (UUID). */
  apiId: string;
  /** Portal id (UUID). */
  portalId: string;
  /** At most one strategy id; `[]` = no application auth; absent = the portal's default. */
  authStrategyIds?: string[];
  /** Declared visibility; absent means `private`. */
  visibility?: ApiPublicationVisibility;
  /** Declared auto approval; absent means false. */
  autoApproveRegistrations?: boolean;
  /** Take over a different existing publication. */
  adopt?: boolean;
  /** Region set on the resource. */
  region?: KonnectRegion;
}

/** Plain API publication outputs stored in state: the inputs as Konnect reports them, plus read-only fields. */
export interface ApiPublicationOutputs extends ApiPublicationInputs, RecordedLocation {
  /** The strategy Konnect enforces (`[]` when none), also when the input left it to the portal default. */
  authStrategyIds: string[];
  /** Visibility Konnect reports. */
  visibility: ApiPublicationVisibility;
  /** Auto approval Konnect reports (false when it leaves the field out). */
  autoApproveRegistrations: boolean;
  /** Konnect's informational warnings about the publication (for example fields stripped for ACE); empty if none. */
  warnings: string[];
  /** Creation time (ISO 8601). */
  createdAt: string;
  /** Last update time (ISO 8601). */
  updatedAt: string;
}
