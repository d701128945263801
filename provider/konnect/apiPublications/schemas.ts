/**
 * API publications on the wire (Konnect API Builder v3) and in the client's camelCase model. Requests are strict to
 * Kong's contract (`ApiPublication`, `additionalProperties: false`): `authStrategyIds` left out is not sent (Konnect
 * then uses the portal's default strategy), `null` is sent as `null` (no application auth), and an array holds exactly
 * one id. Responses are read tolerantly: unknown fields are dropped, and list items of other entity types (API
 * packages) or with other visibilities do not fail the list. Schemas are built on first use and cached per process.
 */
import { z } from "zod";
import { wireNames } from "../fieldTable";
import { cached, idText, listPageSchema, mapped, toWireKeys, valueSchema } from "../schemas";
import { API_PUBLICATION_FIELDS as F, type PublicationVisibility } from "./fields";

/** Body of a publish call (camelCase). Every field is optional; a PUT replaces the whole publication. */
export interface PutApiPublicationRequest {
  /** `public` (visible without signing in) or `private`. Left out: Konnect's default, `private`. */
  visibility?: PublicationVisibility;
  /**
   * The one strategy applications use: an array of exactly one id; `null` means no application auth. Left out
   * (undefined): not sent, so Konnect uses the portal's default strategy.
   */
  authStrategyIds?: string[] | null;
  /** Approve registrations for this API automatically. Left out or false: the portal's setting decides. */
  autoApproveRegistrations?: boolean;
}

/** A publication as Konnect returns it (camelCase; unknown fields dropped). */
export interface ApiPublication {
  /** Visibility; a value this client does not know yet is passed through as-is. */
  visibility: string;
  /** The strategy applications use, or null when the API requires no application auth. */
  authStrategyIds: string[] | null;
  /** Auto approval of registrations; undefined when Konnect leaves it out. */
  autoApproveRegistrations?: boolean;
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
    z
      .strictObject({
        visibility: valueSchema(F.visibility.value).optional(),
        authStrategyIds: z
          .array(idText(), { error: "must be a list of auth strategy ids or null" })
          .min(1, "must hold exactly one auth strategy id (use null for no application auth)")
          .max(1, "must hold at most one auth strategy id")
          .nullable()
          .optional(),
        autoApproveRegistrations: valueSchema(F.autoApproveRegistrations.value).optional(),
      })
      .transform((request) => toWireKeys(request, wireNames(F))),
  );
}

function publicationWireShape() {
  return {
    visibility: z.string(),
    auth_strategy_ids: z.array(z.string()).nullable(),
    auto_approve_registrations: z.boolean().optional(),
    warnings: z.array(z.string()).optional(),
    created_at: z.string(),
    updated_at: z.string(),
  };
}

function publicationFromWire(wire: {
  visibility: string;
  auth_strategy_ids: string[] | null;
  auto_approve_registrations?: boolean | undefined;
  warnings?: string[] | undefined;
  created_at: string;
  updated_at: string;
}): ApiPublication {
  return {
    visibility: wire.visibility,
    authStrategyIds: wire.auth_strategy_ids,
    ...(wire.auto_approve_registrations === undefined
      ? {}
      : { autoApproveRegistrations: wire.auto_approve_registrations }),
    warnings: wire.warnings ?? [],
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
  };
}

/** Tolerant response schema of one publication (unknown fields dropped). */
export function apiPublicationResponseSchema() {
  return cached("apiPublicationResponseSchema", () => mapped(z.object(publicationWireShape()), publicationFromWire));
}

/** Tolerant reader of one item of `GET /v3/api-publications`. */
export function apiPublicationListItemSchema() {
  return cached("apiPublicationListItemSchema", () =>
    mapped(
      z.object({ ...publicationWireShape(), api_id: z.string(), portal_id: z.string(), entity_type: z.string() }),
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
