/**
 * Typed operations on an application's API registrations (Konnect Portal Management v3,
 * `/v3/portals/{portalId}/applications/{applicationId}/registrations`): list, get and delete from the shared scoped
 * collection operations, plus create (POST) and update (PATCH, the status). Every call takes the portal and the
 * application as its scope. Konnect answers a second create for the same API with 409.
 */
import type { KonnectTransport } from "../http";
import { call, idPath, scopedCollectionOperations, scopedPath, toWire, type Scope } from "../operation";
import {
  createRegistrationRequestSchema,
  registrationListSchema,
  registrationResponseSchema,
  updateRegistrationRequestSchema,
  type ApplicationRegistration,
  type CreateRegistrationRequest,
  type RegistrationFilterField,
  type UpdateRegistrationRequest,
} from "./schemas";

export * from "./schemas";

const PATH = "/v3/portals/{portalId}/applications/{applicationId}/registrations";

/** The scope of a registration: its portal and application. */
export type RegistrationScope = Scope<"portalId" | "applicationId">;

/**
 * `GET .../applications/{applicationId}/registrations` one page (`listRegistrations`) and every page
 * (`listAllRegistrations`; filter `status`), `GET .../registrations/{registrationId}` (`getRegistration`) and
 * `DELETE .../registrations/{registrationId}` (`deleteRegistration`).
 */
export const {
  list: listRegistrations,
  listAll: listAllRegistrations,
  get: getRegistration,
  delete: deleteRegistration,
} = scopedCollectionOperations<ApplicationRegistration, RegistrationFilterField, never, "portalId" | "applicationId">({
  path: PATH,
  noun: "application registration",
  plural: "application registrations",
  item: registrationResponseSchema,
  page: registrationListSchema,
});

/** `POST .../applications/{applicationId}/registrations`; 409 when the application is registered for the API already. */
export async function createRegistration(
  transport: KonnectTransport,
  scope: RegistrationScope,
  request: CreateRegistrationRequest,
): Promise<ApplicationRegistration> {
  const operation = `register application ${scope.applicationId} for API ${request.apiId}`;
  const body = toWire(operation, createRegistrationRequestSchema(), request);
  const path = scopedPath(operation, PATH, scope);
  return call(transport, { operation, method: "POST", path, body }, registrationResponseSchema());
}

/** `PATCH .../registrations/{registrationId}` with the new status. */
export async function updateRegistration(
  transport: KonnectTransport,
  scope: RegistrationScope,
  id: string,
  request: UpdateRegistrationRequest,
): Promise<ApplicationRegistration> {
  const operation = `update application registration ${id}`;
  const body = toWire(operation, updateRegistrationRequestSchema(), request);
  const path = idPath(operation, scopedPath(operation, PATH, scope), id);
  return call(transport, { operation, method: "PATCH", path, body }, registrationResponseSchema());
}
