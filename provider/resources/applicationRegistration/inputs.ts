/**
 * The input table of `konnect.ApplicationRegistration`: Konnect's registration fields
 * (`konnect/registrations/fields.ts`) plus the region. One row per input; the public argument types, `check`, diff and
 * update bodies derive from it. No `adopt`: Konnect holds at most one registration per application and API, and a
 * create finds an existing one by itself. Plain data: the program side reads it.
 */
import type { FieldTable } from "../../konnect/fieldTable";
import { REGISTRATION_FIELDS } from "../../konnect/registrations/fields";
import { REGION_INPUT } from "../core/commonInputs";

/** Every input of an application registration. */
export const APPLICATION_REGISTRATION_INPUTS = {
  ...REGISTRATION_FIELDS,
  ...REGION_INPUT,
} as const satisfies FieldTable;
