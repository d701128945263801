/** Value comparison and cleanup used by diff, update and output building. Pure functions. */

/**
 * Deep equality for JSON-like values; object key order does not matter, array order does. Iterative (no recursion),
 * so a deeply nested value cannot overflow the stack.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop()!;
    if (x === y) continue;
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      x.forEach((item, i) => pending.push([item, y[i]]));
      continue;
    }
    if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
    const xs = x as Record<string, unknown>;
    const ys = y as Record<string, unknown>;
    const xk = Object.keys(xs).filter((k) => xs[k] !== undefined);
    const yk = Object.keys(ys).filter((k) => ys[k] !== undefined);
    if (xk.length !== yk.length) return false;
    for (const k of xk) pending.push([xs[k], ys[k]]);
  }
  return true;
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

/** A copy without Pulumi's `__provider` key (the plugin host adds it to outputs itself). */
export function withoutProviderCode<T extends object>(value: T): T {
  const { __provider: _code, ...rest } = value as T & { __provider?: unknown };
  return rest as T;
}
