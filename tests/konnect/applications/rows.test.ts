/**
 * An application field is one row. The application table is swapped for a test table with two extra rows (a test
 * double of `konnect/applications/fields.ts`, not a product change): `fooNote`, a text Konnect sets only at create
 * (wire `foo_note`, effect `replace`), and `fooOn`, a flag a PATCH updates (wire `foo_on`). Nothing else is touched,
 * and the client picks them up: the strict create request (both rows, the owner still sent as `{ type, id }`), the
 * PATCH (the `update` rows: the owner and the flag), the wire bodies, and the response reader.
 */
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/applications/fields";
import { extraRows as extra, recording } from "../recording";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/applications/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/applications/fields");
  return {
    ...actual,
    APPLICATION_FIELDS: {
      ...actual.APPLICATION_FIELDS,
      fooNote: { wire: "foo_note", value: { kind: "text", max: 10 }, effect: "replace" },
      fooOn: { wire: "foo_on", value: { kind: "flag" }, effect: "update" },
    },
  };
});

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const APP = "0b0f7a43-3a51-4c56-9b0c-6b3e5d8f3a10";
const STRATEGY = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const TEAM = "5d4f2b0e-1c6a-4c1e-8a43-0f1f8f1b2c3d";
const T = "2026-05-20T08:30:00.000Z";
const wire = (extra: Record<string, unknown> = {}) => ({
  id: APP,
  name: "app",
  created_at: T,
  updated_at: T,
  ...extra,
});
const create = { name: "app", authStrategyId: STRATEGY, owner: { teamId: TEAM } };

test("create request: strict, every sent row with its wire key and value rule", () => {
  const schema = client.createApplicationRequestSchema();
  expect(schema.parse(extra(create, { fooNote: "hi", fooOn: true }))).toEqual({
    name: "app",
    auth_strategy_id: STRATEGY,
    owner: { type: "team", id: TEAM },
    foo_note: "hi",
    foo_on: true,
  });
  expect(schema.safeParse(extra(create, { fooOn: "yes" })).success).toBe(false);
  expect(schema.safeParse(extra(create, { foo_note: "hi" })).success).toBe(false);
});

test("PATCH: the rows a change updates in place; a create-only row is refused", () => {
  const schema = client.updateApplicationRequestSchema();
  expect(schema.parse(extra({ owner: { teamId: TEAM } }, { fooOn: false }))).toEqual({
    owner: { type: "team", id: TEAM },
    foo_on: false,
  });
  expect(schema.safeParse(extra({}, { fooNote: "hi" })).success).toBe(false);
});

test("the POST and PATCH bodies carry the new rows on the wire", async () => {
  const { transport, sent } = recording(wire());
  await client.createApplication(transport, { portalId: PORTAL }, extra(create, { fooNote: "hi" }));
  await client.updateApplication(transport, { portalId: PORTAL }, APP, extra({}, { fooOn: true }));
  expect(sent.map((spec) => spec.body)).toEqual([
    { name: "app", auth_strategy_id: STRATEGY, owner: { type: "team", id: TEAM }, foo_note: "hi" },
    { foo_on: true },
  ]);
});

test("response reader: wire → camelCase; a flag left out is false, a text left out or null is absent", () => {
  const read = client.applicationResponseSchema();
  expect(read.parse(wire({ foo_note: "hi", foo_on: true }))).toMatchObject({ fooNote: "hi", fooOn: true });
  const absent = read.parse(wire({ foo_note: null }));
  expect(absent).toMatchObject({ fooOn: false });
  expect(absent).not.toHaveProperty("fooNote");
  expect(read.safeParse(wire({ foo_on: "yes" })).success).toBe(false);
});
