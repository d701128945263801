/**
 * Public types of `konnect.ApplicationRegistration` (type token
 * `pulumi-nodejs:dynamic/konnect:ApplicationRegistration`), derived from its input table (`./inputs.ts`): a portal
 * application's registration for one API. What each step does is in `./definition.ts`. Types only: nothing here loads
 * at run time.
 */
import type { RegistrationStatus } from "../../konnect/registrations/fields";
import type { RecordedLocation } from "../core/location";
import type { ArgsOf, PlainOf } from "../core/tableTypes";
import type { APPLICATION_REGISTRATION_INPUTS } from "./inputs";

/** The status of a registration: only `approved` lets the application's credentials reach the API. */
export type ApplicationRegistrationStatus = RegistrationStatus;

/** Arguments of an application's API registration (`konnect.ApplicationRegistration`). */
export interface ApplicationRegistrationArgs extends ArgsOf<typeof APPLICATION_REGISTRATION_INPUTS> {}

/** Plain registration inputs as the dynamic provider receives them after `check`. */
export interface ApplicationRegistrationInputs extends PlainOf<typeof APPLICATION_REGISTRATION_INPUTS> {}

/** Plain registration outputs stored in state: the inputs, the status as Konnect reports it, read-only fields. */
export interface ApplicationRegistrationOutputs extends ApplicationRegistrationInputs, RecordedLocation {
  /** The status Konnect reports (a change made in the Dev Portal shows here after a refresh). */
  status: ApplicationRegistrationStatus;
  /** Creation time (ISO 8601). */
  createdAt: string;
  /** Last update time (ISO 8601). */
  updatedAt: string;
}
