/**
 * `konnect.ApplicationRegistration`: a portal application's registration for one API
 * (`/v3/portals/{portalId}/applications/{applicationId}/registrations`), as a Pulumi dynamic resource (program side).
 * Its provider comes from the shared shim factory (`../core/shim.ts`).
 */
import type * as pulumi from "@pulumi/pulumi";
import { KonnectResource, type OutputProperties } from "../core/konnectResource";
import type { RecordedLocation } from "../core/location";
import { serializedProvider } from "../core/shim";
import type {
  ApplicationRegistrationArgs,
  ApplicationRegistrationInputs,
  ApplicationRegistrationOutputs,
} from "./args";
import { APPLICATION_REGISTRATION_INPUTS } from "./inputs";

/** The dynamic provider for application registrations; usable directly with plain values. */
export const applicationRegistrationProvider = serializedProvider<
  ApplicationRegistrationInputs,
  ApplicationRegistrationOutputs
>("applicationRegistration");

/** The outputs of a registration as properties (the location outputs come from the base class). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export interface ApplicationRegistration extends OutputProperties<
  Omit<ApplicationRegistrationOutputs, keyof RecordedLocation>
> {}

/**
 * A portal application's registration for one API published to the portal, with its status (`approved` by default:
 * the application's credentials reach the API). Konnect holds one per application and API: a create finds an existing
 * one instead of making a second. Type token `pulumi-nodejs:dynamic/konnect:ApplicationRegistration`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export class ApplicationRegistration extends KonnectResource {
  /**
   * @param name Pulumi resource name.
   * @param args The portal, the application, the API and the status.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: ApplicationRegistrationArgs, opts?: pulumi.CustomResourceOptions) {
    const spec = {
      type: "ApplicationRegistration",
      inputs: APPLICATION_REGISTRATION_INPUTS,
      outputs: ["status", "createdAt", "updatedAt"],
      creationKey: false,
    };
    super(spec, applicationRegistrationProvider, name, args, opts);
  }
}
