/**
 * Typed operations on Dev Portals (Konnect Portal Management v3) that this package needs: read a portal, and set
 * its default application auth strategy. Portals themselves are managed elsewhere; nothing here creates or deletes
 * one, and the PATCH body carries `default_application_auth_strategy_id` only, so no other portal setting is touched.
 *
 * Responses are read tolerantly: only the fields used here are validated, everything else Konnect returns is dropped.
 */
import { z } from "zod";
import type { KonnectTransport } from "../http";
import { call, collectionOperations, idPath, toWire } from "../operation";
import { cached, idText, pageMetaSchema } from "../schemas";

const BASE = "/v3/portals";

/** The parts of a portal this package reads (camelCase). */
export interface Portal {
  /** Portal id. */
  id: string;
  /** Portal name (unique in the organization). */
  name: string;
  /** The strategy new API publications use when they name none, or null. */
  defaultApplicationAuthStrategyId: string | null;
  /** Creation time (ISO 8601). */
  createdAt: string;
  /** Last update time (ISO 8601). */
  updatedAt: string;
}

/** Tolerant response schema of a portal (`PortalResponse`), reduced to the fields above. */
export function portalResponseSchema() {
  return cached("portalResponseSchema", () =>
    z
      .object({
        id: z.string(),
        name: z.string(),
        default_application_auth_strategy_id: z.string().nullable(),
        created_at: z.string(),
        updated_at: z.string(),
      })
      .transform((wire): Portal => ({
        id: wire.id,
        name: wire.name,
        defaultApplicationAuthStrategyId: wire.default_application_auth_strategy_id,
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      })),
  );
}

/** Strict request schema of the default-strategy PATCH: one id (UUID) or null, nothing else. */
export function portalDefaultStrategyRequestSchema() {
  return cached("portalDefaultStrategyRequestSchema", () =>
    z
      .strictObject({
        defaultApplicationAuthStrategyId: idText().nullable(),
      })
      .transform((request) => ({ default_application_auth_strategy_id: request.defaultApplicationAuthStrategyId })),
  );
}

/** Tolerant response schema of one page of `GET /v3/portals` (the collection operations need it; unused here). */
function portalListSchema() {
  return cached("portalListSchema", () => z.object({ data: z.array(portalResponseSchema()), meta: pageMetaSchema() }));
}

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
