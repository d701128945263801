/**
 * What the published tarball may and must contain. Users get the compiled program side and runtime entry with their
 * type declarations, the README, the LICENSE and the CHANGELOG; never tests, examples, tools, CI files, TypeScript
 * sources, source maps (their sources are not shipped) or tsc's build info.
 */

/** Files every tarball must have, besides what `package.json` points at. */
export const REQUIRED_FILES = ["package.json", "README.md", "LICENSE", "CHANGELOG.md"] as const;

/** The only folder of code that ships. */
const CODE_DIR = "dist/provider/";

/** The subset of package.json this check reads. */
export interface PackageManifest {
  main?: string;
  types?: string;
  exports?: Record<string, string | Record<string, string>>;
}

/** Every file `main`, `types` and `exports` point at (relative, without `./`). */
export function entryFiles(manifest: PackageManifest): string[] {
  const targets = [manifest.main, manifest.types];
  for (const target of Object.values(manifest.exports ?? {})) {
    targets.push(...(typeof target === "string" ? [target] : Object.values(target)));
  }
  return [...new Set(targets.filter((t): t is string => t !== undefined).map((t) => t.replace(/^\.\//, "")))].sort();
}

/** Why the file list breaks the rules above (empty when it does not). */
export function shippedFileProblems(files: readonly string[], manifest: PackageManifest): string[] {
  const present = new Set(files);
  const problems: string[] = [];
  for (const file of [...REQUIRED_FILES, ...entryFiles(manifest)]) {
    if (!present.has(file)) problems.push(`missing: ${file}`);
  }
  for (const file of files) {
    if ((REQUIRED_FILES as readonly string[]).includes(file)) continue;
    if (!file.startsWith(CODE_DIR)) {
      problems.push(`not part of the package: ${file}`);
    } else if (!file.endsWith(".js") && !file.endsWith(".d.ts")) {
      problems.push(`neither compiled code nor a declaration: ${file}`);
    } else if (file.endsWith(".js") && !present.has(`${file.slice(0, -3)}.d.ts`)) {
      problems.push(`no type declaration for ${file}`);
    }
  }
  return problems;
}

/** A `//# sourceMappingURL` comment in shipped code points at a map that is not shipped. */
export function sourceMapReference(code: string): boolean {
  return /^\/\/# sourceMappingURL=/m.test(code);
}
