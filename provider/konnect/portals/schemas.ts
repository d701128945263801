/**
 * Dev Portals on the wire (Konnect Portal Management v3), reduced to what this package reads and writes. Responses
 * are read tolerantly: only the fields used here are validated, everything else Konnect returns is dropped.
 */
import { z } from "zod";
import { cached, listPageSchema, mapped, valueSchema } from "../schemas";
import { PORTAL_FIELDS } from "./fields";

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
    mapped(
      z.object({
        id: z.string(),
        name: z.string(),
        default_application_auth_strategy_id: z.string().nullable(),
        created_at: z.string(),
        updated_at: z.string(),
      }),
      (wire): Portal => ({
        id: wire.id,
        name: wire.name,
        defaultApplicationAuthStrategyId: wire.default_application_auth_strategy_id,
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      }),
    ),
  );
}

/** Strict request schema of the default-strategy PATCH: one id (UUID) or null, nothing else. */
export function portalDefaultStrategyRequestSchema() {
  return cached("portalDefaultStrategyRequestSchema", () =>
    z
      .strictObject({
        defaultApplicationAuthStrategyId: valueSchema(PORTAL_FIELDS.defaultApplicationAuthStrategyId.value).nullable(),
      })
      .transform((request) => ({ default_application_auth_strategy_id: request.defaultApplicationAuthStrategyId })),
  );
}

/** Tolerant response schema of one page of `GET /v3/portals` (the collection operations need it; unused here). */
export function portalListSchema() {
  return listPageSchema("portal", portalResponseSchema);
}
