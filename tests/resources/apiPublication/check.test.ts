/**
 * `check` of ApiPublication: each bad input gets the exact failure (property and reason), good inputs pass unchanged,
 * and values still unknown during preview are accepted.
 */
import { checkApiPublicationInputs } from "../../../provider/resources/apiPublication/check";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { API, PORTAL } from "../../support/validInputs";
import { S1, S2 } from "../unitSupport";

describe("ApiPublication check", () => {
  const good = { apiId: API, portalId: PORTAL };

  test.each<[string, Record<string, unknown>]>([
    ["minimal", good],
    [
      "everything",
      {
        ...good,
        authStrategyIds: [S1],
        visibility: "public",
        autoApproveRegistrations: true,
        adopt: false,
        region: "eu",
      },
    ],
    ["no application auth", { ...good, authStrategyIds: [] }],
    ["ids unknown in preview", { apiId: UNKNOWN, portalId: UNKNOWN, authStrategyIds: [UNKNOWN] }],
    ["the whole list unknown", { ...good, authStrategyIds: UNKNOWN, visibility: UNKNOWN, region: UNKNOWN }],
  ])("%s passes unchanged", (_name, inputs) => {
    const withProvider = { ...inputs, __provider: "serialized" };
    expect(checkApiPublicationInputs(withProvider)).toEqual({ inputs: withProvider, failures: [] });
  });

  test.each<[string, Record<string, unknown>, { property: string; reason: string }[]]>([
    [
      "missing ids",
      {},
      [
        { property: "apiId", reason: "required: the id (UUID) of the API to publish" },
        { property: "portalId", reason: "required: the id (UUID) of the portal to publish to" },
      ],
    ],
    ["an API id that is not a UUID", { ...good, apiId: "orders" }, [{ property: "apiId", reason: "must be a UUID" }]],
    [
      "two strategies",
      { ...good, authStrategyIds: [S1, S2] },
      [{ property: "authStrategyIds", reason: "at most one auth strategy id is allowed (Konnect's limit), got 2" }],
    ],
    [
      "two strategies, both unknown",
      { ...good, authStrategyIds: [UNKNOWN, UNKNOWN] },
      [{ property: "authStrategyIds", reason: "at most one auth strategy id is allowed (Konnect's limit), got 2" }],
    ],
    [
      "a strategy id as a string",
      { ...good, authStrategyIds: S1 },
      [
        {
          property: "authStrategyIds",
          reason: "must be a list of at most one auth strategy id ([] for no application auth)",
        },
      ],
    ],
    [
      "a strategy id that is not a UUID",
      { ...good, authStrategyIds: ["azure"] },
      [{ property: "authStrategyIds.0", reason: "must be a UUID" }],
    ],
    [
      "visibility",
      { ...good, visibility: "internal" },
      [{ property: "visibility", reason: 'must be "public" or "private"' }],
    ],
    [
      "flags",
      { ...good, autoApproveRegistrations: "yes", adopt: 1 },
      [
        { property: "autoApproveRegistrations", reason: "must be true or false" },
        { property: "adopt", reason: "must be true or false" },
      ],
    ],
    ["region", { ...good, region: "mars" }, [{ property: "region", reason: "must be one of us, eu, au, me, in, sg" }]],
    [
      "an unknown property",
      { ...good, authStrategyId: S1 },
      [
        {
          property: "authStrategyId",
          reason:
            "unknown property; expected one of apiId, portalId, authStrategyIds, visibility, autoApproveRegistrations, adopt, region",
        },
      ],
    ],
  ])("%s", (_name, inputs, failures) => {
    expect(checkApiPublicationInputs(inputs).failures).toEqual(failures);
  });
});
