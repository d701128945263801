/**
 * Pure logic of PortalDefaultAuthStrategy: outputs after create, update and refresh, the restore decision on delete,
 * what a failed restore PATCH leads to, and diff.
 */
import type { PortalDefaultAuthStrategyOutputs } from "../../provider/resources/portalDefaultAuthStrategy/args";
import {
  outputsAfterCreate,
  outputsAfterRead,
  outputsAfterUpdate,
  portalDefaultChanges,
  restoreDecision,
  restoreFailureAction,
} from "../../provider/resources/portalDefaultAuthStrategy/model";

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
  test("after create on a portal that points at ours already (interrupted up): previous is null, not ours", () => {
    expect(
      outputsAfterCreate({ portalId: PORTAL, authStrategyId: OURS }, OURS.toUpperCase(), OURS).previousAuthStrategyId,
    ).toBe(null);
  });
  test("after update: the new id applied, the previous default kept from before create", () => {
    expect(outputsAfterUpdate(state(), { portalId: PORTAL, authStrategyId: OTHER }, OTHER)).toEqual(
      state({ authStrategyId: OTHER, appliedAuthStrategyId: OTHER }),
    );
  });
  test("after refresh: only the current default changes", () => {
    expect(outputsAfterRead(state(), OTHER)).toEqual(state({ authStrategyId: OTHER }));
    expect(outputsAfterRead(state(), null)).toEqual(state({ authStrategyId: null }));
  });
});

describe("restoreDecision (delete)", () => {
  test.each<[string, Partial<PortalDefaultAuthStrategyOutputs>, string | null, object]>([
    ["still ours: back to the previous default", {}, OURS, { kind: "restore", to: PREVIOUS }],
    [
      "still ours (other case): back to the previous default",
      {},
      OURS.toUpperCase(),
      { kind: "restore", to: PREVIOUS },
    ],
    ["still ours, there was none: cleared", { previousAuthStrategyId: null }, OURS, { kind: "restore", to: null }],
    [
      "a refresh saw drift, but the portal points at ours again: restore (decided on appliedAuthStrategyId)",
      { authStrategyId: OTHER },
      OURS,
      { kind: "restore", to: PREVIOUS },
    ],
    [
      "changed since to another strategy: left alone",
      {},
      OTHER,
      {
        kind: "leave",
        message:
          `portal ${PORTAL}: default auth strategy left as is (strategy ${OTHER}): it no longer points at ${OURS}, ` +
          "which this resource set, so someone changed it since",
      },
    ],
    [
      "cleared since: left alone",
      {},
      null,
      {
        kind: "leave",
        message:
          `portal ${PORTAL}: default auth strategy left as is (no default): it no longer points at ${OURS}, ` +
          "which this resource set, so someone changed it since",
      },
    ],
  ])("%s", (_name, extra, current, expected) => {
    expect(restoreDecision(state(extra), current)).toEqual(expected);
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

describe("portalDefaultChanges (diff)", () => {
  test.each<[string, Partial<PortalDefaultAuthStrategyOutputs>, object, object]>([
    ["nothing", {}, { portalId: PORTAL, authStrategyId: OURS }, { changes: [], replaces: [] }],
    ["other case", {}, { portalId: PORTAL, authStrategyId: OURS.toUpperCase() }, { changes: [], replaces: [] }],
    ["a new strategy", {}, { portalId: PORTAL, authStrategyId: OTHER }, { changes: ["authStrategyId"], replaces: [] }],
    [
      "drift seen by refresh is put back",
      { authStrategyId: OTHER },
      { portalId: PORTAL, authStrategyId: OURS },
      { changes: ["authStrategyId"], replaces: [] },
    ],
    [
      "someone set the declared one by hand: still ours to apply",
      { authStrategyId: OTHER, appliedAuthStrategyId: PREVIOUS },
      { portalId: PORTAL, authStrategyId: OTHER },
      { changes: ["authStrategyId"], replaces: [] },
    ],
    [
      "another portal",
      {},
      { portalId: OTHER, authStrategyId: OURS },
      { changes: ["portalId"], replaces: ["portalId"] },
    ],
    [
      "a region",
      {},
      { portalId: PORTAL, authStrategyId: OURS, region: "eu" },
      { changes: ["region"], replaces: ["region"] },
    ],
  ])("%s", (_name, olds, news, expected) => {
    expect(portalDefaultChanges(state(olds), news as never)).toEqual(expected);
  });
});
