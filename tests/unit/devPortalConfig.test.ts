/** The root stack's `publications` config entries: the accepted forms and an error naming the entry for each bad one. */
import { parsePublicationEntry, parsePublications } from "../../examples/azure-dcr/devPortalConfig";

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
