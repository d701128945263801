/**
 * When to retry a Konnect call and how long to wait: pure functions, so the rules are table-tested.
 *
 * - GET, PUT, PATCH and DELETE are idempotent: retried on 429, 500, 502, 503, 504, timeouts and connection errors.
 * - POST is retried only when Konnect cannot have acted on it: 429 (rejected before processing) and a refused
 *   connection (never sent). A POST whose outcome is unknown is left to the caller, who can look for the object.
 * - The wait honours `Retry-After` (seconds or an HTTP date); otherwise exponential backoff with jitter.
 * - The total time is bounded: no retry starts if it would end past the budget.
 */

/** HTTP methods the client uses. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Statuses worth retrying: throttling and transient server errors. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * Statuses after which Konnect may or may not have applied a request (a 5xx can come from a proxy after the
 * backend stored the object). 429 is not one of them: a throttled request was rejected before processing.
 */
export const UNKNOWN_OUTCOME_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** Connection error codes that mean the request was never sent (refused connection, unknown host). */
export const NEVER_SENT_CODES: ReadonlySet<string> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/** Error code of an answer larger than the transport reads: asking again would get the same answer. */
export const RESPONSE_TOO_LARGE_CODE = "ERR_RESPONSE_TOO_LARGE";

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Tunables of the backoff schedule. */
export interface BackoffSettings {
  /** First wait, before jitter. */
  initialDelayMs: number;
  /** Longest wait between two attempts, before jitter. */
  maxDelayMs: number;
  /** Total time budget of one call, retries included. */
  budgetMs: number;
  /** Most retries (not counting the first attempt). */
  maxRetries: number;
}

/** Default schedule: 0.5 s, 1 s, 2 s, … up to 15 s between attempts. */
export const DEFAULT_BACKOFF: Omit<BackoffSettings, "budgetMs"> = {
  initialDelayMs: 500,
  maxDelayMs: 15_000,
  maxRetries: 10,
};

/** What went wrong with one attempt. */
export interface FailedAttempt {
  method: HttpMethod;
  /** HTTP status, when there was an answer. */
  status?: number;
  /** Network error code, when there was no answer. */
  code?: string;
  /** Raw `Retry-After` header, if any. */
  retryAfter?: string;
}

/** Parses `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Whether this failure may be retried at all, ignoring time. */
export function isRetryable(attempt: FailedAttempt): boolean {
  if (attempt.method === "POST") {
    return attempt.status === 429 || (attempt.status === undefined && NEVER_SENT_CODES.has(attempt.code ?? ""));
  }
  if (attempt.status !== undefined) return RETRYABLE_STATUSES.has(attempt.status);
  return attempt.code !== RESPONSE_TOO_LARGE_CODE;
}

/** Exponential backoff with "equal jitter": half the delay fixed, half random. */
export function backoffDelayMs(retryNumber: number, settings: BackoffSettings, random: () => number): number {
  const exponential = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/**
 * The wait before retry number `retryNumber` (1 for the first retry), or undefined when the call must give up:
 * not retryable, out of retries, or the wait would end past the time budget.
 */
export function nextRetryDelayMs(
  attempt: FailedAttempt,
  retryNumber: number,
  elapsedMs: number,
  settings: BackoffSettings,
  nowMs: number,
  random: () => number = Math.random,
): number | undefined {
  if (!isRetryable(attempt) || retryNumber > settings.maxRetries) return undefined;
  const retryAfter = parseRetryAfterMs(attempt.retryAfter, nowMs);
  const delay = retryAfter ?? backoffDelayMs(retryNumber, settings, random);
  if (elapsedMs + delay > settings.budgetMs) return undefined;
  return delay;
}
