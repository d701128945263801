/**
 * Bounded retry of `/verify`: a new Azure client secret can take several seconds before the token endpoint accepts
 * it, so a failed verification is retried, with doubling waits, until it succeeds or the time limit
 * (`konnect:verifyTimeoutSeconds`, default 30 s) would be passed (`core/retrySchedule.ts`).
 */
import { isRejected, type DcrVerifyResult } from "../../konnect";
import { retryWithin, type RetrySchedule } from "../core/retrySchedule";

/** Schedule of verification attempts (within the time limit). */
export type VerifySchedule = RetrySchedule;

/** Default: waits of 2, 4, 8, 16, … s, so 5 attempts within the default 30 s. */
export const DEFAULT_VERIFY_SCHEDULE: VerifySchedule = { attempts: 10, initialDelayMs: 2000 };

let schedule: VerifySchedule = DEFAULT_VERIFY_SCHEDULE;

/** Overrides the schedule (tests and benchmarks). */
export function setVerifySchedule(next: VerifySchedule): void {
  schedule = next;
}

/**
 * Calls `verify` until it reports success, the attempts run out, or the next wait would end after `timeoutMs`.
 * A 4xx answer counts as a failed verification (the spec says "4xx for failure"); other errors propagate.
 */
export async function verifyWithRetry(
  verify: () => Promise<DcrVerifyResult>,
  timeoutMs: number,
): Promise<DcrVerifyResult> {
  const attempt = async (): Promise<DcrVerifyResult> => {
    try {
      return await verify();
    } catch (error) {
      if (!isRejected(error)) throw error;
      return { status: "failed", errors: [error.message] };
    }
  };
  const { result } = await retryWithin(attempt, (r) => r.status === "success", schedule, timeoutMs);
  return result;
}
