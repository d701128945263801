/**
 * Public types of `konnect.PortalApplication` (type token `pulumi-nodejs:dynamic/konnect:PortalApplication`), derived
 * from its input table (`./inputs.ts`): an application in a Dev Portal, owned by a team or a developer. What each step
 * does is in `./definition.ts`. Types only: nothing here loads at run time.
 */
import type { RecordedLocation } from "../core/location";
import type { ArgsOf, PlainOf } from "../core/tableTypes";
import type { PORTAL_APPLICATION_INPUTS } from "./inputs";

/** Arguments of a Dev Portal application (`konnect.PortalApplication`). */
export interface PortalApplicationArgs extends ArgsOf<typeof PORTAL_APPLICATION_INPUTS> {}

/** Plain portal application inputs as the dynamic provider receives them after `check`. */
export interface PortalApplicationInputs extends PlainOf<typeof PORTAL_APPLICATION_INPUTS> {}

/**
 * Plain portal application outputs stored in state: the inputs as Konnect reports them, plus read-only fields. No
 * output is a secret: Konnect's management API never returns a client secret.
 */
export interface PortalApplicationOutputs extends PortalApplicationInputs, RecordedLocation {
  /**
   * The client id Konnect reports: for DCR the IdP client it created (or the linked `dcrClientId`), without DCR the
   * declared `clientId`; absent for key-auth applications.
   */
  clientId?: string;
  /** The DCR provider the application's client lives in (DCR applications only). */
  dcrProviderId?: string;
  /** The scopes Konnect granted the application (absent when its type does not report them). */
  grantedScopes?: string[];
  /** The application's registrations, of any status. */
  registrationCount: number;
  /** Creation time (ISO 8601). */
  createdAt: string;
  /** Last update time (ISO 8601). */
  updatedAt: string;
}
