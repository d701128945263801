/**
 * Dev Portals on the wire (Konnect Portal Management v3), reduced to what this package reads and writes. Responses
 * are read tolerantly: only the fields used here are validated, everything else Konnect returns is dropped.
 */
import { z } from "zod";
import type { PatchOf, ResponseOf } from "../fieldTable";
import { cached, listPageSchema, mapped, patchBodySchema, rowsResponse, valueSchema } from "../schemas";
import { PORTAL_FIELDS as F } from "./fields";

/** The parts of a portal this package reads (camelCase), one property per row, then the read-only fields. */
export interface Portal extends Omit<ResponseOf<typeof F>, "defaultApplicationAuthStrategyId"> {
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

/** The wire fields of a portal, as the reader checked them. */
interface PortalWire {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

/** Tolerant response schema of a portal (`PortalResponse`), reduced to the rows and the fields above. */
export function portalResponseSchema() {
  return cached("portalResponseSchema", () => {
    const rows = rowsResponse(F, {
      defaultApplicationAuthStrategyId: { schema: z.string().nullable() },
      // Tolerant: a label this client could not write (a reserved prefix, say) is still read as it is; the response
      // lists labels as optional (`{}` when Konnect leaves them out).
      labels: {
        schema: z.record(z.string(), z.string()).nullish(),
        read: (labels?: Record<string, string> | null) => labels ?? {},
      },
    });
    return mapped(
      z.object({
        id: z.string(),
        name: z.string(),
        ...rows.shape,
        created_at: z.string(),
        updated_at: z.string(),
      }) as z.ZodType<PortalWire>,
      (wire): Portal => ({
        id: wire.id,
        name: wire.name,
        ...(rows.fromWire(wire) as Pick<Portal, "defaultApplicationAuthStrategyId" | "labels">),
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      }),
    );
  });
}

/**
 * Body of the default-strategy PATCH (camelCase), the rows a change updates: the default (an id, or null to clear it;
 * left out: unchanged) and the labels to set (a value) or remove (null). Labels left out are not touched: Kong's
 * `LabelsUpdate` removes a key sent as null, which only a merging PATCH needs (konnect-api §2.4).
 */
export interface PortalDefaultPatch extends Omit<PatchOf<typeof F>, "defaultApplicationAuthStrategyId"> {
  defaultApplicationAuthStrategyId?: string | null;
}

/** Strict request schema of the default-strategy PATCH: the default (UUID or null) and labels, nothing else. */
export function portalDefaultStrategyRequestSchema() {
  return cached("portalDefaultStrategyRequestSchema", () =>
    patchBodySchema(F, {
      defaultApplicationAuthStrategyId: valueSchema(F.defaultApplicationAuthStrategyId.value).nullable(),
    }),
  );
}

/** Fields portals can be filtered on (wire names, the ones this package uses). */
export type PortalFilterField = "default_application_auth_strategy_id" | "name" | "id";

/** Tolerant response schema of one page of `GET /v3/portals`. */
export function portalListSchema() {
  return listPageSchema("portal", portalResponseSchema);
}
