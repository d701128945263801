/**
 * `npm run bench`: builds `dist/` (incremental; the plugin host loads the runtime from there), then measures API
 * economy, provider start-up, client overhead, plugin-host CPU, scale and throttled scale against the Konnect
 * emulator, prints the table with each goal and whether it is met, and writes bench-results/node<major>.json and
 * .md plus the scale chart scale-node<major>.svg (one set per Node major, so runs on different Nodes sit side by
 * side). Goals unmet are reported, not failed: the exit code is non-zero only when the bench itself breaks.
 *
 * `npm run bench -- --only economy` (or a comma-separated list of `economy`, `startup`, `client`, `cpu`, `scale`)
 * runs just those sections and prints their table; a partial run writes nothing to bench-results/, whose files
 * always hold a whole run.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, stopAllHosts } from "../engine/pluginHost";
import { killRunningCaptures } from "../engine/programCapture";
import { startKonnectEmulator, type KonnectEmulator } from "../emulator/emulator";
import { scaleChartSvg } from "./chart";
import { runClientOverhead } from "./clientOverhead";
import { runEconomy } from "./economy";
import { runHostCpu } from "./hostCpu";
import type { GoalRow, SectionResult } from "./goals";
import { loadAverage, machineFacts } from "./machine";
import { renderMachine, renderTable, writeResults, type BenchResults } from "./report";
import { runScale, type ScaleRun } from "./scale";
import { runStartup } from "./startup";

const RESULTS_DIR = path.join(REPO_ROOT, "bench-results");
const TMP_DIR = path.join(RESULTS_DIR, "tmp");

/** Builds dist/ with the repository's build config (incremental, so cheap when up to date). */
function buildDist(): void {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
}

/** Formats the written results with the repository's prettier, so `prettier --check bench-results` passes. */
function formatResults(files: string[]): void {
  try {
    const prettier = path.join(REPO_ROOT, "node_modules", "prettier", "bin", "prettier.cjs");
    execFileSync(process.execPath, [prettier, "--write", ...files], { cwd: REPO_ROOT, stdio: "ignore" });
  } catch {
    // unformatted results are still results
  }
}

async function section(
  name: string,
  results: Record<string, unknown>,
  rows: GoalRow[],
  run: () => Promise<SectionResult>,
): Promise<void> {
  const started = Date.now();
  process.stdout.write(`bench: ${name}…\n`);
  try {
    const result = await run();
    rows.push(...result.rows);
    results[name] = { ...result.data, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    rows.push({ section: name, metric: "section", measured: "error", goal: "runs", met: false, note: message });
    results[name] = { error: message };
  }
  process.stdout.write(`bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Writes the scale chart when the scale section ran; returns its path. */
function writeChart(name: string, scale: unknown, machine: ReturnType<typeof machineFacts>): string | undefined {
  const goalRuns = (scale as { goalRuns?: ScaleRun[] } | undefined)?.goalRuns;
  if (!goalRuns || goalRuns.length === 0) return undefined;
  const file = path.join(RESULTS_DIR, `scale-${name}.svg`);
  const subtitle = `Node ${machine.node}, @pulumi/pulumi ${machine.pulumiSdk}, ${machine.cores} cores, load average ${machine.loadAverageAtStart[0]} at start (${machine.date.slice(0, 10)})`;
  fs.writeFileSync(file, scaleChartSvg(goalRuns, subtitle));
  return file;
}

/** The sections, by the key `--only` names them with, in the order they run. */
const SECTION_KEYS = ["economy", "startup", "client", "cpu", "scale"] as const;
type SectionKey = (typeof SECTION_KEYS)[number];

/** A mistake in the command line: reported in one line (no stack), exit code 2. */
class UsageError extends Error {}

/** The sections `--only a,b` (or `--only=a,b`) asks for; undefined when every section runs. */
function onlySections(argv: string[]): Set<SectionKey> | undefined {
  const index = argv.findIndex((a) => a === "--only" || a.startsWith("--only="));
  if (index < 0) return undefined;
  const flag = argv[index]!;
  const value = flag === "--only" ? argv[index + 1] : flag.slice("--only=".length);
  const keys = (value ?? "").split(",").filter((k) => k !== "");
  const unknown = keys.filter((k) => !(SECTION_KEYS as readonly string[]).includes(k));
  if (keys.length === 0 || unknown.length > 0) {
    throw new UsageError(`--only takes a comma-separated list of ${SECTION_KEYS.join(", ")}; got "${value ?? ""}"`);
  }
  return new Set(keys as SectionKey[]);
}

async function main(): Promise<void> {
  const only = onlySections(process.argv.slice(2));
  const runs = (key: SectionKey) => only === undefined || only.has(key);
  const started = Date.now();
  const machine = machineFacts();
  buildDist();
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const rows: GoalRow[] = [];
  const sections: Record<string, unknown> = {};
  let emulator: KonnectEmulator | undefined;
  try {
    emulator = await startKonnectEmulator();
    const em = emulator;
    const planned: [SectionKey, string, () => Promise<SectionResult>][] = [
      ["economy", "API economy", () => runEconomy(em, TMP_DIR)],
      ["startup", "Provider start-up", () => runStartup(em, 7)],
      ["client", "Client overhead", () => runClientOverhead(em, 600)],
      ["cpu", "Plugin-host CPU", () => runHostCpu(em, TMP_DIR)],
      ["scale", "Scale", () => runScale(em)],
    ];
    for (const [, name, run] of planned.filter(([key]) => runs(key))) {
      em.reset();
      await section(name, sections, rows, run);
    }
  } finally {
    killRunningCaptures();
    await stopAllHosts();
    await emulator?.close();
    fs.rmSync(TMP_DIR, { recursive: true, force: true });
  }
  machine.loadAverageAtEnd = loadAverage();
  const results: BenchResults = { machine, wallSeconds: Math.round((Date.now() - started) / 100) / 10, rows, sections };
  if (only !== undefined) {
    process.stdout.write(`\n${renderMachine(machine, results.wallSeconds)}\n\n${renderTable(rows)}\n\n`);
    process.stdout.write(`Partial run (--only ${[...only].join(",")}): nothing written to bench-results/.\n`);
    return;
  }
  const name = `node${process.versions.node.split(".")[0]}`;
  const chart = writeChart(name, sections.Scale, machine);
  const written = writeResults(RESULTS_DIR, name, results, chart && path.basename(chart));
  formatResults([written.json, written.md]);
  process.stdout.write(`\n${renderMachine(machine, results.wallSeconds)}\n\n${renderTable(rows)}\n\n`);
  const files = [written.md, written.json, ...(chart ? [chart] : [])].map((f) => path.relative(REPO_ROOT, f));
  process.stdout.write(`Written: ${files.join(", ")}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`npm run bench: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
