/**
 * `/v3/portals/{portalId}/teams`: list (filters `name`, `can_own_applications`; no sort parameter [SPEC]), create
 * (201), and `/{teamId}` get, PATCH (200) and DELETE (204). An unknown portal or a team of another portal is 404.
 * Name uniqueness is [UNK] (`uniqueTeamNames`); so is deleting a team that owns applications
 * (`teamDeleteWithApplications`).
 */
import { randomUUID } from "node:crypto";
import { type ListSpec, listPage } from "../listing";
import { ProblemError, notFound } from "../problem";
import { renderTeam } from "../renderDevPortal";
import { type ApiRequest, type ApiResponse, type EmulatorState } from "../state";
import { parseCreateTeam, parseUpdateTeam } from "../teamSchema";
import { type Region, type StoredTeam } from "../types";
import { removeApplication } from "./applications";
import { requirePortal } from "./portals";

const TEAM_LIST_SPEC: ListSpec<StoredTeam> = {
  filters: {
    name: { read: (t) => t.name, operators: ["eq", "neq", "contains", "oeq", "ocontains"] },
    can_own_applications: { read: (t) => String(t.can_own_applications), operators: ["eq"], boolean: true },
  },
  sorts: null,
};

/** With `uniqueTeamNames`, a name another team of the portal has answers 409 [UNK rule, INF status]. */
function checkNameFree(state: EmulatorState, region: Region, portalId: string, name: string, exceptId?: string) {
  if (!state.options.uniqueTeamNames) return;
  const taken = state.store.items("teams", region, portalId).some((t) => t.name === name && t.id !== exceptId);
  if (taken) throw new ProblemError(409, `A team named [${name}] already exists in this portal`);
}

/** Validates and stores a new team of a portal (404 for an unknown portal); used by POST and by seeding. */
export function createTeam(
  state: EmulatorState,
  region: Region,
  portalId: string,
  body: unknown,
  id?: string,
): StoredTeam {
  requirePortal(state, region, portalId);
  const fields = parseCreateTeam(body);
  checkNameFree(state, region, portalId, fields.name);
  const now = state.clock.nowIso();
  const team: StoredTeam = {
    id: id ?? randomUUID(),
    region,
    portal_id: portalId,
    name: fields.name,
    description: fields.description ?? null,
    // [SPEC] default false.
    can_own_applications: fields.can_own_applications ?? false,
    created_at: now,
    updated_at: now,
  };
  state.store.putItem("teams", team);
  return team;
}

function updateTeam(state: EmulatorState, current: StoredTeam, body: unknown): StoredTeam {
  const fields = parseUpdateTeam(body);
  if (fields.name !== undefined) checkNameFree(state, current.region, current.portal_id, fields.name, current.id);
  const next: StoredTeam = { ...current, ...fields, updated_at: state.clock.nowIso() };
  state.store.putItem("teams", next);
  return next;
}

function deleteTeam(state: EmulatorState, team: StoredTeam): void {
  const owned = state.store
    .items("applications", team.region, team.portal_id)
    .filter((a) => a.owner.type === "team" && a.owner.id === team.id);
  const rule = state.options.teamDeleteWithApplications;
  if (owned.length > 0 && rule === "conflict") {
    const ids = owned.map((a) => a.id).join(", ");
    throw new ProblemError(409, `Team [${team.id}] owns applications [${ids}] and cannot be deleted`);
  }
  if (rule === "cascade") for (const application of owned) removeApplication(state, application);
  state.store.deleteItem("teams", team.region, team.id);
}

/** Handles `/v3/portals/{portalId}/teams[/{teamId}]`; the router has already checked method and path shape. */
export function handleTeams(request: ApiRequest, state: EmulatorState, portalId: string, teamId?: string): ApiResponse {
  const { region, method } = request;
  if (teamId === undefined) {
    if (method === "POST") return { status: 201, body: renderTeam(createTeam(state, region, portalId, request.body)) };
    requirePortal(state, region, portalId);
    const teams = state.store.items("teams", region, portalId);
    return { status: 200, body: listPage(teams, request.query, TEAM_LIST_SPEC, state.options, renderTeam) };
  }
  requirePortal(state, region, portalId);
  const team = state.store.getItem("teams", region, teamId);
  if (team === undefined || team.portal_id !== portalId) throw notFound();
  switch (method) {
    case "GET":
      return { status: 200, body: renderTeam(team) };
    case "PATCH":
      return { status: 200, body: renderTeam(updateTeam(state, team, request.body)) };
    default:
      deleteTeam(state, team);
      return { status: 204 };
  }
}
