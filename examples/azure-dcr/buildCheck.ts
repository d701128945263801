/**
 * Stops the root stack when it would run a stale build of this repository's provider. Inside the repository,
 * `pulumi-konnect-dcr` resolves (through its self-link in node_modules) to the compiled `dist/`, and the plugin host
 * runs that code too; a `dist/` older than `provider/` would deploy yesterday's behaviour without a word. The check
 * compares each source file's content hash with the one `tsc` recorded in `dist/.tsbuildinfo` (so a touched but
 * unchanged file does not count). Where the package is installed from a registry (no `provider/` sources next to
 * it), or where the package resolves to TypeScript sources (tests), there is nothing to check.
 * Imported first by the root stack, before anything loads the package.
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
