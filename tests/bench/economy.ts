/**
 * API economy: exact Konnect request counts of the root program (`examples/azure-dcr/index.ts`, Pulumi.yaml `main`)
 * through engine-lite and the real plugin host, against the emulator's request log, each next to its floor:
 * whole-flow `up` on an empty stack, no-op `preview` and `up`, `refresh`, secret rotation (config
 * `secretRotationKey`), `destroy`, and `up` with `verify: true`.
 */
import * as path from "node:path";
import { destroy, preview, refresh, up, type CommandResult, type EngineOptions } from "../engine/engineLite";
import { REPO_ROOT } from "../engine/pluginHost";
import type { ProgramSpec } from "../engine/programCapture";
import type { StackConfig } from "../engine/providerClient";
import type { KonnectEmulator } from "../konnect-emulator/emulator";
import { BENCH_TOKEN as TOKEN } from "./support";
import type { GoalRow, SectionResult } from "./goals";
import { upFloor } from "./floors";

const PROJECT = "konnect-azure-dcr";
const DYNAMIC = "pulumi-nodejs:dynamic/konnect:";

/** Requests one command made, as `METHOD /path-shape` with ids replaced by `{id}`. */
function requestsOf(emulator: KonnectEmulator): string[] {
  return emulator
    .requestLog()
    .map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{id}").replace(/\?.*$/, "")}`);
}

/** Runs the command with an emptied request log and returns its result and the requests it made. */
async function counted(
  emulator: KonnectEmulator,
  command: () => Promise<CommandResult>,
): Promise<{ result: CommandResult; requests: string[] }> {
  emulator.clearRequestLog();
  const result = await command();
  if (!result.ok) throw new Error(`engine-lite ${result.command} failed: ${JSON.stringify(result.diagnostics)}`);
  return { result, requests: requestsOf(emulator) };
}

const dynamicOps = (result: CommandResult, op: string) =>
  result.steps.filter((s) => s.type.startsWith(DYNAMIC) && s.op === op).length;

/** Runs the lifecycles and compares each count with its floor. */
export async function runEconomy(emulator: KonnectEmulator, workDir: string): Promise<SectionResult> {
  const spec = (statePath: string, extra: StackConfig): EngineOptions & { program: ProgramSpec } => ({
    statePath,
    passphrase: "bench-passphrase",
    program: {
      program: path.join(REPO_ROOT, "examples", "azure-dcr", "index.ts"),
      project: PROJECT,
      config: {
        "konnect:token": { secret: TOKEN },
        "konnect:serverUrl": emulator.url,
        [`${PROJECT}:secretRotationKey`]: "r1",
        ...extra,
      },
      mocks: { module: path.join(REPO_ROOT, "tests", "program", "azureMocks.ts"), exportName: "createAzureMocks" },
    },
  });
  const plain = spec(path.join(workDir, "economy.json"), { [`${PROJECT}:verify`]: "false" });
  const rotated = spec(plain.statePath, { [`${PROJECT}:verify`]: "false", [`${PROJECT}:secretRotationKey`]: "r2" });
  const verified = spec(path.join(workDir, "economy-verify.json"), { [`${PROJECT}:verify`]: "true" });
  const destroyOptions = (o: EngineOptions & { program: ProgramSpec }): EngineOptions => ({
    statePath: o.statePath,
    passphrase: o.passphrase,
    config: o.program.config ?? {},
    project: PROJECT,
  });

  const runs: { metric: string; floor: number; requests: string[]; note?: string; extraOk?: boolean }[] = [];
  const createRun = await counted(emulator, () => up(plain));
  runs.push({ metric: "up, empty stack (verify off)", floor: upFloor(false), requests: createRun.requests });
  const previewRun = await counted(emulator, () => preview(plain));
  runs.push({
    metric: "preview, no changes",
    floor: 0,
    requests: previewRun.requests,
    extraOk: previewRun.result.steps.every((s) => s.op === "same"),
  });
  const noopRun = await counted(emulator, () => up(plain));
  runs.push({
    metric: "up, no changes",
    floor: 0,
    requests: noopRun.requests,
    extraOk: noopRun.result.steps.every((s) => s.op === "same"),
  });
  const refreshRun = await counted(emulator, () => refresh(destroyOptions(plain)));
  const readCount = refreshRun.result.rpcCalls.filter((c) => c.method === "read").length;
  runs.push({ metric: `refresh (${readCount} dynamic resources)`, floor: readCount, requests: refreshRun.requests });
  const rotateRun = await counted(emulator, () => up(rotated));
  const replacements = dynamicOps(rotateRun.result, "replace");
  runs.push({
    metric: "secret rotation (secretRotationKey r1→r2)",
    floor: 1,
    requests: rotateRun.requests,
    note: `${replacements} Konnect replacements, ${dynamicOps(rotateRun.result, "update")} update`,
    extraOk: replacements === 0 && rotateRun.requests.every((r) => r.startsWith("PATCH")),
  });
  const destroyRun = await counted(emulator, () => destroy(destroyOptions(rotated)));
  runs.push({ metric: "destroy (1 DELETE per resource)", floor: 2, requests: destroyRun.requests });
  const verifyRun = await counted(emulator, () => up(verified));
  runs.push({ metric: "up, empty stack (verify on)", floor: upFloor(true), requests: verifyRun.requests });
  await counted(emulator, () => destroy(destroyOptions(verified)));

  const rows: GoalRow[] = runs.map((run) => ({
    section: "API economy",
    metric: run.metric,
    measured: `${run.requests.length} requests`,
    goal: `= ${run.floor}`,
    met: run.requests.length === run.floor && (run.extraOk ?? true),
    note: [summarize(run.requests), run.note].filter(Boolean).join("; "),
  }));
  return {
    rows,
    data: {
      program: "examples/azure-dcr/index.ts (root Pulumi.yaml main), Azure mocks, engine-lite",
      runs: runs.map((r) => ({ metric: r.metric, floor: r.floor, count: r.requests.length, requests: r.requests })),
    },
  };
}

/** `2× POST /v2/dcr-providers, 1× GET …` */
function summarize(requests: string[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${n}× ${r}`).join(", ") || "none";
}
