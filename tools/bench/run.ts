/**
 * `npm run bench`: builds `dist/` (incremental; the plugin host loads the runtime from there), then measures API
 * economy, provider start-up, client overhead, plugin-host CPU, scale and throttled scale against the Konnect
 * emulator, prints the table with each goal and whether it is met, and writes bench-results/node<major>.json and
 * .md plus the scale chart scale-node<major>.svg (one set per Node major, so runs on different Nodes sit side by
 * side). Goals unmet are reported, not failed: the exit code is non-zero only when the bench itself breaks.
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

async function main(): Promise<void> {
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
    await section("API economy", sections, rows, () => runEconomy(em, TMP_DIR));
    em.reset();
    await section("Provider start-up", sections, rows, () => runStartup(em, 7));
    em.reset();
    await section("Client overhead", sections, rows, () => runClientOverhead(em, 600));
    em.reset();
    await section("Plugin-host CPU", sections, rows, () => runHostCpu(em, TMP_DIR));
    em.reset();
    await section("Scale", sections, rows, () => runScale(em));
  } finally {
    killRunningCaptures();
    await stopAllHosts();
    await emulator?.close();
    fs.rmSync(TMP_DIR, { recursive: true, force: true });
  }
  machine.loadAverageAtEnd = loadAverage();
  const results: BenchResults = { machine, wallSeconds: Math.round((Date.now() - started) / 100) / 10, rows, sections };
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
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
