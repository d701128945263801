/**
 * The input table of `konnect.PortalTeam`: Konnect's team fields (`konnect/teams/fields.ts`) plus the inputs only this
 * resource has (`adopt`, `region`). One row per input; the public argument types, `check`, diff and update bodies
 * derive from it. Plain data: the program side reads it.
 */
import type { FieldTable } from "../../konnect/fieldTable";
import { TEAM_FIELDS } from "../../konnect/teams/fields";
import { ADOPT_ROW, REGION_INPUT } from "../core/commonInputs";

/** Every input of a portal team. */
export const PORTAL_TEAM_INPUTS = {
  ...TEAM_FIELDS,
  /**
   * Take over the existing team with this id (UUID) instead of creating one: it is read, then its name, description
   * and flag are brought to the declared ones. Teams carry no labels, so a team this resource did not record cannot be
   * proven to be its own: a create that finds a team with the declared name in the portal (one an interrupted earlier
   * `up` made, or someone else's) stops and names its id for this input. Default: create a new team. Only read at
   * create; changing it later changes nothing in Konnect.
   */
  adopt: ADOPT_ROW,
  ...REGION_INPUT,
} as const satisfies FieldTable;
