/**
 * The base of every Konnect dynamic resource in this package (program side: no client, no zod, no axios). It
 * registers the resource under `pulumi-nodejs:dynamic/konnect:<type>` with its serialized provider, marks the input
 * table's secret rows as Pulumi secrets (field by field inside objects, so the rest stays readable), declares the
 * read-only outputs and the recorded location (see `location.ts`), and, for resources created with the creation key,
 * passes the base key derived from the resource's URN (see `creationKeyInput.ts`).
 */
import * as pulumi from "@pulumi/pulumi";
import type { FieldTable } from "../../konnect/fieldTable";
import { CREATION_KEY_INPUT } from "./creationKey";
import { creationKeyInput } from "./creationKeyInput";

/** The outputs of a resource as class properties: one `Output` per output, with the output's documentation. */
export type OutputProperties<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };

/** What the base needs to know about a resource. */
export interface KonnectResourceSpec {
  /** The resource type's name, e.g. `DcrProvider` (the token is `pulumi-nodejs:dynamic/konnect:<type>`). */
  type: string;
  /** The resource's input table (secret rows are marked as Pulumi secrets). */
  inputs: FieldTable;
  /** Read-only outputs (registered so the engine knows them), and inputs Konnect fills in when undeclared. */
  outputs: readonly string[];
  /** Whether the resource is created with the creation key (keyed creates). */
  creationKey: boolean;
}

/** The args with every secret row (and secret row of an object row) wrapped in `pulumi.secret`. */
function withSecretsMarked(args: Record<string, unknown>, table: FieldTable): Record<string, unknown> {
  const marked: Record<string, unknown> = { ...args };
  for (const [input, row] of Object.entries(table)) {
    const value = args[input];
    if (value === undefined) continue;
    if (row.secret === true) marked[input] = pulumi.secret(value);
    else if (row.value.kind === "object" && Object.values(row.value.fields).some((r) => r.secret === true)) {
      // Objects holding secrets are declared field by field (see tableTypes.ts `ArgValue`).
      marked[input] = withSecretsMarked(value as Record<string, unknown>, row.value.fields);
    }
  }
  return marked;
}

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
    const props: Record<string, unknown> = { ...withSecretsMarked({ ...args }, spec.inputs) };
    // Read-only outputs are registered as unknown; an output that is also an input (a declared value Konnect may
    // fill in, such as an application's client id) keeps the declared value.
    for (const output of [...spec.outputs, "effectiveRegion", "serverUrl"]) {
      if (props[output] === undefined) props[output] = undefined;
    }
    if (spec.creationKey) {
      // Stable per resource and stack: lets a create whose outcome was lost find its object on the next `up`.
      props[CREATION_KEY_INPUT] = creationKeyInput(`pulumi-nodejs:dynamic/konnect:${spec.type}`, name, opts?.parent);
    }
    super(provider, name, props, opts, "konnect", spec.type);
  }
}
