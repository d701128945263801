/**
 * F6 of issue 21 in the handlers' diffs (no API call): a strategy replaced in a deployment while a publication (or a
 * portal default) of the stack keeps using it is refused by whichever of the two diffs comes second, naming what to
 * declare; the engine diffs them in either order.
 */
import type { ApiPublicationOutputs } from "../../../provider/resources/apiPublication/args";
import type { AuthStrategyOutputs } from "../../../provider/resources/authStrategy/args";
import type { PortalDefaultAuthStrategyOutputs } from "../../../provider/resources/portalDefaultAuthStrategy/args";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { handlers } from "../../../provider/resources/runtime";
import { resetReplacementWatch } from "../../../provider/resources/testHooks";
import { keyAuthStrategyInputs, oidcStrategyInputs } from "../../support/validInputs";

const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const S1 = "11111111-2222-4333-8444-555566667777";
const S2 = "22222222-3333-4444-8555-666677778888";

const strategyOlds = { ...keyAuthStrategyInputs({ name: "shared" }), active: true } as AuthStrategyOutputs;
const publicationOlds = (authStrategyIds: string[]): ApiPublicationOutputs => ({
  apiId: API,
  portalId: PORTAL,
  authStrategyIds,
  visibility: "private",
  autoApproveRegistrations: false,
  warnings: [],
  createdAt: "c",
  updatedAt: "u",
});

/** The strategy's diff for a change of type: a replacement. */
const replaceStrategy = () => handlers.authStrategy.diff(S1, strategyOlds, oidcStrategyInputs({ name: "shared" }));
/** The strategy's diff for an in-place change. */
const updateStrategy = () =>
  handlers.authStrategy.diff(S1, strategyOlds, keyAuthStrategyInputs({ name: "shared", displayName: "New" }));
const publicationDiff = (olds: ApiPublicationOutputs, news: object) =>
  handlers.apiPublication.diff(`${API}/${PORTAL}`, olds, { apiId: API, portalId: PORTAL, ...news });

const REFUSAL =
  `auth strategy "shared" (${S1}) is replaced by this update, which then deletes it, but API publication ` +
  `${API}/${PORTAL} keeps using it, so Konnect would refuse that delete (409) on this and every later update: ` +
  "it declares no authStrategyIds, so it keeps the strategy Konnect gave it (the portal's default when it was " +
  "published; a new default does not move it). Declare authStrategyIds on it: [<the strategy resource>.id] to move " +
  "it to the replacement in the same update, or [] for no application auth";

beforeEach(() => resetReplacementWatch());

test("the publication relying on the default is diffed first: the strategy's replacement is refused", async () => {
  expect((await publicationDiff(publicationOlds([S1]), {})).changes).toBe(false);
  await expect(replaceStrategy()).rejects.toThrow(REFUSAL);
});

test("the strategy is diffed first: the publication relying on the default is refused", async () => {
  expect((await replaceStrategy()).replaces).toEqual(["strategyType"]);
  await expect(publicationDiff(publicationOlds([S1]), { visibility: "public" })).rejects.toThrow(REFUSAL);
});

test("a publication declaring the replaced id literally is refused too, naming what to declare", async () => {
  await replaceStrategy();
  await expect(publicationDiff(publicationOlds([S1]), { authStrategyIds: [S1] })).rejects.toThrow(
    "it declares this id; declare the replacement's id instead ([<the strategy resource>.id])",
  );
});

test("a portal default declaring the replaced id literally is refused", async () => {
  await replaceStrategy();
  const olds: PortalDefaultAuthStrategyOutputs = {
    portalId: PORTAL,
    authStrategyId: S1,
    appliedAuthStrategyId: S1,
    previousAuthStrategyId: null,
  };
  await expect(
    handlers.portalDefaultAuthStrategy.diff(PORTAL, olds, { portalId: PORTAL, authStrategyId: S1 }),
  ).rejects.toThrow(`but the default auth strategy of portal ${PORTAL} (a PortalDefaultAuthStrategy) keeps using it`);
});

test.each<[string, () => Promise<unknown>]>([
  [
    "a publication following the strategy (its id unknown in preview)",
    () => publicationDiff(publicationOlds([S1]), { authStrategyIds: [UNKNOWN] }),
  ],
  ["a publication moved to another strategy", () => publicationDiff(publicationOlds([S1]), { authStrategyIds: [S2] })],
  ["a publication without application auth", () => publicationDiff(publicationOlds([]), {})],
  ["a publication on another strategy by the portal default", () => publicationDiff(publicationOlds([S2]), {})],
  ["a publication replaced itself (another portal)", () => publicationDiff(publicationOlds([S1]), { portalId: S2 })],
])("no refusal: %s", async (_name, diff) => {
  await replaceStrategy();
  await expect(diff()).resolves.toBeDefined();
});

test("no refusal when the strategy is only updated in place", async () => {
  await publicationDiff(publicationOlds([S1]), {});
  expect((await updateStrategy()).replaces).toEqual([]);
});
