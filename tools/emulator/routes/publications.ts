/**
 * API publications: `PUT /v3/apis/{apiId}/publications/{portalId}` (create or full replace, 200 [SPEC] or
 * `publicationCreateStatus` on create), GET (404 when not published [SPEC]), DELETE (204) and the list
 * `GET /v3/api-publications` with its filters, sorts and pages.
 *
 * Checks run in this order [INF]: API exists (404), portal exists (404), body (400), strategy exists
 * (`unknownStrategyReferenceStatus`). Every field PUT leaves out gets its default again (PUT replaces) [INF].
 */
import { type ListSpec, listPage } from "../listing";
import { notFound } from "../problem";
import { parsePublicationPut } from "../publicationSchema";
import { checkStrategyReference } from "../references";
import { renderPublication, renderPublicationListItem } from "../render";
import { type ApiRequest, type ApiResponse, type EmulatorState } from "../state";
import { type EmulatorStore } from "../store";
import { type Region, type StoredPortal, type StoredPublication } from "../types";

function listSpec(store: EmulatorStore): ListSpec<StoredPublication> {
  const portalName = (p: StoredPublication) => store.getPortal(p.region, p.portal_id)?.name;
  const apiName = (p: StoredPublication) => store.getApi(p.region, p.api_id)?.name;
  const stringOperators = ["eq", "neq", "contains", "oeq", "ocontains"] as const;
  const uuidOperators = ["eq", "oeq", "neq"] as const;
  return {
    filters: {
      portal_id: { read: (p) => p.portal_id, operators: uuidOperators },
      portal_name: { read: portalName, operators: stringOperators },
      api_id: { read: (p) => p.api_id, operators: uuidOperators },
      api_name: { read: apiName, operators: stringOperators },
      // [INF] a publication has at most one strategy, so its first id stands for the list.
      auth_strategy_id: { read: (p) => p.auth_strategy_ids?.[0] ?? null, operators: uuidOperators },
      entity_type: { read: () => "api", operators: stringOperators },
    },
    sorts: {
      portal_id: (p) => p.portal_id,
      portal_name: portalName,
      api_id: (p) => p.api_id,
      api_name: apiName,
      created_at: (p) => p.created_at,
      updated_at: (p) => p.updated_at,
    },
  };
}

function requirePortal(state: EmulatorState, region: Region, portalId: string): StoredPortal {
  const portal = state.store.getPortal(region, portalId);
  if (portal === undefined) throw notFound();
  return portal;
}

/** PUT: validates, resolves defaults, stores; returns the status and the stored publication. */
function putPublication(
  state: EmulatorState,
  region: Region,
  apiId: string,
  portal: StoredPortal,
  body: unknown,
): { created: boolean; publication: StoredPublication } {
  const parsed = parsePublicationPut(body);
  const strategyId = parsed.auth_strategy_ids?.[0];
  if (strategyId !== undefined) checkStrategyReference(state, region, strategyId, "auth_strategy_ids.0");
  let authStrategyIds = parsed.auth_strategy_ids;
  if (authStrategyIds === undefined) {
    const portalDefault = portal.default_application_auth_strategy_id;
    const usePortalDefault = state.options.omittedAuthStrategyIds === "portal-default" && portalDefault !== null;
    authStrategyIds = usePortalDefault ? [portalDefault] : null;
  }
  const visibility =
    parsed.visibility ??
    (state.options.omittedVisibility === "portal-default" ? portal.default_api_visibility : "private");
  const current = state.store.getPublication(region, apiId, portal.id);
  const now = state.clock.nowIso();
  const publication: StoredPublication = {
    api_id: apiId,
    portal_id: portal.id,
    region,
    auth_strategy_ids: authStrategyIds,
    visibility,
    // [INF] left out means false (the spec: false falls back on the portal's auto_approve_applications).
    auto_approve_registrations: parsed.auto_approve_registrations ?? false,
    created_at: current?.created_at ?? now,
    updated_at: now,
  };
  state.store.putPublication(publication);
  return { created: current === undefined, publication };
}

/**
 * Publishes an API to a portal as the PUT does (404 problems for an unknown API or portal); used by the route and by
 * seeding.
 */
export function publishApi(
  state: EmulatorState,
  region: Region,
  apiId: string,
  portalId: string,
  body: unknown,
): { created: boolean; publication: StoredPublication } {
  if (state.store.getApi(region, apiId) === undefined) throw notFound();
  return putPublication(state, region, apiId, requirePortal(state, region, portalId), body);
}

/** Handles `/v3/apis/{apiId}/publications/{portalId}`. */
export function handlePublication(
  request: ApiRequest,
  state: EmulatorState,
  apiId: string,
  portalId: string,
): ApiResponse {
  const { region, method } = request;
  if (state.store.getApi(region, apiId) === undefined) throw notFound();
  const portal = requirePortal(state, region, portalId);
  if (method === "PUT") {
    const { created, publication } = putPublication(state, region, apiId, portal, request.body);
    return { status: created ? state.options.publicationCreateStatus : 200, body: renderPublication(publication) };
  }
  const publication = state.store.getPublication(region, apiId, portalId);
  if (publication === undefined) throw notFound();
  if (method === "GET") return { status: 200, body: renderPublication(publication) };
  state.store.deletePublication(region, apiId, portalId);
  return { status: 204 };
}

/** Handles `GET /v3/api-publications`. */
export function handlePublicationList(request: ApiRequest, state: EmulatorState): ApiResponse {
  const publications = state.store.publications(request.region);
  return {
    status: 200,
    body: listPage(publications, request.query, listSpec(state.store), state.options, renderPublicationListItem),
  };
}
