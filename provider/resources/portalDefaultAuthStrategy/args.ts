/**
 * Public contract of `konnect.PortalDefaultAuthStrategy` (type token
 * `pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy`): sets a Dev Portal's
 * `default_application_auth_strategy_id` without owning the portal (`GET|PATCH /v3/portals/{portalId}`; the PATCH
 * body carries that one field only).
 *
 * Semantics (what the handlers do; each line names its API calls, which are also the economy floor):
 * - **id**: the portal id (one default per portal; two resources on one portal would fight, so do not declare two).
 * - **check** (preview): `portalId` and `authStrategyId` are UUIDs; `region` is a Konnect region. Unknown values are
 *   deferred. Failures name the property.
 * - **create** = 1 GET + 1 PATCH: GET the portal and record its current default as `previousAuthStrategyId` (null
 *   when none), then PATCH it to `authStrategyId`; `appliedAuthStrategyId` records what this resource set. When the
 *   portal already points at `authStrategyId` (an interrupted earlier `up`), the PATCH is still sent (idempotent) and
 *   the previous default is recorded as found.
 * - **update** (`authStrategyId` changed) = 1 PATCH to the new id; `previousAuthStrategyId` is kept (it is what the
 *   portal had before this resource existed), `appliedAuthStrategyId` becomes the new id.
 * - **delete** = 1 GET + 1 PATCH, decided by `restoreDecision`: if the portal still points at
 *   `appliedAuthStrategyId`, PATCH it back to `previousAuthStrategyId`, or to null when there was none or that
 *   strategy no longer exists (known from Konnect's answer: the handler then PATCHes null, 1 more PATCH). If it
 *   points elsewhere (someone changed it since), leave it and say so in the provider log (1 GET, no PATCH). A portal
 *   that is gone (404) is done.
 * - **read** (refresh) = 1 GET: `authStrategyId` shows the portal's current default (drift made in the UI);
 *   `appliedAuthStrategyId` and `previousAuthStrategyId` are kept from state, so a delete after a refresh still knows
 *   whether the portal points at ours. 404 → gone.
 * - **diff** (no API call): `portalId` and `region` replace (deleting first, so the previous default is put back
 *   before the new resource records it); `authStrategyId` updates in place, also when a refresh saw the portal
 *   pointing elsewhere (the PATCH puts ours back).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { KonnectRegion } from "../args";
import type { RecordedLocation } from "../core/location";

/** Arguments of a portal's default auth strategy (`konnect.PortalDefaultAuthStrategy`). */
export interface PortalDefaultAuthStrategyArgs {
  /** Id (UUID) of the Dev Portal; the portal is managed elsewhere. Changing it replaces the resource. */
  portalId: pulumi.Input<string>;
  /**
   * Id (UUID) of the auth strategy new API publications in this portal use when they name none. Not applied to
   * publications that exist already (Konnect's rule).
   */
  authStrategyId: pulumi.Input<string>;
  /** Konnect region of the portal (overrides `konnect:region`); the strategy must live there too. */
  region?: pulumi.Input<KonnectRegion>;
}

/** Plain inputs as the dynamic provider receives them after `check`. */
export interface PortalDefaultAuthStrategyInputs {
  /** Portal id (UUID). */
  portalId: string;
  /** Strategy id (UUID) to set as the portal's default. */
  authStrategyId: string;
  /** Region set on the resource. */
  region?: KonnectRegion;
}

/** Plain outputs stored in state. */
export interface PortalDefaultAuthStrategyOutputs
  extends Omit<PortalDefaultAuthStrategyInputs, "authStrategyId">, RecordedLocation {
  /** The portal's current default as Konnect last reported it (null when the portal has none). */
  authStrategyId: string | null;
  /** The strategy this resource set as the default; delete restores only while the portal still points at it. */
  appliedAuthStrategyId: string;
  /** The portal's default before this resource set it (null when it had none); what delete puts back. */
  previousAuthStrategyId: string | null;
}
