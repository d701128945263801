/**
 * A portal field the package writes is one row. The portal table is swapped for a test table with two extra rows (a
 * test double of `konnect/portals/fields.ts`, not a product change): `fooOn`, a flag (wire `foo_on`), and
 * `fooNote`, a nullable text (wire `foo_note`, cleared with null). Nothing else is touched, and the client picks them
 * up: the strict PATCH request schema, the PATCH body on the wire, and the response reader.
 */
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/portals/fields";
import { extraRows as extra, recording } from "../recording";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/portals/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/portals/fields");
  return {
    ...actual,
    PORTAL_FIELDS: {
      ...actual.PORTAL_FIELDS,
      fooOn: { wire: "foo_on", value: { kind: "flag" }, effect: "update" },
      fooNote: { wire: "foo_note", value: { kind: "text", max: 10, nullable: true }, effect: "update" },
    },
  };
});

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const STRATEGY = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const T = "2026-05-20T08:30:00.000Z";
const wire = (extra: Record<string, unknown> = {}) => ({
  id: PORTAL,
  name: "p",
  default_application_auth_strategy_id: null,
  created_at: T,
  updated_at: T,
  ...extra,
});

test("PATCH request: strict, the rows' wire keys and value rules; a nullable row is cleared with null", () => {
  const schema = client.portalDefaultStrategyRequestSchema();
  expect(schema.parse(extra({ defaultApplicationAuthStrategyId: null }, { fooOn: true, fooNote: null }))).toEqual({
    default_application_auth_strategy_id: null,
    foo_on: true,
    foo_note: null,
  });
  expect(schema.safeParse(extra({}, { fooOn: "yes" })).success).toBe(false);
  expect(schema.safeParse(extra({}, { fooNote: "x".repeat(11) })).success).toBe(false);
  expect(schema.safeParse(extra({}, { foo_on: true })).success).toBe(false);
});

test("the PATCH body carries the new rows on the wire", async () => {
  const { transport, sent } = recording(wire());
  await client.patchPortalDefault(
    transport,
    PORTAL,
    extra({ defaultApplicationAuthStrategyId: STRATEGY }, { fooNote: "hi" }),
  );
  expect(sent[0]!.body).toEqual({ default_application_auth_strategy_id: STRATEGY, foo_note: "hi" });
});

test("response reader: wire → camelCase; a flag left out is false, a text left out or null is absent", () => {
  const read = client.portalResponseSchema();
  expect(read.parse(wire({ foo_on: true, foo_note: "hi" }))).toMatchObject({ fooOn: true, fooNote: "hi", labels: {} });
  const absent = read.parse(wire({ foo_note: null }));
  expect(absent).toMatchObject({ fooOn: false, defaultApplicationAuthStrategyId: null });
  expect(absent).not.toHaveProperty("fooNote");
  expect(read.safeParse(wire({ foo_on: "yes" })).success).toBe(false);
});
