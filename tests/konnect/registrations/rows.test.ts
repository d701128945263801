/**
 * A registration field is one row. The registration table is swapped for a test table with two extra rows (a test
 * double of `konnect/registrations/fields.ts`, not a product change): `fooNote`, a text sent on create only (wire
 * `foo_note`, effect `replace`), and `fooLevel`, a count a PATCH updates (wire `foo_level`). Nothing else is touched,
 * and the client picks them up: the strict create request (both rows), the PATCH (the `update` row only), the wire
 * bodies, and the response reader.
 */
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/registrations/fields";
import { extraRows as extra, recording } from "../recording";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/registrations/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/registrations/fields");
  return {
    ...actual,
    REGISTRATION_FIELDS: {
      ...actual.REGISTRATION_FIELDS,
      fooNote: { wire: "foo_note", value: { kind: "text", max: 10 }, effect: "replace" },
      fooLevel: { wire: "foo_level", value: { kind: "count", min: 1 }, effect: "update" },
    },
  };
});

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const APP = "0b0f7a43-3a51-4c56-9b0c-6b3e5d8f3a10";
const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const REG = "5d4f2b0e-1c6a-4c1e-8a43-0f1f8f1b2c3d";
const T = "2026-05-20T08:30:00.000Z";
const wire = (extra: Record<string, unknown> = {}) => ({
  id: REG,
  status: "approved",
  api: { id: API },
  created_at: T,
  updated_at: T,
  ...extra,
});

test("create request: strict, every sent row with its wire key and value rule", () => {
  const schema = client.createRegistrationRequestSchema();
  expect(schema.parse(extra({ apiId: API }, { fooNote: "hi", fooLevel: 2 }))).toEqual({
    api_id: API,
    foo_note: "hi",
    foo_level: 2,
  });
  expect(schema.safeParse(extra({ apiId: API }, { fooLevel: 0 })).success).toBe(false);
  expect(schema.safeParse(extra({ apiId: API }, { foo_note: "hi" })).success).toBe(false);
});

test("PATCH: the rows a change updates in place; a create-only row is refused", () => {
  const schema = client.updateRegistrationRequestSchema();
  expect(schema.parse(extra({ status: "revoked" }, { fooLevel: 3 }))).toEqual({ status: "revoked", foo_level: 3 });
  expect(schema.safeParse(extra({}, { fooNote: "hi" })).success).toBe(false);
});

test("the POST and PATCH bodies carry the new rows on the wire", async () => {
  const { transport, sent } = recording(wire());
  const scope = { portalId: PORTAL, applicationId: APP };
  await client.createRegistration(transport, scope, extra({ apiId: API }, { fooNote: "hi" }));
  await client.updateRegistration(transport, scope, REG, extra({}, { fooLevel: 4 }));
  expect(sent.map((spec) => spec.body)).toEqual([{ api_id: API, foo_note: "hi" }, { foo_level: 4 }]);
});

test("response reader: wire → camelCase; an optional row left out or null is absent", () => {
  const read = client.registrationResponseSchema();
  expect(read.parse(wire({ foo_note: "hi", foo_level: 2 }))).toMatchObject({ apiId: API, fooNote: "hi", fooLevel: 2 });
  const absent = read.parse(wire({ foo_note: null }));
  expect(absent).not.toHaveProperty("fooNote");
  expect(absent).not.toHaveProperty("fooLevel");
  expect(read.safeParse(wire({ foo_level: "2" })).success).toBe(false);
});
