/**
 * Jest runs the TypeScript sources through ts-jest (type-checked).
 * `pulumi-konnect-dcr/runtime` is what serialized dynamic providers require at run time; inside jest it maps to the
 * TypeScript source so in-process tests never run a stale build. Tests that start the real plugin host use `dist/`,
 * which the global setup builds first.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // Transpile only: `npm test` type-checks the whole tree with tsc first (faster than per-file checking here).
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  moduleNameMapper: {
    "^pulumi-konnect-dcr/runtime$": "<rootDir>/provider/resources/runtime.ts",
    "^pulumi-konnect-dcr$": "<rootDir>/provider/index.ts",
  },
  globalSetup: "<rootDir>/tests/support/globalSetup.js",
  // Writes the counts to $CI_JEST_RESULTS when CI sets it (.ci/run runs `npm test` exactly as the README says).
  testResultsProcessor: "<rootDir>/tests/support/ciResults.js",
  testTimeout: 60000,
  maxWorkers: 2,
  // How long a worker may take to be gone after its last test file. Measured on the whole suite (issue 21): both
  // workers' event loops were empty 16 and 59 ms after jest's "end" (no timer, socket, server or child process left;
  // `npx jest --detectOpenHandles` reports none), but a worker that ran ~35 files holds 0.8-1.8 GB, and on a loaded
  // 2-core machine freeing that takes longer than jest's default 500 ms (a smaller run: 0.4-0.6 s), so jest killed
  // it and printed "A worker process has failed to exit gracefully". A real leak keeps a worker alive for good: it is
  // still force-exited and reported after this longer wait (checked with a test leaking an interval), and CI fails
  // on that line.
  workerGracefulExitTimeout: 10000,
};
