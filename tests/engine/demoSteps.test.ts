/**
 * The demo's order of steps and how it reports a failure, with the steps replaced by fakes: the program runs only
 * after the build has finished (a fresh clone has no `dist/`, and the program loads it), a failed build stops before
 * the program, and any failure is one line with the step, the cause and what to do (details only when asked for).
 */
import { cleanUp, runDemo } from "../../tools/demo/demo";
import {
  DemoStepError,
  VERBOSE_HINT,
  failureLine,
  failureReport,
  firstMeaningfulLine,
  runStep,
  wantsVerbose,
} from "../../tools/demo/demoFailure";
import { BUILD_STEP, PROGRAM_STEP, buildThenCapture, type PrepareSteps } from "../../tools/demo/prepare";
import type { CapturedProgram, ProgramSpec } from "../../tools/engine/programCapture";

const SPEC: ProgramSpec = { program: "/repo/examples/azure-dcr/index.ts" };
const CAPTURED = { resources: [] } as unknown as CapturedProgram;

/** What today's capture error looked like on a fresh clone (message of captureProgram's rejection). */
const MISSING_DIST =
  "program /repo/examples/azure-dcr/index.ts failed (exit 1):\n" +
  "capture failed: Error: Cannot find module '/repo/dist/provider/index.js'\n" +
  "    at createEsmNotFoundErr (node:internal/modules/cjs/loader:1244:15)\n" +
  "    at Object.<anonymous> (/repo/examples/azure-dcr/index.ts:12:1)\n";

/** Fake steps that record when each starts and ends; the build finishes only when `finishBuild` is called. */
function recordingSteps(build: () => Promise<boolean>) {
  const events: string[] = [];
  const steps: PrepareSteps = {
    build: async () => {
      events.push("build started");
      const built = await build();
      events.push("build finished");
      return built;
    },
    capture: (spec) => {
      events.push(`capture started ${spec.program}`);
      return Promise.resolve(CAPTURED);
    },
  };
  return { events, steps };
}

afterAll(() => cleanUp());

describe("the demo builds dist/ before it runs the program", () => {
  it("starts the program only after the build has finished", async () => {
    let finishBuild!: (built: boolean) => void;
    const { events, steps } = recordingSteps(() => new Promise<boolean>((resolve) => (finishBuild = resolve)));
    const prepared = buildThenCapture(SPEC, steps);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(["build started"]);
    finishBuild(true);
    await expect(prepared).resolves.toEqual({ program: CAPTURED, built: true });
    expect(events).toEqual(["build started", "build finished", `capture started ${SPEC.program}`]);
  });

  it("does not run the program when the build fails, and names the first compiler error", async () => {
    const { events, steps } = recordingSteps(() =>
      Promise.reject(
        new Error(
          "build failed:\nprovider/konnect/ids.ts(9,14): error TS2322: Type 'string' is not assignable to type 'number'.\n" +
            "provider/index.ts(3,1): error TS2304: Cannot find name 'x'.\n",
        ),
      ),
    );
    const failure = await buildThenCapture(SPEC, steps).catch((error: unknown) => error);
    expect(events).toEqual(["build started"]);
    expect(failure).toBeInstanceOf(DemoStepError);
    expect(failureLine(failure)).toBe(
      `The demo failed while ${BUILD_STEP}: provider/konnect/ids.ts(9,14): error TS2322: Type 'string' is not ` +
        "assignable to type 'number' (and 1 more). Fix the TypeScript error in provider/, or run `npm run build` to " +
        `see every error. ${VERBOSE_HINT}`,
    );
  });

  it("runDemo goes through the same order: a program failure after the build stops the demo with that step", async () => {
    const { events, steps } = recordingSteps(() => Promise.resolve(false));
    steps.capture = () => Promise.reject(new Error(MISSING_DIST));
    let printed = "";
    const failure = await runDemo({ write: (text) => (printed += text), prepare: steps }).catch((e: unknown) => e);
    await cleanUp();
    expect(events).toEqual(["build started", "build finished"]);
    expect(failure).toBeInstanceOf(DemoStepError);
    expect((failure as DemoStepError).step).toBe(PROGRAM_STEP);
    expect(printed).not.toContain("1. Preview");
  });
});

describe("a demo failure is one readable line", () => {
  it("turns the fresh-clone error into the step, the cause and what to do, without the stack", async () => {
    const failure = await runStep(PROGRAM_STEP, () => Promise.reject(new Error(MISSING_DIST))).catch((e: unknown) => e);
    // The default diagnosis: the first line that says something.
    expect(failureLine(failure)).toBe(
      `The demo failed while ${PROGRAM_STEP}: capture failed: Error: Cannot find module ` +
        `'/repo/dist/provider/index.js'. ${VERBOSE_HINT}`,
    );
    const { steps } = recordingSteps(() => Promise.resolve(false));
    steps.capture = () => Promise.reject(new Error(MISSING_DIST));
    const line = failureLine(await buildThenCapture(SPEC, steps).catch((e: unknown) => e));
    expect(line).toBe(
      `The demo failed while ${PROGRAM_STEP}: Cannot find module '/repo/dist/provider/index.js'. ` +
        `Run \`npm run build\`, then \`npm run demo\` again. ${VERBOSE_HINT}`,
    );
  });

  it("prints the details (stack, program output) only when asked, and always ends with the one line", async () => {
    const { steps } = recordingSteps(() => Promise.resolve(false));
    steps.capture = () => Promise.reject(new Error(MISSING_DIST));
    const failure = await buildThenCapture(SPEC, steps).catch((e: unknown) => e);
    const quiet = failureReport(failure, false);
    expect(quiet).toBe(`${failureLine(failure)}\n`);
    expect(quiet.trimEnd().split("\n")).toHaveLength(1);
    expect(quiet).not.toMatch(/^\s+at /m);
    const verbose = failureReport(failure, true);
    expect(verbose).toContain("    at createEsmNotFoundErr");
    expect(verbose.trimEnd().split("\n").pop()).toBe(failureLine(failure));
  });

  it("reports an error outside any step (a bug) in one line too", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'steps')\n    at runDemo (demo.ts:1:1)");
    expect(failureLine(bug)).toBe(
      `The demo failed: Cannot read properties of undefined (reading 'steps'). This is a bug in the demo. ${VERBOSE_HINT}`,
    );
    expect(failureLine("a thrown string")).toBe(
      `The demo failed: a thrown string. This is a bug in the demo. ${VERBOSE_HINT}`,
    );
  });

  it("keeps the cause readable: skips blank lines, stack frames and lead-in lines, cuts long lines", () => {
    expect(firstMeaningfulLine("preview failed:\n  error: dcr: 400 Invalid Request\n  error: other")).toBe(
      "error: dcr: 400 Invalid Request",
    );
    expect(firstMeaningfulLine("\n\n    at x (y:1:1)\nonly:")).toBe("only:");
    expect(firstMeaningfulLine("")).toBe("unknown error");
    const long = firstMeaningfulLine("x".repeat(1000));
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
  });

  it("asks for the details with --verbose or DEMO_VERBOSE=1", () => {
    expect(wantsVerbose(["--verbose"], {})).toBe(true);
    expect(wantsVerbose([], { DEMO_VERBOSE: "1" })).toBe(true);
    expect(wantsVerbose([], { DEMO_VERBOSE: "true" })).toBe(true);
    expect(wantsVerbose([], { DEMO_VERBOSE: "0" })).toBe(false);
    expect(wantsVerbose([], {})).toBe(false);
  });
});
