/**
 * The root stack's `publications` config entries and `testApplication*` keys: the accepted forms and an error naming the
 * entry or key for each bad one.
 */
import {
  parsePublicationEntry,
  parsePublications,
  parseTestApplication,
} from "../../../examples/azure-dcr/devPortalConfig";

const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const FORMAT = "<apiId>/<portalId>[?visibility=public|private&autoApproveRegistrations=true|false&adopt=true|false]";

test.each<[string, object]>([
  [`${API}/${PORTAL}`, { apiId: API, portalId: PORTAL }],
  [`${API}/${PORTAL}?visibility=private`, { apiId: API, portalId: PORTAL, visibility: "private" }],
  [
    `${API}/${PORTAL}?visibility=public&autoApproveRegistrations=true&adopt=false`,
    { apiId: API, portalId: PORTAL, visibility: "public", autoApproveRegistrations: true, adopt: false },
  ],
])("%s", (entry, expected) => {
  expect(parsePublicationEntry(entry, 0)).toEqual(expected);
});

test.each<[unknown, string]>([
  [42, `publications[3]: expected a string "${FORMAT}"`],
  [API, `publications[3]: expected "${FORMAT}", got "${API}"`],
  [`${API}/${PORTAL}/x`, `publications[3]: expected "${FORMAT}", got "${API}/${PORTAL}/x"`],
  [`/${PORTAL}`, `publications[3]: expected "${FORMAT}", got "/${PORTAL}"`],
  [`${API}/${PORTAL}?a?b`, `publications[3]: expected "${FORMAT}", got "${API}/${PORTAL}?a?b"`],
  [`${API}/${PORTAL}?visibility=internal`, 'publications[3]: visibility must be public or private, got "internal"'],
  [`${API}/${PORTAL}?adopt=yes`, 'publications[3]: adopt: must be true or false, got "yes"'],
  [
    `${API}/${PORTAL}?authStrategyIds=x`,
    'publications[3]: unknown option "authStrategyIds"; expected visibility, autoApproveRegistrations or adopt',
  ],
])("rejects %j", (entry, message) => {
  expect(() => parsePublicationEntry(entry, 3)).toThrow(message);
});

test("a list, and no config at all", () => {
  expect(parsePublications([`${API}/${PORTAL}`, `${API}/${PORTAL}?visibility=public`])).toHaveLength(2);
  expect(parsePublications(undefined)).toEqual([]);
});

describe("the testApplication* keys", () => {
  const TEAM = "2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819";

  test("none set: no test application", () => {
    expect(parseTestApplication({})).toBeUndefined();
  });

  test("the portal alone, then every key", () => {
    expect(parseTestApplication({ portalId: PORTAL })).toEqual({ portalId: PORTAL });
    expect(
      parseTestApplication({
        portalId: PORTAL,
        apiIds: [API],
        owner: `team:${TEAM}`,
        name: "smoke test",
        route: "https://gw.example.com/orders",
        resource: "api://orders",
        loginUrl: "https://login.microsoftonline.us",
        timeoutSeconds: 90,
      }),
    ).toEqual({
      portalId: PORTAL,
      apiIds: [API],
      owner: { teamId: TEAM },
      name: "smoke test",
      route: "https://gw.example.com/orders",
      resource: "api://orders",
      loginUrl: "https://login.microsoftonline.us",
      timeoutSeconds: 90,
    });
    expect(parseTestApplication({ portalId: PORTAL, owner: `developer:${TEAM}` })?.owner).toEqual({
      developerId: TEAM,
    });
  });

  test.each<[object, string]>([
    [
      { route: "https://gw.example.com/orders", apiIds: [API] },
      "testApplicationPortalId: required with testApplicationApiIds, testApplicationRoute (it turns the test application on)",
    ],
    [{ portalId: PORTAL, apiIds: API }, "testApplicationApiIds: expected a list of API ids"],
    [{ portalId: PORTAL, apiIds: [API, 7] }, "testApplicationApiIds[1]: expected an API id (a string)"],
    [
      { portalId: PORTAL, owner: TEAM },
      `testApplicationOwner: expected "team:<teamId> or developer:<developerId>", got "${TEAM}"`,
    ],
    [
      { portalId: PORTAL, owner: `org:${TEAM}` },
      `testApplicationOwner: expected "team:<teamId> or developer:<developerId>", got "org:${TEAM}"`,
    ],
  ])("rejects %j", (config, message) => {
    expect(() => parseTestApplication(config)).toThrow(message);
  });
});
