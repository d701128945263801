/**
 * Bounded retry of `/verify`: a new Azure client secret can take several seconds before the token endpoint accepts
 * it, so a failed verification is retried a few times before it is reported.
 */
import { KonnectApiError, type DcrVerifyResult } from "../konnect";

/** Schedule of verification attempts. */
export interface VerifySchedule {
  /** Most attempts. */
  attempts: number;
  /** Wait before the second attempt; doubles each time. */
  initialDelayMs: number;
}

/** Default: 5 attempts over about 30 s (2, 4, 8, 16 s waits). */
export const DEFAULT_VERIFY_SCHEDULE: VerifySchedule = { attempts: 5, initialDelayMs: 2000 };

let schedule: VerifySchedule = DEFAULT_VERIFY_SCHEDULE;

/** Overrides the schedule (tests and benchmarks). */
export function setVerifySchedule(next: VerifySchedule): void {
  schedule = next;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `verify` until it reports success or the attempts run out. A 4xx answer counts as a failed verification
 * (the spec says "4xx for failure"); other errors propagate.
 */
export async function verifyWithRetry(verify: () => Promise<DcrVerifyResult>): Promise<DcrVerifyResult> {
  let last: DcrVerifyResult = { status: "failed", errors: [] };
  for (let attempt = 1; attempt <= schedule.attempts; attempt++) {
    try {
      last = await verify();
    } catch (error) {
      if (!(error instanceof KonnectApiError) || error.status < 400 || error.status >= 500 || error.status === 429) {
        throw error;
      }
      last = { status: "failed", errors: [error.message] };
    }
    if (last.status === "success") return last;
    if (attempt < schedule.attempts) await sleep(schedule.initialDelayMs * 2 ** (attempt - 1));
  }
  return last;
}
