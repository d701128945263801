/**
 * `/v3/portals/{portalId}/developers`: create (201) and list, `/{developerId}` get: enough for applications owned
 * by a developer. Update, delete and team membership are not emulated (405). A create without `status` takes the
 * portal's `auto_approve_developers` (approved or pending) [SPEC]; an email already registered in the portal answers
 * 409 "Developer with the given email already exists" [SPEC example; case-insensitive match INF].
 */
import { randomUUID } from "node:crypto";
import { parseCreateDeveloper } from "../developerSchema";
import { type ListSpec, listPage } from "../listing";
import { ProblemError, notFound } from "../problem";
import { renderDeveloper } from "../renderDevPortal";
import { type ApiRequest, type ApiResponse, type EmulatorState } from "../state";
import { type Region, type StoredDeveloper } from "../types";
import { requirePortal } from "./portals";

const STRING_OPERATORS = ["eq", "neq", "contains", "oeq", "ocontains"] as const;

const DEVELOPER_LIST_SPEC: ListSpec<StoredDeveloper> = {
  filters: {
    // [INF] `name` filters the developer's full name.
    name: { read: (d) => d.full_name, operators: STRING_OPERATORS },
    status: { read: (d) => d.status, operators: STRING_OPERATORS },
    email: { read: (d) => d.email, operators: STRING_OPERATORS },
  },
  sorts: {
    created_at: (d) => d.created_at,
    updated_at: (d) => d.updated_at,
    email: (d) => d.email,
    name: (d) => d.full_name,
    status: (d) => d.status,
  },
};

/** Validates and stores a new developer of a portal (404 for an unknown portal); used by POST and by seeding. */
export function createDeveloper(
  state: EmulatorState,
  region: Region,
  portalId: string,
  body: unknown,
  id?: string,
): StoredDeveloper {
  const portal = requirePortal(state, region, portalId);
  const parsed = parseCreateDeveloper(body);
  const email = parsed.email.toLowerCase();
  if (state.store.items("developers", region, portalId).some((d) => d.email.toLowerCase() === email)) {
    throw new ProblemError(409, "Developer with the given email already exists");
  }
  const now = state.clock.nowIso();
  const developer: StoredDeveloper = {
    id: id ?? randomUUID(),
    region,
    portal_id: portalId,
    email: parsed.email,
    full_name: parsed.full_name,
    status: parsed.status ?? (portal.auto_approve_developers ? "approved" : "pending"),
    created_at: now,
    updated_at: now,
  };
  state.store.putItem("developers", developer);
  return developer;
}

/** Handles `/v3/portals/{portalId}/developers[/{developerId}]`. */
export function handleDevelopers(
  request: ApiRequest,
  state: EmulatorState,
  portalId: string,
  developerId?: string,
): ApiResponse {
  const { region, method } = request;
  if (developerId === undefined && method === "POST") {
    return { status: 201, body: renderDeveloper(createDeveloper(state, region, portalId, request.body)) };
  }
  requirePortal(state, region, portalId);
  if (developerId === undefined) {
    const developers = state.store.items("developers", region, portalId);
    return {
      status: 200,
      body: listPage(developers, request.query, DEVELOPER_LIST_SPEC, state.options, renderDeveloper),
    };
  }
  const developer = state.store.getItem("developers", region, developerId);
  if (developer === undefined || developer.portal_id !== portalId) throw notFound();
  return { status: 200, body: renderDeveloper(developer) };
}
