/**
 * How the demo reports a failure: one readable line saying which step failed, the cause and what to do. The full
 * details (stack traces, the program's output, the compiler's errors) are printed only on request, with
 * `npm run demo -- --verbose` or `DEMO_VERBOSE=1`, so a newcomer's first failure is a sentence, not a stack trace.
 */

/** How to ask for the details, as printed at the end of every failure line. */
export const VERBOSE_HINT = "Full details: npm run demo -- --verbose (or DEMO_VERBOSE=1).";

/** Longest cause kept in the one line (a cause is cut, never wrapped). */
const MAX_REASON = 300;

/** A demo step that failed: what it was doing, the cause in one line, what to do, and the full details. */
export class DemoStepError extends Error {
  constructor(
    /** What the demo was doing, e.g. `building the provider (dist/)`. */
    readonly step: string,
    /** The cause, one line. */
    readonly reason: string,
    /** What to do about it, one sentence. */
    readonly hint: string,
    /** Everything known about the failure (multi-line), for `--verbose`. */
    readonly details: string,
  ) {
    super(`${step}: ${reason}`);
    this.name = "DemoStepError";
  }
}

/** How a step turns its error into a cause and a hint. */
export interface StepDiagnosis {
  reason: string;
  hint: string;
}

/**
 * Runs one step of the demo; any error it throws becomes a {@link DemoStepError} named after the step, with the cause
 * and the hint `diagnose` finds in it (default: the first meaningful line of the message, and no hint beyond the
 * details).
 */
export async function runStep<T>(
  step: string,
  action: () => Promise<T>,
  diagnose: (error: unknown) => StepDiagnosis = (error) => ({
    reason: firstMeaningfulLine(messageOf(error)),
    hint: "",
  }),
): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DemoStepError) throw error;
    const { reason, hint } = diagnose(error);
    throw new DemoStepError(step, reason, hint, detailsOf(error));
  }
}

/** The error's message (or its text for non-errors). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The error's stack (falling back to its message), for the details. */
function detailsOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * The first line of `text` that says something: not blank, not a stack frame (`at …`), not a line that only
 * introduces what follows (ending with `:`) when more follows. Whitespace is collapsed and the line is cut at
 * {@link MAX_REASON} characters.
 */
export function firstMeaningfulLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "" && !/^at /.test(line));
  const line = lines.find((candidate, i) => !(candidate.endsWith(":") && i < lines.length - 1)) ?? "unknown error";
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}

/** The one line printed for a failure (no line break inside). */
export function failureLine(error: unknown): string {
  const parts =
    error instanceof DemoStepError
      ? [`The demo failed while ${error.step}: ${trimStop(error.reason)}.`, sentence(error.hint)]
      : [`The demo failed: ${trimStop(firstMeaningfulLine(messageOf(error)))}.`, "This is a bug in the demo."];
  return [...parts, VERBOSE_HINT]
    .filter((part) => part !== "")
    .join(" ")
    .replace(/\s+/g, " ");
}

function trimStop(text: string): string {
  return text.replace(/[.\s]+$/, "");
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === "" || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What to print for a failure: the details first when verbose, then always the one line last. */
export function failureReport(error: unknown, verbose: boolean): string {
  const line = failureLine(error);
  if (!verbose) return `${line}\n`;
  const details = error instanceof DemoStepError ? error.details : detailsOf(error);
  return `${details.trimEnd()}\n\n${line}\n`;
}

/** True when the details were asked for: `--verbose` among the arguments, or `DEMO_VERBOSE` set to 1 or true. */
export function wantsVerbose(argv: readonly string[], env: Record<string, string | undefined>): boolean {
  return argv.includes("--verbose") || /^(1|true|yes)$/i.test(env.DEMO_VERBOSE ?? "");
}
