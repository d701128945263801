/**
 * Engine-lite lifecycles over the toy program: every command runs the program afresh and starts its own plugin host.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { secret, UNKNOWN } from "../../tools/engine/encoding";
import {
  destroy,
  preview,
  refresh,
  renderPreview,
  up,
  type CommandResult,
  type SimulatedHooks,
} from "../../tools/engine/engineLite";
import { isProcessGroupAlive, stopAllHosts } from "../../tools/engine/pluginHost";
import { killRunningCaptures } from "../../tools/engine/programCapture";
import { loadState } from "../../tools/engine/stateFile";
import { startToyStore, type ToyStore } from "./fixtures/toyStore";
import { itemUrn, TOY_PASSWORD, TOY_PROJECT, TOY_TOKEN, toySpec } from "./fixtures/toySetup";
import type { StackConfig } from "../../tools/engine/providerClient";

const PASSPHRASE = "engine-lite-test-passphrase";
const CHILD_URN = "urn:pulumi:dev::toy::toy:index:Group$pulumi-nodejs:dynamic/toy:Item::child";
const WIDGET_URN = "urn:pulumi:dev::toy::mock:index:Widget::widget";

// Each command runs the program in a fresh process and starts a fresh plugin host; on a busy 2-core box that adds up.
jest.setTimeout(300_000);

let store: ToyStore;
let dir: string;

beforeAll(async () => {
  store = await startToyStore(TOY_TOKEN);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-lite-"));
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function options(stateName: string, extra: StackConfig = {}) {
  return { statePath: path.join(dir, `${stateName}.json`), passphrase: PASSPHRASE, program: toySpec(store.url, extra) };
}

const ops = (result: CommandResult) => result.steps.map((s) => `${s.op} ${s.name}`);
const methods = (result: CommandResult) => result.rpcCalls.map((c) => c.method);
const requestsSince = (count: number) => store.requests.slice(count).map((r) => `${r.method} ${r.path}`);

describe("engine-lite", () => {
  it("runs preview → up → preview → refresh → up (update) → destroy across separate host processes", async () => {
    const opts = options("lifecycle");
    const hostPids: number[] = [];
    const track = (result: CommandResult) => {
      expect(result.diagnostics).toEqual([]);
      expect(result.ok).toBe(true);
      if (result.hostPid !== undefined) hostPids.push(result.hostPid);
      return result;
    };

    // 1. Preview of a new stack: Check only, unknown ids, nothing written.
    const first = track(await preview(opts));
    expect(ops(first)).toEqual(["create group", "create widget", "create parent", "create child"]);
    expect(methods(first)).toEqual(["configure", "check", "check"]);
    expect(store.requests).toEqual([]);
    expect(fs.existsSync(opts.statePath)).toBe(false);
    const plannedChild = first.steps.find((s) => s.urn === CHILD_URN)!;
    expect(plannedChild.inputs).toMatchObject({ name: "parent-child", parentId: UNKNOWN });
    expect(first.outputs).toEqual({
      parentId: UNKNOWN,
      parentName: "parent",
      childLabel: UNKNOWN,
      childPassword: secret(TOY_PASSWORD),
    });
    const rendered = renderPreview(first);
    expect(rendered).toContain("pulumi-nodejs:dynamic/toy:Item");
    expect(rendered).toContain('password: "[secret]"');
    expect(rendered).toContain('parentId: "[unknown]"');
    expect(rendered).toContain("+ 4 to create");
    expect(rendered).not.toContain(TOY_PASSWORD);

    // 2. Up creates in dependency order; placeholders become the real outputs.
    const created = track(await up(opts));
    expect(ops(created)).toEqual(["create group", "create widget", "create parent", "create child"]);
    expect(methods(created)).toEqual(["configure", "check", "create", "check", "create"]);
    const state = loadState(opts.statePath, PASSPHRASE, TOY_PROJECT, "dev");
    const parentId = state.resources.find((r) => r.urn === itemUrn("parent"))!.id!;
    const child = state.resources.find((r) => r.urn === CHILD_URN)!;
    expect(store.items.get(child.id!)).toEqual({
      id: child.id,
      name: "parent-child",
      color: "blue",
      password: TOY_PASSWORD,
      parentId,
      revision: 1,
    });
    expect(created.outputs).toEqual({
      parentId,
      parentName: "parent",
      childLabel: `child of ${parentId}`,
      childPassword: secret(TOY_PASSWORD),
    });
    const { __provider: provider, ...childOutputs } = child.outputs;
    expect(childOutputs).toEqual({
      name: "parent-child",
      color: "blue",
      password: secret(TOY_PASSWORD),
      parentId,
      revision: secret(1),
    });
    expect(provider).toBe(child.inputs.__provider);
    // Secrets are encrypted on disk; the serialized provider stays readable, as in real state.
    const stateText = fs.readFileSync(opts.statePath, "utf8");
    expect(stateText).not.toContain(TOY_PASSWORD);
    expect(stateText).not.toContain(TOY_TOKEN);
    expect(stateText).toContain('"ciphertext": "v1:');
    expect(stateText).toContain("storeRequest");
    expect(() => loadState(opts.statePath, "wrong passphrase", TOY_PROJECT, "dev")).toThrow(/incorrect passphrase/);

    // 3. Preview again: no changes, Check and Diff only.
    let seen = store.requests.length;
    const unchanged = track(await preview(opts));
    expect(ops(unchanged)).toEqual(["same group", "same widget", "same parent", "same child"]);
    expect(methods(unchanged)).toEqual(["configure", "check", "diff", "check", "diff"]);
    expect(requestsSince(seen)).toEqual([]);

    // 4. Refresh picks up an out-of-band change through Read.
    store.items.get(parentId)!.color = "green";
    seen = store.requests.length;
    const refreshed = track(await refresh(opts));
    expect(methods(refreshed)).toEqual(["configure", "read", "read"]);
    expect(refreshed.steps.map((s) => [s.op, s.name, s.changedKeys])).toEqual([
      ["read", "group", undefined],
      ["read", "widget", undefined],
      ["read", "parent", ["color"]],
      ["read", "child", []],
    ]);
    expect(requestsSince(seen)).toEqual([`GET /items/${parentId}`, `GET /items/${child.id}`]);
    const afterRefresh = loadState(opts.statePath, PASSPHRASE, TOY_PROJECT, "dev");
    expect(afterRefresh.resources.find((r) => r.id === parentId)!.outputs.color).toBe("green");

    // 5. Up with a changed input updates in place; the child is unchanged.
    seen = store.requests.length;
    const updated = track(await up(options("lifecycle", { "toy:color": "blue" })));
    expect(ops(updated)).toEqual(["same group", "same widget", "update parent", "same child"]);
    expect(updated.steps.find((s) => s.op === "update")!.changedKeys).toEqual(["color"]);
    expect(requestsSince(seen)).toEqual([`PUT /items/${parentId}`]);
    expect(store.items.get(parentId)).toMatchObject({ color: "blue", revision: 2 });

    // 6. Destroy deletes dependents first, with the provider stored in the outputs.
    seen = store.requests.length;
    const destroyed = track(
      await destroy({ statePath: opts.statePath, passphrase: PASSPHRASE, config: opts.program.config }),
    );
    expect(ops(destroyed)).toEqual(["delete child", "delete parent", "delete widget", "delete group"]);
    expect(methods(destroyed)).toEqual(["configure", "delete", "delete"]);
    expect(requestsSince(seen)).toEqual([`DELETE /items/${child.id}`, `DELETE /items/${parentId}`]);
    expect(store.items.size).toBe(0);
    expect(loadState(opts.statePath, PASSPHRASE, TOY_PROJECT, "dev").resources).toEqual([]);

    // Every command that needed the provider ran its own host, and none survived.
    expect(hostPids).toHaveLength(6);
    expect(new Set(hostPids).size).toBe(6);
    expect(hostPids.filter(isProcessGroupAlive)).toEqual([]);
  });

  it("replaces create-before-delete, deletes removed resources, and keeps a resource that failed to initialize", async () => {
    const opts = options("replace");
    expect((await up(opts)).ok).toBe(true);
    const before = loadState(opts.statePath, PASSPHRASE, TOY_PROJECT, "dev");
    const oldParentId = before.resources.find((r) => r.urn === itemUrn("parent"))!.id!;
    const childId = before.resources.find((r) => r.urn === CHILD_URN)!.id!;

    let seen = store.requests.length;
    const replaced = await up(options("replace", { "toy:kind": "premium" }));
    expect(replaced.diagnostics).toEqual([]);
    expect(ops(replaced)).toEqual(["same group", "same widget", "replace parent", "update child"]);
    expect(replaced.steps.find((s) => s.op === "replace")!.replaceKeys).toEqual(["kind"]);
    const newParentId = replaced.outputs.parentId as string;
    expect(newParentId).not.toBe(oldParentId);
    expect(requestsSince(seen)).toEqual(["POST /items", `PUT /items/${childId}`, `DELETE /items/${oldParentId}`]);
    expect(store.items.get(childId)).toMatchObject({ parentId: newParentId });

    seen = store.requests.length;
    const removed = await up(options("replace", { "toy:kind": "premium", "toy:withChild": "false" }));
    expect(removed.diagnostics).toEqual([]);
    expect(ops(removed)).toEqual(["same widget", "same parent", "delete child", "delete group"]);
    expect(requestsSince(seen)).toEqual([`DELETE /items/${childId}`]);
    expect(loadState(opts.statePath, PASSPHRASE, TOY_PROJECT, "dev").resources.map((r) => r.urn)).toEqual([
      WIDGET_URN,
      itemUrn("parent"),
    ]);
    // A resource deleted out of band leaves the state on refresh (Read answers an empty id).
    store.items.delete(newParentId);
    const refreshed = await refresh({ ...opts, config: opts.program.config });
    expect(refreshed.diagnostics).toEqual([]);
    expect(refreshed.steps.map((s) => [s.op, s.name, s.gone])).toEqual([
      ["read", "widget", undefined],
      ["read", "parent", true],
    ]);
    expect(loadState(opts.statePath, PASSPHRASE, TOY_PROJECT, "dev").resources.map((r) => r.urn)).toEqual([WIDGET_URN]);
    expect(ops(await destroy({ ...opts, config: opts.program.config }))).toEqual(["delete widget"]);
    expect(store.items.size).toBe(0);

    // A create error carrying an id keeps the resource in state; the command fails and stops.
    const broken = options("broken", { "toy:parentName": "broken-parent" });
    const failed = await up(broken);
    expect(failed.ok).toBe(false);
    const [brokenId] = [...store.items.keys()];
    expect(failed.diagnostics).toEqual([
      {
        severity: "error",
        urn: itemUrn("parent"),
        message: `item ${brokenId} was created but failed to initialize (health check failed)`,
      },
    ]);
    expect(ops(failed)).toEqual(["create group", "create widget", "create parent"]);
    const kept = loadState(broken.statePath, PASSPHRASE, TOY_PROJECT, "dev").resources.find(
      (r) => r.urn === itemUrn("parent"),
    )!;
    expect({ id: kept.id, initErrors: kept.initErrors, password: kept.outputs.password }).toEqual({
      id: brokenId,
      initErrors: ["health check failed"],
      password: secret(TOY_PASSWORD),
    });
    expect((await destroy({ ...broken, config: broken.program.config })).ok).toBe(true);
    expect(store.items.size).toBe(0);
  });

  it("runs the simulated-resource hooks: every up step, deletes, a failing delete kept in state, refresh reads", async () => {
    const opts = options("simulated");
    const seenSteps: string[] = [];
    let failDelete = false;
    let gone = false;
    const simulated: SimulatedHooks = {
      apply: (step) => {
        seenSteps.push(`${step.op} ${step.type} ${JSON.stringify(step.inputs)}`);
        if (step.op === "delete" && failDelete) throw new Error("Widget was not found");
      },
      read: (resource) => (gone && resource.type === "mock:index:Widget" ? "gone" : "exists"),
    };
    const config = opts.program.config;
    expect((await preview({ ...opts, simulated })).ok).toBe(true);
    expect(seenSteps).toEqual([]); // preview never calls them
    expect((await up({ ...opts, simulated })).ok).toBe(true);
    expect((await up({ ...opts, simulated })).ok).toBe(true);
    expect(seenSteps).toEqual(['create mock:index:Widget {"size":3}', 'same mock:index:Widget {"size":3}']);

    failDelete = true;
    const failed = await destroy({ ...opts, config, simulated });
    expect(failed.diagnostics).toEqual([{ severity: "error", urn: WIDGET_URN, message: "Widget was not found" }]);
    // The destroy stopped there: the widget is still in state, and the group deleted after it.
    expect(loadState(opts.statePath, PASSPHRASE, TOY_PROJECT, "dev").resources.map((r) => r.urn)).toEqual([
      "urn:pulumi:dev::toy::toy:index:Group::group",
      WIDGET_URN,
    ]);
    // A refresh whose read finds nothing drops it; the next destroy deletes only what is left.
    gone = true;
    const refreshed = await refresh({ ...opts, config, simulated });
    expect(refreshed.steps.map((s) => [s.op, s.name, s.gone])).toEqual([
      ["read", "group", undefined],
      ["read", "widget", true],
    ]);
    expect(ops(await destroy({ ...opts, config, simulated }))).toEqual(["delete group"]);
    expect(seenSteps.slice(2)).toEqual(['delete mock:index:Widget {"size":3}']);
  });

  it("reports check failures as diagnostics without creating anything", async () => {
    const seen = store.requests.length;
    const result = await up(options("invalid", { "toy:color": "purple" }));
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      {
        severity: "error",
        urn: itemUrn("parent"),
        message: "check failed: color: color must be one of red, green, blue",
      },
    ]);
    expect(requestsSince(seen)).toEqual([]);
  });
});
