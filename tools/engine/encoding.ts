/**
 * Property-value encodings the Pulumi engine uses on the wire (`google.protobuf.Struct` JSON) and the engine-side
 * secret bookkeeping around a dynamic provider: secret wrappers, the unknown sentinel, stripping secrets before a
 * provider call (the host answers `acceptSecrets=false`) and re-marking outputs afterwards (`annotateSecrets`).
 */

/** The special signature key of Pulumi's wire encoding. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The signature value that marks a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The string that stands for an unknown value (allowed during preview only). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A JSON value as it travels in a `Struct`. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** A property bag (`Struct`). */
export type PropertyMap = Record<string, JsonValue>;
/** A secret value in wire form. */
export interface SecretWrapper {
  [SIG_KEY]: typeof SECRET_SIG;
  value: JsonValue;
}

/** Wraps a value as a wire secret (idempotent: a secret stays one secret). */
export function secret(value: JsonValue): JsonValue {
  if (isSecret(value)) return value;
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** True if the value is a wire secret wrapper. */
export function isSecret(value: unknown): value is SecretWrapper {
  return isObject(value) && value[SIG_KEY] === SECRET_SIG;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True if the value is a secret or contains one anywhere inside. */
export function containsSecrets(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecrets);
  if (isObject(value)) return Object.values(value).some(containsSecrets);
  return false;
}

/** True if the value is the unknown sentinel or contains it anywhere inside (secrets included). */
export function containsUnknowns(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (isSecret(value)) return containsUnknowns(value.value);
  if (Array.isArray(value)) return value.some(containsUnknowns);
  if (isObject(value)) return Object.values(value).some(containsUnknowns);
  return false;
}

/** Removes every secret wrapper, leaving plain values: what the engine sends to a provider with acceptSecrets=false. */
export function stripSecrets<T extends JsonValue>(value: T): T;
export function stripSecrets(value: JsonValue): JsonValue {
  if (isSecret(value)) return stripSecrets(value.value);
  if (Array.isArray(value)) return value.map((v) => stripSecrets(v));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripSecrets(v)]));
  return value;
}

/** Flattens nested secrets (`secret(secret(x))`, secrets inside secrets) so each secret is wrapped exactly once. */
export function normalizeSecrets(value: JsonValue): JsonValue {
  if (isSecret(value)) return secret(stripSecrets(value.value));
  if (Array.isArray(value)) return value.map(normalizeSecrets);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeSecrets(v)]));
  return value;
}

/**
 * The engine's `annotateSecrets(outs, ins)`: an output whose input under the same key was secret becomes secret;
 * objects recurse key by key; an array output becomes secret as a whole if the input array held any secret.
 * Returns a new map; `outs` is not modified.
 */
export function annotateSecrets(outs: PropertyMap, ins: PropertyMap): PropertyMap {
  const result: PropertyMap = { ...outs };
  for (const [key, inValue] of Object.entries(ins)) {
    const outValue = result[key];
    if (outValue === undefined || isSecret(outValue)) continue;
    if (isSecret(inValue)) {
      result[key] = secret(outValue);
    } else if (isObject(inValue) && isObject(outValue)) {
      result[key] = annotateSecrets(outValue, inValue);
    } else if (Array.isArray(inValue) && Array.isArray(outValue) && containsSecrets(inValue)) {
      result[key] = secret(outValue);
    }
  }
  return result;
}

/** Marks the named top-level outputs secret (the engine's `additionalSecretOutputs`). */
export function markAdditionalSecrets(outs: PropertyMap, keys: readonly string[]): PropertyMap {
  const result: PropertyMap = { ...outs };
  for (const key of keys) {
    const value = result[key];
    if (value !== undefined) result[key] = secret(value);
  }
  return result;
}

/** Structural equality of two JSON values (key order ignored). */
export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Top-level keys whose plain values differ between two property maps, sorted. */
export function changedKeys(olds: PropertyMap, news: PropertyMap): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((k) => !deepEqual(stripSecretsOrUndefined(olds[k]), stripSecretsOrUndefined(news[k]))).sort();
}

function stripSecretsOrUndefined(value: JsonValue | undefined): JsonValue | undefined {
  return value === undefined ? undefined : stripSecrets(value);
}
