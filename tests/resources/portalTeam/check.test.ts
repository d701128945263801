/**
 * `check` of PortalTeam: each bad input gets the exact failure (property and reason), good inputs pass unchanged,
 * values still unknown during preview are accepted.
 */
import { checkPortalTeamInputs } from "../../../provider/resources/portalTeam/check";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { PORTAL, TEAM } from "../../support/validInputs";
import { passes, type Failure } from "../unitSupport";

describe("PortalTeam check", () => {
  const good = { portalId: PORTAL, name: "Partners" };

  test.each<[string, Record<string, unknown>]>([
    ["minimal", good],
    ["everything", { ...good, description: "External partners", canOwnApplications: true, adopt: TEAM, region: "eu" }],
    ["250 characters", { ...good, name: "n".repeat(250), description: "d".repeat(250) }],
    ["unknown in preview", { portalId: UNKNOWN, name: UNKNOWN, canOwnApplications: UNKNOWN }],
  ])("%s passes unchanged", (_name, inputs) => passes(checkPortalTeamInputs)(inputs));

  test.each<[string, Record<string, unknown>, Failure[]]>([
    [
      "nothing",
      {},
      [
        { property: "portalId", reason: "required: the id (UUID) of the portal the team belongs to" },
        { property: "name", reason: "required: the team's name (1-250 characters)" },
      ],
    ],
    ["a portal that is not a UUID", { ...good, portalId: "dev" }, [{ property: "portalId", reason: "must be a UUID" }]],
    [
      "a name with a tab",
      { ...good, name: "a\tb" },
      [{ property: "name", reason: "must not contain control characters (such as NUL, tab or a line break)" }],
    ],
    ["a blank name", { ...good, name: "   " }, [{ property: "name", reason: "must not be only whitespace" }]],
    [
      "251 characters",
      { ...good, name: "n".repeat(251) },
      [{ property: "name", reason: "must be at most 250 characters" }],
    ],
    ["an empty description", { ...good, description: "" }, [{ property: "description", reason: "must not be empty" }]],
    [
      "a flag as text",
      { ...good, canOwnApplications: "yes" },
      [{ property: "canOwnApplications", reason: "must be true or false" }],
    ],
    ["adopt by name", { ...good, adopt: "Partners" }, [{ property: "adopt", reason: "must be a UUID" }]],
    [
      "adoptId (the old spelling is not this resource's)",
      { ...good, adoptId: TEAM },
      [
        {
          property: "adoptId",
          reason: "unknown property; expected one of portalId, name, description, canOwnApplications, adopt, region",
        },
      ],
    ],
    [
      "labels (teams have none)",
      { ...good, labels: {} },
      [
        {
          property: "labels",
          reason: "unknown property; expected one of portalId, name, description, canOwnApplications, adopt, region",
        },
      ],
    ],
  ])("%s", (_name, inputs, failures) => {
    expect(checkPortalTeamInputs(inputs).failures).toEqual(failures);
  });
});
