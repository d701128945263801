/**
 * CI's counting (.ci/jestCounts.js) and `.ci/run` itself, run for real in a scratch tree whose README's fresh-machine
 * lines call a stand-in demo and a stand-in `npm test` (a few lines of Node that write the results file jest's
 * processor would, and print what jest prints for a leaked handle when asked). No compatibility pass runs
 * (CI_COMPAT_PASSES=""). What is checked is the contract: the last line is a plain "N passed, N failed", and any
 * failure makes the failed count and the exit code non-zero.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CI helper is plain CommonJS run by node
const { jestCounts } = require("../../.ci/jestCounts.js") as {
  jestCounts: (
    resultsText: string | undefined,
    logText: string | undefined,
  ) => { passed: number; failed: number; notes: string[] };
};

const LEAK_LINE = "A worker process has failed to exit gracefully and has been force exited...";

function results(counts: Partial<Record<string, number>>): string {
  return JSON.stringify({
    numTotalTests: 10,
    numPassedTests: 10,
    numFailedTests: 0,
    numPendingTests: 0,
    numTodoTests: 0,
    numRuntimeErrorTestSuites: 0,
    ...counts,
  });
}

describe(".ci/jestCounts.js", () => {
  it("counts passed and failed tests, and files that could not run as failed", () => {
    expect(jestCounts(results({}), "")).toEqual({ passed: 10, failed: 0, notes: [] });
    expect(jestCounts(results({ numPassedTests: 7, numFailedTests: 3 }), "").failed).toBe(3);
    expect(jestCounts(results({ numRuntimeErrorTestSuites: 2 }), "")).toMatchObject({ passed: 10, failed: 2 });
  });

  it("counts one failed for no results, no test run, or a leaked handle in the log", () => {
    expect(jestCounts(undefined, undefined)).toEqual({ passed: 0, failed: 1, notes: ["jest wrote no results"] });
    expect(jestCounts("", "")).toMatchObject({ passed: 0, failed: 1 });
    expect(jestCounts(results({ numTotalTests: 0, numPassedTests: 0 }), "")).toMatchObject({ failed: 1 });
    const leak = jestCounts(results({}), `PASS a.test.ts\n${LEAK_LINE}\nTests: 10 passed`);
    expect(leak.failed).toBe(1);
    expect(leak.notes).toEqual([
      "jest reported a process that did not exit by itself (an open handle): A worker process has failed to exit gracefully",
    ]);
    expect(jestCounts(results({}), "Jest did not exit one second after the test run has completed.\n").failed).toBe(1);
  });
});

describe(".ci/run in a scratch tree with a stand-in demo and test command", () => {
  let tree: string;

  beforeAll(() => {
    tree = fs.mkdtempSync(path.join(os.tmpdir(), "ci-run-"));
    fs.mkdirSync(path.join(tree, ".ci"));
    for (const file of ["run", "freshMachine.js", "jestCounts.js"]) {
      fs.copyFileSync(path.join(ROOT, ".ci", file), path.join(tree, ".ci", file));
    }
    // The real README's block, so the scratch run executes exactly the lines CI would.
    const block = /^## Fresh machine\n\n```sh\n[\s\S]*?\n```$/m.exec(
      fs.readFileSync(path.join(ROOT, "README.md"), "utf8"),
    );
    fs.writeFileSync(path.join(tree, "README.md"), `# scratch\n\n${block![0]}\n`);
    const pkg = { name: "ci-run-scratch", version: "1.0.0", private: true };
    fs.writeFileSync(
      path.join(tree, "package.json"),
      JSON.stringify({ ...pkg, scripts: { demo: "node demo.js", test: "node fakeTest.js" } }),
    );
    fs.writeFileSync(
      path.join(tree, "package-lock.json"),
      JSON.stringify({ ...pkg, lockfileVersion: 3, requires: true, packages: { "": pkg } }),
    );
    fs.writeFileSync(path.join(tree, "demo.js"), "process.exit(process.env.FAKE_DEMO_FAIL ? 1 : 0);\n");
    fs.writeFileSync(
      path.join(tree, "fakeTest.js"),
      [
        'const fs = require("node:fs");',
        "const failed = Number(process.env.FAKE_FAILED ?? 0);",
        "if (process.env.FAKE_NO_RESULTS) process.exit(2);",
        "fs.writeFileSync(process.env.CI_JEST_RESULTS, JSON.stringify({ numTotalTests: 4 + failed, numPassedTests: 4,",
        "  numFailedTests: failed, numPendingTests: 0, numTodoTests: 0, numRuntimeErrorTestSuites: 0 }));",
        `if (process.env.FAKE_LEAK) console.error(${JSON.stringify(LEAK_LINE)});`,
        "process.exit(failed ? 1 : 0);",
        "",
      ].join("\n"),
    );
  });

  afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));

  function ciRun(env: Record<string, string>): { status: number | null; lastLine: string; stdout: string } {
    // Not the outer run's results file, when this test itself runs under CI's `npm test`.
    const { CI_JEST_RESULTS: _outer, ...outerEnv } = process.env;
    const run = spawnSync("bash", [path.join(tree, ".ci", "run")], {
      cwd: tree,
      encoding: "utf8",
      env: {
        ...outerEnv,
        CI_COMPAT_PASSES: "",
        npm_config_offline: "true",
        npm_config_audit: "false",
        npm_config_fund: "false",
        npm_config_update_notifier: "false",
        ...env,
      },
    });
    const lines = run.stdout.trimEnd().split("\n");
    return { status: run.status, lastLine: lines[lines.length - 1]!, stdout: run.stdout };
  }

  it("all green: the demo counts as one step, the last line sums, exit 0", () => {
    const run = ciRun({});
    expect(run.lastLine).toBe("5 passed, 0 failed");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("$ npm ci && npm run demo");
    expect(run.stdout).toContain("demo (npm ci && npm run demo): 1 passed, 0 failed");
  });

  it("failed tests and a leaked handle each count, and the run fails", () => {
    const run = ciRun({ FAKE_FAILED: "2", FAKE_LEAK: "1" });
    expect(run.lastLine).toBe("5 passed, 3 failed");
    expect(run.status).not.toBe(0);
  });

  it("a leaked handle alone fails a green run", () => {
    const run = ciRun({ FAKE_LEAK: "1" });
    expect(run.lastLine).toBe("5 passed, 1 failed");
    expect(run.status).not.toBe(0);
  });

  it("a failing demo, and a test command that fails before jest writes results, each count one failed", () => {
    expect(ciRun({ FAKE_DEMO_FAIL: "1" })).toMatchObject({ lastLine: "4 passed, 1 failed", status: 1 });
    expect(ciRun({ FAKE_NO_RESULTS: "1" })).toMatchObject({ lastLine: "1 passed, 1 failed", status: 1 });
  });

  it("a README without the fresh-machine block fails at once with a plain count", () => {
    const readme = path.join(tree, "README.md");
    const kept = fs.readFileSync(readme, "utf8");
    try {
      fs.writeFileSync(readme, "# scratch\n");
      expect(ciRun({})).toMatchObject({ lastLine: "0 passed, 1 failed", status: 1 });
    } finally {
      fs.writeFileSync(readme, kept);
    }
  });
});
