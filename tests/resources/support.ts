/** Shared set-up for provider tests: an emulator, the runtime pointed at it, and request-log helpers. */
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
