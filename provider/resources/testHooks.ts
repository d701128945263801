/**
 * Hooks for tests, benchmarks and tools that drive the providers in-process or preload into the plugin host: not part
 * of the package's public `exports` (load it by path: `dist/provider/resources/testHooks.js`). They change module
 * state of the same runtime the serialized providers load, so they must resolve to the same file.
 */
export { setProviderLogSink, setStackSettings, setTransportOptions } from "./core/context";
export { setVerifySchedule } from "./dcrProvider/verify";
export { setRequestCheckSchedule } from "./dcrRequestCheck/run";
import { replacementWatch } from "./core/replacementWatch";

/** Forgets what the replacement watch saw (a test file that diffs several scenarios in one process). */
export function resetReplacementWatch(): void {
  replacementWatch.clear();
}
