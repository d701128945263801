/**
 * The base of every Konnect dynamic resource in this package: the outputs that say where its object lives, recorded
 * by the handlers on every write (see `location.ts`).
 */
import * as pulumi from "@pulumi/pulumi";

/** A Konnect object managed through a dynamic provider, with its recorded location. */
export abstract class KonnectResource extends pulumi.dynamic.Resource {
  /**
   * Region the object lives in, recorded at create (its own `region`, or the stack's default then). Refresh and delete
   * use it, and a stack-level region change shows as a replace.
   */
  declare public readonly effectiveRegion: pulumi.Output<string>;
  /** Konnect API base URL the object was created through (refresh and delete use it). */
  declare public readonly serverUrl: pulumi.Output<string>;

  /**
   * @param provider The serialized dynamic provider of the resource.
   * @param name Pulumi resource name.
   * @param props Inputs, plus the resource's own outputs as `undefined`.
   * @param opts Pulumi resource options.
   * @param type The resource type's name, e.g. `DcrProvider` (the token is `pulumi-nodejs:dynamic/konnect:<type>`).
   */
  protected constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    type: string,
  ) {
    super(provider, name, { ...props, effectiveRegion: undefined, serverUrl: undefined }, opts, "konnect", type);
  }
}
