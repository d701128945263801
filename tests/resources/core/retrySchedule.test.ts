/**
 * `retryWithin` (core/retrySchedule.ts), behind the DCR provider's `/verify` retries and the request check: attempts
 * until one settles, at most the schedule's attempts, none whose wait would end after the time limit, errors at once.
 * Waits are 1 ms: the schedule's timing is a benchmark matter, not a test's.
 */
import { retryWithin } from "../../../provider/resources/core/retrySchedule";

/** An attempt function returning the given results in turn, recording each call's number. */
function attempts(results: string[]) {
  const calls: number[] = [];
  const attempt = (n: number) => {
    calls.push(n);
    return Promise.resolve(results[n - 1] ?? "fail");
  };
  return { attempt, calls };
}
const settled = (r: string) => r === "ok";

it("returns at the first settled result, with the number of attempts it took", async () => {
  const first = attempts(["ok"]);
  expect(await retryWithin(first.attempt, settled, { attempts: 5, initialDelayMs: 1 }, 60_000)).toEqual({
    result: "ok",
    attempts: 1,
  });
  const third = attempts(["fail", "fail", "ok"]);
  expect(await retryWithin(third.attempt, settled, { attempts: 5, initialDelayMs: 1 }, 60_000)).toEqual({
    result: "ok",
    attempts: 3,
  });
  expect(third.calls).toEqual([1, 2, 3]);
});

it("stops after the schedule's attempts with the last result (at least one attempt is made)", async () => {
  const failing = attempts(["a", "b", "c", "d"]);
  expect(await retryWithin(failing.attempt, settled, { attempts: 3, initialDelayMs: 1 }, 60_000)).toEqual({
    result: "c",
    attempts: 3,
  });
  const none = attempts(["a"]);
  expect(await retryWithin(none.attempt, settled, { attempts: 0, initialDelayMs: 1 }, 60_000)).toEqual({
    result: "a",
    attempts: 1,
  });
});

it("starts no wait that would end after the time limit", async () => {
  // The first wait (10 s) would end after a 5 s limit: one attempt only, without waiting.
  const failing = attempts(["a", "ok"]);
  expect(await retryWithin(failing.attempt, settled, { attempts: 5, initialDelayMs: 10_000 }, 5_000)).toEqual({
    result: "a",
    attempts: 1,
  });
});

it("lets an attempt's error through at once", async () => {
  let calls = 0;
  const attempt = () => {
    calls++;
    return Promise.reject(new Error("boom"));
  };
  await expect(retryWithin(attempt, settled, { attempts: 5, initialDelayMs: 1 }, 60_000)).rejects.toThrow("boom");
  expect(calls).toBe(1);
});
