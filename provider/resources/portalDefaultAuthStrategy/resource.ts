/**
 * `konnect.PortalDefaultAuthStrategy`: a Dev Portal's default application auth strategy, set without owning the
 * portal and put back on delete (`GET|PATCH /v3/portals/{portalId}`), as a Pulumi dynamic resource (program side).
 */
import type * as pulumi from "@pulumi/pulumi";
import { KonnectResource, type OutputProperties } from "../core/konnectResource";
import type { RecordedLocation } from "../core/location";
import { serializedProvider } from "../core/shim";
import type {
  PortalDefaultAuthStrategyArgs,
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
} from "./args";
import { PORTAL_DEFAULT_INPUTS } from "./inputs";

/** The dynamic provider for portal defaults; usable directly with plain values. */
export const portalDefaultAuthStrategyProvider = serializedProvider<
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs
>("portalDefaultAuthStrategy");

/** The outputs of a portal default as properties (the location outputs come from the base class). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export interface PortalDefaultAuthStrategy extends OutputProperties<
  Omit<PortalDefaultAuthStrategyOutputs, keyof RecordedLocation>
> {}

/**
 * Makes an auth strategy the default of a Dev Portal (what new API publications use when they name none). On delete
 * the previous default comes back, unless someone changed the default since. Declare at most one per portal.
 * Type token `pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export class PortalDefaultAuthStrategy extends KonnectResource {
  /**
   * @param name Pulumi resource name.
   * @param args The portal and the strategy.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: PortalDefaultAuthStrategyArgs, opts?: pulumi.CustomResourceOptions) {
    const spec = {
      type: "PortalDefaultAuthStrategy",
      inputs: PORTAL_DEFAULT_INPUTS,
      outputs: ["appliedAuthStrategyId", "previousAuthStrategyId"],
      creationKey: false,
    };
    super(spec, portalDefaultAuthStrategyProvider, name, args, opts);
  }
}
