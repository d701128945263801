/**
 * Builds `dist/` once before the suites run: the real Pulumi plugin host (tests/engine) evaluates serialized providers
 * that `require("pulumi-konnect-dcr/runtime")`, which resolves to the compiled output through the repository's
 * self-link in node_modules.
 */
const { execFileSync } = require("node:child_process");
const path = require("node:path");

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, "../..");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
};
