/**
 * Validation primitives that collect Konnect-style `invalid_parameters` (every problem, in schema order) instead of
 * stopping at the first. Field paths are dotted like Konnect's: `dcr_config.initial_client_id`,
 * `configs.openid-connect.issuer`, `labels.env`.
 */
import { type InvalidParameter, type ProblemError, invalidRequest } from "./problem";

/** Collects invalid parameters for one request. */
export class Issues {
  /** The problems found so far. */
  readonly list: InvalidParameter[] = [];

  /** Records one problem (source defaults to `body`). */
  add(parameter: InvalidParameter): void {
    this.list.push({ ...parameter, source: parameter.source ?? "body" });
  }

  /** Throws a 400 problem when anything was recorded. */
  throwIfAny(): void {
    if (this.list.length > 0) throw this.toError();
  }

  /** The 400 problem for what was recorded. */
  toError(): ProblemError {
    return invalidRequest(this.list);
  }
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `record[key]` when `key` is the record's own property (never `constructor` or another prototype member). */
export function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `base.key`, or `key` at the top level. */
export function fieldPath(base: string, key: string): string {
  return base === "" ? key : `${base}.${key}`;
}

/** Records `is a required field` for each key missing from `object`. */
export function checkRequired(object: Record<string, unknown>, keys: readonly string[], base: string, issues: Issues) {
  for (const key of keys) {
    if (object[key] === undefined)
      issues.add({ field: fieldPath(base, key), rule: "required", reason: "is a required field" });
  }
}

/** Records `unknown_property` for each key of `object` not in `allowed` (JSON schema `additionalProperties:false`). */
export function checkNoUnknownKeys(
  object: Record<string, unknown>,
  allowed: readonly string[],
  base: string,
  issues: Issues,
): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      issues.add({ field: fieldPath(base, key), rule: "unknown_property", reason: "is an unknown property" });
    }
  }
}

/** Constraints for a string field. */
export interface StringRules {
  min?: number;
  max?: number;
  pattern?: RegExp;
  format?: "url" | "uuid";
  nullable?: boolean;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID string. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** True for an absolute http(s) URL. */
export function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Checks a string field; returns true when valid. `undefined` is not checked here (see `checkRequired`). */
export function checkString(value: unknown, field: string, rules: StringRules, issues: Issues): boolean {
  if (value === null && rules.nullable === true) return true;
  if (typeof value !== "string") {
    issues.add({ field, rule: "is_string", reason: "must be a string" });
    return false;
  }
  if (rules.min !== undefined && value.length < rules.min) {
    issues.add({ field, rule: "min_length", minimum: rules.min, reason: `must have at least ${rules.min} characters` });
    return false;
  }
  if (rules.max !== undefined && value.length > rules.max) {
    issues.add({
      field,
      rule: "max_length",
      maximum: rules.max,
      reason: `must not have more than ${rules.max} characters`,
    });
    return false;
  }
  if (rules.pattern !== undefined && !rules.pattern.test(value)) {
    issues.add({ field, rule: "matches_regex", reason: `must match pattern ${rules.pattern.source}` });
    return false;
  }
  if (rules.format === "url" && !isUrl(value)) {
    issues.add({ field, rule: "invalid", reason: "must be a valid URL" });
    return false;
  }
  if (rules.format === "uuid" && !isUuid(value)) {
    issues.add({ field, rule: "is_uuid", reason: "must be a valid UUID" });
    return false;
  }
  return true;
}

/** Checks a boolean field. */
export function checkBoolean(value: unknown, field: string, issues: Issues): boolean {
  if (typeof value === "boolean") return true;
  issues.add({ field, rule: "is_boolean", reason: "must be a boolean" });
  return false;
}

/** Checks that `value` is one of `choices`. */
export function checkEnum(value: unknown, field: string, choices: readonly string[], issues: Issues): boolean {
  if (typeof value === "string" && choices.includes(value)) return true;
  issues.add({ field, rule: "enum", choices: [...choices], reason: `must be one of: ${choices.join(", ")}` });
  return false;
}

/** Checks that `value` is an object; records `is_object` otherwise. */
export function checkObject(value: unknown, field: string, issues: Issues): value is Record<string, unknown> {
  if (isPlainObject(value)) return true;
  issues.add({ field, rule: "is_object", reason: "must be an object" });
  return false;
}

/** Constraints for an array of strings. */
export interface StringArrayRules {
  minItems?: number;
  maxItems?: number;
  itemMax?: number;
}

/** Checks an array of strings (item count and per-item length; items are `field.<index>`). */
export function checkStringArray(value: unknown, field: string, rules: StringArrayRules, issues: Issues): boolean {
  if (!Array.isArray(value)) {
    issues.add({ field, rule: "is_array", reason: "must be an array" });
    return false;
  }
  if (rules.minItems !== undefined && value.length < rules.minItems) {
    issues.add({
      field,
      rule: "min_items",
      minimum: rules.minItems,
      reason: `must have at least ${rules.minItems} items`,
    });
    return false;
  }
  if (rules.maxItems !== undefined && value.length > rules.maxItems) {
    issues.add({
      field,
      rule: "max_items",
      maximum: rules.maxItems,
      reason: `must not have more than ${rules.maxItems} items`,
    });
    return false;
  }
  let valid = true;
  value.forEach((item, index) => {
    valid = checkString(item, `${field}.${index}`, { max: rules.itemMax }, issues) && valid;
  });
  return valid;
}

const LABEL_VALUE_PATTERN = /^[a-z0-9A-Z]{1}([a-z0-9A-Z-._]*[a-z0-9A-Z]+)?$/;
/** [INF] Case-sensitive: kongctl's `KONGCTL-*` keys are accepted by Konnect. */
const RESERVED_LABEL_PREFIXES = ["kong", "konnect", "mesh", "kic", "_"];

/**
 * Checks labels: at most 50 keys, keys 1-63 characters not starting with a reserved prefix, values 1-63 characters
 * matching the spec's pattern. With `allowNullValues` (PATCH), a null value (delete the key) is accepted.
 */
export function checkLabels(value: unknown, field: string, allowNullValues: boolean, issues: Issues): boolean {
  if (!checkObject(value, field, issues)) return false;
  const keys = Object.keys(value);
  if (keys.length > 50) {
    issues.add({ field, rule: "max", maximum: 50, reason: "must not have more than 50 labels" });
    return false;
  }
  let valid = true;
  for (const key of keys) {
    const keyField = fieldPath(field, key);
    if (key.length < 1 || key.length > 63) {
      issues.add({ field: keyField, rule: "is_label", reason: "label keys must be 1-63 characters long" });
      valid = false;
      continue;
    }
    if (RESERVED_LABEL_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      issues.add({
        field: keyField,
        rule: "is_label",
        reason: 'label keys cannot start with "kong", "konnect", "mesh", "kic", or "_"',
      });
      valid = false;
      continue;
    }
    const labelValue = value[key];
    if (labelValue === null && allowNullValues) continue;
    valid = checkString(labelValue, keyField, { min: 1, max: 63, pattern: LABEL_VALUE_PATTERN }, issues) && valid;
  }
  return valid;
}
