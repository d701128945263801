/**
 * The root stack with `testApplication`, through engine-lite: the real plugin host runs the Konnect resources and the
 * request check against the Konnect emulator, the stand-in Azure token endpoint and the stand-in gateway tied to it;
 * Azure is answered by the mocks, and its applications and secrets are mirrored into the emulator's IdP (simulated
 * Azure), so Konnect's link check and the token endpoint see what the stack made. One stack walks through: `up` ending
 * in a passing check, no-op preview and up with 0 calls, a secret rotation (the DCR provider PATCHed, the check run
 * with the new secret), a registration revoked in the UI (refresh shows it, up puts it back and checks again), a
 * gateway answering 401 (the up fails with a readable report, nothing secret in it), a strategy replaced (the
 * application moves with no 409), an owner change (one PATCH), and a destroy in order with no 409. Then, on a reset
 * emulator: the plugin host killed during the application POST (the rerun makes exactly one application), and
 * Konnect deleting the linked Azure client with the application (azuread's delete fails, refresh and a second
 * destroy finish).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stripSecrets, type JsonValue } from "../../tools/engine/encoding";
import {
  destroy,
  preview,
  refresh,
  renderPreview,
  up,
  type CommandResult,
  type EngineOptions,
} from "../../tools/engine/engineLite";
import { killAllHosts, stopAllHosts } from "../../tools/engine/pluginHost";
import { captureProgram, killRunningCaptures, type CapturedProgram } from "../../tools/engine/programCapture";
import { loadState, type StateResource } from "../../tools/engine/stateFile";
import { rootStackOptions, ROOT_PROJECT } from "../../tools/demo/rootStack";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";
import { TOKEN } from "../../tools/emulator/testSupport";
import { startAzureTokenEndpoint, type AzureTokenEndpoint } from "../../tools/standins/azureTokenEndpoint";
import { startEmulatorGateway, type EmulatorGateway } from "../../tools/standins/emulatorGateway";
import { simulatedAzure, type SimulatedAzure } from "../../tools/standins/simulatedAzure";
import { startStandIn, type StandIn } from "../../tools/standins/standIn";
import { guidFrom, MOCK_DEFAULTS } from "../program/azureMocks";
import { expectNoSecrets, type ScannedText } from "../support/secretScan";

jest.setTimeout(900_000);

const PASSPHRASE = "test-application-passphrase";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const OTHER_TEAM = "2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819";
const T = {
  application: "pulumi-nodejs:dynamic/konnect:PortalApplication",
  registration: "pulumi-nodejs:dynamic/konnect:ApplicationRegistration",
  check: "pulumi-nodejs:dynamic/konnect:DcrRequestCheck",
  strategy: "pulumi-nodejs:dynamic/konnect:AuthStrategy",
  password: "azuread:index/applicationPassword:ApplicationPassword",
};
const TEST_CLIENT_ID = guidFrom("client:azure-dcr-test-client-app");
/** A signed JWT (header and claims are base64url JSON objects, so they start with "eyJ"). */
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FAST_CHECK = { NODE_OPTIONS: `--require ${path.join(__dirname, "scenarios", "fastRequestCheck.js")}` };

let emulator: KonnectEmulator;
let azure: AzureTokenEndpoint;
let gateway: EmulatorGateway;
let refusing: StandIn;
let dir: string;
let mirror: SimulatedAzure;
const seen: ScannedText[] = [];
const secrets = new Set<string>();
const programs = new Map<string, CapturedProgram>();

beforeAll(async () => {
  emulator = await startKonnectEmulator();
  azure = await startAzureTokenEndpoint({ idp: emulator });
  gateway = await startEmulatorGateway({ konnect: emulator, tokens: azure, routes: [{ path: "/orders", apiId: API }] });
  refusing = await startStandIn(() => ({
    status: 401,
    body: { message: "Unauthorized" },
    headers: { "WWW-Authenticate": 'Bearer realm="kong", error="invalid_token"' },
  }));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-test-application-"));
  seed();
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await refusing?.close();
  await gateway?.close();
  await azure?.close();
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The portal and the API (managed outside the stack), and a team of the portal that can own applications. */
function seed(): void {
  emulator.seedPortal({ name: "developer-portal" }, { id: PORTAL });
  emulator.seedApi({ name: "Orders API", version: "v1" }, { id: API });
  emulator.seedTeam(PORTAL, { name: "Platform", can_own_applications: true }, { id: OTHER_TEAM });
  mirror = simulatedAzure(emulator, { tenantId: MOCK_DEFAULTS.tenantId });
}

/** Engine options of stack `stack` with the test application (its program captured once per config). */
async function options(stack: string, extra: Record<string, string> = {}): Promise<EngineOptions> {
  const config = {
    publications: JSON.stringify([`${API}/${PORTAL}?visibility=public`]),
    testApplicationPortalId: PORTAL,
    testApplicationRoute: `${gateway.url}/orders`,
    testApplicationLoginUrl: azure.loginUrl,
    ...extra,
  };
  const stackOptions = rootStackOptions({
    statePath: path.join(dir, `${stack}.json`),
    passphrase: PASSPHRASE,
    konnectUrl: emulator.url,
    token: TOKEN,
    stack,
    config,
  });
  const key = JSON.stringify([stack, config]);
  let program = programs.get(key);
  if (program === undefined) {
    program = await captureProgram(stackOptions.program);
    programs.set(key, program);
  }
  return { ...stackOptions, program, simulated: mirror };
}

/** Runs a command and keeps what a person could see, for the final secret scan. */
async function run(label: string, command: Promise<CommandResult>, stack = "dev"): Promise<CommandResult> {
  const result = await command;
  seen.push({ source: `${label}: provider logs`, text: result.providerLogs });
  seen.push({ source: `${label}: diagnostics`, text: JSON.stringify(result.diagnostics) });
  seen.push({ source: `${label}: rendering`, text: renderPreview(result) });
  const statePath = path.join(dir, `${stack}.json`);
  if (fs.existsSync(statePath)) seen.push({ source: `${label}: state file`, text: fs.readFileSync(statePath, "utf8") });
  return result;
}

function state(stack = "dev"): StateResource[] {
  return loadState(path.join(dir, `${stack}.json`), PASSPHRASE, ROOT_PROJECT, stack).resources;
}
function one(type: string, stack = "dev"): StateResource {
  const found = state(stack).filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`${found.length} resources of ${type} in state`);
  return found[0]!;
}
const plain = (value: JsonValue | undefined): unknown => (value === undefined ? undefined : stripSecrets(value));
/** The current secret of the test client and of the admin app (kept for the secret scan). */
function currentSecrets(stack = "dev"): { test: string; admin: string } {
  const value = (name: string) =>
    String(plain(state(stack).find((r) => r.urn.endsWith(`::${name}`) && r.type === T.password)?.outputs.value));
  const found = { test: value("azure-dcr-test-client-secret"), admin: value("azure-dcr-azure-secret") };
  secrets.add(found.test).add(found.admin);
  return found;
}

/** Konnect calls since the last call, as `METHOD path status`, ids named. */
function konnectCalls(): string[] {
  const names: Record<string, string> = { [PORTAL]: "{portal}", [API]: "{api}", [OTHER_TEAM]: "{otherTeam}" };
  const calls = emulator
    .requestLog()
    .map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, (id) => names[id] ?? "{id}")} ${e.status}`);
  emulator.clearRequestLog();
  return calls;
}
/** Requests the stand-ins saw since the last call. */
function standInRequests(): { token: string[]; gateway: string[] } {
  const found = {
    token: azure.requests.map((r) => `${r.method} ${r.status}`),
    gateway: gateway.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
  };
  azure.requests.length = 0;
  gateway.requests.length = 0;
  return found;
}
const changed = (result: CommandResult) =>
  result.steps.filter((s) => s.op !== "same").map((s) => [s.op, s.name, s.changedKeys ?? []]);
const passing = (check: StateResource) =>
  (plain(check.outputs.results) as { status: string }[]).map((r) => r.status).every((s) => s === "pass");

describe("one stack with a test application", () => {
  let applicationId = "";
  let registrationId = "";

  it("1. up makes the whole flow and ends in a passing request check (1 token, 1 gateway request)", async () => {
    const created = await run("up", up(await options("dev")));
    expect(created.diagnostics).toEqual([]);
    expect(created.steps.filter((s) => s.name.startsWith("azure-dcr-test-")).map((s) => [s.op, s.name])).toEqual([
      ["create", "azure-dcr-test-client"],
      ["create", "azure-dcr-test-client-app"],
      ["create", "azure-dcr-test-client-secret"],
      ["create", "azure-dcr-test-client-sp"],
      ["create", "azure-dcr-test-team"],
      ["create", "azure-dcr-test-application"],
      [`create`, `azure-dcr-test-registration-${API}`],
      ["create", "azure-dcr-test-check"],
    ]);
    // The test application's Konnect calls: the team and the application each look up, then POST; the registration
    // POSTs, and Konnect leaves it pending (the portal does not auto-approve), so the declared approval is one PATCH.
    const calls = konnectCalls().filter((c) => /\/(teams|applications|registrations)/.test(c));
    expect(calls).toEqual([
      expect.stringMatching(/^GET \/v3\/portals\/\{portal\}\/teams\?.* 200$/),
      "POST /v3/portals/{portal}/teams 201",
      expect.stringMatching(/^GET \/v3\/portals\/\{portal\}\/applications\?.* 200$/),
      "POST /v3/portals/{portal}/applications 201",
      "POST /v3/portals/{portal}/applications/{id}/registrations 201",
      "PATCH /v3/portals/{portal}/applications/{id}/registrations/{id} 200",
    ]);
    expect(standInRequests()).toEqual({ token: ["POST 200"], gateway: ["GET /orders 200"] });
    const check = one(T.check);
    expect(passing(check)).toBe(true);
    expect(plain(check.outputs.claims)).toMatchObject({ ver: "1.0", appid: TEST_CLIENT_ID });
    const [application] = emulator.list("applications");
    applicationId = application!.id;
    registrationId = emulator.list("application-registrations")[0]!.id;
    expect(application).toMatchObject({ client_id: TEST_CLIENT_ID, idp_client: "linked", portal_id: PORTAL });
    expect(created.outputs.testApplicationId).toBe(applicationId);
    expect(created.outputs.testClientId).toBe(TEST_CLIENT_ID);
    currentSecrets();
  });

  it("2. a no-op preview and a no-op up make 0 Konnect calls and 0 token or gateway requests", async () => {
    const planned = await run("preview no-op", preview(await options("dev")));
    expect(changed(planned)).toEqual([]);
    const again = await run("up no-op", up(await options("dev")));
    expect(again.diagnostics).toEqual([]);
    expect(changed(again)).toEqual([]);
    expect(konnectCalls()).toEqual([]);
    expect(standInRequests()).toEqual({ token: [], gateway: [] });
  });

  it("3. a secret rotation PATCHes the DCR provider and runs the check again with the new secret", async () => {
    const before = currentSecrets();
    const rotated = await run("up rotation", up(await options("dev", { secretRotationKey: "r1" })));
    expect(rotated.diagnostics).toEqual([]);
    expect(changed(rotated)).toEqual([
      ["replace", "azure-dcr-azure-secret", ["rotateWhenChanged"]],
      ["replace", "azure-dcr-test-client-secret", ["rotateWhenChanged"]],
      ["update", "azure-dcr-dcr-provider", ["dcrConfig"]],
      ["update", "azure-dcr-test-check", ["clientSecret"]],
    ]);
    expect(konnectCalls()).toEqual(["PATCH /v2/dcr-providers/{id} 200"]);
    expect(standInRequests()).toEqual({ token: ["POST 200"], gateway: ["GET /orders 200"] });
    const after = currentSecrets();
    expect(after.test).not.toBe(before.test);
    expect(after.admin).not.toBe(before.admin);
    expect(plain(one(T.check).inputs.clientSecret)).toBe(after.test);
    expect(emulator.storedSecrets(one("pulumi-nodejs:dynamic/konnect:DcrProvider").id!)).toMatchObject({
      initial_client_secret: after.admin,
    });
  });

  it("4. a registration revoked in the Dev Portal shows on refresh; up puts it back and checks again", async () => {
    emulator.updateStored("application-registrations", registrationId, { status: "revoked" });
    const refreshed = await run("refresh revoked", refresh(await options("dev", { secretRotationKey: "r1" })));
    expect(refreshed.diagnostics).toEqual([]);
    const read = refreshed.steps.find((s) => s.type === T.registration);
    expect(read?.changedKeys).toEqual(expect.arrayContaining(["status"]));
    expect(plain(one(T.registration).outputs.status)).toBe("revoked");
    expect(konnectCalls().filter((c) => c.startsWith("GET") && c.includes("registrations"))).toHaveLength(1);
    const restored = await run("up restore", up(await options("dev", { secretRotationKey: "r1" })));
    expect(restored.diagnostics).toEqual([]);
    expect(changed(restored)).toEqual([
      ["update", `azure-dcr-test-registration-${API}`, ["status"]],
      ["update", "azure-dcr-test-check", ["triggers"]],
    ]);
    expect(konnectCalls()).toEqual(["PATCH /v3/portals/{portal}/applications/{id}/registrations/{id} 200"]);
    expect(standInRequests()).toEqual({ token: ["POST 200"], gateway: ["GET /orders 200"] });
    expect(emulator.get("application-registrations", registrationId)).toMatchObject({ status: "approved" });
  });

  it("5. a gateway answering 401 fails the up with a readable report and nothing secret in it", async () => {
    const prior = one(T.check).outputs;
    const opts = await options("dev", { secretRotationKey: "r1", testApplicationRoute: `${refusing.url}/orders` });
    const failed = await run("up gateway 401", up({ ...opts, hostEnv: FAST_CHECK }));
    expect(failed.ok).toBe(false);
    expect(failed.diagnostics).toHaveLength(1);
    const message = failed.diagnostics[0]!.message;
    expect(message).toContain(`request check of client ${TEST_CLIENT_ID} in tenant ${MOCK_DEFAULTS.tenantId} failed`);
    expect(message).toContain("PASS  Claim appid equals the client id (credential claim of the auth strategy)");
    expect(message).toContain(`FAIL  Gateway accepts the bearer token\n      ${refusing.url}/orders answered HTTP 401`);
    expect(message).not.toMatch(JWT); // no token
    // The fast schedule of fastRequestCheck.js: 2 attempts, one token reused; the state keeps the last passing run.
    expect(standInRequests()).toEqual({ token: ["POST 200"], gateway: [] });
    expect(refusing.requests).toHaveLength(2);
    expect(one(T.check).outputs).toEqual(prior);
    expect(konnectCalls()).toEqual([]);
    // With the route back, the state (which never took the refused route) already matches: nothing to do.
    const recovered = await run("up gateway back", up(await options("dev", { secretRotationKey: "r1" })));
    expect(recovered.diagnostics).toEqual([]);
    expect(changed(recovered)).toEqual([]);
    expect(standInRequests()).toEqual({ token: [], gateway: [] });
  });

  it("6. a replaced strategy moves the application: old one deleted first, the old strategy last, no 409", async () => {
    const strategyUrn = one(T.strategy).urn;
    const opts = await options("dev", { secretRotationKey: "r1" });
    const replaced = await run("up replace strategy", up({ ...opts, replaceTargets: [strategyUrn] }));
    expect(replaced.diagnostics).toEqual([]);
    expect(changed(replaced).map(([op, name]) => [op, name])).toEqual([
      ["replace", "azure-dcr-auth-strategy"],
      ["update", `azure-dcr-publication-${API}-${PORTAL}`],
      ["replace", "azure-dcr-test-application"],
      ["replace", `azure-dcr-test-registration-${API}`],
      ["update", "azure-dcr-test-check"],
    ]);
    expect(replaced.steps.find((s) => s.name === "azure-dcr-test-application")?.deleteBeforeReplace).toBe(true);
    const calls = konnectCalls();
    expect(calls.filter((c) => c.endsWith(" 409"))).toEqual([]);
    const at = (pattern: RegExp) => calls.findIndex((c) => pattern.test(c));
    const deleteApp = at(/^DELETE \/v3\/portals\/\{portal\}\/applications\/\{id\} 204$/);
    const postApp = at(/^POST \/v3\/portals\/\{portal\}\/applications 201$/);
    const deleteStrategy = at(/^DELETE \/v2\/application-auth-strategies\/\{id\} 204$/);
    expect([deleteApp >= 0, postApp > deleteApp, deleteStrategy === calls.length - 1]).toEqual([true, true, true]);
    // The old registration went with the old application: its delete finds nothing (404 is done).
    expect(calls).toContain("DELETE /v3/portals/{portal}/applications/{id}/registrations/{id} 404");
    const applications = emulator.list("applications");
    expect(applications).toHaveLength(1);
    expect(applications[0]!.id).not.toBe(applicationId);
    expect(applications[0]!.auth_strategy_id).toBe(replaced.outputs.authStrategyId);
    expect(emulator.list("application-auth-strategies").map((s) => s.id)).toEqual([replaced.outputs.authStrategyId]);
    expect(standInRequests()).toEqual({ token: ["POST 200"], gateway: ["GET /orders 200"] });
    expect(passing(one(T.check))).toBe(true);
  });

  it("7. an owner change is one PATCH of the application; the component's team goes, and comes back", async () => {
    const moved = await run(
      "up owner",
      up(await options("dev", { secretRotationKey: "r1", testApplicationOwner: `team:${OTHER_TEAM}` })),
    );
    expect(moved.diagnostics).toEqual([]);
    expect(changed(moved)).toEqual([
      ["update", "azure-dcr-test-application", ["owner"]],
      ["delete", "azure-dcr-test-team", []],
    ]);
    expect(konnectCalls()).toEqual([
      "PATCH /v3/portals/{portal}/applications/{id} 200",
      "DELETE /v3/portals/{portal}/teams/{id} 204",
    ]);
    expect(emulator.list("applications")[0]!.owner).toEqual({ type: "team", id: OTHER_TEAM });
    expect(standInRequests()).toEqual({ token: [], gateway: [] });
    const back = await run("up owner back", up(await options("dev", { secretRotationKey: "r1" })));
    expect(back.diagnostics).toEqual([]);
    expect(changed(back).map(([op, name]) => [op, name])).toEqual([
      ["create", "azure-dcr-test-team"],
      ["update", "azure-dcr-test-application"],
    ]);
    konnectCalls();
  });

  it("8. destroy deletes the check, the registration, the application, the team, then the strategy: no 409", async () => {
    const destroyed = await run("destroy", destroy(await options("dev", { secretRotationKey: "r1" })));
    expect(destroyed.diagnostics).toEqual([]);
    const order = destroyed.steps.map((s) => s.name);
    const at = (name: string) => order.indexOf(name);
    const ordered = [
      "azure-dcr-test-check",
      `azure-dcr-test-registration-${API}`,
      "azure-dcr-test-application",
      "azure-dcr-test-team",
      "azure-dcr-auth-strategy",
      "azure-dcr-test-client-app",
    ];
    // Each one is deleted (a missing name would make the comparisons below meaningless).
    expect(ordered.filter((name) => at(name) < 0)).toEqual([]);
    expect(destroyed.steps.every((s) => s.op === "delete")).toBe(true);
    expect(at("azure-dcr-test-check")).toBeLessThan(at(`azure-dcr-test-registration-${API}`));
    expect(at(`azure-dcr-test-registration-${API}`)).toBeLessThan(at("azure-dcr-test-application"));
    expect(at("azure-dcr-test-application")).toBeLessThan(at("azure-dcr-test-team"));
    expect(at("azure-dcr-test-team")).toBeLessThan(at("azure-dcr-auth-strategy"));
    expect(at("azure-dcr-test-application")).toBeLessThan(at("azure-dcr-test-client-app"));
    const deletes = konnectCalls().map((c) => c.replace(/^DELETE (\S+) (\d+)$/, "$1 $2"));
    // The publication is unrelated to the test application: engine-lite happens to delete it before the team.
    expect(deletes).toEqual([
      "/v3/portals/{portal}/applications/{id}/registrations/{id} 204",
      "/v3/portals/{portal}/applications/{id} 204",
      "/v3/apis/{api}/publications/{portal} 204",
      "/v3/portals/{portal}/teams/{id} 204",
      "/v2/application-auth-strategies/{id} 204",
      "/v2/dcr-providers/{id} 204",
    ]);
    expect(standInRequests()).toEqual({ token: [], gateway: [] });
    expect(state()).toEqual([]);
    // Konnect kept the linked client (the emulator's default), so Pulumi deleted it: nothing is left in the IdP.
    expect(emulator.idpClients()).toEqual([]);
  });
});

describe("interruptions and what Konnect does to a linked client", () => {
  beforeAll(() => {
    emulator.reset();
    seed();
    standInRequests();
  });

  it("the plugin host killed during the application POST: the rerun makes exactly one application", async () => {
    emulator.injectFault({ method: "POST", path: `/v3/portals/${PORTAL}/applications`, commitThenHold: true });
    const pending = run("up killed", up(await options("killed")), "killed");
    for (let i = 0; i < 1200 && emulator.list("applications").length === 0; i++) await sleep(100);
    expect(emulator.list("applications")).toHaveLength(1);
    await killAllHosts();
    const failed = await pending;
    expect(failed.ok).toBe(false);
    expect(state("killed").some((r) => r.type === T.application)).toBe(false);
    const rerun = await run("up after kill", up(await options("killed")), "killed");
    expect(rerun.diagnostics).toEqual([]);
    const applications = emulator.list("applications");
    expect(applications).toHaveLength(1);
    expect(one(T.application, "killed").id).toBe(applications[0]!.id);
    expect(passing(one(T.check, "killed"))).toBe(true);
    currentSecrets("killed");
    const destroyed = await run("destroy killed", destroy(await options("killed")), "killed");
    expect(destroyed.diagnostics).toEqual([]);
    expect(emulator.requestLog().filter((e) => e.status === 409)).toEqual([]);
    emulator.clearRequestLog();
  });

  it("Konnect deletes the linked Azure client with the application: azuread's delete fails, refresh and destroy finish", async () => {
    emulator.setOptions({ linkedClientOnDelete: "delete" });
    try {
      const created = await run("up linked", up(await options("linked")), "linked");
      expect(created.diagnostics).toEqual([]);
      currentSecrets("linked");
      const failed = await run("destroy linked", destroy(await options("linked")), "linked");
      expect(failed.ok).toBe(false);
      expect(failed.diagnostics.map((d) => d.message)).toEqual([
        expect.stringMatching(
          /^Retrieving (Application|Service Principal) with object ID "[0-9a-f-]{36}": (Application|Service Principal) was not found$/,
        ),
      ]);
      // The Konnect side is gone already, in order; the test client's Azure objects are what is left.
      expect(emulator.list("applications")).toEqual([]);
      const refreshed = await run("refresh linked", refresh(await options("linked")), "linked");
      expect(refreshed.steps.filter((s) => s.gone).map((s) => s.name)).toEqual(
        expect.arrayContaining(["azure-dcr-test-client-app"]),
      );
      const finished = await run("destroy linked again", destroy(await options("linked")), "linked");
      expect(finished.diagnostics).toEqual([]);
      expect(state("linked")).toEqual([]);
      expect(emulator.requestLog().filter((e) => e.status === 409)).toEqual([]);
    } finally {
      emulator.setOptions({ linkedClientOnDelete: "keep" });
    }
  });

  it("nothing a person could see holds a client secret or the Konnect token", () => {
    // The first secrets of the three stacks are the same mock values (same names and inputs); the rotation adds two.
    expect(secrets.size).toBe(4);
    expect(expectNoSecrets(seen, [...secrets, TOKEN])).toBeGreaterThan(0);
    // The check's tokens (signed JWTs from the stand-in endpoint) are never stored, logged or reported.
    expect(seen.filter((s) => JWT.test(s.text)).map((s) => s.source)).toEqual([]);
  });
});
