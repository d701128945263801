/**
 * Typed operations on API publications (Konnect API Builder v3): publish (PUT), get, unpublish (DELETE) and list.
 * `PUT /v3/apis/{apiId}/publications/{portalId}` creates or replaces the publication of one API in one portal; the
 * schemas are in `./schemas.ts`.
 */
import { KonnectRequestError } from "../errors";
import type { KonnectTransport } from "../http";
import { call, collectionOperations, toWire } from "../operation";
import { UUID_PATTERN } from "../ids";
import {
  apiPublicationListItemSchema,
  apiPublicationListSchema,
  apiPublicationResponseSchema,
  putApiPublicationRequestSchema,
  type ApiPublication,
  type ApiPublicationFilterField,
  type ApiPublicationListItem,
  type ApiPublicationSortField,
  type PutApiPublicationRequest,
} from "./schemas";

export * from "./schemas";

/** `/v3/apis/{apiId}/publications/{portalId}`, after checking both ids are UUIDs. */
export function publicationPath(operation: string, apiId: string, portalId: string): string {
  const issues: string[] = [];
  if (!UUID_PATTERN.test(apiId)) issues.push(`apiId: must be a UUID, got ${JSON.stringify(apiId)}`);
  if (!UUID_PATTERN.test(portalId)) issues.push(`portalId: must be a UUID, got ${JSON.stringify(portalId)}`);
  if (issues.length > 0) throw new KonnectRequestError(operation, issues);
  return `/v3/apis/${apiId}/publications/${portalId}`;
}

/** `PUT /v3/apis/{apiId}/publications/{portalId}`: publishes, or replaces the publication (idempotent). */
export async function putApiPublication(
  transport: KonnectTransport,
  apiId: string,
  portalId: string,
  request: PutApiPublicationRequest,
): Promise<ApiPublication> {
  const operation = `publish API ${apiId} to portal ${portalId}`;
  const path = publicationPath(operation, apiId, portalId);
  const body = toWire(operation, putApiPublicationRequestSchema(), request);
  return call(transport, { operation, method: "PUT", path, body }, apiPublicationResponseSchema());
}

/** `GET /v3/apis/{apiId}/publications/{portalId}`; Konnect answers 404 when the API is not published there. */
export async function getApiPublication(
  transport: KonnectTransport,
  apiId: string,
  portalId: string,
): Promise<ApiPublication> {
  const operation = `read publication of API ${apiId} in portal ${portalId}`;
  const path = publicationPath(operation, apiId, portalId);
  return call(transport, { operation, method: "GET", path }, apiPublicationResponseSchema());
}

/** `DELETE /v3/apis/{apiId}/publications/{portalId}`: unpublishes the API from the portal. */
export async function deleteApiPublication(
  transport: KonnectTransport,
  apiId: string,
  portalId: string,
): Promise<void> {
  const operation = `unpublish API ${apiId} from portal ${portalId}`;
  await transport.send({ operation, method: "DELETE", path: publicationPath(operation, apiId, portalId) });
}

/**
 * `GET /v3/api-publications`: `listApiPublications` (one page) and `listAllApiPublications` (every page), from the
 * shared collection operations. A publication is read and deleted by its API and portal ids (above), not by an id
 * under this collection, so only the list operations are taken from there.
 */
export const { list: listApiPublications, listAll: listAllApiPublications } = collectionOperations<
  ApiPublicationListItem,
  ApiPublicationFilterField,
  ApiPublicationSortField
>({
  base: "/v3/api-publications",
  noun: "API publication",
  plural: "API publications",
  item: apiPublicationListItemSchema,
  page: apiPublicationListSchema,
});
