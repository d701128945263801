/**
 * API economy: exact Konnect request counts of the root program (`examples/azure-dcr/index.ts`, Pulumi.yaml `main`)
 * through engine-lite and the real plugin host, against the emulator's request log, each next to its floor:
 * whole-flow `up` on an empty stack, no-op `preview` and `up`, `refresh`, secret rotation (config
 * `secretRotationKey`), `destroy`, and `up` with `verify: true`. A second stack adds the Dev Portal end (one
 * publication and one portal default, portal and API seeded with fixed ids): each step's requests to the
 * publication and portal paths next to its floor ({@link DEV_PORTAL_FLOORS}). A third stack declares a portal team,
 * an application, its registration and the request check directly (`portalMembersProgram.ts`): each step's requests,
 * attributed by path, next to its floor ({@link PORTAL_MEMBERS_FLOORS}).
 */
import * as path from "node:path";
import { destroy, preview, refresh, up, type CommandResult, type EngineOptions } from "../engine/engineLite";
import { REPO_ROOT } from "../engine/pluginHost";
import type { ProgramSpec } from "../engine/programCapture";
import type { StackConfig } from "../engine/providerClient";
import type { KonnectEmulator } from "../emulator/emulator";
import { DEVELOPER_BODY, KEY_AUTH_BODY } from "../emulator/sampleBodies";
import { seedDcrTargets } from "../emulator/seeding";
import { startAzureTokenEndpoint } from "../standins/azureTokenEndpoint";
import { startEmulatorGateway } from "../standins/emulatorGateway";
import { BENCH_TOKEN as TOKEN } from "./support";
import type { GoalRow, SectionResult } from "./goals";
import {
  DEV_PORTAL_FLOORS,
  PORTAL_MEMBERS_FLOORS,
  upFloor,
  type DevPortalStep,
  type PortalMembersStep,
} from "./floors";

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
  const portalMembers = await runPortalMembersEconomy(emulator, workDir);
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
    ...portalMembers.rows,
  ];
  return {
    rows,
    data: {
      program: "examples/azure-dcr/index.ts (root Pulumi.yaml main), Azure mocks, engine-lite",
      runs: runs.map((r) => ({ metric: r.metric, floor: r.floor, count: r.requests.length, requests: r.requests })),
      devPortal: devPortal.data,
      portalMembers: portalMembers.data,
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

/** The tenant and the secret of the IdP client the bench's application links and its request check uses. */
const MEMBERS_TENANT = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const MEMBERS_CLIENT_SECRET = "bench~members.client+secret";

/** What a portal-members row adds to its request summary. */
const PORTAL_MEMBERS_NOTES: Partial<Record<PortalMembersStep, string>> = {
  "create team": "the list by name: teams carry no labels, so it is how an interrupted create is found",
  "create application": "the list by creation key (labels), then the POST",
  "create registration":
    "the publication auto-approves registrations (auto_approve_registrations: true): with manual approval Konnect " +
    "answers pending to the POST and the create adds 1 PATCH to approve it (the row approving by hand)",
  "request check, create": "the stand-ins of Azure's token endpoint and of the gateway route; 0 Konnect requests",
  "request check, re-run (triggers)": "a triggers change re-runs it in place; 0 Konnect requests",
  refresh: "sorted (reads run in parallel); the request check makes none",
  "delete request check": "no request (stand-ins or Konnect)",
};

/** Which Konnect object a request is about, by its path; undefined for anything else (the stand-ins' requests). */
function memberOf(request: string): "team" | "application" | "registration" | undefined {
  if (request.includes("/registrations")) return "registration";
  if (request.includes("/applications")) return "application";
  if (request.includes("/teams")) return "team";
  return undefined;
}

/**
 * The portal members (issue 19) on a stack of their own (`portalMembersProgram.ts`): a team, a DCR application owned
 * by it and linked to an IdP client registered in the emulator, its registration for an API published with an
 * auto-approving publication, and the request check of that client through the emulator-backed stand-ins of Azure's
 * token endpoint and the gateway. Steps: create (attributed by path to the team, the application, the registration;
 * the rest, the stand-ins' requests, to the check), no-op preview and `up`, refresh, the check re-run by a triggers
 * change, an owner change (team to a developer), a status change (approved to revoked), and destroy (attributed by
 * path). Each step's requests, Konnect's and the stand-ins', are compared exactly with its floor. Then, for
 * information, the registration create once more with a publication that approves by hand (1 POST + 1 PATCH).
 */
export async function runPortalMembersEconomy(emulator: KonnectEmulator, workDir: string): Promise<SectionResult> {
  const targets = seedDcrTargets(emulator, {
    tenantId: MEMBERS_TENANT,
    publication: { auto_approve_registrations: true },
  });
  const developerId = emulator.seedDeveloper(targets.portalId, DEVELOPER_BODY).id;
  const client = emulator.registerIdpClient({
    tenant_id: MEMBERS_TENANT,
    owners: [targets.adminClientId],
    secret: MEMBERS_CLIENT_SECRET,
  });
  const azure = await startAzureTokenEndpoint({ idp: emulator });
  const gateway = await startEmulatorGateway({
    konnect: emulator,
    tokens: azure,
    routes: [{ path: "/orders", apiId: targets.apiId }],
  });
  try {
    const stack = (extra: Record<string, string> = {}): StackSpec => ({
      statePath: path.join(workDir, "economy-portal-members.json"),
      passphrase: "bench-passphrase",
      program: {
        program: path.join(__dirname, "portalMembersProgram.ts"),
        project: "konnect-bench",
        config: {
          "konnect:token": { secret: TOKEN },
          "konnect:serverUrl": emulator.url,
          "bench:portalId": targets.portalId,
          "bench:apiId": targets.apiId,
          "bench:strategyId": targets.strategyId,
          "bench:developerId": developerId,
          "bench:clientId": client.client_id,
          "bench:tenantId": MEMBERS_TENANT,
          "bench:clientSecret": { secret: MEMBERS_CLIENT_SECRET },
          "bench:loginUrl": azure.loginUrl,
          "bench:route": `${gateway.url}/orders`,
          ...extra,
        },
      },
    });
    /** Runs a command; its Konnect requests, then the stand-ins' (`token: …`, `gateway: …`), and what it changed. */
    const measure = async (command: () => Promise<CommandResult>) => {
      azure.requests.length = 0;
      gateway.requests.length = 0;
      const { result, requests } = await counted(emulator, command);
      const standIns = [
        ...azure.requests.map((r) => `token: ${r.method} ${r.path.replace(MEMBERS_TENANT, "{tenant}")}`),
        ...gateway.requests.map((r) => `gateway: ${r.method} ${r.path}`),
      ];
      const changed = result.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`);
      return { all: [...requests, ...standIns], changed };
    };
    // `changed`: what the engine changed in a whole-command step, next to what it should have (`expected`).
    const steps: { step: PortalMembersStep; requests: string[]; changed?: string[]; expected?: string[] }[] = [];
    const byMember = (requests: string[], member: ReturnType<typeof memberOf>) =>
      requests.filter((r) => memberOf(r) === member);

    const created = await measure(() => up(stack()));
    steps.push({ step: "create team", requests: byMember(created.all, "team") });
    steps.push({ step: "create application", requests: byMember(created.all, "application") });
    steps.push({ step: "create registration", requests: byMember(created.all, "registration") });
    steps.push({ step: "request check, create", requests: byMember(created.all, undefined) });
    const previewed = await measure(() => preview(stack()));
    steps.push({ step: "preview, no changes", requests: previewed.all, changed: previewed.changed, expected: [] });
    const unchanged = await measure(() => up(stack()));
    steps.push({ step: "up, no changes", requests: unchanged.all, changed: unchanged.changed, expected: [] });
    const refreshed = await measure(() => refresh(destroyOptions(stack())));
    steps.push({ step: "refresh", requests: [...refreshed.all].sort() });
    const rerun = await measure(() => up(stack({ "bench:trigger": "2" })));
    steps.push({
      step: "request check, re-run (triggers)",
      requests: rerun.all,
      changed: rerun.changed,
      expected: ["update bench-check"],
    });
    const moved = stack({ "bench:trigger": "2", "bench:owner": "developer" });
    const ownerChange = await measure(() => up(moved));
    steps.push({
      step: "owner change (team to developer)",
      requests: ownerChange.all,
      changed: ownerChange.changed,
      expected: ["update bench-application"],
    });
    const revoked = stack({ "bench:trigger": "2", "bench:owner": "developer", "bench:status": "revoked" });
    const statusChange = await measure(() => up(revoked));
    steps.push({
      step: "status change (approved to revoked)",
      requests: statusChange.all,
      changed: statusChange.changed,
      expected: ["update bench-registration"],
    });
    const destroyed = await measure(() => destroy(destroyOptions(revoked)));
    steps.push({ step: "delete registration", requests: byMember(destroyed.all, "registration") });
    steps.push({ step: "delete application", requests: byMember(destroyed.all, "application") });
    steps.push({ step: "delete team", requests: byMember(destroyed.all, "team") });
    steps.push({ step: "delete request check", requests: byMember(destroyed.all, undefined) });

    // The same create with a publication that approves by hand: informational, next to the create row's floor.
    emulator.updateStoredPublication(targets.apiId, targets.portalId, { auto_approve_registrations: false });
    const byHand = await measure(() => up(stack()));
    const byHandRequests = byMember(byHand.all, "registration");
    await measure(() => destroy(destroyOptions(stack())));

    const rows: GoalRow[] = steps.map(({ step, requests, changed, expected }) => {
      const floor = PORTAL_MEMBERS_FLOORS[step];
      const ops = changed === undefined ? undefined : `engine: ${changed.join(", ") || "no change"}`;
      return {
        section: "API economy",
        metric: `Portal members: ${step}`,
        measured: `${requests.length} requests`,
        goal: `= ${floor.length} (${summarize([...floor])})`,
        met: JSON.stringify(requests) === JSON.stringify(floor) && JSON.stringify(changed) === JSON.stringify(expected),
        note: [summarize(requests), PORTAL_MEMBERS_NOTES[step], ops].filter(Boolean).join("; "),
      };
    });
    rows.push({
      section: "API economy",
      metric: "Portal members: create registration, publication approving by hand",
      measured: `${byHandRequests.length} requests`,
      goal: "",
      met: null,
      note:
        `${summarize(byHandRequests)}; informational: Konnect answers pending to the POST and 1 PATCH approves it ` +
        "(the floor of 1 POST holds where the publication or the portal auto-approves registrations)",
    });
    return {
      rows,
      data: {
        registrationCreateByHand: byHandRequests,
        program:
          "tools/bench/portalMembersProgram.ts (team, application, registration, request check), emulator-backed " +
          "token endpoint and gateway stand-ins, engine-lite",
        steps: steps.map((s) => ({ step: s.step, floor: PORTAL_MEMBERS_FLOORS[s.step], requests: s.requests })),
      },
    };
  } finally {
    await azure.close();
    await gateway.close();
  }
}

/** `2× POST /v2/dcr-providers, 1× GET …` */
function summarize(requests: string[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${n}× ${r}`).join(", ") || "none";
}
