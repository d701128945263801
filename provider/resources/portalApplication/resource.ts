/**
 * `konnect.PortalApplication`: an application of a Dev Portal (`/v3/portals/{portalId}/applications`), as a Pulumi
 * dynamic resource (program side). Its provider comes from the shared shim factory (`../core/shim.ts`).
 */
import type * as pulumi from "@pulumi/pulumi";
import { KonnectResource, type OutputProperties } from "../core/konnectResource";
import type { RecordedLocation } from "../core/location";
import { serializedProvider } from "../core/shim";
import type { PortalApplicationArgs, PortalApplicationInputs, PortalApplicationOutputs } from "./args";
import { PORTAL_APPLICATION_INPUTS } from "./inputs";

/** The dynamic provider for portal applications; usable directly with plain values. */
export const portalApplicationProvider = serializedProvider<PortalApplicationInputs, PortalApplicationOutputs>(
  "portalApplication",
);

/** The outputs of a portal application as properties (the location outputs come from the base class). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export interface PortalApplication extends OutputProperties<Omit<PortalApplicationOutputs, keyof RecordedLocation>> {}

/**
 * An application in a Konnect Dev Portal (`POST /v3/portals/{portalId}/applications`), owned by a team or a developer
 * and using an auth strategy; with a DCR strategy Konnect creates its IdP client, or links `dcrClientId`. Only the
 * owner changes in place. Konnect never returns a client secret. Type token
 * `pulumi-nodejs:dynamic/konnect:PortalApplication`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export class PortalApplication extends KonnectResource {
  /**
   * @param name Pulumi resource name (not the application's name in the portal).
   * @param args The portal, the owner, the auth strategy and the application's settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: PortalApplicationArgs, opts?: pulumi.CustomResourceOptions) {
    const spec = {
      type: "PortalApplication",
      inputs: PORTAL_APPLICATION_INPUTS,
      outputs: ["clientId", "dcrProviderId", "grantedScopes", "registrationCount", "createdAt", "updatedAt"],
      creationKey: true,
    };
    super(spec, portalApplicationProvider, name, args, opts);
  }
}
