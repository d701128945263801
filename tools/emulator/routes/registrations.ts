/**
 * Application registrations: `/v3/portals/{portalId}/applications/{applicationId}/registrations` list (filter
 * `status`; sorts `created_at`, `updated_at`, `status`) and create (201), `/{registrationId}` get, PATCH (200, `status`)
 * and DELETE (204); `GET /v3/portals/{portalId}/application-registrations` lists the portal's (filters
 * `developer_id`, `application_name`, `status`; sorts `created_at`, `updated_at`, `developer_id`, `status`) [SPEC].
 *
 * Create checks, in order [INF]: portal and application (404), body (400), the API exists (400
 * `missing_reference`), no registration of that application for that API yet (409 "API is already registered to the
 * application" [SPEC example]), then what `registrationPublicationCheck` asks of the publication (400 naming
 * `api_id`). The new status follows `registrationStatusRule`: "Registrations created through the portal management
 * API will respect the auto-approve settings of the portal and/or API publication" [SPEC]; auto-approve is on when
 * the publication's `auto_approve_registrations` or the portal's `auto_approve_applications` is [SPEC/DOC].
 */
import { randomUUID } from "node:crypto";
import { type ListSpec, listPage } from "../listing";
import { ProblemError, invalidRequest, notFound } from "../problem";
import { parseCreateRegistration, parseUpdateRegistration } from "../registrationSchema";
import { renderRegistration } from "../renderDevPortal";
import { type ApiRequest, type ApiResponse, type EmulatorState } from "../state";
import { type EmulatorStore } from "../store";
import {
  type Region,
  type RegistrationStatus,
  type StoredApplication,
  type StoredPublication,
  type StoredRegistration,
} from "../types";
import { requireApplication } from "./applications";
import { requirePortal } from "./portals";

const STRING_OPERATORS = ["eq", "neq", "contains", "oeq", "ocontains"] as const;

const APPLICATION_LIST_SPEC: ListSpec<StoredRegistration> = {
  filters: { status: { read: (r) => r.status, operators: STRING_OPERATORS } },
  sorts: { created_at: (r) => r.created_at, updated_at: (r) => r.updated_at, status: (r) => r.status },
};

function portalListSpec(store: EmulatorStore): ListSpec<StoredRegistration> {
  const application = (r: StoredRegistration) => store.getItem("applications", r.region, r.application_id);
  // [INF] a registration's developer is its application's owner when that is a developer.
  const developerId = (r: StoredRegistration) => {
    const owner = application(r)?.owner;
    return owner?.type === "developer" ? owner.id : null;
  };
  return {
    filters: {
      developer_id: { read: developerId, operators: ["eq", "oeq", "neq"] },
      application_name: { read: (r) => application(r)?.name, operators: STRING_OPERATORS },
      status: { read: (r) => r.status, operators: STRING_OPERATORS },
    },
    sorts: {
      created_at: (r) => r.created_at,
      updated_at: (r) => r.updated_at,
      developer_id: developerId,
      status: (r) => r.status,
    },
  };
}

function apiIssue(rule: string, reason: string) {
  return invalidRequest([{ field: "api_id", rule, reason, source: "body" }]);
}

/** Throws the 400 the `registrationPublicationCheck` option asks for when the publication does not fit [INF]. */
function checkPublication(
  state: EmulatorState,
  application: StoredApplication,
  apiId: string,
  publication: StoredPublication | undefined,
): void {
  const check = state.options.registrationPublicationCheck;
  if (check === "none") return;
  const where = `API [${apiId}] is not published to portal [${application.portal_id}]`;
  if (publication === undefined) throw apiIssue("invalid", where);
  if (check === "published" || publication.auth_strategy_ids?.includes(application.auth_strategy_id) === true) return;
  const used = publication.auth_strategy_ids?.[0] ?? "none";
  throw apiIssue(
    "invalid",
    `API [${apiId}] is published to portal [${application.portal_id}] with auth strategy [${used}], ` +
      `not the application's [${application.auth_strategy_id}]`,
  );
}

/** The status of a new registration, by `registrationStatusRule` (see the module comment). */
function initialStatus(
  state: EmulatorState,
  application: StoredApplication,
  publication: StoredPublication | undefined,
  requested: "approved" | "pending" | undefined,
): RegistrationStatus {
  const portal = state.store.getPortal(application.region, application.portal_id);
  const autoApprove = publication?.auto_approve_registrations === true || portal?.auto_approve_applications === true;
  if (state.options.registrationStatusRule === "requested" && requested !== undefined) return requested;
  return autoApprove && requested !== "pending" ? "approved" : "pending";
}

/** Validates and stores a new registration; used by POST and by seeding. */
export function createRegistration(
  state: EmulatorState,
  region: Region,
  portalId: string,
  applicationId: string,
  body: unknown,
  id?: string,
): StoredRegistration {
  const application = requireApplication(state, region, portalId, applicationId);
  const parsed = parseCreateRegistration(body);
  if (state.store.getApi(region, parsed.api_id) === undefined) {
    throw apiIssue("missing_reference", `API [${parsed.api_id}] does not exist`);
  }
  if (state.store.registrationsOf(region, applicationId).some((r) => r.api_id === parsed.api_id)) {
    throw new ProblemError(409, "API is already registered to the application");
  }
  const publication = state.store.getPublication(region, parsed.api_id, portalId);
  checkPublication(state, application, parsed.api_id, publication);
  const status = initialStatus(state, application, publication, parsed.status);
  const now = state.clock.nowIso();
  const registration: StoredRegistration = {
    id: id ?? randomUUID(),
    region,
    portal_id: portalId,
    application_id: applicationId,
    api_id: parsed.api_id,
    status,
    approved_at: status === "approved" ? now : null,
    created_at: now,
    updated_at: now,
  };
  state.store.putItem("application-registrations", registration);
  return registration;
}

/**
 * A registration after a status change: becoming approved starts `approved_at` again (the gateway's propagation
 * delay counts from there); leaving approved clears it (blocking at once [SPEC for DELETE, INF for PATCH]).
 */
export function withStatus(current: StoredRegistration, status: RegistrationStatus, now: string): StoredRegistration {
  let approvedAt = current.approved_at;
  if (status !== "approved") approvedAt = null;
  else if (current.status !== "approved") approvedAt = now;
  return { ...current, status, approved_at: approvedAt, updated_at: now };
}

/** Handles `/v3/portals/{portalId}/applications/{applicationId}/registrations[/{registrationId}]`. */
export function handleRegistrations(
  request: ApiRequest,
  state: EmulatorState,
  ids: { portalId: string; applicationId: string; registrationId?: string },
): ApiResponse {
  const { region, method } = request;
  const { portalId, applicationId, registrationId } = ids;
  const render = (r: StoredRegistration) => renderRegistration(r, state.store);
  if (registrationId === undefined) {
    if (method === "POST") {
      const created = createRegistration(state, region, portalId, applicationId, request.body);
      return { status: 201, body: render(created) };
    }
    requireApplication(state, region, portalId, applicationId);
    const registrations = state.store.registrationsOf(region, applicationId);
    return { status: 200, body: listPage(registrations, request.query, APPLICATION_LIST_SPEC, state.options, render) };
  }
  requireApplication(state, region, portalId, applicationId);
  const registration = state.store.getItem("application-registrations", region, registrationId);
  if (registration === undefined || registration.application_id !== applicationId) throw notFound();
  switch (method) {
    case "GET":
      return { status: 200, body: render(registration) };
    case "PATCH": {
      const { status } = parseUpdateRegistration(request.body);
      const now = state.clock.nowIso();
      const next = status === undefined ? { ...registration, updated_at: now } : withStatus(registration, status, now);
      state.store.putItem("application-registrations", next);
      return { status: 200, body: render(next) };
    }
    default:
      state.store.deleteItem("application-registrations", region, registrationId);
      return { status: 204 };
  }
}

/** Handles `GET /v3/portals/{portalId}/application-registrations`. */
export function handlePortalRegistrationList(request: ApiRequest, state: EmulatorState, portalId: string) {
  requirePortal(state, request.region, portalId);
  const registrations = state.store.items("application-registrations", request.region, portalId);
  const render = (r: StoredRegistration) => renderRegistration(r, state.store);
  return {
    status: 200,
    body: listPage(registrations, request.query, portalListSpec(state.store), state.options, render),
  };
}
