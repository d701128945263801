/**
 * DcrRequestCheck through engine-lite: the real plugin host runs its serialized provider against stand-ins for Azure's
 * v1 token endpoint and a gateway route (started here, on 127.0.0.1), with no Konnect config at all. One stack walks
 * through: preview, up (1 token request + 1 gateway request), a second up that is a no-op with 0 requests, a refresh
 * with 0 requests, a triggers change that re-runs it, a gateway answering 401 that fails the `up` with the report
 * (nothing secret in it; the prior state kept), the next up that passes, and a destroy with 0 requests. Every text a
 * person could see (logs, diagnostics, renderings, shown outputs, the state file) is scanned for the secret and token.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isSecret } from "../../tools/engine/encoding";
import {
  destroy,
  preview,
  refresh,
  renderPreview,
  renderValue,
  up,
  type CommandResult,
} from "../../tools/engine/engineLite";
import { stopAllHosts } from "../../tools/engine/pluginHost";
import { captureProgram, killRunningCaptures, type CapturedProgram } from "../../tools/engine/programCapture";
import { loadState } from "../../tools/engine/stateFile";
import { expectNoSecrets, type ScannedText } from "../support/secretScan";
import { gateway, type GatewayRules } from "../../tools/standins/cannedGateway";
import { makeJwt } from "../../tools/standins/jwt";
import { startStandIn, type StandIn } from "../../tools/standins/standIn";

jest.setTimeout(600_000);

const PASSPHRASE = "request-check-passphrase";
const TYPE = "pulumi-nodejs:dynamic/konnect:DcrRequestCheck";
const TENANT = "3c9a1f5e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
const CLIENT_ID = "5d2e8c1a-7f3b-4a9e-b6c4-0e1f2a3b4c5d";
const SECRET = "engine~request.check+secret/=";
const TOKEN = makeJwt({
  aud: "https://graph.microsoft.com",
  iss: `https://sts.windows.net/${TENANT}/`,
  ver: "1.0",
  appid: CLIENT_ID,
  tid: TENANT,
});

let dir: string;
let login: StandIn;
let gw: StandIn;
let gatewayRules: GatewayRules = { bearer: TOKEN, basic: undefined, rejectStatus: 401 };
const seen: ScannedText[] = [];
const programs = new Map<string, CapturedProgram>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-request-check-"));
  login = await startStandIn(() => ({ status: 200, body: { token_type: "Bearer", access_token: TOKEN } }));
  gw = await startStandIn(gateway(() => gatewayRules));
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await login?.close();
  await gw?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const statePath = () => path.join(dir, "state.json");

/** Engine options for a `scenario:trigger` value; the program run is captured once per trigger and reused. */
async function options(trigger: string) {
  const config = {
    "scenario:tenantId": TENANT,
    "scenario:clientId": CLIENT_ID,
    "scenario:clientSecret": { secret: SECRET },
    "scenario:route": `${gw.url}/orders`,
    "scenario:loginUrl": login.url,
    "scenario:trigger": trigger,
  };
  let program = programs.get(trigger);
  if (program === undefined) {
    program = await captureProgram({
      program: path.join(__dirname, "scenarios", "requestCheckProgram.ts"),
      project: "scenario",
      config,
      extraDynamicOutputs: { [TYPE]: ["checkedAt", "claims", "attempts", "results"] },
    });
    programs.set(trigger, program);
  }
  return {
    statePath: statePath(),
    passphrase: PASSPHRASE,
    config,
    program,
    hostEnv: { NODE_OPTIONS: `--require ${path.join(__dirname, "scenarios", "fastRequestCheck.js")}` },
  };
}

/** Runs a command and collects what a person could see. */
async function run(label: string, command: Promise<CommandResult>): Promise<CommandResult> {
  const result = await command;
  seen.push({ source: `${label}: provider logs`, text: result.providerLogs });
  seen.push({ source: `${label}: diagnostics`, text: JSON.stringify(result.diagnostics) });
  seen.push({ source: `${label}: rendering`, text: renderPreview(result) });
  const shown = Object.entries(result.outputs).map(([k, v]) => `${k}: ${renderValue(v)}`);
  seen.push({ source: `${label}: shown outputs`, text: shown.join("\n") });
  if (fs.existsSync(statePath()))
    seen.push({ source: `${label}: state file`, text: fs.readFileSync(statePath(), "utf8") });
  return result;
}

/** Requests the stand-ins saw since the last call. */
function requests(): { token: number; gateway: number } {
  const counts = { token: login.requests.length, gateway: gw.requests.length };
  login.requests.length = 0;
  gw.requests.length = 0;
  return counts;
}

const ops = (result: CommandResult) => result.steps.map((s) => `${s.op} ${s.name}`);
const checkOutputs = () =>
  loadState(statePath(), PASSPHRASE, "scenario", "dev").resources.find((r) => r.type === TYPE)?.outputs;

it("1. preview plans the check's create and sends no request", async () => {
  const planned = await run("preview", preview(await options("1")));
  expect(planned.diagnostics).toEqual([]);
  expect(ops(planned)).toEqual(["create first-request"]);
  expect(planned.rpcCalls.map((c) => c.method)).toEqual(["configure", "check"]);
  expect(requests()).toEqual({ token: 0, gateway: 0 });
});

it("2. up passes with 1 token request and 1 gateway request, no Konnect config needed", async () => {
  const created = await run("up", up(await options("1")));
  expect(created.diagnostics).toEqual([]);
  expect(ops(created)).toEqual(["create first-request"]);
  expect(requests()).toEqual({ token: 1, gateway: 1 });
  expect(created.outputs.claims).toEqual({
    ver: "1.0",
    iss: `https://sts.windows.net/${TENANT}/`,
    appid: CLIENT_ID,
    tid: TENANT,
    aud: "https://graph.microsoft.com",
  });
  expect(created.outputs.attempts).toBe(1);
  expect(created.providerLogs).toContain(`konnect: running request check of client ${CLIENT_ID} in tenant ${TENANT}`);
  // The state holds the secret only as a Pulumi secret (the state file itself is in the final scan), the token nowhere.
  const outputs = checkOutputs()!;
  expect(isSecret(outputs.clientSecret)).toBe(true);
  expect(JSON.stringify(outputs)).not.toContain(TOKEN);
  expect(outputs).not.toHaveProperty("effectiveRegion");
});

it("3. a second up is a no-op: check and diff only, 0 requests to the token endpoint and the gateway", async () => {
  const before = checkOutputs()!.checkedAt;
  const again = await run("up again", up(await options("1")));
  expect(again.diagnostics).toEqual([]);
  expect(ops(again)).toEqual(["same first-request"]);
  expect(again.rpcCalls.map((c) => c.method)).toEqual(["configure", "check", "diff"]);
  expect(requests()).toEqual({ token: 0, gateway: 0 });
  expect(checkOutputs()!.checkedAt).toBe(before);
});

it("4. refresh makes no request and finds nothing changed", async () => {
  const refreshed = await run("refresh", refresh(await options("1")));
  expect(refreshed.diagnostics).toEqual([]);
  expect(refreshed.steps.map((s) => [s.op, s.changedKeys])).toEqual([["read", []]]);
  expect(requests()).toEqual({ token: 0, gateway: 0 });
});

it("5. a triggers change re-runs the check in place", async () => {
  const before = checkOutputs()!.checkedAt as string;
  const rerun = await run("up trigger 2", up(await options("2")));
  expect(rerun.diagnostics).toEqual([]);
  expect(rerun.steps.map((s) => [s.op, s.name, s.changedKeys])).toEqual([["update", "first-request", ["triggers"]]]);
  expect(requests()).toEqual({ token: 1, gateway: 1 });
  expect(Date.parse(checkOutputs()!.checkedAt as string)).toBeGreaterThanOrEqual(Date.parse(before));
});

it("6. a gateway answering 401 fails the up with the report, nothing secret in it; the prior state stays", async () => {
  const prior = checkOutputs();
  gatewayRules = { bearer: undefined, basic: undefined, rejectStatus: 401 };
  const failed = await run("up gateway 401", up(await options("3")));
  expect(failed.ok).toBe(false);
  // The schedule fastRequestCheck.js sets: 2 attempts, the token requested once and reused.
  expect(requests()).toEqual({ token: 1, gateway: 2 });
  expect(failed.diagnostics).toHaveLength(1);
  const message = failed.diagnostics[0]!.message;
  expect(message).toMatch(
    new RegExp(`request check of client ${CLIENT_ID} in tenant ${TENANT} failed after 2 attempts in \\d+ s`),
  );
  expect(message).toContain("PASS  Claim appid equals the client id (credential claim of the auth strategy)");
  expect(message).toContain(
    `FAIL  Gateway accepts the bearer token\n      ${gw.url}/orders answered HTTP 401 (WWW-Authenticate: Bearer realm="kong", error="invalid_token").\n      What to do: The gateway did not accept the credentials`,
  );
  expect(checkOutputs()).toEqual(prior);
});

it("7. once the gateway accepts the token, the next up runs the check again and passes", async () => {
  gatewayRules = { bearer: TOKEN, basic: undefined, rejectStatus: 401 };
  const passed = await run("up after 401", up(await options("3")));
  expect(passed.diagnostics).toEqual([]);
  expect(ops(passed)).toEqual(["update first-request"]);
  expect(requests()).toEqual({ token: 1, gateway: 1 });
});

it("8. destroy makes no request and empties the state", async () => {
  const destroyed = await run("destroy", destroy(await options("3")));
  expect(destroyed.diagnostics).toEqual([]);
  expect(ops(destroyed)).toEqual(["delete first-request"]);
  expect(requests()).toEqual({ token: 0, gateway: 0 });
  expect(loadState(statePath(), PASSPHRASE, "scenario", "dev").resources).toEqual([]);
});

it("nothing secret in what people see (logs, diagnostics, renderings, shown outputs, state files)", () => {
  expect(expectNoSecrets(seen, [SECRET, TOKEN])).toBeGreaterThanOrEqual(2 * 30);
});
