/**
 * `konnect.ApiPublication`: one API published to one Dev Portal, with the auth strategy developers' applications
 * use (`PUT|GET|DELETE /v3/apis/{apiId}/publications/{portalId}`). Semantics: `./apiPublicationArgs.ts`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ApiPublicationArgs, ApiPublicationInputs, ApiPublicationOutputs, ApiPublicationVisibility } from "./args";
import type { KonnectRegion } from "../args";
import { serializedProvider } from "../core/shim";
import { KonnectResource } from "../core/konnectResource";

/** The dynamic provider for API publications; usable directly with plain values. */
export const apiPublicationProvider = serializedProvider<ApiPublicationInputs, ApiPublicationOutputs>("apiPublication");

/**
 * An API publication in a Konnect Dev Portal. The API and the portal are managed elsewhere; create takes over an
 * existing publication only when it equals the declared one, or with `adopt: true`. Delete unpublishes.
 * Type token `pulumi-nodejs:dynamic/konnect:ApiPublication`.
 */
export class ApiPublication extends KonnectResource {
  /** The published API's id. */
  declare public readonly apiId: pulumi.Output<string>;
  /** The portal's id. */
  declare public readonly portalId: pulumi.Output<string>;
  /** The strategy Konnect enforces for applications (`[]` when the API requires no application auth). */
  declare public readonly authStrategyIds: pulumi.Output<string[]>;
  /** `public` or `private`. */
  declare public readonly visibility: pulumi.Output<ApiPublicationVisibility>;
  /** Whether registrations for this API are approved automatically. */
  declare public readonly autoApproveRegistrations: pulumi.Output<boolean>;
  /** Whether this resource may take over a different existing publication. */
  declare public readonly adopt: pulumi.Output<boolean | undefined>;
  /** Region set on the resource. */
  declare public readonly region: pulumi.Output<KonnectRegion | undefined>;
  /** Konnect's informational warnings about the publication; empty if none. */
  declare public readonly warnings: pulumi.Output<string[]>;
  /** Creation time (ISO 8601). */
  declare public readonly createdAt: pulumi.Output<string>;
  /** Last update time (ISO 8601). */
  declare public readonly updatedAt: pulumi.Output<string>;

  /**
   * @param name Pulumi resource name.
   * @param args The API, the portal and the publication settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: ApiPublicationArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      ...args,
      warnings: undefined,
      createdAt: undefined,
      updatedAt: undefined,
    };
    super(apiPublicationProvider, name, props, opts, "ApiPublication");
  }
}
