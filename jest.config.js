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
  testTimeout: 60000,
  maxWorkers: 2,
};
