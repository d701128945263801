/**
 * The input table of `konnect.AuthStrategy`: Konnect's auth strategy fields (`konnect/authStrategies/fields.ts`) plus
 * the inputs only this resource has. One row per input; the public argument types, `check`, diff and update bodies
 * derive from it. Plain data: the program side reads it.
 */
import { AUTH_STRATEGY_FIELDS } from "../../konnect/authStrategies/fields";
import type { FieldTable } from "../../konnect/fieldTable";
import { ADOPT_BY_ID_INPUTS, REGION_INPUT } from "../core/commonInputs";

/** Every input of an auth strategy. */
export const AUTH_STRATEGY_INPUTS = {
  ...AUTH_STRATEGY_FIELDS,
  ...ADOPT_BY_ID_INPUTS,
  ...REGION_INPUT,
} as const satisfies FieldTable;
