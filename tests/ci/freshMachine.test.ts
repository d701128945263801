/**
 * The README's "Fresh machine" commands are CI's first two steps, exactly as written: `.ci/run --print-steps` lists
 * what CI runs, in order, and its first two lines must be the README block's lines, character for character. The
 * block itself is read here independently of CI's own reader (.ci/freshMachine.js), and that reader refuses a README
 * whose block no longer holds the demo and the test command.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CI helper is plain CommonJS run by node
const reader = require("../../.ci/freshMachine.js") as {
  freshMachineCommands: (markdown: string) => string[];
  commandPart: (line: string) => string;
  shapeProblem: (commands: string[]) => string | undefined;
};

/** The lines of the README's "Fresh machine" sh block, read with a plain regular expression. */
function readmeBlock(): string[] {
  const block = /^## Fresh machine\n\n```sh\n([\s\S]*?)\n```$/m.exec(README);
  if (!block) throw new Error('README.md has no "## Fresh machine" sh block right under the heading');
  return block[1]!.split("\n");
}

describe("README's fresh-machine commands are what CI runs first", () => {
  it("the README shows the demo, then the tests, each after npm ci", () => {
    expect(readmeBlock().map((line) => line.replace(/\s+#.*$/, ""))).toEqual([
      "npm ci && npm run demo",
      "npm ci && npm test",
    ]);
  });

  it("CI's first two steps are those lines, verbatim, then the compatibility passes", () => {
    const { CI_COMPAT_PASSES: _passes, ...env } = process.env; // the whole run's steps, not a local selection
    const steps = execFileSync("bash", [path.join(ROOT, ".ci", "run"), "--print-steps"], { encoding: "utf8", env })
      .trimEnd()
      .split("\n");
    expect(steps.slice(0, 2)).toEqual(readmeBlock());
    expect(steps.slice(2)).toEqual(["bash .ci/compat node22", "bash .ci/compat node24", "bash .ci/compat oldest"]);
  });

  it("CI's reader refuses a README whose block lost a command or changed their order", () => {
    const block = readmeBlock();
    expect(reader.shapeProblem(block)).toBeUndefined();
    expect(reader.shapeProblem([block[0]!])).toBe("expected 2 commands in the block, found 1");
    expect(reader.shapeProblem([block[1]!, block[0]!])).toBe("the first command must end with `npm run demo`");
    expect(reader.shapeProblem([block[0]!, "npm ci && npm test -- --json"])).toBe(
      "the second command must end with `npm test`",
    );
    expect(reader.commandPart(block[0]!)).toBe("npm ci && npm run demo");

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fresh-machine-"));
    try {
      const edited = path.join(dir, "README.md");
      fs.writeFileSync(edited, README.replace(`${block[1]!}\n`, ""));
      const run = spawnSync(process.execPath, [path.join(ROOT, ".ci", "freshMachine.js"), edited], {
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`${edited}, "Fresh machine" block: expected 2 commands in the block, found 1\n`);
      fs.writeFileSync(edited, README.replace("## Fresh machine", "## Getting started"));
      const missing = spawnSync(process.execPath, [path.join(ROOT, ".ci", "freshMachine.js"), edited], {
        encoding: "utf8",
      });
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('no "## Fresh machine" heading');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
