/**
 * Plugin-host CPU per resource: N auth strategies created through the real plugin host by our provider and by the
 * fetch-only baseline provider making exactly the same HTTP requests (floors.ts), with zero latency, interleaved
 * (ours, baseline, baseline, ours, …), median of the rounds. The ratio is what our provider code costs inside the
 * host beyond the requests themselves. One more profiled run of each shows where the difference goes.
 */
import * as path from "node:path";
import type { KonnectEmulator } from "../emulator/emulator";
import { profilingWrapper, summarizeProfile, type ProfileSummary } from "./cpuProfile";
import type { GoalRow, SectionResult } from "./goals";
import { baselineVariant, exactlyTheFloor, providerTexts, scaleRun, type ScaleRun, type ScaleVariant } from "./scale";
import { median, round } from "./stats";

/** Goal: our host CPU per resource at most this many times the baseline's. */
export const HOST_CPU_RATIO_GOAL = 1.3;

/** Measures host CPU per resource, `rounds` runs of `n` creates per variant at `concurrency`, then profiles. */
export async function runHostCpu(
  emulator: KonnectEmulator,
  workDir: string,
  options: { n?: number; rounds?: number; concurrency?: number } = {},
): Promise<SectionResult> {
  const n = options.n ?? 200;
  const rounds = options.rounds ?? 3;
  const concurrency = options.concurrency ?? 8;
  const ours: ScaleVariant = { kind: "ours", texts: await providerTexts() };
  const baseline = await baselineVariant();
  const runs: Record<"ours" | "baseline", ScaleRun[]> = { ours: [], baseline: [] };
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? [ours, baseline] : [baseline, ours];
    for (const variant of order) runs[variant.kind].push(await scaleRun(emulator, variant, n, concurrency, 0));
  }
  const cpu = (kind: "ours" | "baseline") => median(runs[kind].map((r) => r.hostCpuMsPerResource));
  const oursCpu = cpu("ours");
  const baseCpu = cpu("baseline");
  const ratio = oursCpu / baseCpu;
  const correct = [...runs.ours, ...runs.baseline].every(exactlyTheFloor);

  const profiles: Partial<Record<"ours" | "baseline", ProfileSummary>> = {};
  for (const variant of [ours, baseline]) {
    const dir = path.join(workDir, `profile-${variant.kind}`);
    await scaleRun(emulator, variant, n, concurrency, 0, { wrapper: profilingWrapper(dir) });
    profiles[variant.kind] = summarizeProfile(dir);
  }
  const perResource = (p: ProfileSummary | undefined, origin: string) =>
    round((p?.byOrigin.find((o) => o.name === origin)?.ms ?? 0) / n, 2);
  const origins = [
    ...new Set([...(profiles.ours?.byOrigin ?? []), ...(profiles.baseline?.byOrigin ?? [])].map((o) => o.name)),
  ];
  const breakdown = origins
    .map((o) => ({ origin: o, oursMs: perResource(profiles.ours, o), baselineMs: perResource(profiles.baseline, o) }))
    .sort((a, b) => b.oursMs - b.baselineMs - (a.oursMs - a.baselineMs));
  const extra = breakdown
    .filter((b) => b.oursMs - b.baselineMs >= 0.05)
    .slice(0, 4)
    .map((b) => `${b.origin} +${round(b.oursMs - b.baselineMs, 2)}`)
    .join(", ");

  const rows: GoalRow[] = [
    {
      section: "Plugin-host CPU",
      metric: `host CPU per resource, N=${n} creates, parallelism ${concurrency}, median of ${rounds} (ours / fetch-only baseline, same requests)`,
      measured: `${oursCpu} / ${baseCpu} ms = ${round(ratio)}x`,
      goal: `≤ ${HOST_CPU_RATIO_GOAL}x`,
      met: ratio <= HOST_CPU_RATIO_GOAL && correct,
      note:
        `profiled, ms/resource above the baseline: ${extra || "nothing measurable"}; ` +
        `busy ${round((profiles.ours?.busyMs ?? 0) / n, 2)} / ${round((profiles.baseline?.busyMs ?? 0) / n, 2)} ms/resource under the profiler` +
        (correct ? "" : "; NOT every run made exactly the floor's requests"),
    },
  ];
  return {
    rows,
    data: {
      n,
      rounds,
      concurrency,
      hostCpuMsPerResource: {
        ours: runs.ours.map((r) => r.hostCpuMsPerResource),
        baseline: runs.baseline.map((r) => r.hostCpuMsPerResource),
      },
      ratio: round(ratio, 3),
      profileMsPerResource: breakdown,
      oursTopFunctions: profiles.ours?.oursTop ?? [],
      profiles,
    },
  };
}
