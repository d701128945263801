/**
 * Hard wall-clock limits of a Konnect call, as pure functions: one attempt never runs longer than the request
 * timeout, and a call with all its retries ends by its deadline (the retry budget, or one request timeout when that
 * is longer, so a budget shorter than the timeout still lets the first attempt run its course).
 */

/** Which setting limits an attempt: `requestTimeoutSeconds` or `retryBudgetSeconds`. */
export type LimitKind = "request" | "budget";

/** The time limits of a connection, in milliseconds. */
export interface TimeLimits {
  /** Hard limit on one attempt. */
  requestTimeoutMs: number;
  /** Hard limit on a call with its retries. */
  retryBudgetMs: number;
}

/** The moment (ms since epoch) by which a call that started at `startedAtMs` must have ended. */
export function callDeadlineMs(startedAtMs: number, limits: TimeLimits): number {
  return startedAtMs + Math.max(limits.retryBudgetMs, limits.requestTimeoutMs);
}

/** How long an attempt starting at `nowMs` may run, and which setting sets that limit. */
export function attemptLimit(
  nowMs: number,
  deadlineMs: number,
  requestTimeoutMs: number,
): {
  ms: number;
  kind: LimitKind;
} {
  const left = Math.max(0, deadlineMs - nowMs);
  return requestTimeoutMs <= left ? { ms: requestTimeoutMs, kind: "request" } : { ms: left, kind: "budget" };
}
