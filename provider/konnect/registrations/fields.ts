/**
 * The field table of an application's API registrations
 * (`/v3/portals/{portalId}/applications/{applicationId}/registrations`, rows in the one format of `../fieldTable.ts`):
 * the portal and application that hold the registration (path parameters), the API (`api_id`, set at create) and the
 * status. Plain data (no zod).
 */
import type { FieldTable } from "../fieldTable";

/**
 * Registration statuses, as Konnect spells them (`ApplicationRegistrationStatus`). Only `approved` lets the
 * application's credentials reach the API; `pending`, `rejected` and `revoked` block its traffic.
 */
export const REGISTRATION_STATUSES = ["approved", "pending", "rejected", "revoked"] as const;
/** A registration status. */
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** The statuses a create may ask for (`CreateApplicationRegistrationRequest`); the others are reached by a PATCH. */
export const REGISTRATION_CREATE_STATUSES = ["approved", "pending"] as const satisfies readonly RegistrationStatus[];

/** The fields of an application registration. */
export const REGISTRATION_FIELDS = {
  /** Id (UUID) of the Dev Portal the application belongs to. Changing it replaces the registration. */
  portalId: {
    value: { kind: "id" },
    required: "required: the id (UUID) of the portal the application belongs to",
    effect: "replace",
  },
  /** Id (UUID) of the portal application that registers (a `PortalApplication`'s id). Changing it replaces the registration. */
  applicationId: {
    value: { kind: "id" },
    required: "required: the id (UUID) of the portal application that registers",
    effect: "replace",
  },
  /**
   * Id (UUID) of the API to register for; it must be published to the portal (with the application's auth strategy).
   * Konnect holds at most one registration per application and API. Changing it replaces the registration.
   */
  apiId: {
    wire: "api_id",
    value: { kind: "id" },
    required: "required: the id (UUID) of the API to register for",
    effect: "replace",
  },
  /**
   * `approved` (default: the application's credentials reach the API), `pending`, `rejected` or `revoked` (each blocks
   * the API's traffic). Changing it updates the registration in place (one PATCH); a status changed in the Dev Portal
   * shows on refresh and is put back by the next `up`.
   */
  status: {
    wire: "status",
    value: {
      kind: "enum",
      values: REGISTRATION_STATUSES,
      message: `must be one of ${REGISTRATION_STATUSES.join(", ")}`,
    },
    effect: "update",
  },
} as const satisfies FieldTable;
