/**
 * `konnect.ApiPublication`: one API published to one Dev Portal, with the auth strategy developers' applications
 * use (`PUT|GET|DELETE /v3/apis/{apiId}/publications/{portalId}`), as a Pulumi dynamic resource (program side).
 */
import type * as pulumi from "@pulumi/pulumi";
import { KonnectResource, type OutputProperties } from "../core/konnectResource";
import type { RecordedLocation } from "../core/location";
import { serializedProvider } from "../core/shim";
import type { ApiPublicationArgs, ApiPublicationInputs, ApiPublicationOutputs } from "./args";
import { API_PUBLICATION_INPUTS } from "./inputs";

/** The dynamic provider for API publications; usable directly with plain values. */
export const apiPublicationProvider = serializedProvider<ApiPublicationInputs, ApiPublicationOutputs>("apiPublication");

/** The outputs of an API publication as properties (the location outputs come from the base class). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export interface ApiPublication extends OutputProperties<Omit<ApiPublicationOutputs, keyof RecordedLocation>> {}

/**
 * An API publication in a Konnect Dev Portal. The API and the portal are managed elsewhere; create takes over an
 * existing publication only with `adopt: true` (a publication has no labels to prove who made it). Delete
 * unpublishes.
 * Type token `pulumi-nodejs:dynamic/konnect:ApiPublication`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export class ApiPublication extends KonnectResource {
  /**
   * @param name Pulumi resource name.
   * @param args The API, the portal and the publication settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: ApiPublicationArgs, opts?: pulumi.CustomResourceOptions) {
    const spec = {
      type: "ApiPublication",
      inputs: API_PUBLICATION_INPUTS,
      outputs: ["warnings", "createdAt", "updatedAt"],
      creationKey: false,
    };
    super(spec, apiPublicationProvider, name, args, opts);
  }
}
