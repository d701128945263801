/**
 * The base of every dynamic resource in this package (program side: no client, no zod, no axios): it registers the
 * resource under `pulumi-nodejs:dynamic/konnect:<type>` with its serialized provider, marks the input table's secret
 * rows as Pulumi secrets (field by field inside objects, so the rest stays readable) and declares the read-only
 * outputs. A Konnect object's resource extends it as `KonnectResource` (recorded location, creation key); a resource
 * that talks to no Konnect API (a request check) extends it directly.
 */
import * as pulumi from "@pulumi/pulumi";
import type { FieldTable } from "../../konnect/fieldTable";

/** The outputs of a resource as class properties: one `Output` per output, with the output's documentation. */
export type OutputProperties<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };

/** What the base needs to know about a resource. */
export interface TableResourceSpec {
  /** The resource type's name, e.g. `DcrProvider` (the token is `pulumi-nodejs:dynamic/konnect:<type>`). */
  type: string;
  /** The resource's input table (secret rows are marked as Pulumi secrets). */
  inputs: FieldTable;
  /** Read-only outputs (registered so the engine knows them), and inputs Konnect fills in when undeclared. */
  outputs: readonly string[];
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

/** A dynamic resource whose inputs are a field table. */
export abstract class TableResource extends pulumi.dynamic.Resource {
  /**
   * @param spec What the resource is (type, input table, read-only outputs).
   * @param provider The serialized dynamic provider of the resource.
   * @param name Pulumi resource name.
   * @param args The declared inputs.
   * @param opts Pulumi resource options.
   * @param hidden Inputs the resource class adds itself (the creation key), after the declared ones.
   */
  protected constructor(
    spec: TableResourceSpec,
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    args: object,
    opts: pulumi.CustomResourceOptions | undefined,
    hidden: Record<string, unknown> = {},
  ) {
    const props: Record<string, unknown> = { ...withSecretsMarked({ ...args }, spec.inputs) };
    // Read-only outputs are registered as unknown; an output that is also an input (a declared value Konnect may fill
    // in, such as an application's client id) keeps the declared value.
    for (const output of spec.outputs) if (props[output] === undefined) props[output] = undefined;
    Object.assign(props, hidden);
    super(provider, name, props, opts, "konnect", spec.type);
  }
}
