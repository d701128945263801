/**
 * Keeps `dist/` current for the demo: the plugin host runs the compiled provider (`pulumi-konnect-dcr/runtime`
 * resolves to `dist/`), so a fresh clone, or sources edited since the last build, need `tsc -p tsconfig.build.json`.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./pluginHost";

/** The compiled file the plugin host loads first. */
export const RUNTIME_JS = path.join(REPO_ROOT, "dist", "provider", "resources", "runtime.js");

/** Newest modification time (ms) of the files under a directory (those ending in `suffix`); 0 when none. */
export function newestMtime(dir: string, suffix = ""): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(suffix)) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * True when `dist/` is missing or older than any TypeScript source in `provider/` (the incremental build info counts
 * as output). Other files there (`DESIGN.md`) are not compiled, so an edit of one does not make the build stale.
 */
export function buildIsStale(): boolean {
  if (!fs.existsSync(RUNTIME_JS)) return true;
  return newestMtime(path.join(REPO_ROOT, "provider"), ".ts") > newestMtime(path.join(REPO_ROOT, "dist"));
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
