/**
 * The one row format of every field table in the package. What we know about one field is written once, as a row:
 * its value rule (Kong's contract, as data), whether it is required (and the message when it is missing), what a
 * change does (a new object, an in-place update, or nothing Konnect sees), its wire name, whether it is a
 * write-only secret, and the value Konnect applies when it is left out (`default`, where absence means a value). The
 * row's TSDoc is the field's documentation: the public argument types map over the tables (`keyof typeof TABLE`), so
 * it reaches the IDE.
 *
 * Derived from the rows, in one place each: request schemas and the camel/snake mapping (the client: `tableSchema`,
 * `bodySchema`, `patchBodySchema`, `requestShape`; the types `BodyOf`, `PatchOf`), tolerant response readers
 * (`rowsResponse`, and `reportedShape` / `reportedFromWire` for API publications; the model types `ResponseOf`,
 * `ReportedOf`), `check` (required, value rules, unknown keys), diff, update and whole-object bodies, differences and
 * outputs (`resources/core/fieldRules.ts`), the renaming of Konnect's 400 fields to input names, secret marking, and
 * the public input types.
 *
 * Plain data (no zod, no axios): the program side (resource classes, components) reads tables without loading the
 * client.
 */

/** What a change of a field does: a new object, an in-place update, or only something local (no request body). */
export type ChangeEffect = "replace" | "update" | "local";

/** A pattern a text value must match, with the message when it does not. */
export interface TextPattern {
  readonly regex: RegExp;
  readonly message: string;
}

/** How a value is validated, as data (`valueSchema` in `schemas.ts` builds the zod schema). */
export type ValueRule =
  /** A string of `min` (default 1) to `max` characters; `name` adds: no control characters, not only whitespace. */
  | {
      readonly kind: "text";
      readonly max: number;
      readonly min?: number;
      readonly nullable?: boolean;
      readonly pattern?: TextPattern;
      readonly name?: boolean;
    }
  /**
   * An absolute http(s) URL of at most `max` characters, never with credentials (`user:password@`). `issuer`: an
   * OpenID issuer (no `?query` or `#fragment`: discovery appends a path to it; trailing slashes removed by `check`).
   * `base`: a URL Konnect appends paths to (a DCR bridge's base URL), so no `?query` or `#fragment` either.
   */
  | { readonly kind: "url"; readonly max: number; readonly issuer?: boolean; readonly base?: boolean }
  /** `true` or `false`; an absent flag compares as `false`. */
  | { readonly kind: "flag" }
  /** A Konnect object id (UUID). */
  | { readonly kind: "id" }
  /** One of `values`; `message` replaces the default "must be one of …". */
  | { readonly kind: "enum"; readonly values: readonly string[]; readonly message?: string }
  /** A whole number of at least `min` and, when `max` is set, at most `max`. */
  | { readonly kind: "count"; readonly min: number; readonly max?: number }
  /** A list of values, `minItems` (default 0) to `maxItems` long. */
  | { readonly kind: "list"; readonly item: ValueRule; readonly maxItems: number; readonly minItems?: number }
  /** Konnect labels (string keys to string values, Konnect's label rules). */
  | { readonly kind: "labels" }
  /** Free-form JSON options passed through (extra plugin options). */
  | { readonly kind: "options" }
  /**
   * Any JSON value, compared as a whole (a trigger: what matters is that it changed, not its shape): null, true or
   * false, a finite number, a string, or a list or object of JSON values. No `__proto__` key at any depth, and at
   * most the input depth bound deep, like every input.
   */
  | { readonly kind: "json" }
  /**
   * A nested object whose keys are the rows of `fields`. `exactlyOne`: a choice, exactly one of the rows is set (an
   * application's owner is a team or a developer); its plain type is then a union with one key each.
   */
  | { readonly kind: "object"; readonly fields: FieldTable; readonly exactlyOne?: boolean };

/** One field. */
export interface FieldRow {
  /** The value rule. */
  readonly value: ValueRule;
  /**
   * Set when the field is required: what `check` says when it is missing (`required: the id (UUID) of the portal`).
   * Absent: optional.
   */
  readonly required?: string;
  /** What a change of the field does. */
  readonly effect: ChangeEffect;
  /** Name in Konnect's request body; absent for path parameters and inputs that are not sent. */
  readonly wire?: string;
  /** Write-only in Konnect (never returned): kept from the inputs and stored as a Pulumi secret. */
  readonly secret?: boolean;
  /**
   * The value Konnect applies when the field is left out (Kong's default), for a row whose absence means a value:
   * an absent input compares as it in a diff, a request that sends the whole object (a PUT) sends it, and Konnect's
   * report of an absent field reads as it. A flag needs none (absent is `false`). Leave it out when absence means
   * something else (a field Konnect keeps as it is, a default the object gets elsewhere).
   */
  readonly default?: string | number | boolean;
}

/** A table: input name (camelCase) → its row. */
export type FieldTable = { readonly [input: string]: FieldRow };

/** The input names of a table, in row order. */
export function fieldNames<T extends FieldTable>(table: T): (keyof T & string)[] {
  return Object.keys(table);
}

/** Input name → wire name, for the rows that are sent. */
export function wireNames(table: FieldTable): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(table).flatMap(([input, row]) => (row.wire === undefined ? [] : [[input, row.wire]])),
  );
}

/** Keys of a table's rows that Konnect sees (those with a `wire` name). */
export type SentKeys<T> = { [K in keyof T]: T[K] extends { readonly wire: string } ? K : never }[keyof T];

/** Keys of a table's flag rows. */
type FlagKeys<T> = { [K in keyof T]: T[K] extends { readonly value: { readonly kind: "flag" } } ? K : never }[keyof T];

/** Keys of a table's required rows. */
export type RequiredKeys<T> = { [K in keyof T]: T[K] extends { readonly required: string } ? K : never }[keyof T];

/** The plain value of a rule (what the provider receives after `check`, and what outputs hold). */
export type PlainValue<R> = R extends { readonly kind: "flag" }
  ? boolean
  : R extends { readonly kind: "enum"; readonly values: readonly (infer V)[] }
    ? V
    : R extends { readonly kind: "count" }
      ? number
      : R extends { readonly kind: "list"; readonly item: infer I }
        ? PlainValue<I>[]
        : R extends { readonly kind: "labels" }
          ? Record<string, string>
          : R extends { readonly kind: "options" }
            ? Record<string, unknown>
            : R extends { readonly kind: "json" }
              ? unknown
              : R extends { readonly kind: "object"; readonly fields: infer F }
                ? R extends { readonly exactlyOne: true }
                  ? OneOf<PlainOf<F>>
                  : PlainOf<F>
                : R extends { readonly nullable: true }
                  ? string | null
                  : string;

/** The plain object of a table: required rows required, the others optional. */
export type PlainOf<T> = {
  -readonly [K in keyof T as K extends RequiredKeys<T> ? K : never]: T[K] extends { readonly value: infer R }
    ? PlainValue<R>
    : never;
} & {
  -readonly [K in keyof T as K extends RequiredKeys<T> ? never : K]?: T[K] extends { readonly value: infer R }
    ? PlainValue<R>
    : never;
};

/**
 * Exactly one property of `T` set, the others absent: a union with one member per key (an object row with
 * `exactlyOne`). Each member keeps the property's documentation.
 */
export type OneOf<T> = {
  [K in keyof T]-?: { [P in keyof T as P extends K ? P : never]-?: T[P] } & {
    [P in keyof T as P extends K ? never : P]?: never;
  };
}[keyof T];

/** A request body of a table's sent rows, camelCase (required rows required, the others optional). */
export type BodyOf<T> = PlainOf<Pick<T, SentKeys<T>>>;

/**
 * The value of a rule as Konnect reports it (responses are read tolerantly): an enum's value this package does not
 * know yet is passed through as a string.
 */
export type ReportedValue<R> = R extends { readonly kind: "enum" }
  ? string
  : R extends { readonly kind: "list"; readonly item: infer I }
    ? ReportedValue<I>[]
    : PlainValue<R>;

/**
 * A table's sent rows as Konnect reports them (camelCase, unknown fields dropped): present, except flags, which
 * Konnect may leave out (absent in the model; `EffectiveOf` reads them as `false`).
 */
export type ReportedOf<T> = {
  -readonly [K in SentKeys<T> as K extends FlagKeys<T> ? never : K]: T[K] extends { readonly value: infer R }
    ? ReportedValue<R>
    : never;
} & {
  -readonly [K in SentKeys<T> as K extends FlagKeys<T> ? K : never]?: boolean;
};

/**
 * What Konnect holds of a table's sent rows, in the input shape: every row present with its effective value (a
 * field Konnect left out read as the row's `default`, a flag as `false`).
 */
export type EffectiveOf<T> = {
  -readonly [K in SentKeys<T>]-?: T[K] extends { readonly value: infer R } ? ReportedValue<R> : never;
};

/** Keys of a table's rows whose change updates the object in place (`effect: "update"`). */
export type UpdateKeys<T> = { [K in keyof T]: T[K] extends { readonly effect: "update" } ? K : never }[keyof T];

/** Keys of a table's labels rows. */
type LabelKeys<T> = {
  [K in keyof T]: T[K] extends { readonly value: { readonly kind: "labels" } } ? K : never;
}[keyof T];

/** The value of a rule in a PATCH body: labels take null for a key to remove. */
export type PatchValue<R> = R extends { readonly kind: "labels" } ? Record<string, string | null> : PlainValue<R>;

/**
 * A PATCH body of a table (camelCase): the sent rows a change updates in place (`effect: "update"`), every one
 * optional. Rows sent on create only (a `replace` row such as a DCR provider's `providerType`) are not part of it.
 */
export type PatchOf<T> = {
  -readonly [K in keyof T as K extends SentKeys<T> & UpdateKeys<T> ? K : never]?: T[K] extends {
    readonly value: infer R;
  }
    ? PatchValue<R>
    : never;
};

/**
 * A table's sent rows as a response reader built by `rowsResponse` (`schemas.ts`) models them (camelCase, unknown
 * fields dropped): a required row present; a flag present (absent reads as `false`); labels present (absent reads as
 * `{}`); any other row optional (Konnect may leave it out or send null: absent).
 */
export type ResponseOf<T> = {
  -readonly [K in SentKeys<T> as K extends RequiredKeys<T> | FlagKeys<T> | LabelKeys<T> ? K : never]: T[K] extends {
    readonly value: infer R;
  }
    ? ReportedValue<R>
    : never;
} & {
  -readonly [K in SentKeys<T> as K extends RequiredKeys<T> | FlagKeys<T> | LabelKeys<T> ? never : K]?: T[K] extends {
    readonly value: infer R;
  }
    ? ReportedValue<R>
    : never;
};

/** How `sentValues` treats particular rows: rows left out (another type's), rows sent in another value. */
export interface SentOptions<V> {
  /** Rows left out of the request (the rows of another object type). */
  readonly omit?: readonly string[];
  /** A row's value computed from all the values (undefined: left out), instead of the row's own value. */
  readonly custom?: Readonly<Record<string, (values: V) => unknown>>;
}

/**
 * The values of a table's sent rows in `values` (camelCase, row order, undefined left out): the request body of
 * checked inputs, before the client's schema maps it to the wire. An object row's value is copied without its
 * undefined keys; `options` leaves rows out or computes a row's value.
 */
export function sentValues<V extends object>(
  table: FieldTable,
  values: V,
  options: SentOptions<V> = {},
): Record<string, unknown> {
  const sent: Record<string, unknown> = {};
  for (const [input, row] of Object.entries(table)) {
    if (row.wire === undefined || options.omit?.includes(input)) continue;
    const compute = options.custom?.[input];
    let value = compute === undefined ? (values as Record<string, unknown>)[input] : compute(values);
    if (row.value.kind === "object" && typeof value === "object" && value !== null) {
      value = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
    }
    if (value !== undefined) sent[input] = value;
  }
  return sent;
}
