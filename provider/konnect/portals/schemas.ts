/**
 * Dev Portals on the wire (Konnect Portal Management v3), reduced to what this package reads and writes. Responses
 * are read tolerantly: only the fields used here are validated, everything else Konnect returns is dropped.
 */
import { z } from "zod";
import { cached, labelsUpdateSchema, listPageSchema, mapped, valueSchema } from "../schemas";
import { PORTAL_FIELDS } from "./fields";

/** The parts of a portal this package reads (camelCase). */
export interface Portal {
  /** Portal id. */
  id: string;
  /** Portal name (unique in the organization). */
  name: string;
  /** The strategy new API publications use when they name none, or null. */
  defaultApplicationAuthStrategyId: string | null;
  /** The portal's labels (`{}` when Konnect leaves them out: the response lists them as optional). */
  labels: Record<string, string>;
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
        // Tolerant: a label this client could not write (a reserved prefix, say) is still read as it is.
        labels: z.record(z.string(), z.string()).nullish(),
        created_at: z.string(),
        updated_at: z.string(),
      }),
      (wire): Portal => ({
        id: wire.id,
        name: wire.name,
        defaultApplicationAuthStrategyId: wire.default_application_auth_strategy_id,
        labels: wire.labels ?? {},
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      }),
    ),
  );
}

/**
 * Body of the default-strategy PATCH (camelCase): the default (an id, or null to clear it; left out: unchanged) and
 * the labels to set (a value) or remove (null). Labels left out are not touched: Kong's `LabelsUpdate` removes a key
 * sent as null, which only a merging PATCH needs (konnect-api §2.4).
 */
export interface PortalDefaultPatch {
  defaultApplicationAuthStrategyId?: string | null;
  labels?: Record<string, string | null>;
}

/** Strict request schema of the default-strategy PATCH: the default (UUID or null) and labels, nothing else. */
export function portalDefaultStrategyRequestSchema() {
  return cached("portalDefaultStrategyRequestSchema", () =>
    z
      .strictObject({
        defaultApplicationAuthStrategyId: valueSchema(PORTAL_FIELDS.defaultApplicationAuthStrategyId.value)
          .nullable()
          .optional(),
        labels: labelsUpdateSchema().optional(),
      })
      .transform((request) => ({
        ...(request.defaultApplicationAuthStrategyId === undefined
          ? {}
          : { default_application_auth_strategy_id: request.defaultApplicationAuthStrategyId }),
        ...(request.labels === undefined ? {} : { labels: request.labels }),
      })),
  );
}

/** Fields portals can be filtered on (wire names, the ones this package uses). */
export type PortalFilterField = "default_application_auth_strategy_id" | "name" | "id";

/** Tolerant response schema of one page of `GET /v3/portals`. */
export function portalListSchema() {
  return listPageSchema("portal", portalResponseSchema);
}
