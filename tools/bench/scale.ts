/**
 * Scale: N auth strategies sharing one DCR provider, created through the real plugin host by driving Check + Create
 * RPCs directly with `ProviderClient` at a given concurrency (what the engine does for independent resources, up to
 * its `--parallel`), against the emulator with a fixed latency per request. Each create carries its creation key, as
 * a program's does, so it makes the floor's round trips (a lookup, then the POST). Reports wall time against the ideal
 * `ceil(N / concurrency) × latency × round trips per create`, the host's peak memory (VmHWM of its node process), CPU per resource, linearity,
 * and the exact request count (N + 1 POSTs, see floors.ts). The goal rows use 100 ms latency (a typical Konnect round
 * trip from a CI runner) at parallelism 8 and 16; the 25 ms rows at the CLI's default parallelism are kept as
 * reported figures (on two shared cores they measure the machine). The throttled variant adds a token-bucket rate
 * limit answering 429 with `Retry-After` and compares with the limit's floor `requests / rate`.
 *
 * The same runner drives the fetch-only baseline provider (`variant: "baseline"`) for the plugin-host CPU section.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import { providers } from "../../provider";
import { processGroupMembers, startPluginHost } from "../engine/pluginHost";
import type { JsonValue, PropertyMap } from "../engine/encoding";
import { makeUrn, ProviderClient, type StackConfig } from "../engine/providerClient";
import type { KonnectEmulator, RequestLogEntry } from "../emulator/emulator";
import type { GoalRow, SectionResult } from "./goals";
import { serializeProvider } from "./startup";
import { baselineCreateRequests, createFloor, createPostFloor } from "./floors";
import { fetchRequestsProvider } from "./fetchProvider";
import { linearFit, now, round, runPool } from "./stats";
import { BENCH_ISSUER, BENCH_TOKEN } from "./support";
import { CREATION_KEY_INPUT, baseCreationKey } from "../../provider/resources/core/creationKey";

/** Goal: wall time at 100 ms latency at most this many times the latency ideal. */
export const SCALE_RATIO_GOAL = 1.15;
/** Goal: throttled wall time at most this many times the rate limit's floor. */
export const THROTTLED_RATIO_GOAL = 1.25;
/** Latency of the goal rows: a typical Konnect round trip from a CI runner. */
export const SCALE_LATENCY_MS = 100;
/** Parallelism of the goal rows (the CLI default on 2 and 4 CPUs). */
export const SCALE_CONCURRENCY = [8, 16];
/** Sizes of every scale series. */
export const SCALE_SIZES = [10, 100, 500];
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
  /** Provider whose creates were timed. */
  variant: ScaleVariant["kind"];
  posts2xx: number;
  posts429: number;
  /** Every request answered 2xx (POSTs and any lists). */
  requests2xx: number;
  failures: number;
  strategiesStored: number;
  uniqueNames: number;
}

const STRATEGY_TYPE = "pulumi-nodejs:dynamic/konnect:AuthStrategy";
const DCR_TYPE = "pulumi-nodejs:dynamic/konnect:DcrProvider";

/** Which provider creates the strategies: ours, or the fetch-only baseline making the same requests. */
export type ScaleVariant = { kind: "ours"; texts: ProviderTexts } | { kind: "baseline"; text: string };

/** Serialized provider texts of the DCR provider and auth strategy resources. */
export interface ProviderTexts {
  dcr: string;
  strategy: string;
}

/** Options of one scale run. */
export interface ScaleRunOptions {
  rateLimit?: ScaleRun["rateLimit"];
  /** Plugin-host wrapper script to start instead of the SDK's (profiling). */
  wrapper?: string;
}

const DCR_INPUTS = {
  name: "shared-dcr",
  providerType: "azureAd",
  issuer: BENCH_ISSUER,
  dcrConfig: { initialClientId: "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5", initialClientSecret: "bench-secret" },
};

/** The creation key a program passes for the resource (so each create makes its lookup, as in a real `up`). */
function keyOf(urn: string): Record<string, string> {
  return { [CREATION_KEY_INPUT]: baseCreationKey({ urn, organization: "organization" }) };
}

/** Our declared strategy inputs (camelCase, as a program declares them). */
function strategyInputs(name: string, dcrProviderId: string): Record<string, unknown> {
  return {
    name,
    displayName: name,
    strategyType: "openid_connect",
    openidConnect: {
      issuer: BENCH_ISSUER,
      credentialClaim: ["appid"],
      scopes: ["openid"],
      authMethods: ["client_credentials", "bearer", "session"],
    },
    dcrProviderId,
  };
}

/** The wire body our create POSTs for {@link strategyInputs} (Kong's contract), for the baseline to send as is. */
function strategyWireBody(name: string, dcrProviderId: string): Record<string, unknown> {
  return {
    name,
    display_name: name,
    strategy_type: "openid_connect",
    configs: {
      "openid-connect": {
        issuer: BENCH_ISSUER,
        credential_claim: ["appid"],
        scopes: ["openid"],
        auth_methods: ["client_credentials", "bearer", "session"],
      },
    },
    dcr_provider_id: dcrProviderId,
    labels: { "pulumi-create-id": "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5" },
  };
}

/** Creates one DCR provider and N strategies using it, through a fresh plugin host. */
export async function scaleRun(
  emulator: KonnectEmulator,
  variant: ScaleVariant,
  n: number,
  concurrency: number,
  latencyMs: number,
  options: ScaleRunOptions = {},
): Promise<ScaleRun> {
  const rateLimit = options.rateLimit ?? null;
  emulator.reset();
  emulator.setOptions({ latencyMs, rateLimit: null });
  const config: StackConfig = { "konnect:token": { secret: BENCH_TOKEN }, "konnect:serverUrl": emulator.url };
  const host = await startPluginHost({ project: "bench", wrapper: options.wrapper });
  const client = new ProviderClient(host.port);
  try {
    await client.configure(config);
    let dcrId: string;
    if (variant.kind === "ours") {
      const dcrUrn = makeUrn("dev", "bench", DCR_TYPE, "shared-dcr");
      const dcrChecked = await client.check(
        dcrUrn,
        {},
        { ...DCR_INPUTS, ...keyOf(dcrUrn), __provider: variant.texts.dcr },
      );
      dcrId = (await client.create(dcrUrn, dcrChecked.inputs)).id;
    } else {
      dcrId = await postDcrProvider(emulator.url);
    }
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
        const inputs =
          variant.kind === "ours"
            ? { ...strategyInputs(name, dcrId), ...keyOf(urn), __provider: variant.texts.strategy }
            : {
                url: emulator.url,
                token: BENCH_TOKEN,
                name,
                requests: baselineCreateRequests(
                  "/v2/application-auth-strategies",
                  name,
                  strategyWireBody(name, dcrId),
                ) as unknown as JsonValue,
                __provider: variant.text,
              };
        const checked = await client.check(urn, {}, inputs as PropertyMap);
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
    // Every create makes the floor's round trips one after another (a lookup by creation key, then the POST).
    const floorMs = rateLimit
      ? (createFloor(n) / rateLimit.requestsPerSecond) * 1000
      : Math.ceil(n / concurrency) * latencyMs * createFloor(1);
    return {
      n,
      concurrency,
      latencyMs,
      rateLimit,
      wallMs: round(wallMs, 1),
      floorMs: round(floorMs, 1),
      ratio: round(wallMs / floorMs, 3),
      variant: variant.kind,
      msPerResource: round(wallMs / n, 3),
      hostPeakMiB: peak === undefined ? undefined : round(peak / 1024, 1),
      hostCpuMsPerResource: round(hostCpu / n, 2),
      benchCpuMsPerResource: round((benchCpu.user + benchCpu.system) / 1000 / n, 2),
      posts2xx: posts.filter((r) => r.status >= 200 && r.status < 300).length,
      posts429: posts.filter((r) => r.status === 429).length,
      requests2xx: log.filter((r) => r.status >= 200 && r.status < 300).length,
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

/** Creates the shared DCR provider directly over HTTP (the baseline's setup, outside the timed part). */
async function postDcrProvider(url: string): Promise<string> {
  const body = {
    name: DCR_INPUTS.name,
    provider_type: "azureAd",
    issuer: BENCH_ISSUER,
    dcr_config: {
      initial_client_id: DCR_INPUTS.dcrConfig.initialClientId,
      initial_client_secret: DCR_INPUTS.dcrConfig.initialClientSecret,
    },
  };
  // The same create floor as ours (a lookup by name, then the POST), so both variants make the same requests.
  let id = "";
  for (const request of baselineCreateRequests("/v2/dcr-providers", DCR_INPUTS.name, body)) {
    const response = await fetch(`${url}${request.path}`, {
      method: request.method,
      headers: { Authorization: `Bearer ${BENCH_TOKEN}`, "Content-Type": "application/json" },
      body: request.method === "POST" ? JSON.stringify(request.body) : undefined,
    });
    if (response.status >= 300) {
      throw new Error(`baseline DCR provider: HTTP ${response.status} ${await response.text()}`);
    }
    if (request.method === "POST") id = ((await response.json()) as { id: string }).id;
  }
  return id;
}

/** Provider texts serialized like `dynamic.Resource` does. */
export async function providerTexts(): Promise<ProviderTexts> {
  return {
    dcr: await serializeProvider(providers.dcrProvider),
    strategy: await serializeProvider(providers.authStrategy),
  };
}

/** The fetch-only baseline's variant. */
export async function baselineVariant(): Promise<ScaleVariant> {
  return { kind: "baseline", text: await serializeProvider(fetchRequestsProvider) };
}

/** Exactly the requests N strategies and their DCR provider need, all answered, nothing failed or duplicated. */
export function exactlyTheFloor(r: ScaleRun): boolean {
  return (
    r.failures === 0 &&
    r.posts2xx === createPostFloor(r.n + 1) &&
    r.requests2xx === createFloor(r.n + 1) &&
    r.strategiesStored === r.n &&
    r.uniqueNames === r.n
  );
}

const requestNote = (r: ScaleRun) =>
  `${r.posts2xx} POSTs (N+1 = ${r.n + 1})` +
  (r.requests2xx !== r.posts2xx ? `, ${r.requests2xx} requests in all (floor ${createFloor(r.n + 1)})` : "") +
  `; ${r.failures} failures`;

/** A scale run as a table row (a goal row, or a reported figure when `goal` is false). */
function scaleRow(r: ScaleRun, goal: boolean): GoalRow {
  return {
    section: "Scale",
    metric: `N=${r.n} strategies, ${r.latencyMs} ms latency, parallelism ${r.concurrency}`,
    measured: `${r.wallMs} ms vs ideal ${r.floorMs} ms = ${r.ratio}x`,
    goal: goal ? `≤ ${SCALE_RATIO_GOAL}x, N+1 POSTs` : "reported",
    met: goal ? r.ratio <= SCALE_RATIO_GOAL && exactlyTheFloor(r) : null,
    note:
      `${r.msPerResource} ms/resource (CPU: host ${r.hostCpuMsPerResource}, bench ${r.benchCpuMsPerResource} ms/resource); ` +
      `host peak ${r.hostPeakMiB ?? "?"} MiB; ${requestNote(r)}`,
  };
}

/**
 * The goal series (100 ms latency, parallelism 8 and 16, N = 10, 100, 500), the 25 ms series at the CLI's default
 * parallelism (reported, and its linearity), then the throttled run. The default limit (10 req/s) sits well below
 * what the unthrottled pipeline reaches on a loaded 2-core box, so the limiter, not CPU, is what the throttled run
 * measures; the row says whether any 429 was actually answered.
 */
export async function runScale(
  emulator: KonnectEmulator,
  options: {
    sizes?: number[];
    latencyMs?: number;
    concurrency?: number[];
    reportedLatencyMs?: number;
    throttled?: { n: number; requestsPerSecond: number; retryAfterSeconds: number };
  } = {},
): Promise<SectionResult> {
  const sizes = options.sizes ?? SCALE_SIZES;
  const latencyMs = options.latencyMs ?? SCALE_LATENCY_MS;
  const reportedLatencyMs = options.reportedLatencyMs ?? 25;
  const throttled = options.throttled ?? { n: 60, requestsPerSecond: 10, retryAfterSeconds: 1 };
  const defaultParallel = cliDefaultParallel();
  const variant: ScaleVariant = { kind: "ours", texts: await providerTexts() };

  const goalRuns: ScaleRun[] = [];
  for (const concurrency of options.concurrency ?? SCALE_CONCURRENCY) {
    for (const n of sizes) goalRuns.push(await scaleRun(emulator, variant, n, concurrency, latencyMs));
  }
  const runs: ScaleRun[] = [];
  for (const n of sizes) runs.push(await scaleRun(emulator, variant, n, defaultParallel, reportedLatencyMs));
  const limited = await scaleRun(emulator, variant, throttled.n, defaultParallel, reportedLatencyMs, {
    rateLimit: { requestsPerSecond: throttled.requestsPerSecond, retryAfterSeconds: throttled.retryAfterSeconds },
  });

  const fit = linearFit(
    runs.map((r) => r.n),
    runs.map((r) => r.wallMs),
  );
  const marginal = runs.slice(1).map((r, i) => (r.wallMs - runs[i]!.wallMs) / (r.n - runs[i]!.n));
  const marginalRatio = marginal.length >= 2 ? marginal.at(-1)! / marginal.at(-2)! : 1;

  const rows: GoalRow[] = [...goalRuns.map((r) => scaleRow(r, true)), ...runs.map((r) => scaleRow(r, false))];
  rows.push({
    section: "Scale",
    metric: `linearity over N=${sizes.join(", ")} (${reportedLatencyMs} ms latency, parallelism ${defaultParallel})`,
    measured: `marginal ${marginal.map((m) => round(m, 2)).join(" → ")} ms/resource (last/previous ${round(marginalRatio)}x); R² ${round(fit.r2, 4)}`,
    goal: `last/previous ≤ ${LINEARITY_GOAL}x`,
    met: marginalRatio <= LINEARITY_GOAL,
    note: `fit: ${round(fit.intercept, 1)} ms + ${round(fit.slope, 3)} ms × N; host peak ${runs.map((r) => r.hostPeakMiB).join(" / ")} MiB`,
  });
  rows.push({
    section: "Throttled scale",
    metric: `N=${limited.n}, ${throttled.requestsPerSecond} req/s limit (429 + Retry-After ${throttled.retryAfterSeconds} s)`,
    measured: `${limited.wallMs} ms vs floor ${limited.floorMs} ms = ${limited.ratio}x`,
    goal: `≤ ${THROTTLED_RATIO_GOAL}x, 0 failures, 0 duplicates`,
    met: limited.ratio <= THROTTLED_RATIO_GOAL && exactlyTheFloor(limited),
    note:
      `limit engaged: ${limited.posts429 > 0 ? "yes" : "no"}; ${limited.failures} failures; ${limited.strategiesStored} stored, ${limited.uniqueNames} unique names; ` +
      `${limited.posts2xx} POSTs 2xx + ${limited.posts429} answered 429; host CPU ${limited.hostCpuMsPerResource} ms/resource; host peak ${limited.hostPeakMiB ?? "?"} MiB`,
  });
  return {
    rows,
    data: {
      method:
        "Check + Create RPCs driven directly through ProviderClient with bounded concurrency (one fresh plugin host per run)",
      defaultParallel,
      concurrencySource:
        "Pulumi CLI default --parallel = 4 × GOMAXPROCS (logical CPUs) unless PULUMI_PARALLEL is set: pulumi/pulumi pkg/cmd/pulumi/operations/up.go defaultParallel() (pulumi/pulumi#14989)",
      goalRuns,
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
