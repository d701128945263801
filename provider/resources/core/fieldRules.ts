/**
 * What a change of one input field does, as a table row, and the two things derived from a resource's rows in one
 * place: `diff` (which properties changed, which of them replace) and the update body (what is sent). A field is
 * diffed exactly when its rule says what it sends, so nothing can be diffed but never sent, or sent but never diffed.
 */
import type { Labels } from "../args";
import { deepEqual, labelsEqual } from "./compare";
import { ownedLabelsPatch, previouslyOwnedLabels } from "./labelOwnership";
import { containsUnknown } from "./unknowns";

/** What a change of the field does: a new object, an in-place update, or only something local (no request body). */
export type ChangeEffect = "replace" | "update" | "local";

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

/** A row for a top-level property compared as-is and sent under its own name. */
export function plainRule<O, N, B>(
  property: keyof N & keyof O & keyof B & string,
  effect: ChangeEffect,
): FieldRule<O, N, B> {
  return {
    property,
    effect,
    before: (o) => o[property],
    after: (n) => n[property],
    send: (body, _o, n) => ((body as Record<string, unknown>)[property] = n[property]),
  };
}

/** The row every resource has for its `region`: a change replaces the object (it lives in another region). */
export function regionRule<O extends { region?: string }, N extends { region?: string }, B>(): FieldRule<O, N, B> {
  return { property: "region", effect: "replace", before: (o) => o.region, after: (n) => n.region };
}

/** What every Konnect resource's outputs and inputs share. */
interface Common {
  region?: string;
  name: string;
  labels?: Labels;
}

/**
 * The rows every resource has: its type and region replace, its name updates, its owned labels update with removed
 * keys sent as null (Konnect merges labels; keys the resource does not own are never sent).
 */
export function commonRules<
  O extends Common,
  N extends Common,
  B extends { name?: string; labels?: Record<string, string | null> },
>(typeProperty: keyof N & keyof O & string): FieldRule<O, N, B>[] {
  return [
    { property: typeProperty, effect: "replace", before: (o) => o[typeProperty], after: (n) => n[typeProperty] },
    regionRule<O, N, B>(),
    {
      property: "name",
      effect: "update",
      before: (o) => o.name,
      after: (n) => n.name,
      send: (b, _o, n) => (b.name = n.name),
    },
    {
      property: "labels",
      effect: "update",
      // Only owned labels are compared and sent (see labelOwnership.ts): a label set outside Pulumi never blocks an
      // update nor shows as a change.
      before: (o) => previouslyOwnedLabels(o.labels),
      after: (n) => n.labels,
      equal: (a, b) => labelsEqual(a as Labels | undefined, b as Labels | undefined),
      send: (body, o, n) => (body.labels = ownedLabelsPatch(o.labels, n.labels)),
    },
  ];
}
