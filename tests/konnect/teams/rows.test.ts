/**
 * A team field is one row. The team table is swapped for a test table with two extra rows (a test double of
 * `konnect/teams/fields.ts`, not a product change): `fooBar`, a flag (wire `foo_bar`), and `fooNote`, an optional text
 * (wire `foo_note`). Nothing else is touched, and the client picks them up: the strict create and update request
 * schemas, the wire bodies of the POST and the PATCH, the response reader (a flag left out is false, a text left out
 * or null is absent), and the resource's create request and outputs.
 */
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/teams/fields";
import type { PortalTeamInputs } from "../../../provider/resources/portalTeam/args";
import { toCreateRequest } from "../../../provider/resources/portalTeam/check";
import { teamOutputs } from "../../../provider/resources/portalTeam/definition";
import { extraRows as extra, recording } from "../recording";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/teams/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/teams/fields");
  return {
    ...actual,
    TEAM_FIELDS: {
      ...actual.TEAM_FIELDS,
      fooBar: { wire: "foo_bar", value: { kind: "flag" }, effect: "update" },
      fooNote: { wire: "foo_note", value: { kind: "text", max: 10 }, effect: "update" },
    },
  };
});

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const TEAM = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const T = "2026-05-20T08:30:00.000Z";
const wire = (extra: Record<string, unknown> = {}) => ({ id: TEAM, name: "t", created_at: T, updated_at: T, ...extra });

test("create and update request schemas: strict, the rows' wire keys and value rules", () => {
  for (const schema of [client.createTeamRequestSchema(), client.updateTeamRequestSchema()]) {
    expect(schema.parse(extra({ name: "t" }, { fooBar: true, fooNote: "hi" }))).toEqual({
      name: "t",
      foo_bar: true,
      foo_note: "hi",
    });
    expect(schema.safeParse(extra({ name: "t" }, { fooBar: "yes" })).success).toBe(false);
    expect(schema.safeParse(extra({ name: "t" }, { fooNote: "x".repeat(11) })).success).toBe(false);
    expect(schema.safeParse(extra({ name: "t" }, { foo_bar: true })).success).toBe(false);
  }
  expect(client.updateTeamRequestSchema().parse(extra({}, { fooNote: "hi" }))).toEqual({ foo_note: "hi" });
});

test("the POST and PATCH bodies carry the new rows on the wire", async () => {
  const { transport, sent } = recording(wire({ foo_bar: true }));
  await client.createTeam(transport, { portalId: PORTAL }, extra({ name: "t" }, { fooBar: true, fooNote: "hi" }));
  await client.updateTeam(transport, { portalId: PORTAL }, TEAM, extra({}, { fooNote: "yo" }));
  expect(sent.map((spec) => spec.body)).toEqual([{ name: "t", foo_bar: true, foo_note: "hi" }, { foo_note: "yo" }]);
});

test("response reader: wire → camelCase; a flag left out is false, a text left out or null is absent", () => {
  const read = client.teamResponseSchema();
  expect(read.parse(wire({ foo_bar: true, foo_note: "hi" }))).toMatchObject({ fooBar: true, fooNote: "hi" });
  const absent = read.parse(wire({ foo_note: null }));
  expect(absent).toMatchObject({ fooBar: false });
  expect(absent).not.toHaveProperty("fooNote");
  expect(read.safeParse(wire({ foo_bar: "yes" })).success).toBe(false);
  const page = client.teamListSchema().parse({
    data: [wire({ foo_note: "x" })],
    meta: { page: { number: 1, size: 10, total: 1 } },
  });
  expect(page.data[0]).toMatchObject({ fooBar: false, fooNote: "x" });
});

test("the resource's create request and outputs carry the new rows", () => {
  const inputs = { portalId: PORTAL, name: "t", fooBar: true, fooNote: "hi" } as unknown as PortalTeamInputs;
  expect(toCreateRequest(inputs)).toEqual({ name: "t", fooBar: true, fooNote: "hi" });
  const team = client.teamResponseSchema().parse(wire({ foo_note: "yo" }));
  expect(teamOutputs(inputs, team)).toEqual({
    portalId: PORTAL,
    name: "t",
    canOwnApplications: false,
    fooBar: false,
    fooNote: "yo",
    createdAt: T,
    updatedAt: T,
  });
});
