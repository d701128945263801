/**
 * `check` of ApplicationRegistration: each bad input gets the exact failure (property and reason), good inputs pass
 * unchanged, values still unknown during preview are accepted.
 */
import { checkApplicationRegistrationInputs } from "../../../provider/resources/applicationRegistration/check";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { API, APP, PORTAL, TEAM } from "../../support/validInputs";
import { passes, type Failure } from "../unitSupport";

describe("ApplicationRegistration check", () => {
  const good = { portalId: PORTAL, applicationId: APP, apiId: API };

  test.each<[string, Record<string, unknown>]>([
    ["minimal", good],
    ...["approved", "pending", "rejected", "revoked"].map((status): [string, Record<string, unknown>] => [
      `status ${status}`,
      { ...good, status },
    ]),
    ["unknown in preview", { portalId: UNKNOWN, applicationId: UNKNOWN, apiId: UNKNOWN, status: UNKNOWN }],
  ])("%s passes unchanged", (_name, inputs) => passes(checkApplicationRegistrationInputs)(inputs));

  test.each<[string, Record<string, unknown>, Failure[]]>([
    [
      "nothing",
      {},
      [
        { property: "portalId", reason: "required: the id (UUID) of the portal the application belongs to" },
        { property: "applicationId", reason: "required: the id (UUID) of the portal application that registers" },
        { property: "apiId", reason: "required: the id (UUID) of the API to register for" },
      ],
    ],
    [
      "a status Konnect does not have",
      { ...good, status: "blocked" },
      [{ property: "status", reason: "must be one of approved, pending, rejected, revoked" }],
    ],
    ["an API by name", { ...good, apiId: "orders" }, [{ property: "apiId", reason: "must be a UUID" }]],
    [
      "adopt (a create finds the existing registration by itself)",
      { ...good, adopt: TEAM },
      [
        {
          property: "adopt",
          reason: "unknown property; expected one of portalId, applicationId, apiId, status, region",
        },
      ],
    ],
  ])("%s", (_name, inputs, failures) => {
    expect(checkApplicationRegistrationInputs(inputs).failures).toEqual(failures);
  });
});
