/**
 * The field table of `PUT /v3/apis/{apiId}/publications/{portalId}` (rows in the one format of `../fieldTable.ts`):
 * the two path parameters that name the publication and the body fields, the publication's settings. The single
 * source of a setting: the request schema and the response reader (`./schemas.ts`), the resource's diff, PUT body,
 * "how an existing publication differs" and outputs (`resources/apiPublication/definition.ts`) and the public types
 * derive from its row; a setting whose absence means a value other than false says it with `default`. Plain data
 * (no zod).
 */
import type { FieldTable } from "../fieldTable";

/** Visibilities of a publication, as Konnect spells them; Konnect's default is `private`. */
export const PUBLICATION_VISIBILITIES = ["public", "private"] as const;
/** Visibility of an API in a portal. */
export type PublicationVisibility = (typeof PUBLICATION_VISIBILITIES)[number];

/** The fields of an API publication. */
export const API_PUBLICATION_FIELDS = {
  /** Id (UUID) of the API to publish; the API is managed elsewhere. Changing it replaces the publication. */
  apiId: { value: { kind: "id" }, required: "required: the id (UUID) of the API to publish", effect: "replace" },
  /** Id (UUID) of the Dev Portal to publish to; managed elsewhere. Changing it replaces the publication. */
  portalId: {
    value: { kind: "id" },
    required: "required: the id (UUID) of the portal to publish to",
    effect: "replace",
  },
  /**
   * The auth strategy developers' applications use for this API: at most one id. **Absent**: a new publication gets
   * the portal's default strategy at publication time (Konnect does not apply a later default retroactively), and
   * keeps the strategy it has from then on: an update of the other settings re-sends it (the outputs'
   * `authStrategyIds`), so a portal default moved or cleared since changes nothing; absent is never compared in a
   * diff. To move the publication to another strategy, declare it. **`[]`**: the API requires no application auth
   * (sent to Konnect as `null`). Updates in place.
   */
  authStrategyIds: {
    wire: "auth_strategy_ids",
    value: { kind: "list", item: { kind: "id" }, maxItems: 1 },
    effect: "update",
  },
  /** `public` (listed without signing in) or `private`. Default `private` (Konnect's default). Updates in place. */
  visibility: {
    wire: "visibility",
    value: { kind: "enum", values: PUBLICATION_VISIBILITIES, message: 'must be "public" or "private"' },
    effect: "update",
    default: "private",
  },
  /**
   * Approve developers' registrations for this API automatically. Default false: the portal's
   * `auto_approve_applications` setting decides. Updates in place.
   */
  autoApproveRegistrations: { wire: "auto_approve_registrations", value: { kind: "flag" }, effect: "update" },
} as const satisfies FieldTable;
