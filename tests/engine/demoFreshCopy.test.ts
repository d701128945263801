/**
 * `npm run demo`'s entry as a new user meets it: in a scratch copy of this tree with no `dist/` (a fresh clone after
 * `npm ci`; node_modules hard-linked from this checkout), run as its own process. It must build before it runs the
 * program (the program loads `dist/`), and a failure (here: the stack program throws, whose output is a stack trace)
 * must be one line on stderr with the step, the cause and what to do.
 */
import { spawn, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../../tools/engine/pluginHost";
import { VERBOSE_HINT } from "../../tools/demo/demoFailure";

jest.setTimeout(300_000);

/** Top-level entries never copied: installed, built or generated files, and the repository's history. */
const NOT_COPIED = new Set(["node_modules", "dist", ".git", "coverage", "bench-results", ".test-state"]);

let scratch: string;
let tree: string;
const running = new Set<number>();

/** A copy of the tree without dist/; node_modules hard-linked (copied where links are impossible). */
function freshCopy(): string {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "demo-fresh-"));
  const copy = path.join(scratch, "tree");
  fs.cpSync(REPO_ROOT, copy, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !NOT_COPIED.has(path.relative(REPO_ROOT, source).split(path.sep)[0]!),
  });
  try {
    execFileSync("cp", ["-al", path.join(REPO_ROOT, "node_modules"), path.join(copy, "node_modules")]);
  } catch {
    fs.cpSync(path.join(REPO_ROOT, "node_modules"), path.join(copy, "node_modules"), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  return copy;
}

interface DemoRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the demo's entry (what `npm run demo` runs) in the copy. With `interruptAfter`, sends Ctrl-C (SIGINT) once
 * stdout shows that text, as a user stopping the demo would.
 */
function runEntry(interruptAfter?: string): Promise<DemoRun> {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "tools/demo/demo.ts"], {
    cwd: tree,
    env: { ...process.env, DEMO_VERBOSE: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid !== undefined) running.add(child.pid);
  let stdout = "";
  let stderr = "";
  let interrupted = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (interruptAfter !== undefined && !interrupted && stdout.includes(interruptAfter)) {
      interrupted = true;
      child.kill("SIGINT");
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      if (child.pid !== undefined) running.delete(child.pid);
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(() => {
  tree = freshCopy();
});

afterAll(() => {
  for (const pid of running) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("npm run demo on a fresh copy (no dist/)", () => {
  it("builds dist/ first, then runs the program and reaches the preview", async () => {
    expect(fs.existsSync(path.join(tree, "dist"))).toBe(false);
    const run = await runEntry("1. Preview");
    expect(run.stderr).not.toContain("The demo failed");
    expect(run.stdout).toContain("Built dist/ (tsc -p tsconfig.build.json)");
    expect(run.stdout).toContain("1. Preview");
    expect(run.stdout.indexOf("Built dist/")).toBeLessThan(run.stdout.indexOf("1. Preview"));
    // Stopped by Ctrl-C during the preview (130), or finished before the signal landed (0).
    expect([0, 130]).toContain(run.code);
    expect(fs.existsSync(path.join(tree, "dist", "provider", "index.js"))).toBe(true);
  });

  it("prints one line with the step, the cause and what to do when the program fails", async () => {
    const program = path.join(tree, "examples", "azure-dcr", "index.ts");
    const original = fs.readFileSync(program, "utf8");
    fs.writeFileSync(program, `throw new Error("the stack program broke on purpose");\n${original}`);
    try {
      const run = await runEntry();
      expect(run.code).toBe(1);
      const lines = run.stderr.split("\n").filter((line) => line.trim() !== "");
      expect(lines).toEqual([
        "The demo failed while running the stack program (examples/azure-dcr): the stack program broke on purpose. " +
          `The program's full output is in the details. ${VERBOSE_HINT}`,
      ]);
      expect(run.stdout).not.toContain("1. Preview");
    } finally {
      fs.writeFileSync(program, original);
    }
  });
});
