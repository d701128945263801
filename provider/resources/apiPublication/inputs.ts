/**
 * The input table of `konnect.ApiPublication`: Konnect's publication fields (`konnect/apiPublications/fields.ts`)
 * plus the inputs only this resource has. One row per input; the public argument types, `check`, diff and update
 * bodies derive from it. Plain data: the program side reads it.
 */
import { API_PUBLICATION_FIELDS } from "../../konnect/apiPublications/fields";
import type { FieldTable } from "../../konnect/fieldTable";
import { REGION_INPUT } from "../core/commonInputs";

/** Every input of an API publication. */
export const API_PUBLICATION_INPUTS = {
  ...API_PUBLICATION_FIELDS,
  /**
   * Take over an existing publication of this API in this portal even when its settings differ from the declared
   * ones (they are then overwritten). Default false: create fails on a different existing publication. Only read at
   * create; changing it later changes nothing in Konnect.
   */
  adopt: { value: { kind: "flag" }, effect: "local" },
  ...REGION_INPUT,
} as const satisfies FieldTable;
