/**
 * Typed operations on Dev Portals (Konnect Portal Management v3) that this package needs: read a portal, and set
 * its default application auth strategy. Portals themselves are managed elsewhere; nothing here creates or deletes
 * one, and the PATCH body carries `default_application_auth_strategy_id` only, so no other portal setting is touched.
 *
 * Responses are read tolerantly: only the fields used here are validated, everything else Konnect returns is dropped.
 */
import type { KonnectTransport } from "../http";
import { call, collectionOperations, idPath, toWire } from "../operation";
import { portalDefaultStrategyRequestSchema, portalListSchema, portalResponseSchema, type Portal } from "./schemas";

export * from "./schemas";

const BASE = "/v3/portals";

/**
 * `GET /v3/portals/{portalId}` (`getPortal`), from the shared collection operations. Portals are managed elsewhere:
 * this package never lists, creates or deletes one.
 */
export const { get: getPortal } = collectionOperations<Portal, never, never>({
  base: BASE,
  noun: "portal",
  plural: "portals",
  item: portalResponseSchema,
  page: portalListSchema,
});

/**
 * `PATCH /v3/portals/{portalId}` with `{"default_application_auth_strategy_id": …}` only: sets (an id) or clears
 * (null) the portal's default application auth strategy. Idempotent, so retried like any PATCH.
 */
export async function setPortalDefaultAuthStrategy(
  transport: KonnectTransport,
  portalId: string,
  authStrategyId: string | null,
): Promise<Portal> {
  const operation =
    authStrategyId === null
      ? `clear the default auth strategy of portal ${portalId}`
      : `set the default auth strategy of portal ${portalId} to ${authStrategyId}`;
  const path = idPath(operation, BASE, portalId);
  const body = toWire(operation, portalDefaultStrategyRequestSchema(), {
    defaultApplicationAuthStrategyId: authStrategyId,
  });
  return call(transport, { operation, method: "PATCH", path, body }, portalResponseSchema());
}
