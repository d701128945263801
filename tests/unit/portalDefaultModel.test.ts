/**
 * Pure logic of PortalDefaultAuthStrategy: outputs after create, update and refresh, the restore decision on delete,
 * what a failed restore PATCH leads to, and the handlers' diff (no API call).
 */
import type {
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
} from "../../provider/resources/portalDefaultAuthStrategy/args";
import {
  outputsAfterCreate,
  portalDefaultDefinition,
  restoreDecision,
  restoreFailureAction,
} from "../../provider/resources/portalDefaultAuthStrategy/definition";
import { handlers } from "../../provider/resources/runtime";

/** The handlers' diff: changed or not, and what replaces. */
async function portalDefaultChanges(olds: PortalDefaultAuthStrategyOutputs, news: PortalDefaultAuthStrategyInputs) {
  const diff = await handlers.portalDefaultAuthStrategy.diff(olds.portalId, olds, news);
  return { changes: diff.changes, replaces: diff.replaces };
}
const outputsAfterUpdate = (
  olds: PortalDefaultAuthStrategyOutputs,
  news: PortalDefaultAuthStrategyInputs,
  current: string | null,
) => portalDefaultDefinition.outputs(news, { current }, { kind: "update", olds });
const outputsAfterRead = (olds: PortalDefaultAuthStrategyOutputs, current: string | null) =>
  portalDefaultDefinition.outputs(olds as never, { current }, { kind: "read", olds });

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
