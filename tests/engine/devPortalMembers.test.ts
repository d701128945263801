/**
 * PortalTeam, PortalApplication and ApplicationRegistration through engine-lite: the real plugin host running their
 * serialized providers against the Konnect emulator. One stack walks through up, a no-op preview and up, an owner
 * change, a registration revoked in the Dev Portal that refresh shows and up puts back, and a destroy in dependency
 * order without a 409; every step asserts the Konnect API calls it made (the floors). Then the host is SIGKILLed while
 * Konnect holds the stored application POST, and the next run's create takes that application over: exactly one.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { destroy, preview, refresh, up, type CommandResult } from "../../tools/engine/engineLite";
import { stopAllHosts } from "../../tools/engine/pluginHost";
import { captureProgram, killRunningCaptures } from "../../tools/engine/programCapture";
import { isProcessGroupAlive } from "../../tools/engine/pluginHost";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";
import { DEVELOPER_BODY, TOKEN, seedDcrTargets, type DcrTargets } from "../../tools/emulator/testSupport";
import { expectNoSecrets, type ScannedText } from "../support/secretScan";
import { configuredHost, eventually, freshRun } from "./interruptedCreate";

jest.setTimeout(600_000);

const PASSPHRASE = "portal-members-passphrase";
const APPLICATION = "pulumi-nodejs:dynamic/konnect:PortalApplication";

let emulator: KonnectEmulator;
let targets: DcrTargets;
let developerId = "";
let dir: string;
const seen: ScannedText[] = [];

beforeAll(async () => {
  emulator = await startKonnectEmulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-portal-members-"));
  targets = seedDcrTargets(emulator, { publication: { auto_approve_registrations: true } });
  developerId = emulator.seedDeveloper(targets.portalId, DEVELOPER_BODY).id;
  emulator.clearRequestLog();
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** API calls since the last call, as `METHOD path status` (ids as `{id}`, no query). */
function apiCalls(): string[] {
  const calls = emulator
    .requestLog()
    .map((e) => `${e.method} ${e.path.replace(/\?.*$/, "").replace(/[0-9a-f-]{36}/g, "{id}")} ${e.status}`);
  emulator.clearRequestLog();
  return calls;
}

const stackConfig = (config: Record<string, string>) => ({
  "konnect:token": { secret: TOKEN },
  "konnect:serverUrl": emulator.url,
  "scenario:portalId": targets.portalId,
  "scenario:apiId": targets.apiId,
  "scenario:strategyId": targets.strategyId,
  "scenario:developerId": developerId,
  ...config,
});

describe("a team, an application and its registration, through the real plugin host", () => {
  const options = (config: Record<string, string> = {}) => ({
    statePath: path.join(dir, "members.json"),
    passphrase: PASSPHRASE,
    config: stackConfig(config),
    program: {
      program: path.join(__dirname, "scenarios", "portalMembersProgram.ts"),
      project: "scenario",
      config: stackConfig(config),
    },
  });
  const run = async (command: Promise<CommandResult>): Promise<CommandResult> => {
    const result = await command;
    seen.push({ source: "members: provider logs", text: result.providerLogs });
    expect(result.diagnostics).toEqual([]);
    return result;
  };
  const changed = (result: CommandResult) =>
    result.steps.filter((s) => s.op !== "same").map((s) => [s.op, s.name, s.changedKeys ?? []]);

  it("1. up: team = list + POST, application = list + POST, registration = POST", async () => {
    const created = await run(up(options()));
    expect(changed(created)).toEqual([
      ["create", "partners", []],
      ["create", "orders-client", []],
      ["create", "orders", []],
    ]);
    expect(apiCalls()).toEqual([
      "GET /v3/portals/{id}/teams 200",
      "POST /v3/portals/{id}/teams 201",
      "GET /v3/portals/{id}/applications 200",
      "POST /v3/portals/{id}/applications 201",
      "POST /v3/portals/{id}/applications/{id}/registrations 201",
    ]);
    const [application] = emulator.list("applications");
    expect(application).toMatchObject({ name: "Orders client", idp_client: "created", owner: { type: "team" } });
    expect(emulator.list("application-registrations").map((r) => r.status)).toEqual(["approved"]);
  });

  it("2. a no-op preview and a no-op up make no API call", async () => {
    const previewed = await run(preview(options()));
    expect(changed(previewed)).toEqual([]);
    const unchanged = await run(up(options()));
    expect(changed(unchanged)).toEqual([]);
    expect(apiCalls()).toEqual([]);
  });

  it("3. an owner change is one PATCH, in place", async () => {
    const moved = await run(up(options({ "scenario:owner": "developer" })));
    expect(changed(moved)).toEqual([["update", "orders-client", ["owner"]]]);
    expect(apiCalls()).toEqual(["PATCH /v3/portals/{id}/applications/{id} 200"]);
    expect(emulator.list("applications")[0]?.owner).toEqual({ type: "developer", id: developerId });
  });

  it("4. revoked in the Dev Portal: refresh (1 GET each) shows it, up puts approved back with one PATCH", async () => {
    const [registration] = emulator.list("application-registrations");
    emulator.updateStored("application-registrations", registration!.id, { status: "revoked" });
    const refreshed = await run(refresh(options({ "scenario:owner": "developer" })));
    // The UI's change moved the registration's status (and its update time); nothing else changed.
    expect(refreshed.steps.find((s) => s.name === "orders")?.changedKeys).toEqual(["status", "updatedAt"]);
    expect(refreshed.steps.filter((s) => s.name !== "orders").map((s) => s.changedKeys)).toEqual([[], []]);
    expect(apiCalls().sort()).toEqual([
      "GET /v3/portals/{id}/applications/{id} 200",
      "GET /v3/portals/{id}/applications/{id}/registrations/{id} 200",
      "GET /v3/portals/{id}/teams/{id} 200",
    ]);
    const back = await run(up(options({ "scenario:owner": "developer" })));
    expect(changed(back)).toEqual([["update", "orders", ["status"]]]);
    expect(apiCalls()).toEqual(["PATCH /v3/portals/{id}/applications/{id}/registrations/{id} 200"]);
    expect(emulator.get("application-registrations", registration!.id)?.status).toBe("approved");
  });

  it("5. destroy deletes the registration, the application, then the team: one DELETE each, no 409", async () => {
    const destroyed = await run(destroy(options({ "scenario:owner": "developer" })));
    expect(destroyed.steps.filter((s) => s.op === "delete").map((s) => s.name)).toEqual([
      "orders",
      "orders-client",
      "partners",
    ]);
    expect(apiCalls()).toEqual([
      "DELETE /v3/portals/{id}/applications/{id}/registrations/{id} 204",
      "DELETE /v3/portals/{id}/applications/{id} 204",
      "DELETE /v3/portals/{id}/teams/{id} 204",
    ]);
    expect(emulator.list("applications")).toEqual([]);
    expect(emulator.list("teams").map((t) => t.id)).toEqual([targets.teamId]);
  });
});

describe("the plugin host is SIGKILLed while Konnect holds the stored application POST", () => {
  it("the next run's create takes that application over: exactly one application", async () => {
    emulator.clearRequestLog();
    const config = stackConfig({ "scenario:teamId": targets.teamId });
    const captured = await captureProgram({
      program: path.join(__dirname, "scenarios", "portalMembersProgram.ts"),
      project: "scenario",
      config,
    });
    const application = captured.resources.find((r) => r.type === APPLICATION)!;
    const rig = { emulator, project: "scenario", config };

    emulator.injectFault({ method: "POST", path: "/v3/portals/*/applications", commitThenHold: true });
    const { host, client } = await configuredHost(rig);
    let killedError: unknown;
    try {
      const checked = await client.check(application.urn, {}, application.inputs);
      expect(checked.failures).toEqual([]);
      const create = client.create(application.urn, checked.inputs).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(await eventually(() => emulator.list("applications").length === 1)).toBe(true);
      await host.kill();
      killedError = await create;
      expect(isProcessGroupAlive(host.pid)).toBe(false);
    } finally {
      seen.push({ source: "killed host: provider logs", text: host.logs() });
      client.close();
      await host.stop();
    }
    expect(killedError).toBeDefined();
    const [stored] = emulator.list("applications");
    expect(await eventually(() => emulator.requestLog().some((e) => e.method === "POST" && e.status === 0))).toBe(true);
    expect(apiCalls()).toEqual(["GET /v3/portals/{id}/applications 200", "POST /v3/portals/{id}/applications 0"]);

    const rerun = await freshRun(rig, application.urn, application.inputs);
    seen.push({ source: "rerun: provider logs", text: rerun.logs });
    expect(rerun.create.ok).toBe(true);
    expect(rerun.create.ok ? rerun.create.state.id : "").toBe(stored!.id);
    expect(apiCalls()).toEqual(["GET /v3/portals/{id}/applications 200"]);
    expect(emulator.list("applications").map((a) => a.id)).toEqual([stored!.id]);
  });
});

it("nothing secret in what people see (provider logs of the 7 commands, the killed host and the rerun)", () => {
  expect(expectNoSecrets(seen, [TOKEN])).toBe(9);
});
