/**
 * Helpers for `check`: run a zod schema on one property, skip values still unknown during preview, and turn
 * issues into Pulumi check failures that name the property (`dcrConfig.initialClientId: must be a GUID`).
 */
import type { z } from "zod";
import { z as zod } from "zod";
import { CREATE_LABEL, REGIONS, declaredLabelCountProblem, formatIssues, idText, labelsSchema } from "../../konnect";
import { containsUnknown, isUnknown } from "./unknowns";

/** A Pulumi check failure. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** Collects failures for one `check` call. */
export class FailureList {
  readonly failures: CheckFailure[] = [];

  /** Adds one failure. */
  add(property: string, reason: string): void {
    this.failures.push({ property, reason });
  }

  /**
   * Validates `value` at `property` with `schema` unless it is (or contains) an unknown value.
   * Returns the parsed value, or undefined when invalid or unknown.
   */
  check<S extends z.ZodType>(property: string, value: unknown, schema: S): z.output<S> | undefined {
    if (containsUnknown(value)) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const path = [property, ...issue.path.map(String)].join(".");
      const reason = issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.join(", ")}` : issue.message;
      this.add(path, reason);
    }
    return undefined;
  }

  /** Reports every key of `object` not in `allowed`, with what is expected. */
  rejectUnknownKeys(prefix: string, object: Record<string, unknown>, allowed: readonly string[], hint: string): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) this.add(prefix ? `${prefix}.${key}` : key, `unknown property; ${hint}`);
    }
  }

  /** Reports a required property that is missing (unknown counts as present). */
  require(property: string, value: unknown, reason: string): boolean {
    if (value === undefined || value === null) {
      this.add(property, reason);
      return false;
    }
    return true;
  }
}

/** True for a plain object (not an array, not null, not the unknown sentinel). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/** Why `__proto__` is refused as a key, wherever a user may write one (labels, extra plugin options). */
export const PROTO_KEY_REASON =
  'the key "__proto__" is not allowed: JavaScript objects drop it on the way to Konnect, so it would show as a change on every preview';

/** True when `object` has `__proto__` as an own key (as `JSON.parse` and the engine's inputs can produce). */
export function hasProtoKey(object: object): boolean {
  return Object.prototype.hasOwnProperty.call(object, "__proto__");
}

/**
 * Where the first own `__proto__` key sits at any depth of `value` (objects and arrays), as a property path suffix
 * (`.a.__proto__`, `.list[0].__proto__`), or undefined when there is none.
 */
export function protoKeyPath(value: unknown): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value, path: "" }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, path } = next;
    if (typeof current !== "object" || current === null) continue;
    if (!Array.isArray(current) && hasProtoKey(current)) return `${path}.__proto__`;
    for (const [key, child] of Object.entries(current)) {
      pending.push({ value: child, path: Array.isArray(current) ? `${path}[${key}]` : `${path}.${key}` });
    }
  }
  return undefined;
}

/** Validates declared labels: Konnect's rules, minus one slot and one key kept for the creation label. */
export function checkLabelsInput(f: FailureList, labels: unknown): void {
  if (isUnknown(labels)) return;
  if (!isRecord(labels)) {
    f.add("labels", "must be an object of string keys to string values");
    return;
  }
  if (hasProtoKey(labels)) {
    f.add("labels.__proto__", PROTO_KEY_REASON);
    return;
  }
  if (CREATE_LABEL in labels) f.add(`labels.${CREATE_LABEL}`, "reserved: set by pulumi-konnect-dcr on create");
  const countProblem = declaredLabelCountProblem(Object.keys(labels).length);
  if (countProblem) {
    f.add("labels", countProblem);
    return;
  }
  f.check("labels", labels, labelsSchema());
}

/**
 * Deepest nesting of objects and lists accepted in inputs (`openidConnect.additionalProperties` is where deep values
 * can be written). Plugin options are a few levels deep; the bound keeps `check` and `diff` from running out of stack.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * The first property (as a path of at most a few segments) whose value nests deeper than {@link MAX_INPUT_DEPTH}
 * levels, with the reason; undefined when every value is within the bound. Iterative, so it never overflows itself.
 */
export function inputDepthFailure(props: Record<string, unknown>): CheckFailure | undefined {
  const pending: { value: unknown; depth: number; path: string[] }[] = Object.entries(props).map(([key, value]) => ({
    value,
    depth: 0,
    path: [key],
  }));
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      const shown = path.length > 4 ? [...path.slice(0, 4), "…"] : path;
      return {
        property: shown.join("."),
        reason: `nested more than ${MAX_INPUT_DEPTH} levels deep; values may nest at most ${MAX_INPUT_DEPTH} levels`,
      };
    }
    for (const [key, item] of Object.entries(value)) {
      pending.push({ value: item, depth: depth + 1, path: path.length < 5 ? [...path, key] : path });
    }
  }
  return undefined;
}

/** Control characters (NUL, tab, line breaks, DEL, …): never part of a name. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected here
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Validates a name (`name`, `displayName`) with `schema` (Kong's length rule), then the rules `check` adds: no control
 * characters and not only whitespace (a blank name cannot be told apart in the Konnect UI, nor found by name).
 */
export function checkNameInput(f: FailureList, property: string, value: unknown, schema: z.ZodType): void {
  const parsed: unknown = f.check(property, value, schema);
  if (typeof parsed !== "string") return;
  if (CONTROL_CHARACTERS.test(parsed)) {
    f.add(property, "must not contain control characters (such as NUL, tab or a line break)");
  } else if (parsed.length > 0 && parsed.trim() === "") {
    f.add(property, "must not be only whitespace");
  }
}

/**
 * Starts a `check`: rejects properties the resource does not have and splits off Pulumi's `__provider`, which is
 * handed back unchanged in `inputs`.
 */
export function startCheck(
  news: Record<string, unknown>,
  allowed: readonly string[],
): { f: FailureList; props: Record<string, unknown>; inputs: Record<string, unknown> } {
  const f = new FailureList();
  const { __provider, ...props } = news;
  f.rejectUnknownKeys("", props, allowed, `expected one of ${allowed.join(", ")}`);
  const inputs: Record<string, unknown> = { ...props };
  if (__provider !== undefined) inputs.__provider = __provider;
  return { f, props, inputs };
}

/** Checks the inputs every resource has: labels, adoptId, region. */
export function checkCommonInputs(f: FailureList, props: Record<string, unknown>): void {
  if (props.labels !== undefined) checkLabelsInput(f, props.labels);
  if (props.adoptId !== undefined) f.check("adoptId", props.adoptId, idText());
  if (props.region !== undefined) {
    f.check("region", props.region, zod.enum(REGIONS, { error: `must be one of ${REGIONS.join(", ")}` }));
  }
}

/**
 * Ends a `check`: once everything is known and nothing failed, the request the client would send must pass the
 * client's own request schema too (one source of truth for Kong's contract).
 */
export function checkWholeRequest(
  f: FailureList,
  inputs: Record<string, unknown>,
  request: () => unknown,
  schema: z.ZodType,
): void {
  if (f.failures.length > 0 || containsUnknown(inputs)) return;
  const parsed = schema.safeParse(request());
  if (parsed.success) return;
  for (const issue of formatIssues(parsed.error)) {
    const at = issue.indexOf(": ");
    f.add(at > 0 ? issue.slice(0, at) : "", at > 0 ? issue.slice(at + 2) : issue);
  }
}
