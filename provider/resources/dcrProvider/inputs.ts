/**
 * The input table of `konnect.DcrProvider`: Konnect's DCR provider fields (`konnect/dcrProviders/fields.ts`) plus the
 * inputs only this resource has. One row per input; the public argument types, `check`, diff and update bodies and
 * secret marking derive from it. Plain data: the program side reads it.
 */
import { DCR_PROVIDER_FIELDS } from "../../konnect/dcrProviders/fields";
import type { FieldTable } from "../../konnect/fieldTable";
import { ADOPT_BY_ID_INPUTS, REGION_INPUT } from "../core/commonInputs";

/** Every input of a DCR provider. */
export const DCR_PROVIDER_INPUTS = {
  ...DCR_PROVIDER_FIELDS,
  /**
   * Call Konnect's `/verify` after create and update, retrying for up to `konnect:verifyTimeoutSeconds` (default 30
   * s; a new Azure secret takes seconds to work). A verification that keeps failing keeps the object in state, fails
   * the `up` with Konnect's reasons, and is tried again by the next `up`. Default false. Turning it on verifies at the
   * next `up`; it changes nothing in Konnect by itself.
   */
  verify: { value: { kind: "flag" }, effect: "local" },
  ...ADOPT_BY_ID_INPUTS,
  ...REGION_INPUT,
} as const satisfies FieldTable;
