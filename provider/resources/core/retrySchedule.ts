/**
 * Bounded retries of something that may work a little later (a new Azure client secret takes seconds to work, a new
 * registration takes time to reach the gateway): attempts with doubling waits, until one settles, the attempts run
 * out, or the next wait would end after the time limit. Used by the DCR provider's `/verify` and by the request check;
 * each keeps its own schedule, overridable by tests through `testHooks.ts`.
 */
import { sleep } from "../../konnect";

/** Schedule of attempts (within a time limit). */
export interface RetrySchedule {
  /** Most attempts (at least one is always made). */
  attempts: number;
  /** Wait before the second attempt; doubles each time. */
  initialDelayMs: number;
}

/** The last attempt's result and how many attempts were made. */
export interface RetryOutcome<T> {
  result: T;
  attempts: number;
}

/**
 * Calls `attempt` (with its number, from 1) until `settled` says its result is final, the schedule's attempts run
 * out, or the next wait would end more than `timeoutMs` after the first attempt started. Errors of `attempt`
 * propagate at once.
 */
export async function retryWithin<T>(
  attempt: (n: number) => Promise<T>,
  settled: (result: T) => boolean,
  schedule: RetrySchedule,
  timeoutMs: number,
): Promise<RetryOutcome<T>> {
  const started = Date.now();
  for (let n = 1; ; n++) {
    const result = await attempt(n);
    if (settled(result)) return { result, attempts: n };
    const wait = schedule.initialDelayMs * 2 ** (n - 1);
    if (n >= schedule.attempts || Date.now() - started + wait > timeoutMs) return { result, attempts: n };
    await sleep(wait);
  }
}
