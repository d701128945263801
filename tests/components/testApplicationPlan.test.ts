/**
 * The plan of AzureKonnectDcr's testApplication: children named from the component and the API ids (stable when the
 * list is reordered), the default APIs taken from the component's publications in that portal, and each invalid
 * argument refused naming its property.
 */
import type { AzureKonnectDcrPublication } from "../../provider/components/devPortal";
import {
  planTestApplication,
  type AzureKonnectDcrTestApplication,
  type TestApplicationContext,
} from "../../provider/components/testApplicationPlan";

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const OTHER_PORTAL = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f70819";
const API_A = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const API_B = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
const API_C = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const TEAM = "2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819";

function publication(apiId: string, portalId: string): { name: string; entry: AzureKonnectDcrPublication } {
  return { name: `c-publication-${apiId}-${portalId}`, entry: { apiId, portalId } };
}

const CONTEXT: TestApplicationContext = {
  publications: [publication(API_A, PORTAL), publication(API_B, OTHER_PORTAL), publication(API_C, PORTAL)],
  existingApplication: false,
};

const plan = (entry: AzureKonnectDcrTestApplication, context: TestApplicationContext = CONTEXT) =>
  planTestApplication("c", entry, context);

describe("planTestApplication", () => {
  test("defaults: a team, the application, a registration per API published in the portal, the check", () => {
    expect(plan({ portalId: PORTAL })).toEqual({
      entry: { portalId: PORTAL },
      clientName: "c-test-client",
      teamName: "c-test-team",
      applicationName: "c-test-application",
      registrations: [
        { name: `c-test-registration-${API_A}`, apiId: API_A, publication: `c-publication-${API_A}-${PORTAL}` },
        { name: `c-test-registration-${API_C}`, apiId: API_C, publication: `c-publication-${API_C}-${PORTAL}` },
      ],
      checkName: "c-test-check",
      defaultName: "c test application",
    });
  });

  test("the portal id matches publications whatever its case; upper-case API ids name the same children", () => {
    const upper = plan({ portalId: PORTAL.toUpperCase(), apiIds: [API_C.toUpperCase()] });
    expect(upper.registrations).toEqual([
      {
        name: `c-test-registration-${API_C}`,
        apiId: API_C.toUpperCase(),
        publication: `c-publication-${API_C}-${PORTAL}`,
      },
    ]);
  });

  test("apiIds: given ones are registered, published or not; reordering keeps every child's name", () => {
    const one = plan({ portalId: PORTAL, apiIds: [API_B, API_A] }).registrations;
    const other = plan({ portalId: PORTAL, apiIds: [API_A, API_B] }).registrations;
    expect(one).toEqual([
      { name: `c-test-registration-${API_B}`, apiId: API_B }, // published in another portal only: no dependency
      { name: `c-test-registration-${API_A}`, apiId: API_A, publication: `c-publication-${API_A}-${PORTAL}` },
    ]);
    expect(new Set(one.map((r) => JSON.stringify(r)))).toEqual(new Set(other.map((r) => JSON.stringify(r))));
  });

  test("an owner replaces the team; apiIds [] without a route registers nothing", () => {
    const planned = plan({ portalId: PORTAL, owner: { teamId: TEAM }, apiIds: [] });
    expect(planned.teamName).toBeUndefined();
    expect(planned.registrations).toEqual([]);
    expect(plan({ portalId: PORTAL, owner: { developerId: TEAM } }).teamName).toBeUndefined();
  });

  test("with existingApplication the admin service principal is required and taken", () => {
    const context = { ...CONTEXT, existingApplication: true };
    expect(plan({ portalId: PORTAL, adminServicePrincipalObjectId: TEAM }, context).entry).toEqual({
      portalId: PORTAL,
      adminServicePrincipalObjectId: TEAM,
    });
    expect(() => plan({ portalId: PORTAL }, context)).toThrow(
      "testApplication.adminServicePrincipalObjectId: required with existingApplication: the object id of that app's service principal, which must own the test client so Konnect can reach it with Application.ReadWrite.OwnedBy (az ad sp show --id <clientId> --query id -o tsv)",
    );
  });

  test.each<[string, AzureKonnectDcrTestApplication, string]>([
    ["not an object", "x" as unknown as AzureKonnectDcrTestApplication, "testApplication: must be an object"],
    [
      "a portal id that is not a plain string",
      { portalId: { id: PORTAL } as unknown as string },
      "testApplication.portalId: must be a plain string UUID",
    ],
    [
      "a portal id that is not a UUID",
      { portalId: "portal" },
      'testApplication.portalId: must be a UUID, got "portal"',
    ],
    [
      "no API published in the portal and no apiIds",
      { portalId: "00000000-0000-4000-8000-000000000000" },
      "testApplication.apiIds: this component publishes no API in portal 00000000-0000-4000-8000-000000000000; list the APIs to register (testApplication.apiIds), or publish one there (publications)",
    ],
    [
      "apiIds not a list",
      { portalId: PORTAL, apiIds: API_A as unknown as string[] },
      "testApplication.apiIds: must be a list of plain string UUIDs",
    ],
    [
      "an API id that is not a UUID",
      { portalId: PORTAL, apiIds: [API_A, "orders"] },
      'testApplication.apiIds[1]: must be a UUID, got "orders"',
    ],
    [
      "an API listed twice",
      { portalId: PORTAL, apiIds: [API_A, API_B, API_A.toUpperCase()] },
      `testApplication.apiIds[2]: API ${API_A} is listed twice (see testApplication.apiIds[0])`,
    ],
    [
      "no API but a route",
      { portalId: PORTAL, apiIds: [], route: "https://gw.example.com/orders" },
      "testApplication.apiIds: is empty but route is set: the gateway lets an application through only for APIs it is registered for",
    ],
    [
      "an owner with both ids",
      { portalId: PORTAL, owner: { teamId: TEAM, developerId: TEAM } },
      'testApplication.owner: must have exactly one of teamId and developerId, got ["teamId","developerId"]',
    ],
    [
      "an owner of another shape",
      { portalId: PORTAL, owner: { id: TEAM } as unknown as { teamId: string } },
      'testApplication.owner: must have exactly one of teamId and developerId, got ["id"]',
    ],
    [
      "an owner id that is not a UUID",
      { portalId: PORTAL, owner: { developerId: "me" } },
      "testApplication.owner.developerId: must be a UUID",
    ],
    [
      "an admin service principal without existingApplication",
      { portalId: PORTAL, adminServicePrincipalObjectId: TEAM },
      "testApplication.adminServicePrincipalObjectId: only with existingApplication; the component's own DCR admin app's service principal owns the test client",
    ],
  ])("refuses %s", (_label, entry, message) => {
    expect(() => plan(entry)).toThrow(message);
  });

  test("refuses a malformed admin service principal with existingApplication", () => {
    expect(() =>
      plan({ portalId: PORTAL, adminServicePrincipalObjectId: "sp" }, { ...CONTEXT, existingApplication: true }),
    ).toThrow("testApplication.adminServicePrincipalObjectId: must be a GUID");
  });
});
