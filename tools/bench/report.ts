/** Renders benchmark results: a Markdown table (printed and written to latest.md) and the JSON results. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { GoalRow } from "./goals";
import type { MachineFacts } from "./machine";

/** Everything one `npm run bench` produced. */
export interface BenchResults {
  machine: MachineFacts;
  /** Wall time of the whole run, seconds. */
  wallSeconds: number;
  rows: GoalRow[];
  sections: Record<string, unknown>;
}

const escape = (text: string) => text.replace(/\|/g, "\\|");
const verdict = (met: boolean | null) => (met === null ? "" : met ? "met" : "NOT met");

/** The results as a Markdown table. */
export function renderTable(rows: readonly GoalRow[]): string {
  const lines = ["| Section | Metric | Measured | Goal | Result | Notes |", "|---|---|---|---|---|---|"];
  for (const r of rows) {
    lines.push(
      `| ${escape(r.section)} | ${escape(r.metric)} | ${escape(r.measured)} | ${escape(r.goal)} | ${verdict(r.met)} | ${escape(r.note ?? "")} |`,
    );
  }
  return lines.join("\n");
}

/** Machine facts as a short Markdown list. */
export function renderMachine(m: MachineFacts, wallSeconds: number): string {
  return [
    `- Date: ${m.date}`,
    `- CPU: ${m.cpuModel}, ${m.cores} logical cores; memory ${m.memoryGiB} GiB`,
    `- Node ${m.node}, @pulumi/pulumi ${m.pulumiSdk}`,
    `- Load average (1/5/15 min) at start: ${m.loadAverageAtStart.join(" / ")}` +
      (m.loadAverageAtEnd ? `; at end: ${m.loadAverageAtEnd.join(" / ")}` : ""),
    `- Wall time of \`npm run bench\`: ${wallSeconds} s`,
  ].join("\n");
}

/** The whole results document; `chart` is the scale chart's file name, linked when given. */
export function renderMarkdown(results: BenchResults, chart?: string): string {
  const met = results.rows.filter((r) => r.met === true).length;
  const goals = results.rows.filter((r) => r.met !== null).length;
  return [
    `# Benchmark results: Node ${results.machine.node}, @pulumi/pulumi ${results.machine.pulumiSdk}`,
    "",
    "Written by `npm run bench` (tools/bench/run.ts). Ratios are measured side by side in one run; absolute times",
    'depend on the machine and its load, recorded below. Rows whose goal is "reported" are figures kept for',
    "comparison with earlier runs, not goals.",
    "",
    renderMachine(results.machine, results.wallSeconds),
    "",
    `Goals met: ${met} of ${goals}.`,
    "",
    renderTable(results.rows),
    "",
    ...(chart ? [`Scale chart: [${chart}](${chart})`, "", `![scale](${chart})`, ""] : []),
  ].join("\n");
}

/** Writes `<name>.json` and `<name>.md` into `dir`. */
export function writeResults(
  dir: string,
  name: string,
  results: BenchResults,
  chart?: string,
): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${name}.json`);
  const md = path.join(dir, `${name}.md`);
  fs.writeFileSync(json, JSON.stringify(results, null, 2) + "\n");
  fs.writeFileSync(md, renderMarkdown(results, chart));
  return { json, md };
}
