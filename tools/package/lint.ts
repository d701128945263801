/**
 * `npm run lint:package` (part of `npm run lint`): packs the package as `npm publish` would (see pack.ts) and checks
 * the tarball itself:
 *   - the shipped files (shippedFiles.ts): README, LICENSE, CHANGELOG, `dist/provider` code with a declaration for
 *     every module, every `main`/`types`/`exports` target; no tests, examples, tools, sources, maps or build info;
 *   - publint (package.json fields against the files, strict: warnings fail too);
 *   - Are the Types Wrong (`attw`, profile `strict`): both entry points resolve with types under `node10`,
 *     `node16` (from CommonJS and from ESM) and `bundler` resolution.
 * `--list` prints the tarball's file list too. Exits 1 when any check fails.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../engine/pluginHost";
import { packWorkingTree } from "./pack";
import { shippedFileProblems, sourceMapReference, type PackageManifest } from "./shippedFiles";

interface CheckResult {
  name: string;
  ok: boolean;
  output: string;
}

/** Path of a package's command-line entry (its `bin`), from this repository's node_modules. */
function binOf(pkg: string): string {
  const manifestPath = path.join(REPO_ROOT, "node_modules", pkg, "package.json");
  const { bin } = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { bin: string | Record<string, string> };
  const entry = typeof bin === "string" ? bin : Object.values(bin)[0];
  if (entry === undefined) throw new Error(`${pkg} has no command`);
  return path.join(path.dirname(manifestPath), entry);
}

function runTool(name: string, pkg: string, args: string[]): CheckResult {
  const result = spawnSync(process.execPath, [binOf(pkg), ...args], { encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`.trim();
  return { name, ok: result.status === 0, output };
}

function checkFiles(tarball: string, files: string[]): CheckResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-konnect-dcr-unpacked-"));
  try {
    const tar = spawnSync("tar", ["-xzf", tarball, "-C", dir], { encoding: "utf8" });
    if (tar.status !== 0) return { name: "shipped files", ok: false, output: `tar failed: ${tar.stderr}` };
    const root = path.join(dir, "package");
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as PackageManifest;
    const problems = shippedFileProblems(files, manifest);
    for (const file of files.filter((f) => f.endsWith(".js"))) {
      if (sourceMapReference(fs.readFileSync(path.join(root, file), "utf8"))) {
        problems.push(`points at a source map that is not shipped: ${file}`);
      }
    }
    const output = problems.length === 0 ? `${files.length} files, all expected` : problems.join("\n");
    return { name: "shipped files", ok: problems.length === 0, output };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const started = Date.now();
  const packed = packWorkingTree();
  const results = [
    checkFiles(packed.tarball, packed.files),
    runTool("publint", "publint", ["run", packed.tarball, "--strict", "--level", "suggestion"]),
    runTool("attw", "@arethetypeswrong/cli", [
      packed.tarball,
      "--profile",
      "strict",
      "--no-definitely-typed",
      "--format",
      "table",
      "--no-emoji",
      "--no-color",
    ]),
  ];
  console.log(`${packed.id}: ${path.basename(packed.tarball)}`);
  if (process.argv.includes("--list")) console.log(packed.files.map((f) => `  ${f}`).join("\n"));
  for (const r of results) console.log(`\n${r.ok ? "ok" : "FAILED"}: ${r.name}\n${r.output}`);
  console.log(`\npackage lint: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (results.some((r) => !r.ok)) process.exit(1);
}

main();
