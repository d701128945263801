/**
 * An auth strategy field is one row. The strategy table is swapped for a test table with two extra top-level rows (a
 * test double of `konnect/authStrategies/fields.ts`, not a product change): `fooBar`, a flag (wire `foo_bar`), and
 * `fooNote`, an optional text (wire `foo_note`). Nothing else is touched, and the resource picks them up: its create
 * (and PUT) request (`toCreateRequest`, and the client's create schema on it) and its outputs (`authStrategyOutputs`).
 * The rows of the other strategy type stay out of a request (`STRATEGY_TYPE_ROWS`).
 */
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/authStrategies/fields";
import type { AuthStrategyInputs } from "../../../provider/resources/authStrategy/args";
import { toCreateRequest } from "../../../provider/resources/authStrategy/check";
import { authStrategyOutputs } from "../../../provider/resources/authStrategy/definition";
import { keyAuthStrategyInputs } from "../../support/validInputs";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/authStrategies/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/authStrategies/fields");
  return {
    ...actual,
    AUTH_STRATEGY_FIELDS: {
      ...actual.AUTH_STRATEGY_FIELDS,
      fooBar: { wire: "foo_bar", value: { kind: "flag" }, effect: "update" },
      fooNote: { wire: "foo_note", value: { kind: "text", max: 10 }, effect: "update" },
    },
  };
});

const ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
const DCR = "1a2f4c3e-5d6b-4a7c-8e9f-0a1b2c3d4e5f";
const T = "2026-05-20T08:30:00.000Z";

const inputs = { ...keyAuthStrategyInputs(), fooBar: true, fooNote: "hi" } as unknown as AuthStrategyInputs;

test("the create request carries the new rows, not the other type's", () => {
  const request = toCreateRequest({ ...inputs, dcrProviderId: DCR });
  expect(request).toEqual({
    name: "keys",
    displayName: "Keys",
    strategyType: "key_auth",
    keyAuth: { keyNames: ["apikey"] },
    fooBar: true,
    fooNote: "hi",
  });
  expect(client.createAuthStrategyRequestSchema().parse(request)).toEqual({
    name: "keys",
    display_name: "Keys",
    strategy_type: "key_auth",
    configs: { "key-auth": { key_names: ["apikey"] } },
    foo_bar: true,
    foo_note: "hi",
  });
});

test("the outputs carry the new rows as Konnect reports them", () => {
  const strategy = client.authStrategyResponseSchema().parse({
    id: ID,
    name: "keys",
    display_name: "Keys",
    strategy_type: "key_auth",
    configs: { "key-auth": { key_names: ["apikey"] } },
    labels: {},
    active: true,
    dcr_provider: null,
    foo_note: "yo",
    created_at: T,
    updated_at: T,
  });
  expect(authStrategyOutputs(inputs, strategy)).toEqual({
    name: "keys",
    displayName: "Keys",
    strategyType: "key_auth",
    keyAuth: { keyNames: ["apikey"] },
    fooBar: false,
    fooNote: "yo",
    active: true,
    supportsMultipleCredentials: true,
    dcrProvider: null,
    createdAt: T,
    updatedAt: T,
  });
});
