/**
 * Pure logic of PortalTeam: the handlers' diff (no API call) over the rows its table gives, the update bodies, the
 * outputs built from Konnect's answers, and the messages a create gives when it cannot proceed.
 */
import type { PortalTeamInputs, PortalTeamOutputs } from "../../../provider/resources/portalTeam/args";
import { nameTakenMessage, portalTeamDefinition } from "../../../provider/resources/portalTeam/definition";
import { handlers } from "../../../provider/resources/runtime";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { DEV, OTHER_PORTAL, PORTAL, TEAM } from "../../support/validInputs";
import { ISO, changes, where } from "../unitSupport";

describe("PortalTeam", () => {
  const olds: PortalTeamOutputs = {
    portalId: PORTAL,
    name: "Partners",
    description: "External partners",
    canOwnApplications: true,
    createdAt: ISO,
    updatedAt: ISO,
    ...where,
  };
  const news: PortalTeamInputs = {
    portalId: PORTAL,
    name: "Partners",
    description: "External partners",
    canOwnApplications: true,
  };
  const diff = (o: object, n: object) => changes(handlers.portalTeam.diff.bind(handlers.portalTeam), o, n);

  test.each<[string, Partial<PortalTeamInputs> & Record<string, unknown>, { changes: boolean; replaces: string[] }]>([
    ["nothing changed", {}, { changes: false, replaces: [] }],
    ["the region it lives in, declared", { region: "us" }, { changes: false, replaces: [] }],
    ["a new name", { name: "Partners EU" }, { changes: true, replaces: [] }],
    ["a new description", { description: "EU partners" }, { changes: true, replaces: [] }],
    [
      "the description removed (Konnect cannot clear it: kept)",
      { description: undefined },
      { changes: false, replaces: [] },
    ],
    ["the flag turned off", { canOwnApplications: false }, { changes: true, replaces: [] }],
    ["another portal", { portalId: OTHER_PORTAL }, { changes: true, replaces: ["portalId"] }],
    ["another region", { region: "eu" }, { changes: true, replaces: ["region"] }],
    ["a name unknown in preview", { name: UNKNOWN }, { changes: true, replaces: [] }],
  ])("diff: %s", async (_name, change, expected) => {
    expect(await diff(olds, { ...news, ...change })).toEqual(expected);
  });

  test("an absent flag is false", async () => {
    const { canOwnApplications: _flag, ...rest } = news;
    expect(await diff({ ...olds, canOwnApplications: false }, rest)).toEqual({ changes: false, replaces: [] });
  });

  test("the update is one PATCH of the changed fields", () => {
    const plan = portalTeamDefinition.planUpdate(olds, { ...news, name: "Partners EU", canOwnApplications: false });
    expect(plan?.fields).toEqual(["name", "canOwnApplications"]);
    expect(portalTeamDefinition.planUpdate(olds, news)).toBeUndefined();
  });

  test("a team with the declared name stops the create, naming its id and adopt", () => {
    const holder = { id: TEAM, name: "Partners", canOwnApplications: false, createdAt: ISO, updatedAt: ISO };
    expect(nameTakenMessage(news, [holder])).toBe(
      `a team named "Partners" exists in portal ${PORTAL} already (id ${TEAM}). Teams carry no labels, so this ` +
        "resource cannot prove that an earlier, interrupted `up` made it rather than someone else. To manage it with " +
        `this resource, set adopt: "${TEAM}"; otherwise choose another name.`,
    );
    expect(nameTakenMessage(news, [holder, { ...holder, id: DEV }], "HTTP 502")).toBe(
      `the create's answer was lost (HTTP 502), and a team named "Partners" now exists in portal ${PORTAL} (ids ` +
        `${TEAM}, ${DEV}): most likely the one this create made. Teams carry no labels, so this resource cannot ` +
        "prove that an earlier, interrupted `up` made it rather than someone else. To manage it with this resource, " +
        "set adopt to one of these ids; otherwise choose another name.",
    );
  });
});
