/**
 * Issue 21 §2 through engine-lite and the real plugin host: a Dev Portal step that changes an object this stack does
 * not own (the portal's default strategy) is interrupted after Konnect applied its PATCH and before Pulumi wrote the
 * state (the emulator applies the PATCH and holds its answer; the host is SIGKILLed), then the stack is run again and
 * destroyed. Nothing the portal had before the stack may be lost: the PATCH that replaces the default records the one
 * it replaced on the portal (two labels), so a rerun and a destroy know what to put back.
 *
 * An API publication has no labels, so an existing one cannot be proven to be this stack's: the same interruption of
 * its create (the PUT held, the host killed) makes the rerun refuse and name `adopt` (F3). Replacing the strategy a
 * publication relies on through the portal default is refused by the preview, which names what to declare; declared,
 * one `up` completes (F6).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { destroy, preview, up, type CommandResult } from "../../tools/engine/engineLite";
import { killAllHosts, stopAllHosts } from "../../tools/engine/pluginHost";
import { killRunningCaptures } from "../../tools/engine/programCapture";
import { loadState } from "../../tools/engine/stateFile";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";
import { KEY_AUTH_BODY, TOKEN } from "../../tools/emulator/testSupport";
import { eventually } from "./interruptedCreate";

jest.setTimeout(300_000);

const PASSPHRASE = "interrupted-dev-portal";
const PORTAL_DEFAULT = "pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy";

let emulator: KonnectEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startKonnectEmulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-interrupted-dev-portal-"));
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A portal whose default is a strategy made outside the stack (`original`). */
function portalWithDefault(name: string): { portalId: string; original: string } {
  const original = emulator.seedAuthStrategy({ ...KEY_AUTH_BODY, name: `${name}-original` }).id;
  const portal = emulator.seedPortal({ name, default_application_auth_strategy_id: original, labels: { team: "a" } });
  return { portalId: portal.id, original };
}

/** engine-lite options for a scenario program (the portal-default one unless named) on one state file. */
function options(stack: string, config: Record<string, string>, program = "portalDefaultProgram.ts") {
  const stackConfig = {
    "konnect:token": { secret: TOKEN },
    "konnect:serverUrl": emulator.url,
    ...Object.fromEntries(Object.entries(config).map(([key, value]) => [`scenario:${key}`, value])),
  };
  return {
    statePath: path.join(dir, `${stack}.json`),
    passphrase: PASSPHRASE,
    config: stackConfig,
    program: {
      program: path.join(__dirname, "scenarios", program),
      project: "scenario",
      stack,
      config: stackConfig,
    },
  };
}

/**
 * `up`, with the portal PATCH (or the request `held` names) applied by Konnect but its answer held; once `applied()`
 * sees it, the plugin host is SIGKILLed: the engine never learns the outcome and writes no state for that step.
 */
async function upKilledAfterPatch(
  opts: ReturnType<typeof options>,
  applied: () => boolean,
  held = { method: "PATCH", path: "/v3/portals/*" },
): Promise<CommandResult> {
  emulator.injectFault({ ...held, commitThenHold: true });
  const pending = up(opts);
  try {
    if (!(await eventually(applied))) throw new Error(`the emulator never applied the ${held.method}`);
    await killAllHosts();
    return await pending;
  } finally {
    emulator.clearFaults();
  }
}

const strategyNamed = (name: string) =>
  emulator.list("application-auth-strategies").find((s) => s.name === name)?.id ?? "";
const ourLabels = (portalId: string) =>
  Object.keys((emulator.get("portals", portalId) as { labels: Record<string, string> }).labels).filter((key) =>
    key.startsWith("pulumi-"),
  );
const conflicts = () => emulator.requestLog().filter((e) => e.status === 409);
const portalDefaultInState = (stack: string) =>
  loadState(path.join(dir, `${stack}.json`), PASSPHRASE, "scenario", stack).resources.filter(
    (r) => r.type === PORTAL_DEFAULT,
  );

test("F1b: a create killed between its PATCH and the state write; the rerun and destroy put the original back", async () => {
  const { portalId, original } = portalWithDefault("f1b");
  const first = () => strategyNamed("portal-default-first");
  const killed = await upKilledAfterPatch(options("f1b", { portalId }), () => {
    const id = first();
    return id !== "" && emulator.portalDefault(portalId) === id;
  });
  expect(killed.ok).toBe(false);
  expect(portalDefaultInState("f1b")).toEqual([]);

  const rerun = await up(options("f1b", { portalId }));
  expect(rerun.diagnostics).toEqual([]);
  expect(portalDefaultInState("f1b").map((r) => r.outputs)).toEqual([
    expect.objectContaining({ appliedAuthStrategyId: first(), previousAuthStrategyId: original }),
  ]);

  emulator.clearRequestLog();
  const destroyed = await destroy(options("f1b", { portalId }));
  expect(destroyed.diagnostics).toEqual([]);
  expect(conflicts()).toEqual([]);
  expect(emulator.portalDefault(portalId)).toBe(original);
  expect(ourLabels(portalId)).toEqual([]);
  expect(emulator.list("application-auth-strategies").map((s) => s.id)).toContain(original);
});

test("F4: an update killed after its PATCH; destroy puts the original default back and deletes both strategies", async () => {
  const { portalId, original } = portalWithDefault("f4");
  const created = await up(options("f4", { portalId, use: "first" }));
  expect(created.diagnostics).toEqual([]);
  expect(portalDefaultInState("f4").map((r) => r.outputs.previousAuthStrategyId)).toEqual([original]);

  const second = () => strategyNamed("portal-default-second");
  const killed = await upKilledAfterPatch(options("f4", { portalId, use: "second" }), () => {
    const id = second();
    return id !== "" && emulator.portalDefault(portalId) === id;
  });
  expect(killed.ok).toBe(false);
  const secondId = second();
  // The state still says the stack applied the first strategy; the portal points at the second.
  expect(portalDefaultInState("f4").map((r) => r.outputs.appliedAuthStrategyId)).toEqual([
    strategyNamed("portal-default-first"),
  ]);

  emulator.clearRequestLog();
  const destroyed = await destroy(options("f4", { portalId, use: "second" }));
  expect(destroyed.diagnostics).toEqual([]);
  // The killed update never recorded that the portal default now depends on the second strategy, so Pulumi may
  // delete that strategy first: its one 409 makes the delete ask Konnect what holds it, find the portal default this
  // stack set (the record on the portal), put the original back, and delete.
  expect(conflicts().map((e) => `${e.method} ${e.path}`)).toEqual([
    `DELETE /v2/application-auth-strategies/${secondId}`,
  ]);
  expect(destroyed.providerLogs).toContain(
    `konnect: portal ${portalId}: its default was this strategy, set by a PortalDefaultAuthStrategy that replaced ` +
      `strategy ${original}; put that back so the strategy can be deleted`,
  );
  expect(emulator.portalDefault(portalId)).toBe(original);
  expect(ourLabels(portalId)).toEqual([]);
  expect(strategyNamed("portal-default-first")).toBe("");
  expect(strategyNamed("portal-default-second")).toBe("");
});

test("F1a: codifying the default the portal already has changes nothing, so destroy undoes nothing", async () => {
  const { portalId, original } = portalWithDefault("f1a");
  const codified = await up(options("f1a", { portalId, strategyId: original }));
  expect(codified.diagnostics).toEqual([]);
  expect(emulator.portalDefault(portalId)).toBe(original);
  const destroyed = await destroy(options("f1a", { portalId, strategyId: original }));
  expect(destroyed.diagnostics).toEqual([]);
  expect(emulator.portalDefault(portalId)).toBe(original);
  expect(ourLabels(portalId)).toEqual([]);
  expect((emulator.get("portals", portalId) as { labels: object }).labels).toEqual({ team: "a" });
});

describe("F3: a publication this stack cannot prove it made is not taken over without adopt", () => {
  const publicationOptions = (stack: string, config: Record<string, string>) =>
    options(stack, config, "publicationProgram.ts");
  const PUBLICATION = "pulumi-nodejs:dynamic/konnect:ApiPublication";
  const inState = (stack: string) =>
    loadState(path.join(dir, `${stack}.json`), PASSPHRASE, "scenario", stack).resources.filter(
      (r) => r.type === PUBLICATION,
    );
  const targets = (name: string) => {
    const strategy = emulator.seedAuthStrategy({ ...KEY_AUTH_BODY, name: `${name}-keys` }).id;
    const portal = emulator.seedPortal({ name, default_application_auth_strategy_id: strategy });
    const api = emulator.seedApi({ name: `${name} API`, version: "v1" });
    return { apiId: api.id, portalId: portal.id, strategy };
  };
  const messages = (result: CommandResult) => result.diagnostics.map((d) => d.message).join("\n");

  test("published by hand with the declared settings: up fails saying what to set, and destroy leaves it", async () => {
    const { apiId, portalId, strategy } = targets("by-hand");
    emulator.seedPublication(apiId, portalId, { auth_strategy_ids: [strategy], visibility: "private" });
    const config = { apiId, portalId, strategyId: strategy };
    const refused = await up(publicationOptions("by-hand", config));
    expect(refused.ok).toBe(false);
    expect(messages(refused)).toContain(`API ${apiId} is already published to portal ${portalId}, with the declared`);
    expect(messages(refused)).toContain("set adopt: true on this resource");
    expect(inState("by-hand")).toEqual([]);
    const destroyed = await destroy(publicationOptions("by-hand", config));
    expect(destroyed.diagnostics).toEqual([]);
    expect(emulator.getPublication(apiId, portalId)).toMatchObject({ auth_strategy_ids: [strategy] });
  });

  test("a create killed between its PUT and the state write: the rerun says to set adopt; with it, taken over", async () => {
    const { apiId, portalId, strategy } = targets("killed-put");
    const config = { apiId, portalId, strategyId: strategy };
    const killed = await upKilledAfterPatch(
      publicationOptions("killed-put", config),
      () => emulator.getPublication(apiId, portalId) !== undefined,
      { method: "PUT", path: "/v3/apis/*/publications/*" },
    );
    expect(killed.ok).toBe(false);
    expect(inState("killed-put")).toEqual([]);

    const rerun = await up(publicationOptions("killed-put", config));
    expect(rerun.ok).toBe(false);
    expect(messages(rerun)).toContain("set adopt: true on this resource");

    emulator.clearRequestLog();
    const adopted = await up(publicationOptions("killed-put", { ...config, adopt: "true" }));
    expect(adopted.diagnostics).toEqual([]);
    // Taken over as it is: one GET, no PUT.
    const publicationCalls = emulator.requestLog().filter((e) => e.path.includes("/publications/"));
    expect(publicationCalls.map((e) => e.method)).toEqual(["GET"]);
    expect(inState("killed-put")).toHaveLength(1);

    const destroyed = await destroy(publicationOptions("killed-put", { ...config, adopt: "true" }));
    expect(destroyed.diagnostics).toEqual([]);
    expect(emulator.getPublication(apiId, portalId)).toBeUndefined();
  });
});

describe("F6: replacing the strategy that is the portal default while a publication relies on the default", () => {
  const publicationOptions = (config: Record<string, string>) => options("f6", config, "publicationProgram.ts");

  test("the preview refuses and says what to declare; declared, one up completes without a 409", async () => {
    const original = emulator.seedAuthStrategy({ ...KEY_AUTH_BODY, name: "f6-original" }).id;
    const portalId = emulator.seedPortal({ name: "f6", default_application_auth_strategy_id: original }).id;
    const apiId = emulator.seedApi({ name: "F6 API", version: "v1" }).id;
    const base = { apiId, portalId, withDefault: "true" };
    const created = await up(publicationOptions(base));
    expect(created.diagnostics).toEqual([]);
    const first = strategyNamed("shared");
    // The publication relies on the default: Konnect gave it the stack's strategy, the portal's default then.
    expect(emulator.getPublication(apiId, portalId)).toMatchObject({ auth_strategy_ids: [first] });

    // A change of strategy type replaces the strategy (create the new one, delete the old one at the end).
    const replaced = { ...base, strategyType: "openid_connect" };
    emulator.clearRequestLog();
    const planned = await preview(publicationOptions(replaced));
    expect(planned.ok).toBe(false);
    const message = planned.diagnostics.map((d) => d.message).join("\n");
    expect(message).toContain(
      `auth strategy "shared" (${first}) is replaced by this update, which then deletes it, but API publication ` +
        `${apiId}/${portalId} keeps using it, so Konnect would refuse that delete (409) on this and every later ` +
        "update: it declares no authStrategyIds",
    );
    expect(message).toContain("Declare authStrategyIds on it: [<the strategy resource>.id]");
    expect(emulator.requestLog()).toEqual([]);

    // Declared as the preview says: the publication follows the replacement in the same up.
    const followed = await up(publicationOptions({ ...replaced, follow: "true" }));
    expect(followed.diagnostics).toEqual([]);
    expect(conflicts()).toEqual([]);
    const second = strategyNamed("shared");
    expect(second).not.toBe(first);
    expect(emulator.get("application-auth-strategies", first)).toBeUndefined();
    expect(emulator.getPublication(apiId, portalId)).toMatchObject({ auth_strategy_ids: [second] });
    expect(emulator.portalDefault(portalId)).toBe(second);

    const destroyed = await destroy(publicationOptions({ ...replaced, follow: "true" }));
    expect(destroyed.diagnostics).toEqual([]);
    expect(conflicts()).toEqual([]);
    expect(emulator.portalDefault(portalId)).toBe(original);
  });
});
