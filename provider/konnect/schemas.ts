/**
 * Shared zod building blocks for Konnect's wire format: value rules → zod (`valueSchema`, `tableSchema`), request
 * bodies and response readers of a table's sent rows (`bodySchema`, `reportedShape`, `reportedFromWire`), labels,
 * URLs, ids, pagination, issue formatting.
 * Schemas are built by functions (never module-level values reachable from a serialized provider).
 */
import { z } from "zod";
import {
  wireNames,
  type BodyOf,
  type FieldTable,
  type PatchOf,
  type PlainOf,
  type PlainValue,
  type ValueRule,
} from "./fieldTable";
import { MAX_LABELS, labelKeyProblem, labelValueProblem } from "./labelRules";

export { CREATE_LABEL, MAX_DECLARED_LABELS, declaredLabelCountProblem } from "./labelRules";
import { UUID_PATTERN } from "./ids";
import { endpointUrlProblem } from "./urlRules";
export { UUID_PATTERN };

function checkLabels(labels: Record<string, string | null>, ctx: z.RefinementCtx): void {
  const keys = Object.keys(labels);
  if (keys.length > MAX_LABELS) {
    ctx.addIssue({ code: "custom", message: `at most ${MAX_LABELS} labels are allowed, got ${keys.length}` });
  }
  for (const key of keys) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) ctx.addIssue({ code: "custom", path: [key], message: keyProblem });
    const value = labels[key];
    if (typeof value === "string") {
      const valueProblem = labelValueProblem(value);
      if (valueProblem) ctx.addIssue({ code: "custom", path: [key], message: valueProblem });
    }
  }
}

/** Labels on create and in responses: string to string. */
export function labelsSchema() {
  return cached("labelsSchema", () => buildLabelsSchema());
}

function buildLabelsSchema() {
  return z.record(z.string(), z.string({ error: "label values must be strings" })).superRefine(checkLabels);
}

/** Labels on PATCH: a null value removes that key. */
export function labelsUpdateSchema() {
  return cached("labelsUpdateSchema", () => buildLabelsUpdateSchema());
}

function buildLabelsUpdateSchema() {
  return z
    .record(z.string(), z.string({ error: "label values must be strings or null" }).nullable())
    .superRefine(checkLabels);
}

const ruleSchemas = new WeakMap<ValueRule, z.ZodType>();

/**
 * The zod schema of a value rule (`fieldTable.ts`), built once per rule object. Requests follow Kong's contract: the
 * rules `check` adds on top (names without control characters, per-type rules) are applied there, not here.
 */
export function valueSchema<R extends ValueRule>(rule: R): z.ZodType<PlainValue<R>> {
  let schema = ruleSchemas.get(rule);
  if (schema === undefined) {
    schema = buildValueSchema(rule);
    ruleSchemas.set(rule, schema);
  }
  return schema as z.ZodType<PlainValue<R>>;
}

function buildValueSchema(rule: ValueRule): z.ZodType {
  switch (rule.kind) {
    case "flag":
      return z.boolean({ error: "must be true or false" });
    case "url":
      return urlText(rule.max, rule.issuer === true || rule.base === true);
    case "id":
      return idText();
    case "enum":
      return z.enum(rule.values as [string, ...string[]], {
        error: rule.message ?? `must be one of ${rule.values.join(", ")}`,
      });
    case "count": {
      const count = z
        .number({ error: "must be a number" })
        .int("must be a whole number")
        .min(rule.min, `must be at least ${rule.min}`);
      return rule.max === undefined ? count : count.max(rule.max, `must be at most ${rule.max}`);
    }
    case "list": {
      let list = z.array(valueSchema(rule.item), {
        error: rule.item.kind === "text" ? "must be a list of strings" : "must be a list",
      });
      const min = rule.minItems ?? 0;
      if (min > 0) list = list.min(min, `must have at least ${min} item${min > 1 ? "s" : ""}`);
      return list.max(rule.maxItems, `must have at most ${rule.maxItems} items`);
    }
    case "labels":
      return labelsSchema();
    case "options":
      return z.record(z.string(), z.unknown(), { error: "must be an object" });
    case "json":
      return z.unknown().superRefine((value, ctx) => {
        const problem = jsonValueProblem(value);
        if (problem) ctx.addIssue({ code: "custom", path: problem.path, message: problem.reason });
      });
    case "object":
      return rule.exactlyOne === true ? exactlyOneSchema(rule.fields) : tableSchema(rule.fields);
    case "text": {
      let schema = text(rule.max, rule.min ?? 1);
      if (rule.pattern) schema = schema.regex(rule.pattern.regex, rule.pattern.message);
      return rule.nullable ? schema.nullable() : schema;
    }
  }
}

/**
 * Where `value` stops being a JSON value (a path inside it, and why), or undefined when it is one: null, a boolean, a
 * finite number, a string, or lists and plain objects of those. Iterative, so a deep value never overflows the stack.
 */
export function jsonValueProblem(value: unknown): { path: (string | number)[]; reason: string } | undefined {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, path } = next;
    if (current === null || typeof current === "string" || typeof current === "boolean") continue;
    if (typeof current === "number") {
      if (!Number.isFinite(current)) return { path, reason: "must be a finite number (a JSON value)" };
      continue;
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
      continue;
    }
    const proto: unknown = typeof current === "object" ? Object.getPrototypeOf(current) : undefined;
    if (typeof current !== "object" || (proto !== Object.prototype && proto !== null)) {
      return {
        path,
        reason: "must be a JSON value: null, true or false, a number, a string, or a list or object of them",
      };
    }
    for (const [key, item] of Object.entries(current)) pending.push({ value: item, path: [...path, key] });
  }
  return undefined;
}

/** A strict object of a table's rows (camelCase keys): required rows required, the others optional. */
export function tableSchema<T extends FieldTable>(table: T): z.ZodType<PlainOf<T>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [input, row] of Object.entries(table)) {
    shape[input] = row.required === undefined ? valueSchema(row.value).optional() : valueSchema(row.value);
  }
  return z.strictObject(shape) as z.ZodType<PlainOf<T>>;
}

/** Per-row replacements of the schema a table's row would get (a wire shape its value rule does not say). */
export type RowSchemas<T extends FieldTable> = { readonly [K in keyof T]?: z.ZodType };

/** The rows Konnect sees, in row order: `[input name, wire name, row]`. Wire names are flat (no dotted paths). */
function sentRows(table: FieldTable): [string, string, FieldTable[string]][] {
  return Object.entries(table).flatMap(([input, row]) => {
    if (row.wire === undefined) return [];
    if (row.wire.includes(".")) throw new Error(`${input}: a nested wire name (${row.wire}) needs its own schema`);
    return [[input, row.wire, row] as [string, string, FieldTable[string]]];
  });
}

/**
 * The strict request body of a table's sent rows (those with `wire`; path parameters and local inputs are not part
 * of it): camelCase in, Konnect's wire keys out in row order, absent fields left out. Required rows are required,
 * the others optional; each row's value rule checks its value, unless `custom` gives the row's schema.
 */
export function bodySchema<T extends FieldTable>(
  table: T,
  custom: RowSchemas<T> = {},
): z.ZodType<Record<string, unknown>, BodyOf<T>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [input, , row] of sentRows(table)) {
    const schema = custom[input] ?? valueSchema(row.value);
    shape[input] = row.required === undefined ? schema.optional() : schema;
  }
  const names = wireNames(table);
  return z.strictObject(shape).transform((request) => toWireKeys(request, names)) as unknown as z.ZodType<
    Record<string, unknown>,
    BodyOf<T>
  >;
}

/** The tolerant schema of a reported value: what Konnect may send back for a rule. */
function reportedSchema(rule: ValueRule): z.ZodType {
  switch (rule.kind) {
    case "text":
      return rule.nullable ? z.string().nullable() : z.string();
    case "url":
    case "id":
    case "enum": // a value this package does not know yet is passed through
      return z.string();
    case "flag":
      return z.boolean();
    case "count":
      return z.number();
    case "list":
      return z.array(reportedSchema(rule.item));
    case "labels":
      return z.record(z.string(), z.string());
    case "options":
      return z.record(z.string(), z.unknown());
    case "json":
      return z.unknown();
    case "object":
      throw new Error("an object row needs its own response schema");
  }
}

/**
 * The tolerant wire shape of a table's sent rows in a response (wire keys, for `z.object`, which drops unknown
 * fields): each row's reported value, required except flags (Konnect may leave a flag out), unless `custom` gives
 * the row's schema.
 */
export function reportedShape<T extends FieldTable>(table: T, custom: RowSchemas<T> = {}): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [input, wire, row] of sentRows(table)) {
    const schema = custom[input] ?? reportedSchema(row.value);
    shape[wire] = row.value.kind === "flag" && custom[input] === undefined ? schema.optional() : schema;
  }
  return shape;
}

/**
 * A response's sent rows in the camelCase model (`ReportedOf`): each field Konnect reported (null included) under
 * its input name, in row order; a field it left out stays absent.
 */
export function reportedFromWire(table: FieldTable, wire: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const model: Record<string, unknown> = {};
  for (const [input, wireName] of sentRows(table)) {
    if (wire[wireName] !== undefined) model[input] = wire[wireName];
  }
  return model;
}

/** Which rows a request shape holds, and how. */
export interface RequestRows<T extends FieldTable> {
  /** Per-row replacements of the schema the row's value rule gives. */
  readonly custom?: RowSchemas<T>;
  /**
   * A PATCH: only the rows a change updates in place (`effect: "update"`; rows sent on create only are left out),
   * every one optional, labels taking null (a key sent as null is removed).
   */
  readonly patch?: boolean;
  /** Rows left out (another type's rows in a per-type variant). */
  readonly omit?: readonly (keyof T)[];
}

/**
 * The strict request shape of a table's sent rows (camelCase keys, in row order), for an object schema a collection
 * completes (a discriminated union of per-type variants). Required rows are required, the others optional; each
 * row's value rule checks its value, unless `custom` gives the row's schema. A row with a nested wire name
 * (`configs.openid-connect`) needs its `custom` schema; the collection builds its part of the body. See
 * {@link RequestRows} for a PATCH and per-type variants.
 */
export function requestShape<T extends FieldTable>(table: T, rows: RequestRows<T> = {}): Record<string, z.ZodType> {
  const custom: RowSchemas<T> = rows.custom ?? {};
  const omit: readonly string[] = (rows.omit ?? []) as readonly string[];
  const shape: Record<string, z.ZodType> = {};
  for (const [input, row] of Object.entries(table)) {
    if (row.wire === undefined || omit.includes(input)) continue;
    if (rows.patch === true && row.effect !== "update") continue;
    const own = custom[input];
    if (own === undefined && row.wire.includes(".")) {
      throw new Error(`${input}: a nested wire name (${row.wire}) needs its own schema`);
    }
    const schema =
      own ?? (rows.patch === true && row.value.kind === "labels" ? labelsUpdateSchema() : valueSchema(row.value));
    shape[input] = row.required === undefined || rows.patch === true ? schema.optional() : schema;
  }
  return shape;
}

/**
 * The strict PATCH body of a table (`PatchOf`): the rows a change updates in place, every one optional (labels take
 * null), camelCase in, Konnect's wire keys out in row order, absent fields left out.
 */
export function patchBodySchema<T extends FieldTable>(
  table: T,
  custom: RowSchemas<T> = {},
): z.ZodType<Record<string, unknown>, PatchOf<T>> {
  const names = wireNames(table);
  return z
    .strictObject(requestShape(table, { custom, patch: true }))
    .transform((request) => toWireKeys(request, names)) as unknown as z.ZodType<Record<string, unknown>, PatchOf<T>>;
}

/** How a response reports a sent row, where it differs from what `rowsResponse` derives from the row. */
export interface RowReading {
  /** The field's name in a response, where it is not the row's `wire` (`api` for a request's `api_id`). */
  readonly wire?: string;
  /** The field's tolerant schema in a response. */
  readonly schema?: z.ZodType;
  /** The model value from the checked wire value (undefined: absent). */
  readonly read?: (value: never) => unknown;
}

/** Per-row readings of a response: a {@link RowReading}, or `false` for a row Konnect does not report. */
export type RowReadings<T extends FieldTable> = { readonly [K in keyof T]?: RowReading | false };

/** One row of a response: its wire field, schema and model reader. */
interface ReadRow {
  readonly input: string;
  readonly wire: string;
  readonly schema: z.ZodType;
  readonly read: ((value: unknown) => unknown) | undefined;
}

const PRESENT_OR_ABSENT = (value: unknown): unknown => (value === null ? undefined : value);
const FLAG_OR_FALSE = (value: unknown): unknown => value ?? false;
const LABELS_OR_NONE = (value: unknown): unknown => value ?? {};

/** The default reading of a sent row (see {@link rowsResponse}). */
function defaultReading(row: FieldTable[string]): {
  schema: z.ZodType;
  read: ((value: unknown) => unknown) | undefined;
} {
  if (row.value.kind === "flag") return { schema: z.boolean().optional(), read: FLAG_OR_FALSE };
  if (row.value.kind === "labels") return { schema: reportedSchema(row.value).optional(), read: LABELS_OR_NONE };
  if (row.required !== undefined) return { schema: reportedSchema(row.value), read: undefined };
  return { schema: reportedSchema(row.value).nullable().optional(), read: PRESENT_OR_ABSENT };
}

/**
 * The tolerant response reading of a table's sent rows (`ResponseOf`), built once per reader: `shape`, the rows'
 * wire fields for a `z.object` (which drops unknown fields), and `fromWire`, the checked wire object → the rows'
 * camelCase model, in row order. By default a required row is required (an enum's unknown value passed through), a
 * flag may be left out (read as `false`), labels may be left out (read as `{}`), and any other row may be left out or
 * null (absent in the model). `readings` overrides a row's response name, schema or model value, or leaves it out
 * (`false`); a row without `wire` (a path parameter) is read only when its reading names its response field.
 */
export function rowsResponse<T extends FieldTable>(
  table: T,
  readings: RowReadings<T> = {},
): {
  shape: Record<string, z.ZodType>;
  fromWire: (wire: Readonly<Record<string, unknown>>) => Record<string, unknown>;
} {
  const rows: ReadRow[] = [];
  for (const [input, row] of Object.entries(table)) {
    const reading = readings[input];
    if (reading === false) continue;
    const wire = reading?.wire ?? row.wire;
    if (wire === undefined) continue;
    if (wire.includes(".")) throw new Error(`${input}: a nested wire name (${wire}) needs its own reading`);
    const own = reading === undefined ? undefined : reading.schema;
    const fallback = own === undefined ? defaultReading(row) : undefined;
    rows.push({
      input,
      wire,
      schema: own ?? fallback!.schema,
      read: (reading?.read as ((value: unknown) => unknown) | undefined) ?? fallback?.read,
    });
  }
  const shape: Record<string, z.ZodType> = {};
  for (const row of rows) shape[row.wire] = row.schema;
  return {
    shape,
    fromWire(wire) {
      const model: Record<string, unknown> = {};
      for (const row of rows) {
        const value = row.read === undefined ? wire[row.wire] : row.read(wire[row.wire]);
        if (value !== undefined) model[row.input] = value;
      }
      return model;
    },
  };
}

/** The message when a choice (`exactlyOne`) has none or several of its rows set. */
export function exactlyOneProblem(table: FieldTable): string {
  return `set exactly one of ${Object.keys(table).join(", ")}`;
}

/** How many rows of `table` are set (neither undefined nor null) in `value`. */
export function rowsSet(table: FieldTable, value: Record<string, unknown>): number {
  return Object.keys(table).filter((key) => value[key] !== undefined && value[key] !== null).length;
}

/** A strict object of a table's rows of which exactly one is set (an `exactlyOne` object row). */
function exactlyOneSchema(table: FieldTable): z.ZodType {
  return tableSchema(table).refine((value) => rowsSet(table, value as Record<string, unknown>) === 1, {
    message: exactlyOneProblem(table),
  });
}

/** A non-empty string of at most `max` characters. */
export function text(max: number, min = 1) {
  return z
    .string({ error: "must be a string" })
    .min(min, min === 1 ? "must not be empty" : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);
}

/** An absolute http(s) URL of at most `max` characters. */
export function urlText(max: number, base = false) {
  return text(max)
    .refine(isHttpUrl, { message: "must be an absolute http(s) URL" })
    .superRefine((value, ctx) => {
      const problem = endpointUrlProblem(value, base);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** True for absolute http and https URLs. */
export function isHttpUrl(value: string): boolean {
  // The URL parser silently trims spaces and drops tabs and newlines; such values are rejected, never mangled.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected here
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** A Konnect object id (UUID). */
export function idText() {
  return z.string({ error: "must be a string" }).regex(UUID_PATTERN, "must be a UUID");
}

/** `meta.page` of list responses. */
export function pageMetaSchema() {
  return cached("pageMetaSchema", () => buildPageMetaSchema());
}

function buildPageMetaSchema() {
  return z.object({
    page: z.object({ number: z.number(), size: z.number(), total: z.number() }),
  });
}

/** The answer of a response reader: zod's own safe-parse result shape. */
export type ReadResult<T> = { success: true; data: T } | { success: false; error: z.ZodError; data?: undefined };

/**
 * How a response body is read: zod's `safeParse` shape, so a zod schema is a reader too. Responses are read with a
 * plain zod object check (zod's fast path), then mapped to the camelCase model by a plain function ({@link mapped}):
 * a `.transform` or `z.preprocess` in the schema costs more than the check itself.
 */
export interface Reader<T> {
  /** Reads a body; never throws. */
  safeParse(body: unknown): ReadResult<T>;
  /** Reads a body; throws the `ZodError` when it does not fit. */
  parse(body: unknown): T;
}

/** A reader from its `safeParse`. */
function reader<T>(safeParse: (body: unknown) => ReadResult<T>): Reader<T> {
  return {
    safeParse,
    parse(body) {
      const result = safeParse(body);
      if (!result.success) throw result.error;
      return result.data;
    },
  };
}

/** A reader: `schema` checks the wire body (unknown fields ignored), `map` builds the model from it. */
export function mapped<W, T>(schema: z.ZodType<W>, map: (wire: W) => T): Reader<T> {
  return reader((body) => {
    const parsed = schema.safeParse(body);
    return parsed.success ? { success: true, data: map(parsed.data) } : { success: false, error: parsed.error };
  });
}

/** One page of a list as read from Konnect. */
export interface WirePage<T> {
  data: T[];
  meta: { page: { number: number; size: number; total: number } };
}

/**
 * A list page, read tolerantly: items whose `typeField` holds a type this package does not know (one Konnect adds
 * later) are left out before the items are read, so they never break a list, a read of other objects or the
 * exactly-once create recovery (an object of an unknown type is never one this package made). Unknown fields are
 * ignored by the item readers. Items of a known type are still read in full; a failing item's issues name its index.
 */
export function listPageSchema<T>(
  key: string,
  item: () => Reader<T>,
  typeField?: string,
  knownTypes: readonly string[] = [],
): Reader<WirePage<T>> {
  return cached(`listPageSchema:${key}`, () => {
    const envelope = z.object({ data: z.array(z.unknown()), meta: pageMetaSchema() });
    const read = item();
    return reader((body): ReadResult<WirePage<T>> => {
      const page = envelope.safeParse(body);
      if (!page.success) return { success: false, error: page.error };
      const data: T[] = [];
      for (const [index, entry] of page.data.data.entries()) {
        const type =
          typeField !== undefined && typeof entry === "object" && entry !== null
            ? (entry as Record<string, unknown>)[typeField]
            : undefined;
        if (typeof type === "string" && !knownTypes.includes(type)) continue;
        const parsed = read.safeParse(entry);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ["data", index, ...issue.path] }));
          return { success: false, error: new z.ZodError(issues) };
        }
        data.push(parsed.data);
      }
      return { success: true, data: { data, meta: page.data.meta } };
    });
  });
}

/**
 * camelCase → wire object by a name table: every key of `names` whose value is set is copied under its wire name,
 * through `convert` when the table gives one (nested configs). Keys not in the table are not sent.
 */
export function toWireKeys(
  value: Record<string, unknown>,
  names: Readonly<Record<string, string>>,
  convert: Readonly<Record<string, (nested: never) => unknown>> = {},
): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  // for…in, not Object.entries: no pair arrays per request (the name tables are plain objects).
  for (const input in names) {
    const field = value[input];
    if (field === undefined) continue;
    const nested = convert[input];
    wire[names[input]!] = nested ? nested(field as never) : field;
  }
  return wire;
}

/** One page of a list. */
export interface Page<T> {
  /** Items on this page. */
  data: T[];
  /** 1-based page number. */
  number: number;
  /** Page size used. */
  size: number;
  /** Total items over all pages. */
  total: number;
}

/** Formats zod issues as `path: message` strings (paths joined with dots; never values). */
export function formatIssues(error: z.ZodError, prefix: readonly (string | number)[] = []): string[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))].join(".");
    const message = issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.join(", ")}` : issue.message;
    return path ? `${path}: ${message}` : message;
  });
}

const schemaCache = new Map<string, unknown>();

/**
 * Builds a schema once per process and key. The schemas are immutable, and this module is only ever loaded at call
 * time (never captured in a serialized provider), so a process-wide cache is safe and saves rebuilding per call.
 */
export function cached<T>(key: string, build: () => T): T {
  let schema = schemaCache.get(key) as T | undefined;
  if (schema === undefined) {
    schema = build();
    schemaCache.set(key, schema);
  }
  return schema;
}
