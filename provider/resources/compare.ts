/** Value comparison and cleanup used by diff, update and output building. Pure functions. */

/** Deep equality for JSON-like values; object key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null) {
    const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    if (ak.length !== bk.length) return false;
    return ak.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Labels compared as Konnect stores them: absent equals empty, key order irrelevant. */
export function labelsEqual(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  return deepEqual(a ?? {}, b ?? {});
}

/** Removes keys whose value is undefined (Pulumi's property structs cannot hold undefined). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Issuer as Konnect and Kong's guides expect it: without trailing slashes. */
export function normalizeIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, "");
}

/** Labels to send on PATCH so Konnect ends up with exactly `desired`: removed keys are sent as null. */
export function labelsPatch(
  current: Record<string, string> | undefined,
  desired: Record<string, string> | undefined,
): Record<string, string | null> {
  const patch: Record<string, string | null> = { ...(desired ?? {}) };
  for (const key of Object.keys(current ?? {})) {
    if (!(key in patch)) patch[key] = null;
  }
  return patch;
}

/** A copy without Pulumi's `__provider` key (the plugin host adds it to outputs itself). */
export function withoutProviderCode<T extends object>(value: T): T {
  const { __provider: _code, ...rest } = value as T & { __provider?: unknown };
  return rest as T;
}
