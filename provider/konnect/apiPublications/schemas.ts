/**
 * API publications on the wire (Konnect API Builder v3) and in the client's camelCase model, derived from the rows of
 * `./fields.ts`: the request schema, the wire keys, the response's fields and their camelCase names all come from the
 * rows (`bodySchema`, `reportedShape`, `reportedFromWire` in `../schemas.ts`), so a new publication setting is one
 * row. Requests are strict to Kong's contract (`ApiPublication`, `additionalProperties: false`): `authStrategyIds`
 * left out is not sent (Konnect then uses the portal's default strategy), `null` is sent as `null` (no application
 * auth), and an array holds exactly one id: the one row with its own request and response schema. Responses are read
 * tolerantly: unknown fields are dropped, a flag Konnect leaves out stays absent, and list items of other entity types
 * (API packages) or with other visibilities do not fail the list. Schemas are built on first use and cached per
 * process.
 */
import { z } from "zod";
import type { BodyOf, ReportedOf } from "../fieldTable";
import { bodySchema, cached, idText, listPageSchema, mapped, reportedFromWire, reportedShape } from "../schemas";
import { API_PUBLICATION_FIELDS as F } from "./fields";

/**
 * Body of a publish call (camelCase), one property per sent row. Every field is optional; a PUT replaces the whole
 * publication.
 */
export interface PutApiPublicationRequest extends Omit<BodyOf<typeof F>, "authStrategyIds"> {
  /**
   * The one strategy applications use: an array of exactly one id; `null` means no application auth. Left out
   * (undefined): not sent, so Konnect uses the portal's default strategy.
   */
  authStrategyIds?: string[] | null;
}

/** A publication as Konnect returns it (camelCase; unknown fields dropped), one property per sent row. */
export interface ApiPublication extends Omit<ReportedOf<typeof F>, "authStrategyIds"> {
  /** The strategy applications use, or null when the API requires no application auth. */
  authStrategyIds: string[] | null;
  /** Konnect's informational warnings (for example fields stripped for ACE); empty when none. */
  warnings: string[];
  /** Creation time (ISO 8601). */
  createdAt: string;
  /** Last update time (ISO 8601). */
  updatedAt: string;
}

/** One item of the publication list: a publication plus what it links. */
export interface ApiPublicationListItem extends ApiPublication {
  /** The published API (or API package) id. */
  apiId: string;
  /** The portal it is published to. */
  portalId: string;
  /** `api` or `api_package` (other values passed through). */
  entityType: string;
}

/** Fields publications can be filtered on (wire names). */
export type ApiPublicationFilterField =
  "portal_id" | "portal_name" | "api_id" | "api_name" | "auth_strategy_id" | "entity_type";
/** Fields publications can be sorted on (wire names). */
export type ApiPublicationSortField = "portal_id" | "portal_name" | "api_id" | "api_name" | "created_at" | "updated_at";

/** Strict request schema: camelCase in, Konnect's wire body out (absent fields stay absent). */
export function putApiPublicationRequestSchema() {
  return cached("putApiPublicationRequestSchema", () =>
    bodySchema(F, {
      authStrategyIds: z
        .array(idText(), { error: "must be a list of auth strategy ids or null" })
        .min(1, "must hold exactly one auth strategy id (use null for no application auth)")
        .max(1, "must hold at most one auth strategy id")
        .nullable(),
    }),
  );
}

/** The wire fields of a publication in a response: the rows' fields, then the read-only ones. */
function publicationWireShape() {
  return {
    ...reportedShape(F, { authStrategyIds: z.array(z.string()).nullable() }),
    warnings: z.array(z.string()).optional(),
    created_at: z.string(),
    updated_at: z.string(),
  };
}

/** The wire fields of a publication, as `publicationWireShape` checked them. */
interface PublicationWire {
  warnings?: string[] | undefined;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

function publicationFromWire(wire: PublicationWire): ApiPublication {
  return {
    ...(reportedFromWire(F, wire) as Omit<ApiPublication, "warnings" | "createdAt" | "updatedAt">),
    warnings: wire.warnings ?? [],
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
  };
}

/** Tolerant response schema of one publication (unknown fields dropped). */
export function apiPublicationResponseSchema() {
  return cached("apiPublicationResponseSchema", () =>
    mapped(z.object(publicationWireShape()) as z.ZodType<PublicationWire>, publicationFromWire),
  );
}

/** Tolerant reader of one item of `GET /v3/api-publications`. */
export function apiPublicationListItemSchema() {
  return cached("apiPublicationListItemSchema", () =>
    mapped(
      z.object({
        ...publicationWireShape(),
        api_id: z.string(),
        portal_id: z.string(),
        entity_type: z.string(),
      }) as z.ZodType<PublicationWire & { api_id: string; portal_id: string; entity_type: string }>,
      (wire): ApiPublicationListItem => ({
        apiId: wire.api_id,
        portalId: wire.portal_id,
        entityType: wire.entity_type,
        ...publicationFromWire(wire),
      }),
    ),
  );
}

/** Tolerant reader of one page of `GET /v3/api-publications`. */
export function apiPublicationListSchema() {
  return listPageSchema("apiPublication", apiPublicationListItemSchema);
}
