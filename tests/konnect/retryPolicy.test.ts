/** The retry rules as a table: what is retried, how long it waits, and the time budget. */
import {
  NEVER_SENT_CODES,
  backoffDelayMs,
  isLoopbackHost,
  isRetryable,
  nextRetryDelayMs,
  parseRetryAfterMs,
  sleep,
  type FailedAttempt,
} from "../../provider/konnect";
import { attemptLimit, callDeadlineMs } from "../../provider/konnect/deadline";

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
    [{ method: "POST", code: "ENOTFOUND" }, true],
    [{ method: "POST", code: "EAI_AGAIN" }, true],
    // An answer too large to read would be as large again.
    [{ method: "GET", code: "ERR_RESPONSE_TOO_LARGE" }, false],
    [{ method: "POST", code: "ERR_RESPONSE_TOO_LARGE" }, false],
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

describe("never-sent codes", () => {
  it("are exactly the failures before a request leaves the machine", () => {
    expect([...NEVER_SENT_CODES].sort()).toEqual(["EAI_AGAIN", "ECONNREFUSED", "ENOTFOUND"]);
  });
});

describe("hard limits of a call", () => {
  const limits = { requestTimeoutMs: 2000, retryBudgetMs: 5000 };
  it("ends a call by the retry budget, or after one request timeout when that is longer", () => {
    expect(callDeadlineMs(1000, limits)).toBe(6000);
    expect(callDeadlineMs(1000, { requestTimeoutMs: 30_000, retryBudgetMs: 5000 })).toBe(31_000);
  });

  it.each([
    [1000, { ms: 2000, kind: "request" }],
    [4000, { ms: 2000, kind: "request" }],
    [4500, { ms: 1500, kind: "budget" }],
    [6000, { ms: 0, kind: "budget" }],
    [7000, { ms: 0, kind: "budget" }],
  ])("an attempt starting at %s ms runs at most %j", (now, expected) => {
    expect(attemptLimit(now, callDeadlineMs(1000, limits), limits.requestTimeoutMs)).toEqual(expected);
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["LOCALHOST", true],
    ["localhost.", true],
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["127.255.255.255", true],
    ["[::1]", true],
    ["::1", true],
    ["[::ffff:7f00:1]", true],
    ["::ffff:127.0.0.1", true],
    ["128.0.0.1", false],
    ["127.0.0.256", false],
    ["10.0.0.1", false],
    ["0.0.0.0", false],
    ["127.0.0.1.nip.io", false],
    ["localhost.example.com", false],
    ["[::2]", false],
    ["[::ffff:a00:1]", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe("sleep", () => {
  it("resolves after the wait, not before", async () => {
    const started = Date.now();
    await sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(29);
  });
});
