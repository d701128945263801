/**
 * Preloaded into the plugin host (`NODE_OPTIONS=--require <this file>`) by scenarios whose request check fails on
 * purpose: the check retries a failed request with waits of 2, 4, 8, … s for up to 120 s (a new secret takes seconds
 * to work), which only makes such a test slow. This keeps 2 attempts 10 ms apart; the retry logic itself is unchanged.
 * The hook is not in the package's exports: it is loaded by path from the same `dist/` the runtime resolves to.
 */
const path = require("node:path");
require(path.join(__dirname, "../../../dist/provider/resources/testHooks.js")).setRequestCheckSchedule({
  attempts: 2,
  initialDelayMs: 10,
});
