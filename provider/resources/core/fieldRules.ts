/**
 * What a change of one input field does, as a table row, and the two things derived from a resource's rows in one
 * place: `diff` (which properties changed, which of them replace) and the update body (what is sent). A field is
 * diffed exactly when its rule says what it sends, so nothing can be diffed but never sent, or sent but never diffed.
 * For an object replaced as a whole (a PUT), the same rows give the whole body (`wholeBody`), how an existing object
 * differs from the declared one (`differences`), what Konnect reports in the input shape (`effectiveReported`) and the
 * outputs (`tableOutputs`); every comparison and default goes through the row's effective value (`effective`).
 */
import type { ChangeEffect, FieldRow, FieldTable } from "../../konnect/fieldTable";
import type { Labels } from "./types";
import { deepEqual, labelsEqual } from "./compare";
import { ownedLabels, ownedLabelsPatch, previouslyOwnedLabels } from "./labelOwnership";
import { containsUnknown } from "./unknowns";

/** One row: how a field is compared and what its change sends. */
export interface FieldRule<Olds, News, Body> {
  /** Input property path as users write it (`name`, `dcrConfig.initialClientId`). Also the diff key. */
  readonly property: string;
  /** What a change does. */
  readonly effect: ChangeEffect;
  /** The enclosing input object (`dcrConfig`): while it is unknown (preview), its rows report the group instead. */
  readonly group?: string;
  /** The old effective value (from prior outputs), normalized for comparison. */
  readonly before: (olds: Olds) => unknown;
  /** The new effective value (from checked inputs), normalized for comparison. */
  readonly after: (news: News) => unknown;
  /** When true, an undeclared new value keeps what Konnect has: not compared, not sent. */
  readonly keptWhenAbsent?: (news: News) => boolean;
  /** Equality of effective values (default: deep equality, key order ignored, list order kept). */
  readonly equal?: (before: unknown, after: unknown) => boolean;
  /** Writes the change into the update body (required for `update` rows). */
  readonly send?: (body: Body, olds: Olds, news: News) => void;
}

/** The rows whose field changed from `olds` to `news`; unknown new values count as changed. */
export function changedRules<O, N, B>(rules: readonly FieldRule<O, N, B>[], olds: O, news: N): FieldRule<O, N, B>[] {
  return rules.filter((rule) => {
    if (rule.keptWhenAbsent?.(news)) return false;
    const after = rule.after(news);
    if (containsUnknown(after)) return true;
    return !(rule.equal ?? deepEqual)(rule.before(olds), after);
  });
}

/** The changed property names for `diff`: a group whose new value is unknown is reported once, by its name. */
export function changedProperties<O, N, B>(
  rules: readonly FieldRule<O, N, B>[],
  olds: O,
  news: N,
  groupValue: (news: N, group: string) => unknown,
): string[] {
  const unknownGroups = new Set(
    rules.flatMap((r) => (r.group !== undefined && containsUnknown(groupValue(news, r.group)) ? [r.group] : [])),
  );
  const changed = changedRules(
    rules.filter((r) => r.group === undefined || !unknownGroups.has(r.group)),
    olds,
    news,
  ).map((r) => r.property);
  return [...changed, ...unknownGroups];
}

/** The properties among `changed` whose change replaces the object. */
export function replacingProperties<O, N, B>(rules: readonly FieldRule<O, N, B>[], changed: string[]): string[] {
  const replacing = new Set(rules.filter((r) => r.effect === "replace").map((r) => r.property));
  return changed.filter((p) => replacing.has(p));
}

/** The update body for the changed `update` rows (known values only), or undefined when it would be empty. */
export function updateBody<O, N, B extends object>(
  rules: readonly FieldRule<O, N, B>[],
  olds: O,
  news: N,
  body: B,
): B | undefined {
  for (const rule of changedRules(rules, olds, news)) {
    if (rule.effect === "update") rule.send?.(body, olds, news);
  }
  return Object.keys(body).length > 0 ? body : undefined;
}

/**
 * Every `update` row's change, changed or not: the body of a request that replaces the whole object (a PUT, where a
 * field left out gets Konnect's default). Each row writes what its `send` writes for a change.
 */
export function wholeBody<O, N, B extends object>(rules: readonly FieldRule<O, N, B>[], olds: O, news: N, body: B): B {
  for (const rule of rules) {
    if (rule.effect === "update") rule.send?.(body, olds, news);
  }
  return body;
}

/**
 * How an existing object differs from the declared one, one line per changed row (`visibility: Konnect has
 * "public", declared "private"`), compared as the rows compare in a diff; empty when it is the declared object.
 */
export function differences<O, N, B>(rules: readonly FieldRule<O, N, B>[], existing: O, declared: N): string[] {
  const show = (value: unknown) => JSON.stringify(value);
  return changedRules(rules, existing, declared).map(
    (rule) => `${rule.property}: Konnect has ${show(rule.before(existing))}, declared ${show(rule.after(declared))}`,
  );
}

/**
 * A row's effective value: an absent value is the row's `default` (`konnect/fieldTable.ts`), an absent flag `false`;
 * undefined when the row has neither.
 */
function effective(row: FieldRow, value: unknown): unknown {
  if (value !== undefined) return value;
  return row.default ?? (row.value.kind === "flag" ? false : undefined);
}

/**
 * What Konnect reports of a table's sent rows (its camelCase model), in the input shape: each row's effective value
 * (a field left out is the row's default, a flag `false`), in row order. `custom` maps a row whose reported value has
 * another shape than its input (Konnect's `null` for an empty list).
 */
export function effectiveReported(
  table: FieldTable,
  reported: object,
  custom: Readonly<Record<string, (value: unknown) => unknown>> = {},
): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [property, row] of Object.entries(table)) {
    if (row.wire === undefined) continue;
    const map = custom[property];
    const field = (reported as Record<string, unknown>)[property];
    const value = map === undefined ? effective(row, field) : map(field);
    if (value !== undefined) settings[property] = value;
  }
  return settings;
}

/**
 * A resource's outputs from its table, in row order: the rows Konnect sees as it reports them (labels: the declared
 * keys only, `ownedLabels`), the others (path parameters, local inputs) as declared, when declared. `custom` gives a
 * row's output where Konnect reports it in another shape or not at all (a linked object, a write-only secret, a
 * value kept as declared); an undefined result leaves the row out.
 */
export function tableOutputs<D extends object, R extends object>(
  table: FieldTable,
  declared: D,
  reported: R,
  custom: Readonly<Record<string, (declared: D, reported: R) => unknown>> = {},
): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const [property, row] of Object.entries(table)) {
    const compute = custom[property];
    const mine = (declared as Record<string, unknown>)[property];
    const theirs = (reported as Record<string, unknown>)[property];
    const value =
      compute !== undefined
        ? compute(declared, reported)
        : row.wire === undefined
          ? mine
          : row.value.kind === "labels"
            ? ownedLabels((theirs ?? {}) as Labels, mine as Labels | undefined)
            : theirs;
    if (value !== undefined) outputs[property] = value;
  }
  return outputs;
}

/**
 * The diff rows of a table's inputs, in row order: each compared as its effective value (absent is the row's
 * `default`, an absent flag `false`),
 * with the row's effect, and sent under its own name when it updates. Labels get {@link labelsRule}. `custom`
 * replaces a row (a normalization, a wire shape, a value kept when absent) or drops it (`null`, for nested objects
 * whose rows the resource adds itself); an object row without a custom entry is a programming error.
 */
export function tableRules<O, N, B>(
  table: FieldTable,
  custom: Readonly<Record<string, FieldRule<O, N, B> | null>> = {},
): FieldRule<O, N, B>[] {
  return Object.entries(table).flatMap(([property, row]): FieldRule<O, N, B>[] => {
    const override = custom[property];
    if (override === null) return [];
    if (override !== undefined) return [override];
    if (row.value.kind === "labels") return [labelsRule(property, row.effect)];
    if (row.value.kind === "object") throw new Error(`${property}: an object row needs its own rows`);
    const value = (props: O | N) => effective(row, (props as Record<string, unknown>)[property]);
    return [
      {
        property,
        effect: row.effect,
        before: value,
        after: value,
        ...(row.effect === "update" && {
          send: (body: B, _o: O, n: N) => ((body as Record<string, unknown>)[property] = value(n)),
        }),
      },
    ];
  });
}

/**
 * The labels row: owned labels update, removed keys sent as null (Konnect merges labels; keys the resource does not
 * own are never sent or compared, see labelOwnership.ts). `effect` is the row's: labels Konnect sets only at create
 * (an application's) replace.
 */
export function labelsRule<O, N, B>(property = "labels", effect: ChangeEffect = "update"): FieldRule<O, N, B> {
  const labels = (props: O | N) => (props as Record<string, unknown>)[property] as Labels | undefined;
  return {
    property,
    effect,
    before: (o) => previouslyOwnedLabels(labels(o)),
    after: (n) => labels(n),
    equal: (a, b) => labelsEqual(a as Labels | undefined, b as Labels | undefined),
    send: (body, o, n) => ((body as Record<string, unknown>)[property] = ownedLabelsPatch(labels(o), labels(n))),
  };
}
