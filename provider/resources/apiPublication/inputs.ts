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
   * Take over an existing publication of this API in this portal: one with the declared settings as it is, one with
   * other settings by overwriting them. Default false: create fails on any existing publication, also one with the
   * declared settings, because a publication has no labels and so cannot show that this resource made it. Set it
   * after an `up` that was interrupted after publishing (the next `up` says so), or to manage a publication made
   * elsewhere; destroy then unpublishes it (the `retainOnDelete` resource option leaves it published). Only read at
   * create; changing it later changes nothing in Konnect.
   */
  adopt: { value: { kind: "flag" }, effect: "local" },
  ...REGION_INPUT,
} as const satisfies FieldTable;
