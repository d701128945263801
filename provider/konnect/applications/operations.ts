/**
 * Typed operations on a Dev Portal's applications (Konnect Portal Management v3,
 * `/v3/portals/{portalId}/applications`): list, get and delete from the shared scoped collection operations, plus
 * create (POST) and update (PATCH, the owner only). Every call takes the portal as its scope. Deleting an application
 * deletes its registrations and credentials too (Kong's contract).
 */
import type { KonnectTransport } from "../http";
import { call, idPath, scopedCollectionOperations, scopedPath, toWire, type Scope } from "../operation";
import {
  applicationListSchema,
  applicationResponseSchema,
  createApplicationRequestSchema,
  updateApplicationRequestSchema,
  type ApplicationFilterField,
  type CreateApplicationRequest,
  type PortalApplication,
  type UpdateApplicationRequest,
} from "./schemas";

export * from "./schemas";

const PATH = "/v3/portals/{portalId}/applications";

/** The scope of an application: its portal. */
export type ApplicationScope = Scope<"portalId">;

/**
 * `GET /v3/portals/{portalId}/applications` one page (`listApplications`) and every page (`listAllApplications`;
 * filters `name`, `developer_id`, `team_id`), `GET .../applications/{applicationId}` (`getApplication`) and
 * `DELETE .../applications/{applicationId}` (`deleteApplication`).
 */
export const {
  list: listApplications,
  listAll: listAllApplications,
  get: getApplication,
  delete: deleteApplication,
} = scopedCollectionOperations<PortalApplication, ApplicationFilterField, never, "portalId">({
  path: PATH,
  noun: "portal application",
  plural: "portal applications",
  item: applicationResponseSchema,
  page: applicationListSchema,
});

/** `POST /v3/portals/{portalId}/applications`. Never retried blindly: see the retry policy. */
export async function createApplication(
  transport: KonnectTransport,
  scope: ApplicationScope,
  request: CreateApplicationRequest,
): Promise<PortalApplication> {
  const operation = `create portal application "${request.name}" in portal ${scope.portalId}`;
  const body = toWire(operation, createApplicationRequestSchema(), request);
  const path = scopedPath(operation, PATH, scope);
  return call(transport, { operation, method: "POST", path, body }, applicationResponseSchema());
}

/** `PATCH /v3/portals/{portalId}/applications/{applicationId}`: the owner (the only field Konnect changes). */
export async function updateApplication(
  transport: KonnectTransport,
  scope: ApplicationScope,
  id: string,
  request: UpdateApplicationRequest,
): Promise<PortalApplication> {
  const operation = `update portal application ${id}`;
  const body = toWire(operation, updateApplicationRequestSchema(), request);
  const path = idPath(operation, scopedPath(operation, PATH, scope), id);
  return call(transport, { operation, method: "PATCH", path, body }, applicationResponseSchema());
}
