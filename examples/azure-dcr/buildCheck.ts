/**
 * Stops the root stack when it would run a stale build of this repository's provider. Inside the repository,
 * `pulumi-konnect-dcr` resolves (through its self-link in node_modules) to the compiled `dist/`, and the plugin host
 * runs that code too; a `dist/` older than `provider/` would deploy yesterday's behaviour without a word. The check
 * compares each source file's content hash with the one `tsc` recorded in `dist/.tsbuildinfo` (so a touched but
 * unchanged file does not count). Where the package is installed from a registry (no `provider/` sources next to
 * it), or where the package resolves to TypeScript sources (tests), there is nothing to check.
 * Imported first by the root stack, before anything loads the package.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { staleBuildReason } from "./buildStatus";

function checkBuild(): void {
  let root: string;
  try {
    if (require.resolve("pulumi-konnect-dcr").endsWith(".ts")) return;
    root = path.dirname(require.resolve("pulumi-konnect-dcr/package.json"));
  } catch {
    return; // not resolvable yet: the import below reports it
  }
  if (!existsSync(path.join(root, "provider")) || !existsSync(path.join(root, "tsconfig.build.json"))) return;
  const reason = staleBuildReason(root);
  if (reason) {
    throw new Error(
      `The provider build in ${path.join(root, "dist")} is out of date (${reason}). ` +
        `Run \`npm run build\` in ${root}, then run pulumi again.`,
    );
  }
}

checkBuild();
