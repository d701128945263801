/**
 * Shared zod building blocks for Konnect's wire format: labels, URLs, ids, pagination, issue formatting.
 * Schemas are built by functions (never module-level values reachable from a serialized provider).
 */
import { z } from "zod";
import { MAX_LABELS, labelKeyProblem, labelValueProblem } from "../labelRules";

export {
  CREATE_LABEL,
  LABEL_VALUE_PATTERN,
  MAX_DECLARED_LABELS,
  MAX_LABELS,
  RESERVED_LABEL_PREFIXES,
  declaredLabelCountProblem,
  labelKeyProblem,
  labelValueProblem,
} from "../labelRules";
import { UUID_PATTERN } from "../ids";
import { endpointUrlProblem } from "../urlRules";
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

/** How a value is validated, as data (tables stay free of zod; {@link valueSchema} builds the schema). */
export type ValueRule =
  | { kind: "text"; max: number; min?: number; nullable?: boolean; pattern?: { regex: RegExp; message: string } }
  | { kind: "url"; max: number }
  | { kind: "flag" };

/** The zod schema of a value rule. */
export function valueSchema(rule: ValueRule): z.ZodType {
  switch (rule.kind) {
    case "flag":
      return z.boolean({ error: "must be true or false" });
    case "url":
      return urlText(rule.max);
    case "text": {
      let schema = text(rule.max, rule.min ?? 1);
      if (rule.pattern) schema = schema.regex(rule.pattern.regex, rule.pattern.message);
      return rule.nullable ? schema.nullable() : schema;
    }
  }
}

/** A non-empty string of at most `max` characters. */
export function text(max: number, min = 1) {
  return z
    .string({ error: "must be a string" })
    .min(min, min === 1 ? "must not be empty" : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);
}

/**
 * An absolute http(s) URL of at most `max` characters that Konnect is given: without credentials, query or fragment
 * (`endpointUrlProblem`; the messages never echo the value).
 */
export function urlText(max: number) {
  return text(max)
    .refine(isHttpUrl, { message: "must be an absolute http(s) URL" })
    .superRefine((value, ctx) => {
      const problem = endpointUrlProblem(value);
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

/** A list of strings: at most `maxItems` items of at most `maxLength` characters each. */
export function stringList(maxItems: number, maxLength: number, minItems = 0) {
  let schema = z.array(text(maxLength), { error: "must be a list of strings" });
  if (minItems > 0) schema = schema.min(minItems, `must have at least ${minItems} item${minItems > 1 ? "s" : ""}`);
  return schema.max(maxItems, `must have at most ${maxItems} items`);
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

/**
 * A list page, read tolerantly: items whose `typeField` holds a type this package does not know (one Konnect adds
 * later) are left out before the items are parsed, so they never break a list, a read of other objects or the
 * exactly-once create recovery (an object of an unknown type is never one this package made). Unknown fields are
 * ignored by the item schemas. Items of a known type are still parsed in full.
 */
export function listPageSchema<T extends z.ZodType>(
  key: string,
  item: () => T,
  typeField: string,
  knownTypes: readonly string[],
) {
  return cached(`listPageSchema:${key}`, () =>
    z.preprocess(
      (body) => {
        if (typeof body !== "object" || body === null || !Array.isArray((body as { data?: unknown }).data)) {
          return body;
        }
        const data = (body as { data: unknown[] }).data.filter((entry) => {
          const type =
            typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>)[typeField] : undefined;
          return typeof type !== "string" || knownTypes.includes(type);
        });
        return { ...body, data };
      },
      z.object({ data: z.array(item()), meta: pageMetaSchema() }),
    ),
  );
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
  for (const [input, wireName] of Object.entries(names)) {
    const field = value[input];
    if (field === undefined) continue;
    const nested = convert[input];
    wire[wireName] = nested ? nested(field as never) : field;
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
