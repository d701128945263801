/**
 * Input rows every resource of a kind shares, in the one row format (`konnect/fieldTable.ts`); resource tables spread
 * them. Plain data: the program side reads it.
 */
import type { FieldTable } from "../../konnect/fieldTable";
import { REGIONS } from "../../konnect/regions";

/** The region row every resource has. */
export const REGION_INPUT = {
  /**
   * Konnect region of the object (`us`, `eu`, `au`, `me`, `in`, `sg`); default: `konnect:region`, else
   * `KONNECT_REGION`, else `us`. What counts is the effective region: changing it replaces the object, declaring the
   * region it already lives in changes nothing. Not a secret.
   */
  region: { value: { kind: "enum", values: REGIONS }, effect: "replace" },
} as const satisfies FieldTable;

/** The adoption rows of resources keyed by a Konnect id (`adopt`, and the old spelling `adoptId`). */
export const ADOPT_BY_ID_INPUTS = {
  /**
   * Take over the existing object with this id instead of creating one: it is read, then brought to the declared
   * state (`pulumi import` cannot work for dynamic resources). Default: create a new object. Only read at create;
   * changing it later changes nothing in Konnect.
   */
  adopt: { value: { kind: "id" }, effect: "local" },
  /**
   * The old spelling of `adopt`, still accepted (set one of the two). Only read at create; changing it later changes
   * nothing in Konnect.
   * @deprecated Use `adopt`.
   */
  adoptId: { value: { kind: "id" }, effect: "local" },
} as const satisfies FieldTable;

/**
 * The `adopt` row alone, for resources added after `adoptId` was renamed: they have the one spelling only, and each
 * gives the row its own TSDoc, saying what adopting its object means.
 */
export const ADOPT_ROW = ADOPT_BY_ID_INPUTS.adopt;
