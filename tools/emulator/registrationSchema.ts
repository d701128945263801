/**
 * Request validation for application registrations: `CreateApplicationRegistrationRequest` (`api_id` uuid required,
 * `status` approved | pending) and `UpdateApplicationRegistrationRequest` (`status`, any `ApplicationRegistrationStatus`),
 * both `additionalProperties: false` [SPEC S4].
 */
import { REGISTRATION_STATUSES, type RegistrationStatus } from "./types";
import { Issues, checkEnum, checkNoUnknownKeys, checkObject, checkRequired, checkString } from "./validation";

/** A validated registration create. */
export interface RegistrationCreate {
  api_id: string;
  status?: "approved" | "pending";
}

const CREATE_STATUSES = ["approved", "pending"] as const;

/** Validates a `POST .../applications/{applicationId}/registrations` body. */
export function parseCreateRegistration(body: unknown): RegistrationCreate {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(body, ["api_id", "status"], "", issues);
  checkRequired(body, ["api_id"], "", issues);
  if (body.api_id !== undefined) checkString(body.api_id, "api_id", { format: "uuid" }, issues);
  if (body.status !== undefined) checkEnum(body.status, "status", CREATE_STATUSES, issues);
  issues.throwIfAny();
  const parsed: RegistrationCreate = { api_id: body.api_id as string };
  if (body.status !== undefined) parsed.status = body.status as "approved" | "pending";
  return parsed;
}

/** Validates a registration PATCH body; `{}` changes nothing. */
export function parseUpdateRegistration(body: unknown): { status?: RegistrationStatus } {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(body, ["status"], "", issues);
  if (body.status !== undefined) checkEnum(body.status, "status", REGISTRATION_STATUSES, issues);
  issues.throwIfAny();
  return body.status === undefined ? {} : { status: body.status as RegistrationStatus };
}
