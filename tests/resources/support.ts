/**
 * Shared set-up for the resources' handler tests: an emulator, the runtime pointed at it, request-log helpers, and
 * `useProviderTestbed` for a test file (or a describe block) that starts one.
 */
import {
  setProviderLogSink,
  setStackSettings,
  setTransportOptions,
  setVerifySchedule,
} from "../../provider/resources/testHooks";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";

/** A token shaped like a Konnect personal access token. */
export const TEST_TOKEN = "kpat_TestToken0123456789abcdefghijklmnop";

/** Provider log lines written during the current test file (for assertions and secret scans). */
export const providerLogLines: string[] = [];

/** Starts an emulator and points the in-process runtime at it (fast backoff and verify schedule). */
export async function startProviderTestbed(options: Parameters<typeof startKonnectEmulator>[0] = {}) {
  const emulator = await startKonnectEmulator(options);
  setProviderLogSink((line) => providerLogLines.push(line));
  setStackSettings({ token: TEST_TOKEN, serverUrl: `${emulator.url}/{region}`, retryBudgetSeconds: 5 });
  setTransportOptions({ backoff: { initialDelayMs: 5, maxDelayMs: 20 } });
  setVerifySchedule({ attempts: 3, initialDelayMs: 5 });
  return emulator;
}

/**
 * A stand-in that forwards every property read to what `current` returns at that moment: hooks set the object (in
 * `beforeAll` or `beforeEach`) and tests write `emulator.reset()` as if they held it.
 */
export function forwarding<T extends object>(current: () => T | undefined, what: string): T {
  const value = (): T => {
    const held = current();
    if (held === undefined) throw new Error(`${what} is used outside a test (a hook sets it)`);
    return held;
  };
  return new Proxy({} as T, { get: (_target, property) => Reflect.get(value(), property) as unknown });
}

/**
 * Starts one testbed for the test file, or the describe block it is called in (its emulator closed after their
 * tests), and unless `resetEachTest` is false, before each test resets the emulator and empties the provider log.
 * Returns a stand-in that forwards to that emulator.
 */
export function useProviderTestbed(options: { resetEachTest?: boolean } = {}): KonnectEmulator {
  let emulator: KonnectEmulator | undefined;
  beforeAll(async () => {
    emulator = await startProviderTestbed();
  });
  afterAll(() => emulator?.close());
  if (options.resetEachTest ?? true) {
    beforeEach(() => {
      emulator?.reset();
      providerLogLines.splice(0);
    });
  }
  return forwarding(() => emulator, "the emulator");
}

/** The API calls the emulator saw, as `METHOD /path` without region prefix or query. */
export function calls(emulator: KonnectEmulator): string[] {
  return emulator
    .requestLog()
    .map((entry) => `${entry.method} ${entry.path.replace(/^\/(us|eu|au|me|in|sg)(?=\/)/, "").replace(/\?.*$/, "")}`);
}

/** Like `calls`, with ids replaced by `{id}` so expectations stay readable. */
export function callShapes(emulator: KonnectEmulator): string[] {
  return calls(emulator).map((c) => c.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "{id}"));
}

/**
 * The inputs `read` hands back for refreshed outputs: the input table's rows that are set, and the creation key the
 * outputs carry (what refresh writes into state as the resource's inputs).
 */
export function declaredView(outputs: unknown, table: Record<string, unknown>): Record<string, unknown> {
  const record = outputs as Record<string, unknown>;
  const keys = [...Object.keys(table), "__creationKey"];
  return Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
}
