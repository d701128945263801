/**
 * A token bucket for the `rateLimit` option: it holds `requestsPerSecond` tokens, refills continuously, and a
 * request finding it empty gets 429.
 */
import { type RateLimitOptions } from "./types";

/** Token bucket state for one `RateLimitOptions` value. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    /** The limits this bucket enforces. */
    readonly limits: RateLimitOptions,
    now: number = Date.now(),
  ) {
    this.tokens = Math.max(1, limits.requestsPerSecond);
    this.last = now;
  }

  /** Takes a token; false when the bucket is empty (answer 429). */
  tryTake(now: number = Date.now()): boolean {
    const capacity = Math.max(1, this.limits.requestsPerSecond);
    this.tokens = Math.min(capacity, this.tokens + ((now - this.last) / 1000) * this.limits.requestsPerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
