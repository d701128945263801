/**
 * Preloaded into the plugin host (`NODE_OPTIONS=--require <this file>`) by scenarios whose DCR provider verification
 * fails on purpose: the provider retries a failed `/verify` 5 times over about 30 s (a new Azure secret takes seconds
 * to work), which only makes such a test slow. This keeps 2 attempts 10 ms apart; the retry logic itself is unchanged.
 */
require("pulumi-konnect-dcr/runtime").setVerifySchedule({ attempts: 2, initialDelayMs: 10 });
