/**
 * `check` of ApiPublication and PortalDefaultAuthStrategy: each bad input gets the exact failure (property and
 * reason), good inputs pass unchanged, and values still unknown during preview are accepted.
 */
import { checkApiPublicationInputs } from "../../provider/resources/apiPublication/check";
import { checkPortalDefaultInputs } from "../../provider/resources/portalDefaultAuthStrategy/check";
import { UNKNOWN } from "../../provider/resources/core/unknowns";

const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const S1 = "11111111-2222-4333-8444-555566667777";
const S2 = "22222222-3333-4444-8555-666677778888";

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
