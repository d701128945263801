/**
 * Pure logic of ApiPublication: the resource id, the authStrategyIds wire mapping, "equal to declared?", the create
 * decision, the PUT body, outputs and diff (table tests plus invariants over generated inputs).
 */
import fc from "fast-check";
import type { ApiPublication } from "../../../provider/konnect/apiPublications/operations";
import type { ApiPublicationInputs } from "../../../provider/resources/apiPublication/args";
import type { ApiPublicationOutputs } from "../../../provider/resources/apiPublication/args";
import {
  authStrategyIdsToWire,
  createDecision,
  publicationDifferences,
  publicationId,
  publicationOutputs,
  publicationRequest,
  settingsFromKonnect,
} from "../../../provider/resources/apiPublication/definition";
import { handlers } from "../../../provider/resources/runtime";

/** The handlers' diff (what the plugin host answers; no API call). */
async function publicationChanges(olds: ApiPublicationOutputs, news: ApiPublicationInputs) {
  const diff = await handlers.apiPublication.diff(publicationId(news.apiId, news.portalId), olds, news);
  return { changes: diff.changes, replaces: diff.replaces };
}

const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const S1 = "11111111-2222-4333-8444-555566667777";
const S2 = "22222222-3333-4444-8555-666677778888";
const T = "2026-05-20T08:30:00.000Z";

const declared = (extra: Partial<ApiPublicationInputs> = {}): ApiPublicationInputs => ({
  apiId: API,
  portalId: PORTAL,
  ...extra,
});
const konnect = (extra: Partial<ApiPublication> = {}): ApiPublication => ({
  visibility: "private",
  authStrategyIds: null,
  autoApproveRegistrations: false,
  warnings: [],
  createdAt: T,
  updatedAt: T,
  ...extra,
});

describe("resource id", () => {
  test("<apiId>/<portalId>", () => {
    expect(publicationId(API, PORTAL)).toBe(`${API}/${PORTAL}`);
  });
});

describe("authStrategyIds wire mapping", () => {
  test.each([
    [undefined, undefined],
    [[], null],
    [[S1], [S1]],
  ])("declared %j is sent as %j", (input, wire) => {
    expect(authStrategyIdsToWire(input)).toEqual(wire);
  });
  test.each([
    [null, []],
    [[S1], [S1]],
  ])("Konnect's %j reads as %j", (wire, input) => {
    expect(settingsFromKonnect(konnect({ authStrategyIds: wire })).authStrategyIds).toEqual(input);
  });
});

describe("publicationDifferences (is the existing publication the declared one?)", () => {
  test.each<[string, Partial<ApiPublicationInputs>, Partial<ApiPublication>, string[]]>([
    ["all defaults vs Konnect's defaults", {}, {}, []],
    ["absent strategies are not compared (portal default)", {}, { authStrategyIds: [S1] }, []],
    ["[] equals Konnect's null", { authStrategyIds: [] }, { authStrategyIds: null }, []],
    ["same id, other case", { authStrategyIds: [S1.toUpperCase()] }, { authStrategyIds: [S1] }, []],
    ["absent visibility is private", {}, { visibility: "private" }, []],
    ["absent auto approval is false, also when Konnect leaves it out", {}, { autoApproveRegistrations: undefined }, []],
    [
      "other strategy",
      { authStrategyIds: [S1] },
      { authStrategyIds: [S2] },
      [`authStrategyIds: Konnect has ["${S2}"], declared ["${S1}"]`],
    ],
    [
      "no auth vs a strategy",
      { authStrategyIds: [] },
      { authStrategyIds: [S1] },
      [`authStrategyIds: Konnect has ["${S1}"], declared []`],
    ],
    ["public vs absent", {}, { visibility: "public" }, ['visibility: Konnect has "public", declared "private"']],
    [
      "every field",
      { authStrategyIds: [S1], visibility: "public", autoApproveRegistrations: true },
      {},
      [
        `authStrategyIds: Konnect has [], declared ["${S1}"]`,
        'visibility: Konnect has "private", declared "public"',
        "autoApproveRegistrations: Konnect has false, declared true",
      ],
    ],
  ])("%s", (_name, inputs, existing, expected) => {
    expect(publicationDifferences(declared(inputs), settingsFromKonnect(konnect(existing)))).toEqual(expected);
  });
});

describe("createDecision", () => {
  test("nothing published: publish", () => {
    expect(createDecision(declared({ authStrategyIds: [S1] }), undefined)).toEqual({ kind: "publish" });
  });
  test("F3: published as declared, without adopt: refused (it may be someone else's), saying what to set", () => {
    const existing = settingsFromKonnect(konnect({ authStrategyIds: [S1], visibility: "public" }));
    expect(createDecision(declared({ authStrategyIds: [S1], visibility: "public" }), existing)).toEqual({
      kind: "conflict",
      message:
        `API ${API} is already published to portal ${PORTAL}, with the declared settings. A publication carries no ` +
        "labels, so nothing shows whether this stack made it (an earlier `up` interrupted after publishing) or " +
        "someone else did (by hand, or another stack), and it is not taken over without adopt. If this stack made " +
        "it or should manage it from now on, set adopt: true on this resource to take it over (destroy then " +
        "unpublishes it); otherwise remove this resource from the program.",
    });
  });
  test("published as declared, with adopt: take over without a PUT", () => {
    const existing = settingsFromKonnect(konnect({ authStrategyIds: [S1], visibility: "public" }));
    expect(createDecision(declared({ authStrategyIds: [S1], visibility: "public", adopt: true }), existing)).toEqual({
      kind: "take-over",
    });
  });
  test("published differently: a clear failure naming each difference", () => {
    const existing = settingsFromKonnect(konnect({ authStrategyIds: [S2], visibility: "public" }));
    expect(createDecision(declared({ authStrategyIds: [S1] }), existing)).toEqual({
      kind: "conflict",
      message:
        `API ${API} is already published to portal ${PORTAL} with other settings ` +
        `(authStrategyIds: Konnect has ["${S2}"], declared ["${S1}"]; visibility: Konnect has "public", declared "private"). ` +
        "To apply the declared settings, set adopt: true on this resource to take it over (destroy then unpublishes " +
        "it); or declare the settings it has, or unpublish it first.",
    });
  });
  test("published differently with adopt: overwrite", () => {
    const existing = settingsFromKonnect(konnect({ visibility: "public" }));
    expect(createDecision(declared({ adopt: true }), existing)).toEqual({
      kind: "overwrite",
      differences: ['visibility: Konnect has "public", declared "private"'],
    });
  });
  test("adopt false behaves like absent", () => {
    const existing = settingsFromKonnect(konnect({ visibility: "public" }));
    expect(createDecision(declared({ adopt: false }), existing).kind).toBe("conflict");
  });
});

describe("publicationRequest (the PUT body)", () => {
  test.each<[Partial<ApiPublicationInputs>, object]>([
    [{}, { visibility: "private", autoApproveRegistrations: false }],
    [{ authStrategyIds: [] }, { visibility: "private", authStrategyIds: null, autoApproveRegistrations: false }],
    [
      { authStrategyIds: [S1], visibility: "public", autoApproveRegistrations: true, adopt: true, region: "eu" },
      { visibility: "public", authStrategyIds: [S1], autoApproveRegistrations: true },
    ],
  ])("%j → %j", (inputs, body) => {
    expect(publicationRequest(declared(inputs))).toEqual(body);
  });
});

describe("publicationOutputs", () => {
  test("Konnect's settings in the input shape, identity and flags as declared, read-only fields", () => {
    expect(
      publicationOutputs(
        declared({ adopt: true, region: "eu" }),
        konnect({ authStrategyIds: [S1], warnings: ["stripped"], autoApproveRegistrations: undefined }),
      ),
    ).toEqual({
      apiId: API,
      portalId: PORTAL,
      authStrategyIds: [S1],
      visibility: "private",
      autoApproveRegistrations: false,
      adopt: true,
      region: "eu",
      warnings: ["stripped"],
      createdAt: T,
      updatedAt: T,
    });
    expect(publicationOutputs(declared(), konnect()).authStrategyIds).toEqual([]);
  });
});

describe("publicationChanges (the handlers' diff)", () => {
  const olds = publicationOutputs(
    declared({ authStrategyIds: [S1], region: "eu" }),
    konnect({ authStrategyIds: [S1] }),
  );
  test.each<[string, Partial<ApiPublicationInputs>, { changes: boolean; replaces: string[] }]>([
    ["nothing", { authStrategyIds: [S1], region: "eu" }, { changes: false, replaces: [] }],
    ["strategies left to the portal default", { region: "eu" }, { changes: false, replaces: [] }],
    [
      "adopt alone (local: no request)",
      { authStrategyIds: [S1], region: "eu", adopt: true },
      { changes: true, replaces: [] },
    ],
    ["move the strategy", { authStrategyIds: [S2], region: "eu" }, { changes: true, replaces: [] }],
    [
      "visibility and auto approval",
      { authStrategyIds: [S1], region: "eu", visibility: "public", autoApproveRegistrations: true },
      { changes: true, replaces: [] },
    ],
    [
      "another portal",
      { portalId: S2, authStrategyIds: [S1], region: "eu" },
      { changes: true, replaces: ["portalId"] },
    ],
    ["another API", { apiId: S2, authStrategyIds: [S1], region: "eu" }, { changes: true, replaces: ["apiId"] }],
    ["region dropped", { authStrategyIds: [S1] }, { changes: true, replaces: ["region"] }],
  ])("%s", async (_name, news, expected) => {
    expect(await publicationChanges(olds, declared(news))).toEqual(expected);
  });

  test("diff(outputs of x, x) is empty for every valid x; the create decision on them is take-over only with adopt", async () => {
    const id = fc.constantFrom(S1, S2);
    const inputs = fc.record(
      {
        apiId: id,
        portalId: id,
        authStrategyIds: fc.constantFrom<string[] | undefined>(undefined, [], [S1], [S2]),
        visibility: fc.constantFrom<"public" | "private" | undefined>(undefined, "public", "private"),
        autoApproveRegistrations: fc.constantFrom(undefined, true, false),
        adopt: fc.constantFrom(undefined, true, false),
        region: fc.constantFrom<"us" | "eu" | undefined>(undefined, "us", "eu"),
      },
      { requiredKeys: ["apiId", "portalId"] },
    );
    const portalDefault = fc.constantFrom<string[] | null>(null, [S1]);
    await fc.assert(
      fc.asyncProperty(inputs, portalDefault, async (x, fallback) => {
        const body = publicationRequest(x);
        // What Konnect stores for this PUT: omitted strategies take the portal's default.
        const stored = konnect({
          visibility: body.visibility,
          authStrategyIds: body.authStrategyIds === undefined ? fallback : body.authStrategyIds,
          autoApproveRegistrations: body.autoApproveRegistrations,
        });
        const outputs = publicationOutputs(x, stored);
        expect(await publicationChanges(outputs, x)).toEqual({ changes: false, replaces: [] });
        expect(createDecision(x, settingsFromKonnect(stored)).kind).toBe(x.adopt === true ? "take-over" : "conflict");
      }),
    );
  });
});
