/**
 * A top-level DCR provider field is one row. The provider table is swapped for a test table with two extra rows (a
 * test double of `konnect/dcrProviders/fields.ts`, not a product change): `fooNote`, a text a PATCH updates (wire
 * `foo_note`), and `fooKind`, an enum sent on create only like `providerType` (wire `foo_kind`, effect `replace`).
 * Nothing else is touched, and the client picks them up: every per-type create variant, the per-type PATCH (the
 * `update` row only), the wire bodies (the DCR config still converted), and the response reader.
 */
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/dcrProviders/fields";
import { extraRows as extra, recording } from "../recording";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/dcrProviders/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/dcrProviders/fields");
  return {
    ...actual,
    DCR_PROVIDER_FIELDS: {
      ...actual.DCR_PROVIDER_FIELDS,
      fooNote: { wire: "foo_note", value: { kind: "text", max: 10 }, effect: "update" },
      fooKind: { wire: "foo_kind", value: { kind: "enum", values: ["a", "b"] }, effect: "replace" },
    },
  };
});

const ID = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const T = "2026-05-20T08:30:00.000Z";
const ISSUER = "https://sts.windows.net/7710d5c4-d902-410b-992f-18b814155b53";
const azure = {
  name: "p",
  providerType: "azureAd" as const,
  issuer: ISSUER,
  dcrConfig: { initialClientId: ID, initialClientSecret: "a-long-enough-secret" },
};
const kong = { name: "k", providerType: "kongIdentity" as const, issuer: ISSUER };
const wire = (extra: Record<string, unknown> = {}) => ({
  id: ID,
  name: "p",
  provider_type: "azureAd",
  issuer: ISSUER,
  active: false,
  created_at: T,
  updated_at: T,
  ...extra,
});

test("create request: every per-type variant takes the rows with their wire keys and value rules", () => {
  const schema = client.createDcrProviderRequestSchema();
  expect(schema.parse(extra(azure, { fooNote: "hi", fooKind: "a" }))).toMatchObject({
    provider_type: "azureAd",
    foo_note: "hi",
    foo_kind: "a",
    dcr_config: { initial_client_id: ID },
  });
  expect(schema.parse(extra(kong, { fooKind: "b" }))).toEqual({
    name: "k",
    provider_type: "kongIdentity",
    issuer: ISSUER,
    foo_kind: "b",
  });
  expect(schema.safeParse(extra(kong, { fooKind: "c" })).success).toBe(false);
  expect(schema.safeParse(extra(kong, { fooNote: "x".repeat(11) })).success).toBe(false);
  expect(schema.safeParse(extra(kong, { foo_note: "hi" })).success).toBe(false);
});

test("PATCH: the rows a change updates in place; a create-only row is refused", () => {
  const schema = client.updateDcrProviderRequestSchema("azureAd");
  expect(schema.parse(extra({ name: "q" }, { fooNote: "hi" }))).toEqual({ name: "q", foo_note: "hi" });
  expect(schema.safeParse(extra({}, { fooKind: "a" })).success).toBe(false);
});

test("the POST and PATCH bodies carry the new rows on the wire", async () => {
  const { transport, sent } = recording(wire());
  await client.createDcrProvider(transport, extra(kong, { fooKind: "a", fooNote: "hi" }));
  await client.updateDcrProvider(transport, ID, "kongIdentity", extra({}, { fooNote: "yo" }));
  expect(sent.map((spec) => spec.body)).toEqual([
    { name: "k", provider_type: "kongIdentity", issuer: ISSUER, foo_note: "hi", foo_kind: "a" },
    { foo_note: "yo" },
  ]);
});

test("response reader: wire → camelCase; an optional row left out or null is absent", () => {
  const read = client.dcrProviderResponseSchema();
  expect(read.parse(wire({ foo_note: "hi", foo_kind: "a" }))).toMatchObject({ fooNote: "hi", fooKind: "a" });
  const absent = read.parse(wire({ foo_note: null }));
  expect(absent).not.toHaveProperty("fooNote");
  expect(absent).not.toHaveProperty("fooKind");
  expect(read.safeParse(wire({ foo_note: 3 })).success).toBe(false);
});
