/**
 * Plain snapshots of policy properties. `@pulumi/policy` hands rules a proxy that throws on values that are unknown
 * during preview; rules here work on plain data instead, with such values replaced by the {@link UNKNOWN} marker, so a
 * rule can skip exactly the unknown part and still check the rest of the resource.
 */
import { isUnknownValueError } from "./runtime";

/** Marker for a value Pulumi cannot know yet (preview of a resource that depends on one not yet created). */
export const UNKNOWN: unique symbol = Symbol("unknown");

/** A plain JSON-like value, possibly containing {@link UNKNOWN}. */
export type Plain = string | number | boolean | null | undefined | typeof UNKNOWN | Plain[] | PlainObject;

/** A plain object of {@link Plain} values. */
export interface PlainObject {
  [key: string]: Plain;
}

/** Reads `value[key]`, turning the policy proxy's "unknown during preview" error into {@link UNKNOWN}. */
function read(value: object, key: string | number): unknown {
  try {
    return (value as Record<string | number, unknown>)[key];
  } catch (e) {
    if (isUnknownValueError(e)) return UNKNOWN;
    throw e;
  }
}

/** Copies a (possibly proxied) property value into plain data, replacing unknowns by {@link UNKNOWN}. */
export function snapshot(value: unknown): Plain {
  if (value === null || value === undefined || value === UNKNOWN) return value;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    const length = read(value, "length");
    if (typeof length !== "number") return UNKNOWN;
    const out: Plain[] = [];
    for (let i = 0; i < length; i++) out.push(snapshot(read(value, i)));
    return out;
  }
  if (typeof value === "object") {
    const out: PlainObject = {};
    for (const key of Object.keys(value)) out[key] = snapshot(read(value, key));
    return out;
  }
  return undefined;
}

/** Copies a resource's whole property bag; see {@link snapshot}. */
export function snapshotProps(props: unknown): PlainObject {
  const plain = snapshot(props);
  return plain !== null && typeof plain === "object" && !Array.isArray(plain) ? plain : {};
}

/** True when the value is {@link UNKNOWN}. */
export function isUnknown(value: Plain): value is typeof UNKNOWN {
  return value === UNKNOWN;
}

/** The value when it is a plain object, else undefined. */
export function asObject(value: Plain): PlainObject | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

/** The value when it is an array, else undefined. */
export function asArray(value: Plain): Plain[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The value when it is a string, else undefined. */
export function asString(value: Plain): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Renders a plain value for a message (unknowns as `<unknown>`). */
export function show(value: Plain): string {
  return JSON.stringify(value, (_k, v: unknown) => (v === UNKNOWN ? "<unknown>" : v)) ?? "undefined";
}
