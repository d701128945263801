/**
 * `konnect.PortalDefaultAuthStrategy`: a Dev Portal's default application auth strategy, set without owning the
 * portal, and put back on delete (`GET|PATCH /v3/portals/{portalId}`). Semantics: `./portalDefaultArgs.ts`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { KonnectRegion } from "../args";
import { serializedProvider } from "../core/shim";
import type {
  PortalDefaultAuthStrategyArgs,
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
} from "./args";
import { KonnectResource } from "../core/konnectResource";

/** The dynamic provider for portal defaults; usable directly with plain values. */
export const portalDefaultAuthStrategyProvider = serializedProvider<
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs
>("portalDefaultAuthStrategy");

/**
 * Makes an auth strategy the default of a Dev Portal (what new API publications use when they name none). On delete
 * the previous default comes back, unless someone changed the default since. Declare at most one per portal.
 * Type token `pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy`.
 */
export class PortalDefaultAuthStrategy extends KonnectResource {
  /** The portal's id. */
  declare public readonly portalId: pulumi.Output<string>;
  /** The portal's current default as Konnect last reported it (null when none). */
  declare public readonly authStrategyId: pulumi.Output<string | null>;
  /** The strategy this resource set as the default. */
  declare public readonly appliedAuthStrategyId: pulumi.Output<string>;
  /** The default before this resource set it (null when none): what delete puts back. */
  declare public readonly previousAuthStrategyId: pulumi.Output<string | null>;
  /** Region set on the resource. */
  declare public readonly region: pulumi.Output<KonnectRegion | undefined>;

  /**
   * @param name Pulumi resource name.
   * @param args The portal and the strategy.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: PortalDefaultAuthStrategyArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      ...args,
      appliedAuthStrategyId: undefined,
      previousAuthStrategyId: undefined,
    };
    super(portalDefaultAuthStrategyProvider, name, props, opts, "PortalDefaultAuthStrategy");
  }
}
