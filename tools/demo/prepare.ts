/**
 * Gets the demo's stack program ready, in the only order that works on a fresh clone: build `dist/` first, then run
 * the program. The program imports `pulumi-konnect-dcr`, which resolves to `dist/` (the package's self-reference), so
 * running it while the build is still writing `dist/` fails with "Cannot find module …/dist/provider/index.js".
 * Each step's failure is reported as one line with what to do (see `demoFailure.ts`).
 */
import { ensureBuilt } from "./demoBuild";
import { firstMeaningfulLine, messageOf, runStep, type StepDiagnosis } from "./demoFailure";
import { captureProgram, type CapturedProgram, type ProgramSpec } from "../engine/programCapture";

/** The two steps, replaceable in tests. */
export interface PrepareSteps {
  /** Brings `dist/` up to date; resolves true when it had to build. */
  build: () => Promise<boolean>;
  /** Runs the stack program under mocks and returns what it registered. */
  capture: (spec: ProgramSpec) => Promise<CapturedProgram>;
}

const REAL_STEPS: PrepareSteps = { build: ensureBuilt, capture: captureProgram };

/** What {@link buildThenCapture} produced. */
export interface PreparedProgram {
  program: CapturedProgram;
  /** True when `dist/` was built by this run. */
  built: boolean;
}

/** Step name of the build, as the failure line shows it. */
export const BUILD_STEP = "building the provider (dist/)";
/** Step name of the program run, as the failure line shows it. */
export const PROGRAM_STEP = "running the stack program (examples/azure-dcr)";

/**
 * Builds `dist/` when it is missing or stale, and only then runs the stack program: nothing that needs `dist/` starts
 * before the build has finished. A failed build stops here, without running the program.
 */
export async function buildThenCapture(spec: ProgramSpec, steps: PrepareSteps = REAL_STEPS): Promise<PreparedProgram> {
  const built = await runStep(BUILD_STEP, () => steps.build(), diagnoseBuild);
  const program = await runStep(PROGRAM_STEP, () => steps.capture(spec), diagnoseProgram);
  return { program, built };
}

/** The cause of a failed build: the first compiler error, or why tsc could not run. */
export function diagnoseBuild(error: unknown): StepDiagnosis {
  const message = messageOf(error);
  const errors = message.split(/\r?\n/).filter((line) => /\berror TS\d+:/.test(line));
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    return {
      reason: `${firstMeaningfulLine(errors[0]!).replace(/\.$/, "")}${more}`,
      hint: "Fix the TypeScript error in provider/, or run `npm run build` to see every error.",
    };
  }
  if (/Cannot find module '?typescript/.test(message)) {
    return { reason: "TypeScript is not installed", hint: "Run `npm ci` first." };
  }
  return { reason: firstMeaningfulLine(message), hint: "Run `npm run build` to see the compiler's output." };
}

/** The cause of a failed program run: the program's own error line, with what to do for the usual ones. */
export function diagnoseProgram(error: unknown): StepDiagnosis {
  const message = messageOf(error);
  const thrown = message
    .split(/\r?\n/)
    .map((line) => /^capture failed: (?:\w*Error: )?(.*)$/.exec(line.trim())?.[1])
    .find((line) => line !== undefined && line !== "");
  const reason = firstMeaningfulLine(thrown ?? message);
  if (/Cannot find module .*[/\\]dist[/\\]/.test(reason) || /out of date/.test(reason)) {
    return { reason, hint: "Run `npm run build`, then `npm run demo` again." };
  }
  if (/Cannot find module/.test(reason)) return { reason, hint: "Run `npm ci`, then `npm run demo` again." };
  return { reason, hint: "The program's full output is in the details." };
}
