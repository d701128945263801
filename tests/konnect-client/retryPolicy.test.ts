/** The retry rules as a table: what is retried, how long it waits, and the time budget. */
import {
  backoffDelayMs,
  isRetryable,
  nextRetryDelayMs,
  parseRetryAfterMs,
  type FailedAttempt,
} from "../../provider/konnect";

const settings = { initialDelayMs: 500, maxDelayMs: 15_000, maxRetries: 10, budgetMs: 60_000 };
const now = Date.parse("2026-11-26T12:00:00Z");

describe("isRetryable", () => {
  it.each<[FailedAttempt, boolean]>([
    [{ method: "GET", status: 429 }, true],
    [{ method: "GET", status: 500 }, true],
    [{ method: "PATCH", status: 502 }, true],
    [{ method: "PUT", status: 503 }, true],
    [{ method: "DELETE", status: 504 }, true],
    [{ method: "GET", status: 400 }, false],
    [{ method: "GET", status: 404 }, false],
    [{ method: "DELETE", status: 409 }, false],
    [{ method: "GET", status: 501 }, false],
    [{ method: "GET", code: "ECONNRESET" }, true],
    [{ method: "PATCH", code: "ETIMEDOUT" }, true],
    [{ method: "POST", status: 429 }, true],
    [{ method: "POST", code: "ECONNREFUSED" }, true],
    [{ method: "POST", status: 500 }, false],
    [{ method: "POST", status: 503 }, false],
    [{ method: "POST", code: "ECONNRESET" }, false],
    [{ method: "POST", code: "ETIMEDOUT" }, false],
  ])("%j → %s", (attempt, expected) => {
    expect(isRetryable(attempt)).toBe(expected);
  });
});

describe("parseRetryAfterMs", () => {
  it.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ["3", 3000],
    ["0", 0],
    ["1.5", 1500],
    ["Thu, 26 Nov 2026 12:00:04 GMT", 4000],
    ["Thu, 26 Nov 2026 11:59:00 GMT", 0],
    ["soon", undefined],
  ])("%s → %s", (header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });
});

describe("nextRetryDelayMs", () => {
  it("backs off exponentially with equal jitter and a cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, settings, () => 0))).toEqual([
      250, 500, 1000, 2000, 4000, 7500, 7500,
    ]);
    expect([1, 2, 7].map((n) => backoffDelayMs(n, settings, () => 1))).toEqual([500, 1000, 15000]);
  });

  it("honours Retry-After over the backoff", () => {
    expect(nextRetryDelayMs({ method: "GET", status: 429, retryAfter: "7" }, 1, 0, settings, now, () => 0)).toBe(7000);
  });

  it("gives up when the wait would end past the budget, or when out of retries", () => {
    expect(
      nextRetryDelayMs({ method: "GET", status: 429, retryAfter: "30" }, 1, 40_000, settings, now),
    ).toBeUndefined();
    expect(nextRetryDelayMs({ method: "GET", status: 503 }, 11, 0, settings, now)).toBeUndefined();
    expect(nextRetryDelayMs({ method: "POST", status: 503 }, 1, 0, settings, now)).toBeUndefined();
  });
});
