/**
 * Pure logic of ApplicationRegistration: the handlers' diff (no API call) over the rows its table gives, the update
 * bodies, the outputs built from Konnect's answers, and the messages a create gives when it cannot proceed.
 */
import type {
  ApplicationRegistrationInputs,
  ApplicationRegistrationOutputs,
} from "../../../provider/resources/applicationRegistration/args";
import {
  applicationRegistrationDefinition,
  createStatus,
  declaredStatus,
} from "../../../provider/resources/applicationRegistration/definition";
import { handlers } from "../../../provider/resources/runtime";
import { API, APP, PORTAL, STRATEGY, TEAM } from "../../support/validInputs";
import { ISO, changes, where } from "../unitSupport";

describe("ApplicationRegistration", () => {
  const news: ApplicationRegistrationInputs = { portalId: PORTAL, applicationId: APP, apiId: API };
  const olds: ApplicationRegistrationOutputs = {
    ...news,
    status: "approved",
    createdAt: ISO,
    updatedAt: ISO,
    ...where,
  };
  const diff = (o: object, n: object) =>
    changes(handlers.applicationRegistration.diff.bind(handlers.applicationRegistration), o, n);

  test.each<[string, object, object, { changes: boolean; replaces: string[] }]>([
    ["approved, declared by default", olds, news, { changes: false, replaces: [] }],
    [
      "revoked in the Dev Portal (seen by refresh)",
      { ...olds, status: "revoked" },
      news,
      { changes: true, replaces: [] },
    ],
    ["pending declared", olds, { ...news, status: "pending" }, { changes: true, replaces: [] }],
    ["another API", olds, { ...news, apiId: STRATEGY }, { changes: true, replaces: ["apiId"] }],
    ["another application", olds, { ...news, applicationId: TEAM }, { changes: true, replaces: ["applicationId"] }],
  ])("diff: %s", async (_name, o, n, expected) => {
    expect(await diff(o, n)).toEqual(expected);
  });

  test("a status change is one PATCH; a replacement deletes the old registration first", async () => {
    expect(applicationRegistrationDefinition.planUpdate(olds, { ...news, status: "revoked" })?.fields).toEqual([
      "status",
    ]);
    expect(
      (await handlers.applicationRegistration.diff("id", olds, { ...news, apiId: TEAM })).deleteBeforeReplace,
    ).toBe(true);
  });

  test.each<[ApplicationRegistrationInputs["status"], string, string]>([
    [undefined, "approved", "approved"],
    ["approved", "approved", "approved"],
    ["pending", "pending", "pending"],
    // A create cannot ask for these: posted as pending (no traffic either), then one PATCH.
    ["rejected", "rejected", "pending"],
    ["revoked", "revoked", "pending"],
  ])("declared %s: %s, created as %s", (status, declared, created) => {
    expect(declaredStatus({ status })).toBe(declared);
    expect(createStatus(declaredStatus({ status }))).toBe(created);
  });
});
