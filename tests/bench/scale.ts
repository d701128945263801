/**
 * Scale: N auth strategies sharing one DCR provider, created through the real plugin host by driving Check + Create
 * RPCs directly with `ProviderClient` at the CLI's default concurrency (what the engine does for independent
 * resources), against the emulator with 25 ms latency. Reports wall time against the ideal
 * `ceil(N / concurrency) × latency`, the host's peak memory (VmHWM of its node process), time per resource and
 * linearity, and the exact request count (N + 1 POSTs). The throttled variant adds a token-bucket rate limit
 * answering 429 with `Retry-After` and compares with the limit's floor `N / rate`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import { providers } from "../../provider";
import { processGroupMembers, startPluginHost } from "../engine/pluginHost";
import { makeUrn, ProviderClient, type StackConfig } from "../engine/providerClient";
import type { KonnectEmulator, RequestLogEntry } from "../konnect-emulator/emulator";
import type { GoalRow, SectionResult } from "./goals";
import { serializeProvider } from "./startup";
import { linearFit, now, round, runPool } from "./stats";
import { BENCH_ISSUER, BENCH_TOKEN } from "./support";

/** Goal: wall time at most this many times its floor. */
export const SCALE_RATIO_GOAL = 1.25;
/** Goal: marginal cost per resource of the last step at most this many times that of the previous step. */
export const LINEARITY_GOAL = 1.25;

/**
 * The Pulumi CLI's default `--parallel`: 4 × GOMAXPROCS (= logical CPUs), unless PULUMI_PARALLEL is set.
 * Source: pulumi/pulumi pkg/cmd/pulumi/operations/up.go `defaultParallel()` (see pulumi/pulumi#14989).
 */
export function cliDefaultParallel(): number {
  const fromEnv = Number(process.env.PULUMI_PARALLEL);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 4 * os.availableParallelism();
}

/** Pid of the node process (the dynamic-provider script) in a plugin host's process group; the group leader is sh. */
export function hostNodePid(pgid: number): number | undefined {
  return processGroupMembers(pgid).find((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("dynamic-provider");
    } catch {
      return false; // exited while we looked
    }
  });
}

/** Peak resident memory (VmHWM, KiB) of a process. */
export function peakKiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return match?.[1] ? Number(match[1]) : undefined;
}

/** CPU time (user + system, ms) a process has used, from /proc/<pid>/stat (clock ticks of 10 ms). */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Outcome of one scale run. */
export interface ScaleRun {
  n: number;
  concurrency: number;
  latencyMs: number;
  rateLimit: { requestsPerSecond: number; retryAfterSeconds: number } | null;
  wallMs: number;
  floorMs: number;
  ratio: number;
  msPerResource: number;
  hostPeakMiB: number | undefined;
  /** CPU the plugin host spent per resource during the timed part. */
  hostCpuMsPerResource: number;
  /** CPU this process (gRPC client and the in-process emulator) spent per resource. */
  benchCpuMsPerResource: number;
  posts2xx: number;
  posts429: number;
  failures: number;
  strategiesStored: number;
  uniqueNames: number;
}

const STRATEGY_TYPE = "pulumi-nodejs:dynamic/konnect:AuthStrategy";
const DCR_TYPE = "pulumi-nodejs:dynamic/konnect:DcrProvider";

/** Creates one DCR provider and N strategies using it, through a fresh plugin host. */
export async function scaleRun(
  emulator: KonnectEmulator,
  texts: { dcr: string; strategy: string },
  n: number,
  concurrency: number,
  latencyMs: number,
  rateLimit: ScaleRun["rateLimit"] = null,
): Promise<ScaleRun> {
  emulator.reset();
  emulator.setOptions({ latencyMs, rateLimit: null });
  const config: StackConfig = { "konnect:token": { secret: BENCH_TOKEN }, "konnect:serverUrl": emulator.url };
  const host = await startPluginHost({ project: "bench" });
  const client = new ProviderClient(host.port);
  try {
    await client.configure(config);
    const dcrUrn = makeUrn("dev", "bench", DCR_TYPE, "shared-dcr");
    const dcrInputs = {
      name: "shared-dcr",
      providerType: "azureAd",
      issuer: BENCH_ISSUER,
      dcrConfig: { initialClientId: "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5", initialClientSecret: "bench-secret" },
      __provider: texts.dcr,
    };
    const dcrChecked = await client.check(dcrUrn, {}, dcrInputs);
    const dcr = await client.create(dcrUrn, dcrChecked.inputs);
    if (rateLimit) emulator.setOptions({ rateLimit }); // a fresh, full bucket for the timed part

    let failures = 0;
    const nodePid = hostNodePid(host.pid);
    const hostCpuBefore = cpuMs(nodePid);
    const benchCpuBefore = process.cpuUsage();
    const started = now();
    await runPool(n, concurrency, async (i) => {
      const name = `strategy-${String(i).padStart(4, "0")}`;
      const urn = makeUrn("dev", "bench", STRATEGY_TYPE, name);
      try {
        const checked = await client.check(
          urn,
          {},
          {
            name,
            displayName: name,
            strategyType: "openid_connect",
            openidConnect: {
              issuer: BENCH_ISSUER,
              credentialClaim: ["appid"],
              scopes: ["openid"],
              authMethods: ["client_credentials", "bearer", "session"],
            },
            dcrProviderId: dcr.id,
            __provider: texts.strategy,
          },
        );
        if (checked.failures.length > 0) throw new Error(JSON.stringify(checked.failures));
        await client.create(urn, checked.inputs);
      } catch {
        failures++;
      }
    });
    const wallMs = now() - started;
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const hostCpu = cpuMs(nodePid) - hostCpuBefore;
    const peak = peakKiB(nodePid);
    const log: RequestLogEntry[] = emulator.requestLog();
    const posts = log.filter((r) => r.method === "POST");
    const stored = emulator.list("application-auth-strategies");
    const floorMs = rateLimit ? (n / rateLimit.requestsPerSecond) * 1000 : Math.ceil(n / concurrency) * latencyMs;
    return {
      n,
      concurrency,
      latencyMs,
      rateLimit,
      wallMs: round(wallMs, 1),
      floorMs: round(floorMs, 1),
      ratio: round(wallMs / floorMs, 3),
      msPerResource: round(wallMs / n, 3),
      hostPeakMiB: peak === undefined ? undefined : round(peak / 1024, 1),
      hostCpuMsPerResource: round(hostCpu / n, 2),
      benchCpuMsPerResource: round((benchCpu.user + benchCpu.system) / 1000 / n, 2),
      posts2xx: posts.filter((r) => r.status >= 200 && r.status < 300).length,
      posts429: posts.filter((r) => r.status === 429).length,
      failures,
      strategiesStored: stored.length,
      uniqueNames: new Set(stored.map((o) => (o as { name?: unknown }).name)).size,
    };
  } finally {
    client.close();
    await host.stop();
    emulator.setOptions({ latencyMs: 0, rateLimit: null });
  }
}

/** Provider texts serialized like `dynamic.Resource` does. */
export async function providerTexts(): Promise<{ dcr: string; strategy: string }> {
  return {
    dcr: await serializeProvider(providers.dcrProvider),
    strategy: await serializeProvider(providers.authStrategy),
  };
}

/**
 * Scale at N = sizes with 25 ms latency, then the throttled run. The default limit (10 req/s) sits well below what
 * the unthrottled pipeline reaches on a loaded 2-core box, so the limiter, not CPU, is what the throttled run measures;
 * the row says whether any 429 was actually answered.
 */
export async function runScale(
  emulator: KonnectEmulator,
  options: {
    sizes?: number[];
    latencyMs?: number;
    throttled?: { n: number; requestsPerSecond: number; retryAfterSeconds: number };
  } = {},
): Promise<SectionResult> {
  const sizes = options.sizes ?? [10, 100, 500];
  const latencyMs = options.latencyMs ?? 25;
  const throttled = options.throttled ?? { n: 60, requestsPerSecond: 10, retryAfterSeconds: 1 };
  const concurrency = cliDefaultParallel();
  const texts = await providerTexts();
  const runs: ScaleRun[] = [];
  for (const n of sizes) runs.push(await scaleRun(emulator, texts, n, concurrency, latencyMs));
  const limited = await scaleRun(emulator, texts, throttled.n, concurrency, latencyMs, {
    requestsPerSecond: throttled.requestsPerSecond,
    retryAfterSeconds: throttled.retryAfterSeconds,
  });

  const fit = linearFit(
    runs.map((r) => r.n),
    runs.map((r) => r.wallMs),
  );
  const marginal = runs.slice(1).map((r, i) => (r.wallMs - runs[i]!.wallMs) / (r.n - runs[i]!.n));
  const marginalRatio = marginal.length >= 2 ? marginal.at(-1)! / marginal.at(-2)! : 1;
  const correct = (r: ScaleRun) =>
    r.failures === 0 && r.posts2xx === r.n + 1 && r.strategiesStored === r.n && r.uniqueNames === r.n;

  const rows: GoalRow[] = runs.map((r) => ({
    section: "Scale",
    metric: `N=${r.n} strategies, ${r.latencyMs} ms latency, concurrency ${r.concurrency}`,
    measured: `${r.wallMs} ms vs ideal ${r.floorMs} ms = ${r.ratio}x`,
    goal: `≤ ${SCALE_RATIO_GOAL}x, N+1 POSTs`,
    met: r.ratio <= SCALE_RATIO_GOAL && correct(r),
    note: `${r.msPerResource} ms/resource (CPU: host ${r.hostCpuMsPerResource}, bench ${r.benchCpuMsPerResource} ms/resource); host peak ${r.hostPeakMiB ?? "?"} MiB; ${r.posts2xx} POSTs (N+1 = ${r.n + 1}); ${r.failures} failures`,
  }));
  rows.push({
    section: "Scale",
    metric: `linearity over N=${sizes.join(", ")}`,
    measured: `marginal ${marginal.map((m) => round(m, 2)).join(" → ")} ms/resource (last/previous ${round(marginalRatio)}x); R² ${round(fit.r2, 4)}`,
    goal: `last/previous ≤ ${LINEARITY_GOAL}x`,
    met: marginalRatio <= LINEARITY_GOAL,
    note: `fit: ${round(fit.intercept, 1)} ms + ${round(fit.slope, 3)} ms × N; host peak ${runs.map((r) => r.hostPeakMiB).join(" / ")} MiB`,
  });
  rows.push({
    section: "Throttled scale",
    metric: `N=${limited.n}, ${throttled.requestsPerSecond} req/s limit (429 + Retry-After ${throttled.retryAfterSeconds} s)`,
    measured: `${limited.wallMs} ms vs floor ${limited.floorMs} ms = ${limited.ratio}x`,
    goal: `≤ ${SCALE_RATIO_GOAL}x, 0 failures, 0 duplicates`,
    met: limited.ratio <= SCALE_RATIO_GOAL && correct(limited),
    note:
      `limit engaged: ${limited.posts429 > 0 ? "yes" : "no"}; ${limited.failures} failures; ${limited.strategiesStored} stored, ${limited.uniqueNames} unique names; ` +
      `${limited.posts2xx} POSTs 2xx + ${limited.posts429} answered 429; host CPU ${limited.hostCpuMsPerResource} ms/resource; host peak ${limited.hostPeakMiB ?? "?"} MiB`,
  });
  return {
    rows,
    data: {
      method:
        "Check + Create RPCs driven directly through ProviderClient with bounded concurrency (one fresh plugin host per N)",
      concurrency,
      concurrencySource:
        "Pulumi CLI default --parallel = 4 × GOMAXPROCS (logical CPUs) unless PULUMI_PARALLEL is set: pulumi/pulumi pkg/cmd/pulumi/operations/up.go defaultParallel() (pulumi/pulumi#14989)",
      runs,
      linearity: {
        marginalMsPerResource: marginal.map((m) => round(m, 3)),
        marginalRatio: round(marginalRatio, 3),
        fit,
      },
      throttled: limited,
    },
  };
}
