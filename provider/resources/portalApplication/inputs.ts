/**
 * The input table of `konnect.PortalApplication`: Konnect's application fields (`konnect/applications/fields.ts`)
 * plus the inputs only this resource has (`adopt`, `region`). One row per input; the public argument types, `check`,
 * diff and update bodies derive from it. Plain data: the program side reads it.
 */
import { APPLICATION_FIELDS } from "../../konnect/applications/fields";
import type { FieldTable } from "../../konnect/fieldTable";
import { ADOPT_ROW, REGION_INPUT } from "../core/commonInputs";

/** Every input of a portal application. */
export const PORTAL_APPLICATION_INPUTS = {
  ...APPLICATION_FIELDS,
  /**
   * Take over the existing application with this id (UUID) instead of creating one: it is read, then its owner is
   * brought to the declared one. Konnect changes nothing else of an application, so its name, description, declared
   * labels, auth strategy and client id must already be the declared ones (the create fails naming each difference).
   * Default: create a new application. Only read at create; changing it later changes nothing in Konnect.
   */
  adopt: ADOPT_ROW,
  ...REGION_INPUT,
} as const satisfies FieldTable;
