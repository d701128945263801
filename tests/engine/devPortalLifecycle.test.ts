/**
 * The root stack (`examples/azure-dcr`) with its Dev Portal end, through engine-lite: the real plugin host and
 * provider code against the Konnect emulator, Azure answered by the Azure mocks. One stack walks through: up with two
 * publications and a portal default, a no-op preview, a visibility change, a removed publication, and a destroy that
 * unpublishes and restores the portal's previous default before it deletes the strategy (no 409). A second stack
 * declares the resources directly: moving the publication and the default to another strategy (in place), deleting
 * the strategy they left (no 409), and a portal default changed in the UI that refresh shows and destroy leaves alone
 * (removing only the resource's record labels).
 * Every step asserts the Konnect API calls it made.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { destroy, preview, refresh, up, type CommandResult } from "../../tools/engine/engineLite";
import { stopAllHosts } from "../../tools/engine/pluginHost";
import { captureProgram, killRunningCaptures, type CapturedProgram } from "../../tools/engine/programCapture";
import { rootStackOptions } from "../../tools/demo/rootStack";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";
import { KEY_AUTH_BODY, TOKEN } from "../../tools/emulator/testSupport";
import { expectNoSecrets, type ScannedText } from "../support/secretScan";

jest.setTimeout(600_000);

const PASSPHRASE = "dev-portal-passphrase";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const API_A = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const API_B = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
const PUBLICATION = "pulumi-nodejs:dynamic/konnect:ApiPublication";
const PORTAL_DEFAULT = "pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy";

let emulator: KonnectEmulator;
let dir: string;
let previousDefault = "";
const seen: ScannedText[] = [];

beforeAll(async () => {
  emulator = await startKonnectEmulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-dev-portal-"));
  previousDefault = emulator.seedAuthStrategy(KEY_AUTH_BODY).id;
  emulator.seedPortal(
    { name: "developer-portal", default_application_auth_strategy_id: previousDefault },
    { id: PORTAL },
  );
  emulator.seedApi({ name: "Orders API", version: "v1" }, { id: API_A });
  emulator.seedApi({ name: "Billing API", version: "v1" }, { id: API_B });
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** API calls since the last call, as `METHOD path status` with the ids named. */
function apiCalls(): string[] {
  const names: Record<string, string> = { [PORTAL]: "{portal}", [API_A]: "{apiA}", [API_B]: "{apiB}" };
  const calls = emulator
    .requestLog()
    .map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, (id) => names[id] ?? "{id}")} ${e.status}`);
  emulator.clearRequestLog();
  return calls;
}

describe("root stack with publications and a portal default", () => {
  const options = (config: Record<string, string>) =>
    rootStackOptions({
      statePath: path.join(dir, "root.json"),
      passphrase: PASSPHRASE,
      konnectUrl: emulator.url,
      token: TOKEN,
      config,
    });
  const both = {
    publications: JSON.stringify([`${API_A}/${PORTAL}`, `${API_B}/${PORTAL}`]),
    defaultForPortals: JSON.stringify([PORTAL]),
  };
  const bPublic = {
    ...both,
    publications: JSON.stringify([`${API_A}/${PORTAL}`, `${API_B}/${PORTAL}?visibility=public`]),
  };
  const onlyB = { ...bPublic, publications: JSON.stringify([`${API_B}/${PORTAL}?visibility=public`]) };
  const programs: Record<"both" | "bPublic" | "onlyB", CapturedProgram> = {} as never;
  let strategyId = "";

  const run = async (label: string, command: Promise<CommandResult>): Promise<CommandResult> => {
    const result = await command;
    seen.push({ source: `${label}: provider logs`, text: result.providerLogs });
    seen.push({ source: `${label}: diagnostics`, text: JSON.stringify(result.diagnostics) });
    expect(result.diagnostics).toEqual([]);
    return result;
  };
  const changed = (result: CommandResult) =>
    result.steps.filter((s) => s.op !== "same").map((s) => [s.op, s.name, s.changedKeys ?? []]);

  beforeAll(async () => {
    const [a, b, c] = await Promise.all([
      captureProgram(options(both).program),
      captureProgram(options(bPublic).program),
      captureProgram(options(onlyB).program),
    ]);
    Object.assign(programs, { both: a, bPublic: b, onlyB: c });
  });

  it("1. up creates the flow, publishes both APIs with the strategy and makes it the portal's default", async () => {
    const created = await run("up", up({ ...options(both), program: programs.both }));
    strategyId = created.outputs.authStrategyId as string;
    expect(created.steps.filter((s) => s.type === PUBLICATION).map((s) => [s.op, s.name])).toEqual([
      ["create", `azure-dcr-publication-${API_A}-${PORTAL}`],
      ["create", `azure-dcr-publication-${API_B}-${PORTAL}`],
    ]);
    expect(created.steps.filter((s) => s.type === PORTAL_DEFAULT).map((s) => s.op)).toEqual(["create"]);
    const calls = apiCalls();
    // Each Konnect create first looks for an object carrying its creation key (one listing by name), then posts.
    const lookup = (kind: string) =>
      `GET /v2/${kind}?filter%5Bname%5D%5Beq%5D=azure-dcr&page%5Bsize%5D=100&page%5Bnumber%5D=1 200`;
    expect(calls.slice(0, 4)).toEqual([
      lookup("dcr-providers"),
      "POST /v2/dcr-providers 201",
      lookup("application-auth-strategies"),
      "POST /v2/application-auth-strategies 201",
    ]);
    expect(calls.slice(4).sort()).toEqual(
      [
        "GET /v3/apis/{apiA}/publications/{portal} 404",
        "PUT /v3/apis/{apiA}/publications/{portal} 200",
        "GET /v3/apis/{apiB}/publications/{portal} 404",
        "PUT /v3/apis/{apiB}/publications/{portal} 200",
        "GET /v3/portals/{portal} 200",
        "PATCH /v3/portals/{portal} 200",
      ].sort(),
    );
    expect(emulator.publications().map((p) => [p.api_id, p.auth_strategy_ids, p.visibility])).toEqual([
      [API_A, [strategyId], "private"],
      [API_B, [strategyId], "private"],
    ]);
    expect(emulator.portalDefault(PORTAL)).toBe(strategyId);
    expect(created.outputs.publicationIds).toEqual([`${API_A}/${PORTAL}`, `${API_B}/${PORTAL}`]);
  });

  it("2. a preview right after up shows no changes and calls no API", async () => {
    const unchanged = await run("preview unchanged", preview({ ...options(both), program: programs.both }));
    expect(changed(unchanged)).toEqual([]);
    expect(apiCalls()).toEqual([]);
  });

  it("3. making one API public is an update of exactly `visibility`, one PUT", async () => {
    const planned = await run("preview public", preview({ ...options(bPublic), program: programs.bPublic }));
    expect(changed(planned)).toEqual([["update", `azure-dcr-publication-${API_B}-${PORTAL}`, ["visibility"]]]);
    expect(apiCalls()).toEqual([]);
    await run("up public", up({ ...options(bPublic), program: programs.bPublic }));
    expect(apiCalls()).toEqual(["PUT /v3/apis/{apiB}/publications/{portal} 200"]);
    expect(emulator.getPublication(API_B, PORTAL)).toMatchObject({ visibility: "public" });
  });

  it("4. removing a publication from the list unpublishes it with one DELETE; the other stays", async () => {
    const removed = await run("up remove", up({ ...options(onlyB), program: programs.onlyB }));
    expect(changed(removed)).toEqual([["delete", `azure-dcr-publication-${API_A}-${PORTAL}`, []]]);
    expect(apiCalls()).toEqual(["DELETE /v3/apis/{apiA}/publications/{portal} 204"]);
    expect(emulator.getPublication(API_A, PORTAL)).toBeUndefined();
    expect(emulator.getPublication(API_B, PORTAL)).toBeDefined();
  });

  it("5. destroy unpublishes and restores the previous default before it deletes the strategy: no 409", async () => {
    await run("destroy", destroy(options(onlyB)));
    const calls = apiCalls();
    expect(calls.filter((c) => / 409$/.test(c))).toEqual([]);
    const at = (call: string) => calls.indexOf(call);
    const strategyDelete = calls.find((c) => c.startsWith("DELETE /v2/application-auth-strategies/"))!;
    expect(strategyDelete).toMatch(/ 204$/);
    expect(at("DELETE /v3/apis/{apiB}/publications/{portal} 204")).toBeLessThan(at(strategyDelete));
    expect(at("PATCH /v3/portals/{portal} 200")).toBeLessThan(at(strategyDelete));
    expect(at("GET /v3/portals/{portal} 200")).toBeLessThan(at("PATCH /v3/portals/{portal} 200"));
    expect(at(strategyDelete)).toBeLessThan(at(calls.find((c) => c.startsWith("DELETE /v2/dcr-providers/"))!));
    expect(emulator.publications()).toEqual([]);
    expect(emulator.portalDefault(PORTAL)).toBe(previousDefault);
    expect(emulator.list("application-auth-strategies").map((s) => s.id)).toEqual([previousDefault]);
  });
});

describe("Dev Portal resources declared directly: move the strategy, drift, remove the old strategy", () => {
  const statePath = () => path.join(dir, "direct.json");
  const PORTAL_2 = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f70819";
  const options = (config: Record<string, string>) => {
    const stackConfig = {
      "konnect:token": { secret: TOKEN },
      "konnect:serverUrl": emulator.url,
      "scenario:apiId": API_A,
      "scenario:portalId": PORTAL_2,
      ...config,
    };
    return {
      statePath: statePath(),
      passphrase: PASSPHRASE,
      config: stackConfig,
      program: {
        program: path.join(__dirname, "scenarios", "devPortalProgram.ts"),
        project: "scenario",
        config: stackConfig,
      },
    };
  };
  const run = async (command: Promise<CommandResult>): Promise<CommandResult> => {
    const result = await command;
    seen.push({ source: "direct: provider logs", text: result.providerLogs });
    expect(result.diagnostics).toEqual([]);
    return result;
  };
  const strategyIds = () =>
    Object.fromEntries(emulator.list("application-auth-strategies").map((s) => [String(s.name), s.id]));

  beforeAll(() => {
    emulator.seedPortal({ name: "partner-portal" }, { id: PORTAL_2 });
    emulator.clearRequestLog();
  });

  it("1. up publishes with the first strategy and makes it the default", async () => {
    await run(up(options({})));
    const ids = strategyIds();
    expect(emulator.getPublication(API_A, PORTAL_2)).toMatchObject({ auth_strategy_ids: [ids["scenario-first"]] });
    expect(emulator.portalDefault(PORTAL_2)).toBe(ids["scenario-first"]);
    apiCalls();
  });

  it("2. moving to the second strategy is one PUT and one PATCH, in place", async () => {
    const moved = await run(up(options({ "scenario:use": "second" })));
    const calls = apiCalls();
    // Registration order follows when inputs resolve: compare as a set.
    expect(
      moved.steps
        .filter((s) => s.op !== "same")
        .map((s) => [s.op, s.name, s.changedKeys])
        .sort(),
    ).toEqual([
      ["update", "orders", ["authStrategyIds"]],
      ["update", "portal-default", ["authStrategyId"]],
    ]);
    expect(calls.sort()).toEqual(["PATCH /v3/portals/{id} 200", "PUT /v3/apis/{apiA}/publications/{id} 200"]);
    const ids = strategyIds();
    expect(emulator.getPublication(API_A, PORTAL_2)).toMatchObject({ auth_strategy_ids: [ids["scenario-second"]] });
    expect(emulator.portalDefault(PORTAL_2)).toBe(ids["scenario-second"]);
  });

  it("3. the first strategy, now unused, is deleted without a 409", async () => {
    const dropped = await run(up(options({ "scenario:use": "second", "scenario:dropFirst": "true" })));
    expect(dropped.steps.filter((s) => s.op !== "same").map((s) => [s.op, s.name])).toEqual([["delete", "first"]]);
    expect(apiCalls()).toEqual([expect.stringMatching(/^DELETE \/v2\/application-auth-strategies\/\{id\} 204$/)]);
  });

  it("4. someone changes the portal default in the UI: refresh shows it, and destroy leaves it alone", async () => {
    emulator.updateStored("portals", PORTAL_2, { default_application_auth_strategy_id: null });
    const refreshed = await run(refresh(options({ "scenario:use": "second", "scenario:dropFirst": "true" })));
    const keysOf = (name: string) => refreshed.steps.find((s) => s.name === name)?.changedKeys;
    expect(keysOf("portal-default")).toEqual(["authStrategyId"]);
    expect(keysOf("orders")).toEqual([]);
    apiCalls();
    const destroyed = await run(destroy(options({ "scenario:use": "second", "scenario:dropFirst": "true" })));
    const calls = apiCalls();
    // One PATCH removes the resource's record labels; the default someone set stays.
    expect(calls.filter((c) => c.startsWith("PATCH"))).toEqual(["PATCH /v3/portals/{id} 200"]);
    expect(calls.filter((c) => / 409$/.test(c))).toEqual([]);
    expect(emulator.portalDefault(PORTAL_2)).toBeNull();
    expect(Object.keys((emulator.get("portals", PORTAL_2) as { labels: object }).labels)).toEqual([]);
    expect(emulator.getPublication(API_A, PORTAL_2)).toBeUndefined();
    expect(destroyed.providerLogs).toContain(
      `konnect: portal ${PORTAL_2}: default auth strategy left as is (no default)`,
    );
  });
});

it("nothing secret in what people see (provider logs and diagnostics of every command above)", () => {
  // 2 texts per root-stack command (6 commands) and 1 per direct command (5 commands): the scan ran after them.
  expect(expectNoSecrets(seen, [TOKEN])).toBe(17);
});
