/**
 * Pure logic of PortalDefaultAuthStrategy: the record on the portal's labels, the previous default a create records,
 * outputs after create, update and refresh, the restore decision on delete, what a failed restore PATCH leads to, and
 * the handlers' diff (no API call).
 */
import type {
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
} from "../../../provider/resources/portalDefaultAuthStrategy/args";
import {
  APPLIED_LABEL,
  NO_DEFAULT,
  PREVIOUS_LABEL,
  recordLabels,
  recordOf,
  restoreFailureAction,
} from "../../../provider/konnect";
import {
  outputsAfterCreate,
  portalDefaultDefinition,
  previousDefault,
  restoreDecision,
  validRecord,
} from "../../../provider/resources/portalDefaultAuthStrategy/definition";
import { handlers } from "../../../provider/resources/runtime";

/** The handlers' diff: changed or not, and what replaces. */
async function portalDefaultChanges(olds: PortalDefaultAuthStrategyOutputs, news: PortalDefaultAuthStrategyInputs) {
  const diff = await handlers.portalDefaultAuthStrategy.diff(olds.portalId, olds, news);
  return { changes: diff.changes, replaces: diff.replaces };
}
const outputsAfterUpdate = (
  olds: PortalDefaultAuthStrategyOutputs,
  news: PortalDefaultAuthStrategyInputs,
  current: string | null,
) => portalDefaultDefinition.outputs(news, { current, labels: {} }, { kind: "update", olds });
const outputsAfterRead = (
  olds: PortalDefaultAuthStrategyOutputs,
  current: string | null,
  labels: Record<string, string> = {},
) => portalDefaultDefinition.outputs(olds as never, { current, labels }, { kind: "read", olds });

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const OURS = "11111111-2222-4333-8444-555566667777";
const PREVIOUS = "22222222-3333-4444-8555-666677778888";
const OTHER = "33333333-4444-4555-8666-777788889999";

const state = (extra: Partial<PortalDefaultAuthStrategyOutputs> = {}): PortalDefaultAuthStrategyOutputs => ({
  portalId: PORTAL,
  authStrategyId: OURS,
  appliedAuthStrategyId: OURS,
  previousAuthStrategyId: PREVIOUS,
  ...extra,
});

describe("outputs", () => {
  test("after create: the previous default found, ours applied", () => {
    expect(outputsAfterCreate({ portalId: PORTAL, authStrategyId: OURS, region: "eu" }, PREVIOUS, OURS)).toEqual({
      portalId: PORTAL,
      authStrategyId: OURS,
      appliedAuthStrategyId: OURS,
      previousAuthStrategyId: PREVIOUS,
      region: "eu",
    });
  });
  test("after create on a portal without a default: previous is null", () => {
    expect(outputsAfterCreate({ portalId: PORTAL, authStrategyId: OURS }, null, OURS).previousAuthStrategyId).toBe(
      null,
    );
  });
  test("after create on a portal that had ours already (codifying it): previous is ours, nothing to undo", () => {
    expect(outputsAfterCreate({ portalId: PORTAL, authStrategyId: OURS }, OURS, OURS).previousAuthStrategyId).toBe(
      OURS,
    );
  });
  test("after update: the new id applied, the previous default kept from before create", () => {
    expect(outputsAfterUpdate(state(), { portalId: PORTAL, authStrategyId: OTHER }, OTHER)).toEqual(
      state({ authStrategyId: OTHER, appliedAuthStrategyId: OTHER }),
    );
  });
  test("after refresh: only the current default changes", () => {
    expect(outputsAfterRead(state(), OTHER)).toEqual(state({ authStrategyId: OTHER }));
    expect(outputsAfterRead(state(), null)).toEqual(state({ authStrategyId: null }));
    expect(outputsAfterRead(state(), OURS, record(OURS, PREVIOUS))).toEqual(state());
    // A stale record (the portal points elsewhere) is not read.
    expect(outputsAfterRead(state(), OTHER, record(PREVIOUS, null))).toEqual(state({ authStrategyId: OTHER }));
  });
  test("after refresh of an update whose state was never written: applied and previous from the portal's record", () => {
    expect(outputsAfterRead(state(), OTHER, record(OTHER, PREVIOUS))).toEqual(
      state({ authStrategyId: OTHER, appliedAuthStrategyId: OTHER }),
    );
    expect(outputsAfterRead(state(), OTHER, record(OTHER, null))).toEqual(
      state({ authStrategyId: OTHER, appliedAuthStrategyId: OTHER, previousAuthStrategyId: null }),
    );
  });
});

/** The portal's labels holding a record (`previous` null: the portal had no default). */
function record(applied: string, previous: string | null, extra: Record<string, string> = {}) {
  return { ...extra, ...recordLabels({ applied, previous }) };
}

describe("the record on the portal", () => {
  test("two labels: the strategy applied and the default replaced (`none` for none)", () => {
    expect(recordLabels({ applied: OURS, previous: PREVIOUS })).toEqual({
      [PREVIOUS_LABEL]: PREVIOUS,
      [APPLIED_LABEL]: OURS,
    });
    expect(recordLabels({ applied: OURS, previous: null })).toEqual({
      [PREVIOUS_LABEL]: NO_DEFAULT,
      [APPLIED_LABEL]: OURS,
    });
  });
  test("both keys are valid Konnect label keys and values (1-63 characters, no reserved prefix)", () => {
    for (const [key, value] of Object.entries(record(OURS, PREVIOUS))) {
      expect(key.length).toBeLessThanOrEqual(63);
      expect(key).not.toMatch(/^(kong|konnect|mesh|kic|_)/);
      expect(value).toMatch(/^[a-z0-9A-Z]{1}([a-z0-9A-Z-._]*[a-z0-9A-Z]+)?$/);
      expect(value.length).toBeLessThanOrEqual(63);
    }
  });
  test.each<[string, Record<string, string>, object | undefined]>([
    ["both labels", record(OURS, PREVIOUS, { team: "a" }), { applied: OURS, previous: PREVIOUS }],
    ["no previous default", record(OURS, null), { applied: OURS, previous: null }],
    ["none", {}, undefined],
    ["only one label", { [APPLIED_LABEL]: OURS }, undefined],
    ["an applied value that is no id", { [APPLIED_LABEL]: "x", [PREVIOUS_LABEL]: NO_DEFAULT }, undefined],
    ["a previous value that is no id", { [APPLIED_LABEL]: OURS, [PREVIOUS_LABEL]: "x" }, undefined],
  ])("read back: %s", (_name, labels, expected) => {
    expect(recordOf(labels)).toEqual(expected);
  });
  test("counts only while the portal points at the strategy it says was applied (any case)", () => {
    expect(validRecord({ current: OURS.toUpperCase(), labels: record(OURS, PREVIOUS) })).toEqual({
      applied: OURS,
      previous: PREVIOUS,
    });
    expect(validRecord({ current: OTHER, labels: record(OURS, PREVIOUS) })).toBeUndefined();
    expect(validRecord({ current: null, labels: record(OURS, PREVIOUS) })).toBeUndefined();
  });
});

describe("previousDefault (create)", () => {
  test.each<[string, string | null, Record<string, string>, string | null]>([
    ["a portal with another default: that one", PREVIOUS, {}, PREVIOUS],
    ["a portal without a default: none", null, {}, null],
    ["a portal that has ours already and no record (codifying it): ours, nothing to undo", OURS, {}, OURS],
    ["an earlier attempt of this create replaced X (its record): X", OURS, record(OURS, PREVIOUS), PREVIOUS],
    ["an earlier attempt replaced none (its record): none", OURS, record(OURS, null), null],
    ["a record another strategy's create left, still in force: its previous", OTHER, record(OTHER, PREVIOUS), PREVIOUS],
    ["a stale record (someone changed the default since): the current default", OTHER, record(OURS, PREVIOUS), OTHER],
  ])("%s", (_name, current, labels, expected) => {
    expect(previousDefault({ current, labels })).toBe(expected);
  });
});

describe("restoreDecision (delete)", () => {
  const leave = (now: string, applied = OURS) => ({
    kind: "leave",
    removeRecord: false,
    message:
      `portal ${PORTAL}: default auth strategy left as is (${now}): it no longer points at ${applied}, ` +
      "which this resource set, so someone changed it since",
  });
  test.each<[string, Partial<PortalDefaultAuthStrategyOutputs>, string | null, Record<string, string>, object]>([
    ["still ours: back to the previous default", {}, OURS, {}, { kind: "restore", to: PREVIOUS, removeRecord: false }],
    [
      "still ours (other case): back to the previous default",
      {},
      OURS.toUpperCase(),
      {},
      { kind: "restore", to: PREVIOUS, removeRecord: false },
    ],
    [
      "still ours, there was none: cleared",
      { previousAuthStrategyId: null },
      OURS,
      {},
      { kind: "restore", to: null, removeRecord: false },
    ],
    [
      "a refresh saw drift, but the portal points at ours again: restore (decided on appliedAuthStrategyId)",
      { authStrategyId: OTHER },
      OURS,
      {},
      { kind: "restore", to: PREVIOUS, removeRecord: false },
    ],
    ["changed since to another strategy: left alone", {}, OTHER, {}, leave(`strategy ${OTHER}`)],
    ["cleared since: left alone", {}, null, {}, leave("no default")],
    [
      "with the record: back to the record's previous default, the record removed",
      {},
      OURS,
      record(OURS, PREVIOUS),
      { kind: "restore", to: PREVIOUS, removeRecord: true },
    ],
    [
      "an update whose state was never written (the record names OTHER): back to the record's previous default",
      {},
      OTHER,
      record(OTHER, PREVIOUS),
      { kind: "restore", to: PREVIOUS, removeRecord: true },
    ],
    [
      "the program codified the default the portal had (previous = applied): kept, the record removed",
      { previousAuthStrategyId: OURS },
      OURS,
      record(OURS, OURS),
      { kind: "keep", removeRecord: true },
    ],
    [
      "changed in the UI since (a stale record): the default left alone, the record removed",
      {},
      OTHER,
      record(OURS, PREVIOUS),
      { ...leave(`strategy ${OTHER}`), removeRecord: true },
    ],
  ])("%s", (_name, extra, current, labels, expected) => {
    expect(restoreDecision(state(extra), { current, labels })).toEqual(expected);
  });
});

describe("restoreFailureAction (the PATCH back failed)", () => {
  test.each<[number, string[], string | null, string]>([
    [400, ["default_application_auth_strategy_id"], PREVIOUS, "clear"],
    [404, [], PREVIOUS, "clear"],
    [400, ["name"], PREVIOUS, "fail"],
    [403, [], PREVIOUS, "fail"],
    [500, [], PREVIOUS, "fail"],
    [404, [], null, "done"],
    [400, ["default_application_auth_strategy_id"], null, "fail"],
  ])("%i %j restoring to %s → %s", (status, fields, to, action) => {
    expect(restoreFailureAction(status, fields, to)).toBe(action);
  });
});

describe("portalDefaultChanges (the handlers' diff)", () => {
  test.each<[string, Partial<PortalDefaultAuthStrategyOutputs>, object, object]>([
    ["nothing", {}, { portalId: PORTAL, authStrategyId: OURS }, { changes: false, replaces: [] }],
    ["other case", {}, { portalId: PORTAL, authStrategyId: OURS.toUpperCase() }, { changes: false, replaces: [] }],
    ["a new strategy", {}, { portalId: PORTAL, authStrategyId: OTHER }, { changes: true, replaces: [] }],
    [
      "drift seen by refresh is put back",
      { authStrategyId: OTHER },
      { portalId: PORTAL, authStrategyId: OURS },
      { changes: true, replaces: [] },
    ],
    [
      "someone set the declared one by hand: still ours to apply",
      { authStrategyId: OTHER, appliedAuthStrategyId: PREVIOUS },
      { portalId: PORTAL, authStrategyId: OTHER },
      { changes: true, replaces: [] },
    ],
    ["another portal", {}, { portalId: OTHER, authStrategyId: OURS }, { changes: true, replaces: ["portalId"] }],
    [
      "another region than the recorded one",
      { effectiveRegion: "us" },
      { portalId: PORTAL, authStrategyId: OURS, region: "eu" },
      { changes: true, replaces: ["region"] },
    ],
    [
      "the region it lives in, now declared",
      { effectiveRegion: "us" },
      { portalId: PORTAL, authStrategyId: OURS, region: "us" },
      { changes: false, replaces: [] },
    ],
    [
      "a declared region dropped while the stack's default is that region",
      { region: "us", effectiveRegion: "us" },
      { portalId: PORTAL, authStrategyId: OURS },
      { changes: false, replaces: [] },
    ],
  ])("%s", async (_name, olds, news, expected) => {
    expect(await portalDefaultChanges(state(olds), news as never)).toEqual(expected);
  });
});
