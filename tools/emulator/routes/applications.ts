/**
 * `/v3/portals/{portalId}/applications`: list (filters `developer_id`, `name`, `team_id`; sorts `created_at`,
 * `developer_id`, `name` [SPEC]), create (201), and `/{applicationId}` get, PATCH (200, `owner` only [SPEC]) and
 * DELETE (204, "along with its registrations and credentials" [SPEC]); `GET /v3/applications/{applicationId}` reads
 * one in any portal of the region [SPEC].
 *
 * Create checks, in order [INF]: portal (404), body (400), strategy (`auth_strategy_id`, else the portal's default
 * [INF]; unknown → `unknownStrategyReferenceStatus`), owner (400), client ids (400), then the IdP client is created or
 * linked (see dcrClients.ts), so a refused create leaves no client behind.
 */
import { randomUUID } from "node:crypto";
import { type ApplicationCreate, parseCreateApplication, parseUpdateApplication } from "../applicationSchema";
import { provideDcrClient, releaseDcrClient } from "../dcrClients";
import { type ListSpec, listPage } from "../listing";
import { createLabels } from "../portalSchema";
import { type InvalidParameter, invalidRequest, notFound } from "../problem";
import { checkStrategyReference } from "../references";
import { renderApplication } from "../renderDevPortal";
import { type ApiRequest, type ApiResponse, type EmulatorState } from "../state";
import {
  type ApplicationOwner,
  type Region,
  type StoredApplication,
  type StoredAuthStrategy,
  type StoredPortal,
} from "../types";
import { requirePortal } from "./portals";

const UUID_OPERATORS = ["eq", "oeq", "neq"] as const;

const APPLICATION_LIST_SPEC: ListSpec<StoredApplication> = {
  filters: {
    // [INF] developer_id / team_id match the owner of that type (team membership is not emulated).
    developer_id: { read: (a) => (a.owner.type === "developer" ? a.owner.id : null), operators: UUID_OPERATORS },
    name: { read: (a) => a.name, operators: ["eq", "neq", "contains", "oeq", "ocontains"] },
    team_id: { read: (a) => (a.owner.type === "team" ? a.owner.id : null), operators: UUID_OPERATORS },
  },
  sorts: {
    created_at: (a) => a.created_at,
    developer_id: (a) => (a.owner.type === "developer" ? a.owner.id : null),
    name: (a) => a.name,
  },
};

function bodyIssue(field: string, rule: string, reason: string): InvalidParameter {
  return { field, rule, reason, source: "body" };
}

/**
 * [INF, statuses and wording unstated] A team owner must be a team of this portal that `can_own_applications`; a
 * developer owner a developer of this portal. Otherwise 400 naming `owner.id`.
 */
function checkOwner(state: EmulatorState, region: Region, portalId: string, owner: ApplicationOwner): void {
  if (owner.type === "team") {
    const team = state.store.getItem("teams", region, owner.id);
    if (team === undefined || team.portal_id !== portalId) {
      const reason = `team [${owner.id}] does not exist in portal [${portalId}]`;
      throw invalidRequest([bodyIssue("owner.id", "missing_reference", reason)]);
    }
    if (!team.can_own_applications) {
      const reason = `team [${owner.id}] cannot own applications (can_own_applications is false)`;
      throw invalidRequest([bodyIssue("owner.id", "invalid", reason)]);
    }
    return;
  }
  const developer = state.store.getItem("developers", region, owner.id);
  if (developer === undefined || developer.portal_id !== portalId) {
    const reason = `developer [${owner.id}] does not exist in portal [${portalId}]`;
    throw invalidRequest([bodyIssue("owner.id", "missing_reference", reason)]);
  }
}

/** The strategy a create uses: the one sent, else the portal's default [INF]; 400 when there is neither [INF]. */
function resolveStrategy(state: EmulatorState, portal: StoredPortal, parsed: ApplicationCreate): StoredAuthStrategy {
  const id = parsed.auth_strategy_id ?? portal.default_application_auth_strategy_id;
  if (id === null) {
    const reason = "is a required field (the portal has no default application auth strategy)";
    throw invalidRequest([bodyIssue("auth_strategy_id", "required", reason)]);
  }
  checkStrategyReference(state, portal.region, id, "auth_strategy_id");
  return state.store.getAuthStrategy(portal.region, id) as StoredAuthStrategy;
}

/**
 * `client_id` and `dcr_client_id` against the strategy type [INF statuses]: key-auth takes neither; DCR takes
 * `dcr_client_id` but not `client_id` ("Cannot be set when using Dynamic Client Registration" [SPEC]); a
 * self-managed OIDC strategy needs `client_id` (the gateway maps tokens to applications by it) and takes no
 * `dcr_client_id` ("If using a DCR auth strategy" [SPEC]).
 */
function checkClientFields(parsed: ApplicationCreate, strategy: StoredAuthStrategy, dcr: boolean): void {
  const issues: InvalidParameter[] = [];
  if (strategy.strategy_type === "key_auth") {
    for (const field of ["client_id", "dcr_client_id"] as const) {
      if (parsed[field] !== undefined) {
        issues.push(bodyIssue(field, "invalid", "cannot be set with a key-auth strategy"));
      }
    }
  } else if (dcr) {
    if (parsed.client_id !== undefined) {
      issues.push(bodyIssue("client_id", "invalid", "cannot be set when using Dynamic Client Registration"));
    }
  } else {
    if (parsed.dcr_client_id !== undefined) {
      issues.push(bodyIssue("dcr_client_id", "invalid", "can only be set with a DCR auth strategy"));
    }
    if (parsed.client_id === undefined) {
      issues.push(bodyIssue("client_id", "required", "is a required field for a strategy without DCR"));
    }
  }
  if (issues.length > 0) throw invalidRequest(issues);
}

/** Validates and stores a new application (creating or linking its IdP client); used by POST and by seeding. */
export function createApplication(
  state: EmulatorState,
  region: Region,
  portalId: string,
  body: unknown,
  id?: string,
): StoredApplication {
  const portal = requirePortal(state, region, portalId);
  const parsed = parseCreateApplication(body);
  const strategy = resolveStrategy(state, portal, parsed);
  checkOwner(state, region, portalId, parsed.owner);
  const provider =
    strategy.dcr_provider_id === null ? undefined : state.store.getDcrProvider(region, strategy.dcr_provider_id);
  checkClientFields(parsed, strategy, provider !== undefined);
  const client =
    provider === undefined ? undefined : provideDcrClient(state, provider, parsed.name, parsed.dcr_client_id);
  const scopes = strategy.configs["openid-connect"]?.scopes;
  const now = state.clock.nowIso();
  const application: StoredApplication = {
    id: id ?? randomUUID(),
    region,
    portal_id: portalId,
    name: parsed.name,
    description: parsed.description ?? null,
    labels: createLabels(parsed.labels),
    auth_strategy_id: strategy.id,
    owner: parsed.owner,
    client_id: client?.client_id ?? parsed.client_id ?? null,
    dcr_provider_id: provider?.id ?? null,
    idp_client: client?.idp_client ?? null,
    // [INF] a DCR application is granted the strategy's scopes; other types answer null ("does not support").
    granted_scopes: provider !== undefined && Array.isArray(scopes) ? [...(scopes as string[])] : null,
    created_at: now,
    updated_at: now,
  };
  state.store.putItem("applications", application);
  return application;
}

function updateApplication(state: EmulatorState, current: StoredApplication, body: unknown): StoredApplication {
  const { owner } = parseUpdateApplication(body);
  if (owner !== undefined) checkOwner(state, current.region, current.portal_id, owner);
  const next: StoredApplication = { ...current, updated_at: state.clock.nowIso() };
  if (owner !== undefined) next.owner = owner;
  state.store.putItem("applications", next);
  return next;
}

/** Deletes an application with its registrations [SPEC] and, by option, its IdP client. */
export function removeApplication(state: EmulatorState, application: StoredApplication): void {
  for (const registration of state.store.registrationsOf(application.region, application.id)) {
    state.store.deleteItem("application-registrations", registration.region, registration.id);
  }
  releaseDcrClient(state, application);
  state.store.deleteItem("applications", application.region, application.id);
}

/** The application a `/v3/portals/{portalId}/applications/{applicationId}` path names (404 for an unknown portal too). */
export function requireApplication(
  state: EmulatorState,
  region: Region,
  portalId: string,
  applicationId: string,
): StoredApplication {
  requirePortal(state, region, portalId);
  const application = state.store.getItem("applications", region, applicationId);
  if (application === undefined || application.portal_id !== portalId) throw notFound();
  return application;
}

/** Handles `/v3/portals/{portalId}/applications[/{applicationId}]`. */
export function handleApplications(
  request: ApiRequest,
  state: EmulatorState,
  portalId: string,
  applicationId?: string,
): ApiResponse {
  const { region, method } = request;
  const render = (a: StoredApplication) => renderApplication(a, state.store);
  if (applicationId === undefined) {
    if (method === "POST")
      return { status: 201, body: render(createApplication(state, region, portalId, request.body)) };
    requirePortal(state, region, portalId);
    const applications = state.store.items("applications", region, portalId);
    return { status: 200, body: listPage(applications, request.query, APPLICATION_LIST_SPEC, state.options, render) };
  }
  const application = requireApplication(state, region, portalId, applicationId);
  switch (method) {
    case "GET":
      return { status: 200, body: render(application) };
    case "PATCH":
      return { status: 200, body: render(updateApplication(state, application, request.body)) };
    default:
      removeApplication(state, application);
      return { status: 204 };
  }
}

/** Handles `GET /v3/applications/{applicationId}` (any portal of the region). */
export function handleApplicationInAnyPortal(request: ApiRequest, state: EmulatorState, applicationId: string) {
  const application = state.store.getItem("applications", request.region, applicationId);
  if (application === undefined) throw notFound();
  return { status: 200, body: renderApplication(application, state.store) };
}
