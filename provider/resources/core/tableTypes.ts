/**
 * The public input types of a resource, derived from its field table (`konnect/fieldTable.ts`): one property per
 * row, required exactly when the row has a `required` message, typed by the row's value rule. The mapped types map
 * over `keyof` the table itself, so each property keeps the row's TSDoc (an IDE hover shows it). Types only.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { OneOf, PlainValue, RequiredKeys } from "../../konnect/fieldTable";

export type { PlainOf, PlainValue } from "../../konnect/fieldTable";

/** Keys of a table's secret rows. */
type SecretKeys<T> = { [K in keyof T]: T[K] extends { readonly secret: true } ? K : never }[keyof T];

/**
 * A value as a program may declare it: Inputs all the way down. An object holding secret rows is declared field by
 * field (not as one Input), so each secret is marked on its own and the rest of the object stays readable. A choice
 * (`exactlyOne`) is a union with one key each.
 */
export type ArgValue<R> = R extends { readonly kind: "list"; readonly item: infer I }
  ? pulumi.Input<pulumi.Input<PlainValue<I>>[]>
  : R extends { readonly kind: "labels" }
    ? pulumi.Input<Record<string, pulumi.Input<string>>>
    : R extends { readonly kind: "object"; readonly fields: infer F }
      ? R extends { readonly exactlyOne: true }
        ? pulumi.Input<OneOf<ArgsOf<F>>>
        : [SecretKeys<F>] extends [never]
          ? pulumi.Input<ArgsOf<F>>
          : ArgsOf<F>
      : pulumi.Input<PlainValue<R>>;

/** The arguments of a table as a program declares them. */
export type ArgsOf<T> = {
  -readonly [K in keyof T as K extends RequiredKeys<T> ? K : never]: T[K] extends { readonly value: infer R }
    ? ArgValue<R>
    : never;
} & {
  -readonly [K in keyof T as K extends RequiredKeys<T> ? never : K]?: T[K] extends { readonly value: infer R }
    ? ArgValue<R>
    : never;
};
