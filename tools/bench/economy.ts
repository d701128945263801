/**
 * API economy: exact Konnect request counts of the root program (`examples/azure-dcr/index.ts`, Pulumi.yaml `main`)
 * through engine-lite and the real plugin host, against the emulator's request log, each next to its floor:
 * whole-flow `up` on an empty stack, no-op `preview` and `up`, `refresh`, secret rotation (config
 * `secretRotationKey`), `destroy`, and `up` with `verify: true`. A second stack adds the Dev Portal end (one
 * publication and one portal default, portal and API seeded with fixed ids): each step's requests to the
 * publication and portal paths next to its floor ({@link DEV_PORTAL_FLOORS}).
 */
import * as path from "node:path";
import { destroy, preview, refresh, up, type CommandResult, type EngineOptions } from "../engine/engineLite";
import { REPO_ROOT } from "../engine/pluginHost";
import type { ProgramSpec } from "../engine/programCapture";
import type { StackConfig } from "../engine/providerClient";
import type { KonnectEmulator } from "../emulator/emulator";
import { KEY_AUTH_BODY } from "../emulator/sampleBodies";
import { BENCH_TOKEN as TOKEN } from "./support";
import type { GoalRow, SectionResult } from "./goals";
import { DEV_PORTAL_FLOORS, upFloor, type DevPortalStep } from "./floors";

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

type StackSpec = EngineOptions & { program: ProgramSpec };

/** The root program's engine options with the stack config `extra`. */
function rootSpec(emulator: KonnectEmulator, statePath: string, extra: StackConfig): StackSpec {
  return {
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
  };
}

/** Engine options of a destroy or refresh of the stack `o` ran. */
function destroyOptions(o: StackSpec): EngineOptions {
  return { statePath: o.statePath, passphrase: o.passphrase, config: o.program.config ?? {}, project: PROJECT };
}

/** Runs the lifecycles and compares each count with its floor. */
export async function runEconomy(emulator: KonnectEmulator, workDir: string): Promise<SectionResult> {
  const spec = (statePath: string, extra: StackConfig) => rootSpec(emulator, statePath, extra);
  const plain = spec(path.join(workDir, "economy.json"), { [`${PROJECT}:verify`]: "false" });
  const rotated = spec(plain.statePath, { [`${PROJECT}:verify`]: "false", [`${PROJECT}:secretRotationKey`]: "r2" });
  const verified = spec(path.join(workDir, "economy-verify.json"), { [`${PROJECT}:verify`]: "true" });
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

  const devPortal = await runDevPortalEconomy(emulator, workDir);
  const rows: GoalRow[] = [
    ...runs.map((run) => ({
      section: "API economy",
      metric: run.metric,
      measured: `${run.requests.length} requests`,
      goal: `= ${run.floor}`,
      met: run.requests.length === run.floor && (run.extraOk ?? true),
      note: [summarize(run.requests), run.note].filter(Boolean).join("; "),
    })),
    ...devPortal.rows,
  ];
  return {
    rows,
    data: {
      program: "examples/azure-dcr/index.ts (root Pulumi.yaml main), Azure mocks, engine-lite",
      runs: runs.map((r) => ({ metric: r.metric, floor: r.floor, count: r.requests.length, requests: r.requests })),
      devPortal: devPortal.data,
    },
  };
}

/** Fixed ids of the seeded Dev Portal objects (the publication and the portal default point at them). */
export const BENCH_PORTAL_ID = "7b1e0c2d-3f4a-4b5c-8d6e-7f8091a2b3c4";
export const BENCH_API_ID = "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5";

/**
 * The Dev Portal end of the root stack: up with one publication and one portal default, a visibility change, then
 * both removed; each step's requests to the publication and portal paths compared exactly with its floor. Seeds the
 * portal (with a previous default strategy) and the API when they are not there yet.
 */
export async function runDevPortalEconomy(emulator: KonnectEmulator, workDir: string): Promise<SectionResult> {
  if (emulator.portalDefault(BENCH_PORTAL_ID) === undefined) {
    const previous = emulator.seedAuthStrategy(KEY_AUTH_BODY).id;
    emulator.seedPortal(
      { name: "bench-portal", default_application_auth_strategy_id: previous },
      { id: BENCH_PORTAL_ID },
    );
    emulator.seedApi({ name: "Bench API", version: "v1" }, { id: BENCH_API_ID });
  }
  const publication = `${BENCH_API_ID}/${BENCH_PORTAL_ID}`;
  const stack = (publications: string[], portals: string[]) =>
    rootSpec(emulator, path.join(workDir, "economy-dev-portal.json"), {
      [`${PROJECT}:verify`]: "false",
      [`${PROJECT}:publications`]: JSON.stringify(publications),
      [`${PROJECT}:defaultForPortals`]: JSON.stringify(portals),
    });
  const published = stack([publication], [BENCH_PORTAL_ID]);
  const isPublication = (r: string) => r.includes("/publications/");
  const isPortal = (r: string) => r.startsWith("GET /v3/portals/") || r.startsWith("PATCH /v3/portals/");

  const steps: { step: DevPortalStep; requests: string[] }[] = [];
  const created = await counted(emulator, () => up(published));
  steps.push({ step: "create publication", requests: created.requests.filter(isPublication) });
  steps.push({ step: "create portal default", requests: created.requests.filter(isPortal) });
  const updated = await counted(emulator, () => up(stack([`${publication}?visibility=public`], [BENCH_PORTAL_ID])));
  steps.push({ step: "update publication", requests: updated.requests });
  const removed = stack([], []);
  const removal = await counted(emulator, () => up(removed));
  steps.push({ step: "delete publication", requests: removal.requests.filter(isPublication) });
  steps.push({ step: "delete portal default", requests: removal.requests.filter(isPortal) });
  await counted(emulator, () => destroy(destroyOptions(removed)));

  const rows: GoalRow[] = steps.map(({ step, requests }) => {
    const floor = DEV_PORTAL_FLOORS[step];
    return {
      section: "API economy",
      metric: `Dev Portal: ${step}`,
      measured: `${requests.length} requests`,
      goal: `= ${floor.length} (${summarize([...floor])})`,
      met: JSON.stringify(requests) === JSON.stringify(floor),
      note: summarize(requests),
    };
  });
  return {
    rows,
    data: {
      program: "examples/azure-dcr/index.ts with publications and defaultForPortals, Azure mocks, engine-lite",
      steps: steps.map((s) => ({ step: s.step, floor: DEV_PORTAL_FLOORS[s.step], requests: s.requests })),
    },
  };
}

/** `2× POST /v2/dcr-providers, 1× GET …` */
function summarize(requests: string[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${n}× ${r}`).join(", ") || "none";
}
