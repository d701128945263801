/**
 * Preloaded into the plugin host (`NODE_OPTIONS=--require <this file>`) by scenarios whose DCR provider verification
 * fails on purpose: the provider retries a failed `/verify` 5 times over about 30 s (a new Azure secret takes seconds
 * to work), which only makes such a test slow. This keeps 2 attempts 10 ms apart; the retry logic itself is unchanged.
 * The hook is not in the package's exports: it is loaded by path from the same `dist/` the runtime resolves to.
 */
const path = require("node:path");
require(path.join(__dirname, "../../../dist/provider/resources/testHooks.js")).setVerifySchedule({
  attempts: 2,
  initialDelayMs: 10,
});
