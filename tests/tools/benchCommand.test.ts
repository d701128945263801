/**
 * `npm run bench` command-line mistakes: one readable line and exit code 2, no stack trace, nothing measured.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function bench(...args: string[]) {
  return spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "tools/bench/run.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
}

const MISTAKES = [["--only", "nope"], ["--only=client,nope"], ["--only"]];

it.each(MISTAKES.map((args) => [args.join(" "), args] as const))(
  "bench %s: one line naming the sections, exit 2, no stack",
  (_title, args) => {
    const run = bench(...args);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^npm run bench: --only takes a comma-separated list of economy, startup, client, cpu, scale; got "/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).not.toMatch(/Written:/);
  },
);
