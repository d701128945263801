/**
 * An application field is one row. The application table is swapped for a test table with two extra rows (a test
 * double of `konnect/applications/fields.ts`, not a product change): `fooBar`, a flag (wire `foo_bar`), and
 * `fooNote`, an optional text (wire `foo_note`). Nothing else is touched, and the resource picks them up: its create
 * request (`toCreateRequest`) and its outputs (`applicationOutputs`).
 */
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/applications/fields";
import type { PortalApplicationInputs } from "../../../provider/resources/portalApplication/args";
import { toCreateRequest } from "../../../provider/resources/portalApplication/check";
import { applicationOutputs } from "../../../provider/resources/portalApplication/definition";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/applications/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/applications/fields");
  return {
    ...actual,
    APPLICATION_FIELDS: {
      ...actual.APPLICATION_FIELDS,
      fooBar: { wire: "foo_bar", value: { kind: "flag" }, effect: "replace" },
      fooNote: { wire: "foo_note", value: { kind: "text", max: 10 }, effect: "replace" },
    },
  };
});

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const TEAM = "1a2f4c3e-5d6b-4a7c-8e9f-0a1b2c3d4e5f";
const STRATEGY = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
const T = "2026-05-20T08:30:00.000Z";

const inputs = {
  portalId: PORTAL,
  name: "app",
  authStrategyId: STRATEGY,
  owner: { teamId: TEAM },
  fooBar: true,
  fooNote: "hi",
} as unknown as PortalApplicationInputs;

test("the create request carries the new rows", () => {
  expect(toCreateRequest(inputs)).toEqual({
    name: "app",
    authStrategyId: STRATEGY,
    owner: { teamId: TEAM },
    fooBar: true,
    fooNote: "hi",
  });
  expect(client.createApplicationRequestSchema().parse(toCreateRequest(inputs))).toEqual({
    name: "app",
    auth_strategy_id: STRATEGY,
    owner: { type: "team", id: TEAM },
    foo_bar: true,
    foo_note: "hi",
  });
});

test("the outputs carry the new rows as Konnect reports them", () => {
  const application = client.applicationResponseSchema().parse({
    id: ID,
    name: "app",
    auth_strategy: { id: STRATEGY },
    owner: { type: "team", id: TEAM },
    registration_count: 0,
    foo_note: "yo",
    created_at: T,
    updated_at: T,
  });
  expect(applicationOutputs(inputs, application)).toEqual({
    portalId: PORTAL,
    name: "app",
    authStrategyId: STRATEGY,
    owner: { teamId: TEAM },
    fooBar: false,
    fooNote: "yo",
    registrationCount: 0,
    createdAt: T,
    updatedAt: T,
  });
});
