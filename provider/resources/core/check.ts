/**
 * Helpers for `check`: run a zod schema on one property, skip values still unknown during preview, and turn
 * issues into Pulumi check failures that name the property (`dcrConfig.initialClientId: must be a GUID`).
 */
import type { z } from "zod";
import {
  CREATE_LABEL,
  MIN_SECRET_LENGTH,
  declaredLabelCountProblem,
  exactlyOneProblem,
  formatIssues,
  labelsSchema,
  rowsSet,
  valueSchema,
} from "../../konnect";
import type { FieldRow, FieldTable } from "../../konnect/fieldTable";
import { normalizeIssuer } from "./compare";
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
function checkLabelsInput(f: FailureList, labels: unknown, path: string): void {
  if (isUnknown(labels)) return;
  if (!isRecord(labels)) {
    f.add(path, "must be an object of string keys to string values");
    return;
  }
  if (hasProtoKey(labels)) {
    f.add(`${path}.__proto__`, PROTO_KEY_REASON);
    return;
  }
  if (CREATE_LABEL in labels) f.add(`${path}.${CREATE_LABEL}`, "reserved: set by pulumi-konnect-dcr on create");
  const countProblem = declaredLabelCountProblem(Object.keys(labels).length);
  if (countProblem) {
    f.add(path, countProblem);
    return;
  }
  f.check(path, labels, labelsSchema());
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

/** Starts a `check`: splits off Pulumi's `__provider`, which is handed back unchanged in `inputs`. */
export function startCheck(news: Record<string, unknown>): {
  f: FailureList;
  props: Record<string, unknown>;
  inputs: Record<string, unknown>;
} {
  const { __provider, ...props } = news;
  const inputs: Record<string, unknown> = { ...props };
  if (__provider !== undefined) inputs.__provider = __provider;
  return { f: new FailureList(), props, inputs };
}

/** True when a value counts as not given: undefined, or null for a row that cannot hold null. */
function isMissing(row: FieldRow, value: unknown): boolean {
  if (value === undefined) return true;
  return value === null && !(row.value.kind === "text" && row.value.nullable === true);
}

/** Options of {@link checkTable}. */
export interface TableCheckOptions {
  /** Property path of the object checked (`dcrConfig`); empty for the top level. */
  prefix?: string;
  /** Rows the caller checks itself (their keys are still known properties). */
  skip?: readonly string[];
  /** Where normalized values go (issuers without trailing slash), under the row's name. */
  normalized?: Record<string, unknown>;
}

/**
 * Checks an object against a table: properties no row names (with what is expected), missing required rows (the
 * row's `required` message), and each given value against its rule: names (no control characters, not only
 * whitespace), labels (Konnect's rules minus the creation label), issuers (normalized, then checked), options (no
 * `__proto__` key at any depth), nested tables. Values still unknown (preview) are deferred.
 */
export function checkTable(
  f: FailureList,
  table: FieldTable,
  props: Record<string, unknown>,
  options: TableCheckOptions = {},
): void {
  const prefix = options.prefix ?? "";
  const known = Object.keys(table);
  f.rejectUnknownKeys(prefix, props, known, `expected one of ${known.join(", ")}`);
  for (const [input, row] of Object.entries(table)) {
    if (options.skip?.includes(input)) continue;
    const value = props[input];
    const path = prefix ? `${prefix}.${input}` : input;
    if (isMissing(row, value)) {
      if (row.required !== undefined) f.add(path, row.required);
      continue;
    }
    const normalized = checkValue(f, row, value, path);
    if (normalized !== undefined && options.normalized) options.normalized[input] = normalized;
  }
}

/** Checks one given value against its row; returns the normalized value when `check` normalizes it (issuers). */
function checkValue(f: FailureList, row: FieldRow, value: unknown, path: string): unknown {
  const rule = row.value;
  switch (rule.kind) {
    case "labels":
      checkLabelsInput(f, value, path);
      return undefined;
    case "options":
    case "json": {
      const protoPath = isRecord(value) || Array.isArray(value) ? protoKeyPath(value) : undefined;
      if (protoPath !== undefined) f.add(`${path}${protoPath}`, PROTO_KEY_REASON);
      else f.check(path, value, valueSchema(rule));
      return undefined;
    }
    case "object":
      if (isUnknown(value)) return undefined;
      if (!isRecord(value)) f.add(path, "must be an object");
      else {
        checkTable(f, rule.fields, value, { prefix: path });
        // A choice: exactly one row set (a value still unknown in preview counts as set).
        if (rule.exactlyOne === true && rowsSet(rule.fields, value) !== 1) {
          f.add(path, exactlyOneProblem(rule.fields));
        }
      }
      return undefined;
    case "url":
      if (rule.issuer === true && typeof value === "string" && !isUnknown(value)) {
        const issuer = normalizeIssuer(value);
        f.check(path, issuer, valueSchema(rule));
        return issuer;
      }
      f.check(path, value, valueSchema(rule));
      return undefined;
    case "text":
      if (rule.name === true) checkNameInput(f, path, value, valueSchema(rule));
      else f.check(path, value, valueSchema(rule));
      return undefined;
    default:
      f.check(path, value, valueSchema(rule));
      return undefined;
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

/**
 * Why a secret value is too short to be kept out of messages, or undefined. Every secret of at least
 * {@link MIN_SECRET_LENGTH} characters is redacted wherever it may be echoed (Konnect's reasons, a token endpoint's
 * error).
 */
export function shortSecretProblem(secret: string): string | undefined {
  if (secret.length >= MIN_SECRET_LENGTH) return undefined;
  return (
    `must be at least ${MIN_SECRET_LENGTH} characters: shorter secrets cannot be told apart from ordinary text, ` +
    "so they could not be redacted"
  );
}

/** `adopt` and its old spelling `adoptId` name two different objects: refused (one object can be adopted). */
export function adoptConflict(f: FailureList, props: Record<string, unknown>): void {
  const { adopt, adoptId } = props;
  if (adopt !== undefined && adoptId !== undefined && adopt !== adoptId) {
    f.add("adoptId", "the old spelling of adopt; set one of the two (they name different objects)");
  }
}
