/**
 * `check` of PortalDefaultAuthStrategy: each bad input gets the exact failure (property and reason), good inputs pass
 * unchanged, and values still unknown during preview are accepted.
 */
import { checkPortalDefaultInputs } from "../../../provider/resources/portalDefaultAuthStrategy/check";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { PORTAL } from "../../support/validInputs";
import { S1 } from "../unitSupport";

describe("PortalDefaultAuthStrategy check", () => {
  test.each<[string, Record<string, unknown>]>([
    ["plain", { portalId: PORTAL, authStrategyId: S1, region: "us" }],
    ["strategy unknown in preview", { portalId: PORTAL, authStrategyId: UNKNOWN }],
  ])("%s passes", (_name, inputs) => {
    expect(checkPortalDefaultInputs(inputs)).toEqual({ inputs, failures: [] });
  });

  test.each<[string, Record<string, unknown>, { property: string; reason: string }[]]>([
    [
      "missing",
      {},
      [
        { property: "portalId", reason: "required: the id (UUID) of the portal" },
        {
          property: "authStrategyId",
          reason: "required: the id (UUID) of the auth strategy to make the portal's default",
        },
      ],
    ],
    ["not UUIDs", { portalId: "dev", authStrategyId: S1 }, [{ property: "portalId", reason: "must be a UUID" }]],
    [
      "a list instead of one id",
      { portalId: PORTAL, authStrategyId: [S1] },
      [{ property: "authStrategyId", reason: "must be a string" }],
    ],
    [
      "an unknown property",
      { portalId: PORTAL, authStrategyId: S1, authStrategyIds: [S1] },
      [{ property: "authStrategyIds", reason: "unknown property; expected one of portalId, authStrategyId, region" }],
    ],
  ])("%s", (_name, inputs, failures) => {
    expect(checkPortalDefaultInputs(inputs).failures).toEqual(failures);
  });
});
