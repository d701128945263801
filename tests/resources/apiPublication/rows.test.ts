/**
 * A publication setting is one row. The publication's field table is swapped for a test table with two extra
 * settings (a test double of `konnect/apiPublications/fields.ts`, not a product change): `fooBar`, a flag (wire
 * `foo_bar`, absent is false), and `fooMode`, an enum with a `default` (wire `foo_mode`, absent is `"calm"`). Nothing
 * else is touched, and the product's own pieces pick them up: `check`, the strict request schema, the PUT body on the
 * wire, the response reader, the diff (compared as effective values), the update, "how an existing publication
 * differs" and the outputs.
 */
import type { ApiPublication, KonnectTransport, RequestSpec } from "../../../provider/konnect";
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/apiPublications/fields";
import * as definition from "../../../provider/resources/apiPublication/definition";
import { checkApiPublicationInputs } from "../../../provider/resources/apiPublication/check";
import { API_PUBLICATION_INPUTS } from "../../../provider/resources/apiPublication/inputs";
import { handlers } from "../../../provider/resources/runtime";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/apiPublications/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/apiPublications/fields");
  return {
    ...actual,
    API_PUBLICATION_FIELDS: {
      ...actual.API_PUBLICATION_FIELDS,
      fooBar: { wire: "foo_bar", value: { kind: "flag" }, effect: "update" },
      fooMode: {
        wire: "foo_mode",
        value: { kind: "enum", values: ["calm", "busy"] },
        effect: "update",
        default: "calm",
      },
    },
  };
});

type Inputs = Parameters<typeof definition.publicationRequest>[0];
type Outputs = ReturnType<typeof definition.publicationOutputs>;
/** Inputs and outputs with the test table's settings (the product's types know only the real rows). */
type WithFoo<T> = T & { fooBar?: boolean; fooMode?: string };

const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const T = "2026-05-20T08:30:00.000Z";
const declared = (extra: Record<string, unknown> = {}) => ({ apiId: API, portalId: PORTAL, ...extra }) as Inputs;
const wire = (extra: Record<string, unknown> = {}) => ({
  visibility: "private",
  auth_strategy_ids: null,
  created_at: T,
  updated_at: T,
  ...extra,
});

/** A transport that records each request and answers with `answer`. */
function recording(answer: unknown): { transport: KonnectTransport; sent: RequestSpec[] } {
  const sent: RequestSpec[] = [];
  const transport: KonnectTransport = {
    baseUrl: "https://us.api.konghq.com",
    send: (spec) => {
      sent.push(spec);
      return Promise.resolve({ status: 200, data: answer });
    },
  };
  return { transport, sent };
}

test("the test table is in force", () => {
  expect(Object.keys(API_PUBLICATION_INPUTS)).toEqual(expect.arrayContaining(["fooBar", "fooMode"]));
});

test("check takes the new settings by their rows' value rules", () => {
  expect(checkApiPublicationInputs(declared({ fooBar: true, fooMode: "busy" })).failures).toEqual([]);
  expect(
    checkApiPublicationInputs(declared({ fooBar: "yes", fooMode: "wild" })).failures.map((f) => f.property),
  ).toEqual(["fooBar", "fooMode"]);
});

test("request schema: strict, the rows' wire keys and value rules", () => {
  const schema = client.putApiPublicationRequestSchema();
  expect(schema.parse({ fooBar: true, fooMode: "busy" })).toEqual({ foo_bar: true, foo_mode: "busy" });
  expect(schema.safeParse({ fooBar: "yes" }).success).toBe(false);
  expect(schema.safeParse({ fooMode: "wild" }).success).toBe(false);
  expect(schema.safeParse({ foo_bar: true }).success).toBe(false);
});

test("response reader: wire → camelCase; a flag left out stays absent, an enum is required", () => {
  const read = client.apiPublicationResponseSchema();
  expect(read.parse(wire({ foo_bar: true, foo_mode: "busy" }))).toMatchObject({ fooBar: true, fooMode: "busy" });
  const absent = read.parse(wire({ foo_mode: "calm" }));
  expect(absent).not.toHaveProperty("fooBar");
  expect(read.safeParse(wire()).success).toBe(false);
  const item = client.apiPublicationListItemSchema().parse({
    ...wire({ foo_bar: false, foo_mode: "calm" }),
    api_id: API,
    portal_id: PORTAL,
    entity_type: "api",
  });
  expect(item).toMatchObject({ apiId: API, fooBar: false, fooMode: "calm" });
});

test("the PUT body sends every setting with its effective value, on the wire", async () => {
  expect(definition.publicationRequest(declared())).toEqual({
    visibility: "private",
    autoApproveRegistrations: false,
    fooBar: false,
    fooMode: "calm",
  });
  const { transport, sent } = recording(wire({ foo_bar: true, foo_mode: "busy" }));
  await client.putApiPublication(transport, API, PORTAL, definition.publicationRequest(declared({ fooBar: true })));
  expect(sent[0]!.body).toEqual({
    visibility: "private",
    auto_approve_registrations: false,
    foo_bar: true,
    foo_mode: "calm",
  });
});

describe("diff, update, differences and outputs", () => {
  const konnect = (extra: Partial<WithFoo<ApiPublication>> = {}): ApiPublication => ({
    visibility: "private",
    authStrategyIds: null,
    warnings: [],
    createdAt: T,
    updatedAt: T,
    ...extra,
  });

  test("outputs hold Konnect's settings as effective values", () => {
    const outputs = definition.publicationOutputs(declared(), konnect()) as WithFoo<Outputs>;
    expect(outputs.fooBar).toBe(false);
    expect(outputs.fooMode).toBe("calm");
    const set = definition.publicationOutputs(declared(), konnect({ fooBar: true, fooMode: "busy" }));
    expect(set).toMatchObject({ fooBar: true, fooMode: "busy" });
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>, string[]]>([
    ["absent equals the effective value Konnect has", {}, {}, []],
    ["declaring the defaults changes nothing", { fooBar: false, fooMode: "calm" }, {}, []],
    ["a flag set", { fooBar: true }, {}, ["fooBar"]],
    ["an enum moved", { fooMode: "busy" }, {}, ["fooMode"]],
    ["absent goes back to the default", {}, { fooBar: true, fooMode: "busy" }, ["fooBar", "fooMode"]],
  ])("%s", async (_name, news, konnectHas, changed) => {
    const olds = definition.publicationOutputs(declared(), konnect(konnectHas));
    const diff = await handlers.apiPublication.diff(`${API}/${PORTAL}`, olds, declared(news));
    expect(diff.changes).toBe(changed.length > 0);
    expect(diff.replaces).toEqual([]);
    const plan = definition.apiPublicationDefinition.planUpdate(olds, declared(news));
    expect(plan?.fields ?? []).toEqual(changed);
    const lines = definition.publicationDifferences(
      declared(news),
      definition.settingsFromKonnect(konnect(konnectHas)),
    );
    expect(lines.map((line) => line.split(":")[0])).toEqual(changed);
    if (plan !== undefined) {
      const { transport, sent } = recording(wire({ foo_mode: "calm" }));
      await plan.send(transport, `${API}/${PORTAL}`);
      expect(sent[0]!.body).toMatchObject({ foo_bar: news.fooBar ?? false, foo_mode: news.fooMode ?? "calm" });
    }
  });

  test("an existing publication with other settings is named by them", () => {
    const existing = definition.settingsFromKonnect(konnect({ fooBar: true }));
    expect(definition.createDecision(declared(), existing)).toMatchObject({
      kind: "conflict",
      message: expect.stringContaining("fooBar: Konnect has true, declared false"),
    });
  });
});
