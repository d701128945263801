/**
 * Application registrations on the wire (`/v3/portals/{portalId}/applications/{applicationId}/registrations`) and in
 * the client's camelCase model. Requests are strict to Kong's contract: a create (`CreateApplicationRegistrationRequest`)
 * takes `api_id` and a status `approved` or `pending`; a PATCH (`UpdateApplicationRegistrationRequest`) any status.
 * Responses are read tolerantly: unknown fields dropped, a status this package does not know passed through.
 */
import { z } from "zod";
import type { BodyOf, PatchOf, ResponseOf } from "../fieldTable";
import { bodySchema, cached, listPageSchema, mapped, patchBodySchema, rowsResponse } from "../schemas";
import { REGISTRATION_CREATE_STATUSES, REGISTRATION_FIELDS as F } from "./fields";

/** Body of a registration create (camelCase), one property per sent row; a new registration is approved or pending. */
export interface CreateRegistrationRequest extends Omit<BodyOf<typeof F>, "status"> {
  status?: (typeof REGISTRATION_CREATE_STATUSES)[number];
}

/** Body of a registration PATCH (camelCase): the rows a change updates in place. */
export interface UpdateRegistrationRequest extends PatchOf<typeof F> {}

/** A registration as Konnect reports it (camelCase; unknown fields dropped), one property per reported row. */
export interface ApplicationRegistration extends Omit<ResponseOf<typeof F>, "status" | "apiId"> {
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
    bodySchema(F, {
      status: z.enum(REGISTRATION_CREATE_STATUSES, {
        error: `a new registration's status must be one of ${REGISTRATION_CREATE_STATUSES.join(", ")}`,
      }),
    }),
  );
}

/** Strict update request: camelCase in, Konnect's wire body out. */
export function updateRegistrationRequestSchema() {
  return cached("updateRegistrationRequestSchema", () => patchBodySchema(F));
}

/** A linked object in a response (`{ id }`): its id, or absent. */
function linkedId() {
  return { schema: z.object({ id: z.string() }).optional(), read: (linked?: { id: string }) => linked?.id };
}

/** The wire fields of a registration, as the reader checked them. */
interface RegistrationWire {
  id: string;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

/**
 * Tolerant reader of one registration (`ApplicationRegistration`): the rows' fields (the API and the application as
 * the linked objects `api` and `application`, a status always reported), then the read-only ones.
 */
export function registrationResponseSchema() {
  return cached("registrationResponseSchema", () => {
    const rows = rowsResponse(F, {
      applicationId: { wire: "application", ...linkedId() },
      apiId: { wire: "api", ...linkedId() },
      status: { schema: z.string() },
    });
    return mapped(
      z.object({
        id: z.string(),
        ...rows.shape,
        created_at: z.string(),
        updated_at: z.string(),
      }) as z.ZodType<RegistrationWire>,
      (wire): ApplicationRegistration => ({
        id: wire.id,
        ...(rows.fromWire(wire) as Omit<ApplicationRegistration, "id" | "createdAt" | "updatedAt">),
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      }),
    );
  });
}

/** Tolerant reader of one page of an application's registrations. */
export function registrationListSchema() {
  return listPageSchema("registration", registrationResponseSchema);
}
