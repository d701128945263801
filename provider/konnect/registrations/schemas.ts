/**
 * Application registrations on the wire (`/v3/portals/{portalId}/applications/{applicationId}/registrations`) and in
 * the client's camelCase model. Requests are strict to Kong's contract: a create (`CreateApplicationRegistrationRequest`)
 * takes `api_id` and a status `approved` or `pending`; a PATCH (`UpdateApplicationRegistrationRequest`) any status.
 * Responses are read tolerantly: unknown fields dropped, a status this package does not know passed through.
 */
import { z } from "zod";
import { wireNames } from "../fieldTable";
import { cached, idText, listPageSchema, mapped, toWireKeys, valueSchema } from "../schemas";
import { REGISTRATION_CREATE_STATUSES, REGISTRATION_FIELDS as F, type RegistrationStatus } from "./fields";

/** Body of a registration create (camelCase). */
export interface CreateRegistrationRequest {
  apiId: string;
  status?: (typeof REGISTRATION_CREATE_STATUSES)[number];
}

/** Body of a registration PATCH (camelCase). */
export interface UpdateRegistrationRequest {
  status?: RegistrationStatus;
}

/** A registration as Konnect reports it (camelCase; unknown fields dropped). */
export interface ApplicationRegistration {
  id: string;
  /** One of `approved`, `pending`, `rejected`, `revoked`, or a status added later (passed through). */
  status: string;
  /** The API registered for (`api.id`). */
  apiId?: string;
  /** The application that registered (`application.id`). */
  applicationId?: string;
  createdAt: string;
  updatedAt: string;
}

/** Fields an application's registrations can be filtered on (wire names): the status only (Kong's contract). */
export type RegistrationFilterField = "status";

/** Strict create request: camelCase in, Konnect's wire body out. */
export function createRegistrationRequestSchema() {
  return cached("createRegistrationRequestSchema", () =>
    z
      .strictObject({
        apiId: idText(),
        status: z
          .enum(REGISTRATION_CREATE_STATUSES, {
            error: `a new registration's status must be one of ${REGISTRATION_CREATE_STATUSES.join(", ")}`,
          })
          .optional(),
      })
      .transform((request) => toWireKeys(request, wireNames(F))),
  );
}

/** Strict update request: camelCase in, Konnect's wire body out. */
export function updateRegistrationRequestSchema() {
  return cached("updateRegistrationRequestSchema", () =>
    z
      .strictObject({ status: valueSchema(F.status.value).optional() })
      .transform((request) => toWireKeys(request, wireNames(F))),
  );
}

/** Tolerant reader of one registration (`ApplicationRegistration`). */
export function registrationResponseSchema() {
  return cached("registrationResponseSchema", () =>
    mapped(
      z.object({
        id: z.string(),
        status: z.string(),
        api: z.object({ id: z.string() }).optional(),
        application: z.object({ id: z.string() }).optional(),
        created_at: z.string(),
        updated_at: z.string(),
      }),
      (wire): ApplicationRegistration => ({
        id: wire.id,
        status: wire.status,
        ...(wire.api ? { apiId: wire.api.id } : {}),
        ...(wire.application ? { applicationId: wire.application.id } : {}),
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      }),
    ),
  );
}

/** Tolerant reader of one page of an application's registrations. */
export function registrationListSchema() {
  return listPageSchema("registration", registrationResponseSchema);
}
