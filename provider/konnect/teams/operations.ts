/**
 * Typed operations on a Dev Portal's developer teams (Konnect Portal Management v3,
 * `/v3/portals/{portalId}/teams`): list, get and delete from the shared scoped collection operations, plus create
 * (POST) and update (PATCH). Every call takes the portal as its scope.
 */
import type { KonnectTransport } from "../http";
import { call, idPath, scopedCollectionOperations, scopedPath, toWire, type Scope } from "../operation";
import {
  createTeamRequestSchema,
  teamListSchema,
  teamResponseSchema,
  updateTeamRequestSchema,
  type CreateTeamRequest,
  type PortalTeam,
  type TeamFilterField,
  type UpdateTeamRequest,
} from "./schemas";

export * from "./schemas";

const PATH = "/v3/portals/{portalId}/teams";

/** The scope of a team: its portal. */
export type TeamScope = Scope<"portalId">;

/**
 * `GET /v3/portals/{portalId}/teams` one page (`listTeams`) and every page (`listAllTeams`; filters `name`,
 * `can_own_applications`), `GET .../teams/{teamId}` (`getTeam`) and `DELETE .../teams/{teamId}` (`deleteTeam`).
 */
export const {
  list: listTeams,
  listAll: listAllTeams,
  get: getTeam,
  delete: deleteTeam,
} = scopedCollectionOperations<PortalTeam, TeamFilterField, never, "portalId">({
  path: PATH,
  noun: "portal team",
  plural: "portal teams",
  item: teamResponseSchema,
  page: teamListSchema,
});

/** `POST /v3/portals/{portalId}/teams`. Never retried blindly: see the retry policy. */
export async function createTeam(
  transport: KonnectTransport,
  scope: TeamScope,
  request: CreateTeamRequest,
): Promise<PortalTeam> {
  const operation = `create portal team "${request.name}" in portal ${scope.portalId}`;
  const body = toWire(operation, createTeamRequestSchema(), request);
  const path = scopedPath(operation, PATH, scope);
  return call(transport, { operation, method: "POST", path, body }, teamResponseSchema());
}

/** `PATCH /v3/portals/{portalId}/teams/{teamId}` with the fields that change. */
export async function updateTeam(
  transport: KonnectTransport,
  scope: TeamScope,
  id: string,
  request: UpdateTeamRequest,
): Promise<PortalTeam> {
  const operation = `update portal team ${id}`;
  const body = toWire(operation, updateTeamRequestSchema(), request);
  const path = idPath(operation, scopedPath(operation, PATH, scope), id);
  return call(transport, { operation, method: "PATCH", path, body }, teamResponseSchema());
}
