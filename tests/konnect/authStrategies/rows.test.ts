/**
 * A top-level auth strategy field is one row. The strategy table is swapped for a test table with two extra rows (a
 * test double of `konnect/authStrategies/fields.ts`, not a product change): `fooNote`, a text a PATCH updates (wire
 * `foo_note`), and `fooOn`, a flag (wire `foo_on`). Nothing else is touched, and the client picks them up: both
 * per-type create variants, the per-type PATCH, the wire bodies (the configs still built per type), and the response
 * reader.
 */
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/authStrategies/fields";
import { extraRows as extra, recording } from "../recording";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/authStrategies/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/authStrategies/fields");
  return {
    ...actual,
    AUTH_STRATEGY_FIELDS: {
      ...actual.AUTH_STRATEGY_FIELDS,
      fooNote: { wire: "foo_note", value: { kind: "text", max: 10 }, effect: "update" },
      fooOn: { wire: "foo_on", value: { kind: "flag" }, effect: "update" },
    },
  };
});

const ID = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const T = "2026-05-20T08:30:00.000Z";
const ISSUER = "https://sts.windows.net/7710d5c4-d902-410b-992f-18b814155b53";
const oidc = {
  name: "s",
  displayName: "S",
  strategyType: "openid_connect" as const,
  openidConnect: { issuer: ISSUER, credentialClaim: ["sub"], scopes: ["openid"], authMethods: ["bearer"] },
};
const keyAuth = { name: "k", displayName: "K", strategyType: "key_auth" as const };
const wire = (extra: Record<string, unknown> = {}) => ({
  id: ID,
  name: "k",
  display_name: "K",
  strategy_type: "key_auth",
  configs: { "key-auth": { key_names: ["apikey"] } },
  active: false,
  created_at: T,
  updated_at: T,
  ...extra,
});

test("create request: both per-type variants take the rows with their wire keys and value rules", () => {
  const schema = client.createAuthStrategyRequestSchema();
  expect(schema.parse(extra(oidc, { fooNote: "hi", fooOn: true }))).toMatchObject({
    strategy_type: "openid_connect",
    foo_note: "hi",
    foo_on: true,
    configs: { "openid-connect": { issuer: ISSUER } },
  });
  expect(schema.parse(extra(keyAuth, { fooOn: false }))).toEqual({
    name: "k",
    display_name: "K",
    strategy_type: "key_auth",
    foo_on: false,
    configs: { "key-auth": {} },
  });
  expect(schema.safeParse(extra(keyAuth, { fooOn: "yes" })).success).toBe(false);
  expect(schema.safeParse(extra(oidc, { fooNote: "x".repeat(11) })).success).toBe(false);
  expect(schema.safeParse(extra(keyAuth, { foo_note: "hi" })).success).toBe(false);
});

test("PATCH: the rows a change updates in place, for each type", () => {
  for (const type of ["openid_connect", "key_auth"] as const) {
    const schema = client.updateAuthStrategyRequestSchema(type);
    expect(schema.parse(extra({ name: "q" }, { fooNote: "hi" }))).toEqual({ name: "q", foo_note: "hi" });
    expect(schema.safeParse(extra({}, { fooOn: 1 })).success).toBe(false);
  }
});

test("the POST and PATCH bodies carry the new rows on the wire", async () => {
  const { transport, sent } = recording(wire());
  await client.createAuthStrategy(transport, extra(keyAuth, { fooNote: "hi" }));
  await client.updateAuthStrategy(transport, ID, "key_auth", extra({}, { fooOn: true }));
  expect(sent.map((spec) => spec.body)).toEqual([
    { name: "k", display_name: "K", strategy_type: "key_auth", foo_note: "hi", configs: { "key-auth": {} } },
    { foo_on: true },
  ]);
});

test("response reader: wire → camelCase; a flag left out is false, a text left out or null is absent", () => {
  const read = client.authStrategyResponseSchema();
  expect(read.parse(wire({ foo_note: "hi", foo_on: true }))).toMatchObject({ fooNote: "hi", fooOn: true });
  const absent = read.parse(wire({ foo_note: null }));
  expect(absent).toMatchObject({ fooOn: false, keyAuth: { keyNames: ["apikey"] } });
  expect(absent).not.toHaveProperty("fooNote");
  expect(read.safeParse(wire({ foo_on: "yes" })).success).toBe(false);
});
