/**
 * Whether this repository's `dist/` matches its `provider/` sources: each source file's content hash against the one
 * `tsc` recorded in `dist/.tsbuildinfo` (a touched but unchanged file does not count). Used by the root stack's
 * stop-when-stale check (`buildCheck.ts`) and by the demo, which builds when stale. No side effects.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";

/** Source files under `dir` (`.ts`, not `.d.ts`), recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Why the build in `root` is stale (the first source that differs), or undefined when it is current. */
export function staleBuildReason(root: string): string | undefined {
  const info = path.join(root, "dist", ".tsbuildinfo");
  if (!existsSync(path.join(root, "dist", "provider", "index.js")) || !existsSync(info)) return "dist/ is missing";
  const build = JSON.parse(readFileSync(info, "utf8")) as {
    fileNames?: string[];
    fileInfos?: (string | { version?: string })[];
  };
  const versions = new Map<string, string | undefined>();
  (build.fileNames ?? []).forEach((name, i) => {
    const entry = build.fileInfos?.[i];
    versions.set(path.resolve(path.dirname(info), name), typeof entry === "string" ? entry : entry?.version);
  });
  for (const file of sources(path.join(root, "provider"))) {
    const hash = createHash("sha256").update(readFileSync(file, "utf8")).digest("hex");
    if (versions.get(file) !== hash) return `${path.relative(root, file)} changed after the last build`;
  }
  return undefined;
}
