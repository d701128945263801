/**
 * Plain-text report of a run: one block per check (status, what was checked, what was seen, what to do), then a
 * summary line. Every line goes through the redactor.
 */
import type { CheckResult } from "./checks";
import type { Redactor } from "./redact";

const LABEL = { pass: "PASS", fail: "FAIL", skip: "SKIP" } as const;

/** Renders the results as lines of text. */
export function renderReport(results: readonly CheckResult[], redact: Redactor): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${LABEL[r.status]}  ${r.title}`);
    lines.push(`      ${r.detail}`);
    if (r.status === "fail" && r.fix !== undefined) lines.push(`      What to do: ${r.fix}`);
  }
  const count = (s: CheckResult["status"]) => results.filter((r) => r.status === s).length;
  const failed = count("fail");
  lines.push("");
  lines.push(
    failed === 0
      ? `All ${count("pass")} checks passed: the application can call the API through Konnect DCR.`
      : `${failed} of ${results.length} checks failed (${count("pass")} passed, ${count("skip")} skipped).`,
  );
  return lines.map(redact).join("\n") + "\n";
}

/** Exit code for a run: 0 when nothing failed, 1 otherwise. */
export function exitCodeOf(results: readonly CheckResult[]): number {
  return results.some((r) => r.status === "fail") ? 1 : 0;
}
