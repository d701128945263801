/**
 * The input table of `konnect.PortalDefaultAuthStrategy`: the portal it sets, the strategy (Konnect's
 * `default_application_auth_strategy_id`, from `konnect/portals/fields.ts`) and the region. One row per input; the
 * public argument types, `check`, diff and update bodies derive from it. Plain data: the program side reads it.
 */
import type { FieldTable } from "../../konnect/fieldTable";
import { PORTAL_FIELDS } from "../../konnect/portals/fields";
import { REGION_INPUT } from "../core/commonInputs";

/** Every input of a portal default auth strategy. */
export const PORTAL_DEFAULT_INPUTS = {
  /**
   * Id (UUID) of the Dev Portal; the portal is managed elsewhere. Changing it replaces the resource (the old portal's
   * previous default is put back first).
   */
  portalId: { value: { kind: "id" }, required: "required: the id (UUID) of the portal", effect: "replace" },
  /**
   * Id (UUID) of the auth strategy new API publications in this portal use when they name none. Not applied to
   * publications that exist already (Konnect's rule). Changing it is one PATCH of the portal.
   */
  authStrategyId: {
    ...PORTAL_FIELDS.defaultApplicationAuthStrategyId,
    required: "required: the id (UUID) of the auth strategy to make the portal's default",
  },
  ...REGION_INPUT,
} as const satisfies FieldTable;
