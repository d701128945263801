/**
 * The interrupted-create harness (interruptedCreate.ts) through the real plugin host and the Konnect emulator, with
 * assertions that hold both today and once creates find their object by creation key. The assertions that need the
 * creation-key create (exactly one object after the rerun, the rerun returns its id, the error hint, replacements)
 * are in creationKeyScenarios.ts, run by creationKey.test.ts.
 */
import { stopAllHosts } from "../../tools/engine/pluginHost";
import { killRunningCaptures, type CapturedResource } from "../../tools/engine/programCapture";
import { ProviderError } from "../../tools/engine/providerClient";
import { loadScenarioContext } from "./creationKeyScenarios";
import { createUntilHeld, eventually, freshRun, type Rig } from "./interruptedCreate";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";

jest.setTimeout(180_000);

const DCR = "/v2/dcr-providers";

let emulator: KonnectEmulator;
let rig: Rig;
let dcr: CapturedResource;

beforeAll(async () => {
  emulator = await startKonnectEmulator();
  ({ rig, dcr } = await loadScenarioContext(emulator));
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await emulator?.close();
});

beforeEach(() => {
  emulator.reset();
});

const storedIds = () => emulator.list("dcr-providers").map((o) => o.id);

describe("the plugin host is SIGKILLed while Konnect holds the stored POST", () => {
  it("the host dies under the Create RPC, Konnect keeps exactly the one object, and the POST is logged unanswered", async () => {
    const held = await createUntilHeld(rig, dcr, "dcr-providers");
    expect(held.hostGone).toBe(true);
    expect(held.createError).toBeInstanceOf(ProviderError);
    expect((held.createError as ProviderError).method).toBe("create");
    expect(held.storedIds).toHaveLength(1);
    // The held connection closes with the host; the emulator logs the POST as unanswered (status 0).
    expect(await eventually(() => emulator.requestLog().some((e) => e.method === "POST" && e.status === 0))).toBe(true);
    // Before posting, the create looked for an object carrying its creation key (one listing by name).
    expect(emulator.requestLog().map((e) => `${e.method} ${e.path.split("?")[0]} ${e.status}`)).toEqual([
      `GET ${DCR} 200`,
      `POST ${DCR} 0`,
    ]);
  });

  it("a new host then answers the next run's Check({}) and Create with an object Konnect holds", async () => {
    const held = await createUntilHeld(rig, dcr, "dcr-providers");
    const rerun = await freshRun(rig, dcr.urn, dcr.inputs);
    expect(rerun.create.ok).toBe(true);
    const id = rerun.create.ok ? rerun.create.state.id : "";
    expect(storedIds()).toContain(id);
    expect(storedIds()).toEqual(expect.arrayContaining(held.storedIds));
  });
});

describe("Konnect stores the POST but its 2xx answer does not parse", () => {
  it.each([
    ["an HTML page", { raw: "<html><body>upstream hiccup</body></html>" }],
    ["display_name: null", { set: { display_name: null } }],
    ["no id", { omit: ["id"] }],
  ])(
    "%s: the faulted create stores one object; the next run's create returns an object Konnect holds",
    async (_label, answer) => {
      emulator.injectFault({ method: "POST", path: DCR, commitThenMalformed: answer });
      await freshRun(rig, dcr.urn, dcr.inputs);
      expect(storedIds()).toHaveLength(1);
      const [first] = storedIds();
      const next = await freshRun(rig, dcr.urn, dcr.inputs);
      expect(next.create.ok).toBe(true);
      expect(storedIds()).toContain(next.create.ok ? next.create.state.id : "");
      expect(storedIds()).toContain(first);
    },
  );
});

describe("the POST's answer is lost and the recovery listing fails", () => {
  it("with 503 on every listing after the lookup: the create fails and Konnect holds the one object it stored", async () => {
    emulator.injectFault({ method: "POST", path: DCR, commitThenDrop: true });
    // The creation-key lookup before the POST passes; every listing after it (the recovery) answers 503.
    emulator.injectFault({ method: "GET", path: DCR, latencyMs: 0, times: 1 });
    emulator.injectFault({ method: "GET", path: DCR, status: 503, times: Infinity });
    const attempt = await freshRun(rig, dcr.urn, dcr.inputs);
    expect(attempt.create.ok).toBe(false);
    expect(storedIds()).toHaveLength(1);
    expect(emulator.requestLog().filter((e) => e.method === "POST")).toHaveLength(1);
    expect(emulator.requestLog().filter((e) => e.method === "GET" && e.status === 503).length).toBeGreaterThanOrEqual(
      1,
    );
  });
});
