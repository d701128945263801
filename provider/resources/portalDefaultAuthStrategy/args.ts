/**
 * Public types of `konnect.PortalDefaultAuthStrategy` (type token
 * `pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy`), derived from its input table (`./inputs.ts`): a Dev
 * Portal's `default_application_auth_strategy_id`, set without owning the portal and put back on delete. What each
 * step does is in `./definition.ts`. Types only: nothing here loads at run time.
 */
import type { RecordedLocation } from "../core/location";
import type { ArgsOf, PlainOf } from "../core/tableTypes";
import type { PORTAL_DEFAULT_INPUTS } from "./inputs";

/** Arguments of a portal's default auth strategy (`konnect.PortalDefaultAuthStrategy`). */
export interface PortalDefaultAuthStrategyArgs extends ArgsOf<typeof PORTAL_DEFAULT_INPUTS> {}

/** Plain inputs as the dynamic provider receives them after `check`. */
export interface PortalDefaultAuthStrategyInputs extends PlainOf<typeof PORTAL_DEFAULT_INPUTS> {}

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
