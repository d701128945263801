/**
 * The portal fields this package writes (`PATCH /v3/portals/{portalId}`), in the one row format of
 * `../fieldTable.ts`. Portals themselves are managed elsewhere. Plain data (no zod).
 */
import type { FieldTable } from "../fieldTable";

/** The writable portal fields the package uses. */
export const PORTAL_FIELDS = {
  /** The auth strategy new API publications in the portal use when they name none (null: none). */
  defaultApplicationAuthStrategyId: {
    wire: "default_application_auth_strategy_id",
    value: { kind: "id" },
    effect: "update",
  },
  /**
   * The portal's labels: the package sets the keys it owns and removes them (a key sent as null) in a PATCH, leaving
   * the others as they are.
   */
  labels: { wire: "labels", value: { kind: "labels" }, effect: "update" },
} as const satisfies FieldTable;
