/**
 * The base of every Konnect object's dynamic resource (program side: no client, no zod, no axios): a
 * {@link TableResource} (type token, secret marking from the table, read-only outputs) that also declares the recorded
 * location (see `location.ts`) and, for resources created with the creation key, passes the base key derived from the
 * resource's URN (see `creationKeyInput.ts`).
 */
import type * as pulumi from "@pulumi/pulumi";
import { CREATION_KEY_INPUT } from "./creationKey";
import { creationKeyInput } from "./creationKeyInput";
import { TableResource, type TableResourceSpec } from "./tableResource";

export type { OutputProperties } from "./tableResource";

/** What the base needs to know about a Konnect resource. */
export interface KonnectResourceSpec extends TableResourceSpec {
  /** Whether the resource is created with the creation key (keyed creates). */
  creationKey: boolean;
}

/** A Konnect object managed through a dynamic provider, with its recorded location. */
export abstract class KonnectResource extends TableResource {
  /**
   * Region the object lives in, recorded at create (its own `region`, or the stack's default then). Refresh and delete
   * use it, and a stack-level region change shows as a replace.
   */
  declare public readonly effectiveRegion: pulumi.Output<string>;
  /** Konnect API base URL the object was created through (refresh and delete use it). */
  declare public readonly serverUrl: pulumi.Output<string>;

  /**
   * @param spec What the resource is (type, input table, read-only outputs, creation key).
   * @param provider The serialized dynamic provider of the resource.
   * @param name Pulumi resource name.
   * @param args The declared inputs.
   * @param opts Pulumi resource options.
   */
  protected constructor(
    spec: KonnectResourceSpec,
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    args: object,
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    const outputs = [...spec.outputs, "effectiveRegion", "serverUrl"];
    // Stable per resource and stack: lets a create whose outcome was lost find its object on the next `up`.
    const hidden = spec.creationKey
      ? { [CREATION_KEY_INPUT]: creationKeyInput(`pulumi-nodejs:dynamic/konnect:${spec.type}`, name, opts?.parent) }
      : {};
    super({ type: spec.type, inputs: spec.inputs, outputs }, provider, name, args, opts, hidden);
  }
}
