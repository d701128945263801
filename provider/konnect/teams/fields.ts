/**
 * The field table of a Dev Portal's developer teams (`/v3/portals/{portalId}/teams`, rows in the one format of
 * `../fieldTable.ts`): the portal that holds the team (a path parameter) and the body fields of
 * `PortalCreateTeamRequest` / `PortalUpdateTeamRequest`. Teams carry no labels. Plain data (no zod).
 */
import type { FieldTable } from "../fieldTable";

/** The fields of a portal team. */
export const TEAM_FIELDS = {
  /** Id (UUID) of the Dev Portal the team belongs to; the portal is managed elsewhere. Changing it replaces the team. */
  portalId: {
    value: { kind: "id" },
    required: "required: the id (UUID) of the portal the team belongs to",
    effect: "replace",
  },
  /**
   * Name of the team in the Dev Portal (1-250 characters). Kong's contract does not make team names unique in a portal,
   * but this resource creates a team only when no other team of the portal has its name (see `adopt`). Changing it
   * updates the team in place (one PATCH).
   */
  name: {
    wire: "name",
    value: { kind: "text", max: 250, name: true },
    required: "required: the team's name (1-250 characters)",
    effect: "update",
  },
  /**
   * Description of the team (1-250 characters). Default: none. Changing it updates the team in place (one PATCH);
   * Konnect cannot clear a description, so removing it keeps the one the team has.
   */
  description: { wire: "description", value: { kind: "text", max: 250 }, effect: "update" },
  /**
   * Whether the team may own applications (a `PortalApplication` with `owner: { teamId }` needs it). Default false.
   * Changing it updates the team in place (one PATCH).
   */
  canOwnApplications: { wire: "can_own_applications", value: { kind: "flag" }, effect: "update" },
} as const satisfies FieldTable;
