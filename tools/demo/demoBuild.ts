/**
 * Keeps `dist/` current for the demo: the plugin host runs the compiled provider (`pulumi-konnect-dcr/runtime`
 * resolves to `dist/`), so a fresh clone, or sources edited since the last build, need `tsc -p tsconfig.build.json`.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { staleBuildReason } from "../../examples/azure-dcr/buildStatus";
import { REPO_ROOT } from "../engine/pluginHost";

/** The compiled file the plugin host loads first. */
export const RUNTIME_JS = path.join(REPO_ROOT, "dist", "provider", "resources", "runtime.js");

/** True when `dist/` is missing or does not match the TypeScript sources in `provider/` (content hashes). */
export function buildIsStale(): boolean {
  return !fs.existsSync(RUNTIME_JS) || staleBuildReason(REPO_ROOT) !== undefined;
}

/** Runs `tsc -p tsconfig.build.json` when the build is stale; resolves true when it built. Rejects on errors. */
export async function ensureBuilt(): Promise<boolean> {
  if (!buildIsStale()) return false;
  const tsc = require.resolve("typescript/bin/tsc", { paths: [REPO_ROOT] });
  await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`build failed:\n${text}`))));
  });
  return true;
}
