/**
 * A registration field is one row. The registration table is swapped for a test table with two extra rows (a test
 * double of `konnect/registrations/fields.ts`, not a product change): `fooBar`, a flag (wire `foo_bar`), and
 * `fooNote`, an optional text (wire `foo_note`). Nothing else is touched, and the resource picks them up: its create
 * request (`toCreateRequest`) and its outputs (`registrationOutputs`).
 */
import * as client from "../../../provider/konnect";
import type * as fields from "../../../provider/konnect/registrations/fields";
import type { ApplicationRegistrationInputs } from "../../../provider/resources/applicationRegistration/args";
import { toCreateRequest } from "../../../provider/resources/applicationRegistration/check";
import { registrationOutputs } from "../../../provider/resources/applicationRegistration/definition";

// Hoisted above the imports by ts-jest: every module above sees the test table.
jest.mock("../../../provider/konnect/registrations/fields", () => {
  const actual = jest.requireActual<typeof fields>("../../../provider/konnect/registrations/fields");
  return {
    ...actual,
    REGISTRATION_FIELDS: {
      ...actual.REGISTRATION_FIELDS,
      fooBar: { wire: "foo_bar", value: { kind: "flag" }, effect: "update" },
      fooNote: { wire: "foo_note", value: { kind: "text", max: 10 }, effect: "update" },
    },
  };
});

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const APP = "1a2f4c3e-5d6b-4a7c-8e9f-0a1b2c3d4e5f";
const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
const T = "2026-05-20T08:30:00.000Z";

test("the create request carries the new rows; the status is one a create may ask for", () => {
  const inputs = {
    portalId: PORTAL,
    applicationId: APP,
    apiId: API,
    status: "revoked",
    fooBar: true,
    fooNote: "hi",
  } as unknown as ApplicationRegistrationInputs;
  expect(toCreateRequest(inputs)).toEqual({ apiId: API, status: "pending", fooBar: true, fooNote: "hi" });
  expect(client.createRegistrationRequestSchema().parse(toCreateRequest(inputs))).toEqual({
    api_id: API,
    status: "pending",
    foo_bar: true,
    foo_note: "hi",
  });
});

test("the outputs carry the new rows as Konnect reports them", () => {
  const inputs = { portalId: PORTAL, applicationId: APP, apiId: API, fooBar: true } as ApplicationRegistrationInputs;
  const registration = client.registrationResponseSchema().parse({
    id: ID,
    api: { id: API.toUpperCase() },
    application: { id: APP },
    status: "approved",
    foo_note: "yo",
    created_at: T,
    updated_at: T,
  });
  expect(registrationOutputs(inputs, registration)).toEqual({
    portalId: PORTAL,
    applicationId: APP,
    apiId: API,
    status: "approved",
    fooBar: false,
    fooNote: "yo",
    createdAt: T,
    updatedAt: T,
  });
});
