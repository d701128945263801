/**
 * `konnect.PortalTeam`: a developer team of a Dev Portal (`/v3/portals/{portalId}/teams`), as a Pulumi dynamic resource
 * (program side). Its provider comes from the shared shim factory (`../core/shim.ts`).
 */
import type * as pulumi from "@pulumi/pulumi";
import { KonnectResource, type OutputProperties } from "../core/konnectResource";
import type { RecordedLocation } from "../core/location";
import { serializedProvider } from "../core/shim";
import type { PortalTeamArgs, PortalTeamInputs, PortalTeamOutputs } from "./args";
import { PORTAL_TEAM_INPUTS } from "./inputs";

/** The dynamic provider for portal teams; usable directly with plain values. */
export const portalTeamProvider = serializedProvider<PortalTeamInputs, PortalTeamOutputs>("portalTeam");

/** The outputs of a portal team as properties (the location outputs come from the base class). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export interface PortalTeam extends OutputProperties<Omit<PortalTeamOutputs, keyof RecordedLocation>> {}

/**
 * A developer team in a Konnect Dev Portal (`POST /v3/portals/{portalId}/teams`); with `canOwnApplications: true` it
 * can own a `PortalApplication`. Teams carry no labels: a create that finds a team with the declared name in the portal
 * stops and names its id, which `adopt` then takes over. Type token `pulumi-nodejs:dynamic/konnect:PortalTeam`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export class PortalTeam extends KonnectResource {
  /**
   * @param name Pulumi resource name (not the team's name in the portal).
   * @param args The portal and the team's settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: PortalTeamArgs, opts?: pulumi.CustomResourceOptions) {
    const spec = {
      type: "PortalTeam",
      inputs: PORTAL_TEAM_INPUTS,
      outputs: ["createdAt", "updatedAt"],
      creationKey: false,
    };
    super(spec, portalTeamProvider, name, args, opts);
  }
}
