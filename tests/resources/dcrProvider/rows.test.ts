/**
 * A DCR provider field is one row. The provider table is swapped for a test table with two extra top-level rows (a
 * test double of `konnect/dcrProviders/fields.ts`, not a product change): `fooBar`, a flag (wire `foo_bar`), and
 * `fooNote`, an optional text (wire `foo_note`). Nothing else is touched, and the resource picks them up: its create
 * request (`toCreateRequest`, and the client's create schema on it) and its outputs (`dcrProviderOutputs`).
 */
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/dcrProviders/fields";
import type { DcrProviderInputs } from "../../../provider/resources/dcrProvider/args";
import { toCreateRequest } from "../../../provider/resources/dcrProvider/check";
import { dcrProviderOutputs } from "../../../provider/resources/dcrProvider/definition";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/dcrProviders/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/dcrProviders/fields");
  return {
    ...actual,
    DCR_PROVIDER_FIELDS: {
      ...actual.DCR_PROVIDER_FIELDS,
      fooBar: { wire: "foo_bar", value: { kind: "flag" }, effect: "update" },
      fooNote: { wire: "foo_note", value: { kind: "text", max: 10 }, effect: "update" },
    },
  };
});

const TENANT = "7710d5c4-d902-410b-992f-18b814155b53";
const CLIENT = "1a2f4c3e-5d6b-4a7c-8e9f-0a1b2c3d4e5f";
const ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
const SECRET = "s3cret-value-long-enough";
const T = "2026-05-20T08:30:00.000Z";
const ISSUER = `https://sts.windows.net/${TENANT}`;

const inputs = {
  name: "dcr",
  providerType: "azureAd",
  issuer: ISSUER,
  dcrConfig: { initialClientId: CLIENT, initialClientSecret: SECRET },
  fooBar: true,
  fooNote: "hi",
} as unknown as DcrProviderInputs;

test("the create request carries the new rows", () => {
  expect(toCreateRequest(inputs)).toEqual({
    name: "dcr",
    providerType: "azureAd",
    issuer: ISSUER,
    dcrConfig: { initialClientId: CLIENT, initialClientSecret: SECRET },
    fooBar: true,
    fooNote: "hi",
  });
  expect(client.createDcrProviderRequestSchema().parse(toCreateRequest(inputs))).toMatchObject({
    name: "dcr",
    provider_type: "azureAd",
    foo_bar: true,
    foo_note: "hi",
  });
});

test("the outputs carry the new rows as Konnect reports them", () => {
  const provider = client.dcrProviderResponseSchema().parse({
    id: ID,
    name: "dcr",
    provider_type: "azureAd",
    issuer: ISSUER,
    dcr_config: { initial_client_id: CLIENT },
    active: true,
    foo_note: "yo",
    created_at: T,
    updated_at: T,
  });
  expect(dcrProviderOutputs(inputs, provider)).toEqual({
    name: "dcr",
    providerType: "azureAd",
    issuer: ISSUER,
    dcrConfig: { initialClientId: CLIENT, initialClientSecret: SECRET },
    fooBar: false,
    fooNote: "yo",
    active: true,
    createdAt: T,
    updatedAt: T,
  });
});
