/**
 * Request validation for `POST /v3/portals/{portalId}/developers` (`CreateDeveloperRequest`, `additionalProperties:
 * false` [SPEC S4]): `email` (≤255, an email address) and `full_name` (≤255) required, `status` one of
 * `DeveloperStatus`, `send_invitation_email` a boolean (accepted; the emulator sends no mail).
 */
import { DEVELOPER_STATUSES, type DeveloperStatus } from "./types";
import {
  Issues,
  checkBoolean,
  checkEnum,
  checkNoUnknownKeys,
  checkObject,
  checkRequired,
  checkString,
} from "./validation";

/** A validated developer create. */
export interface DeveloperCreate {
  email: string;
  full_name: string;
  /** Left out: the portal's `auto_approve_developers` decides [SPEC]. */
  status?: DeveloperStatus;
}

const FIELDS = ["email", "full_name", "status", "send_invitation_email"] as const;
/** [INF] "format: email" checked loosely: something@something.something, no spaces. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates a developer create body. */
export function parseCreateDeveloper(body: unknown): DeveloperCreate {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(body, FIELDS, "", issues);
  checkRequired(body, ["email", "full_name"], "", issues);
  if (body.email !== undefined && checkString(body.email, "email", { max: 255 }, issues)) {
    if (!EMAIL_PATTERN.test(body.email as string)) {
      issues.add({ field: "email", rule: "invalid", reason: "must be a valid email address" });
    }
  }
  if (body.full_name !== undefined) checkString(body.full_name, "full_name", { max: 255 }, issues);
  if (body.status !== undefined) checkEnum(body.status, "status", DEVELOPER_STATUSES, issues);
  if (body.send_invitation_email !== undefined) {
    checkBoolean(body.send_invitation_email, "send_invitation_email", issues);
  }
  issues.throwIfAny();
  const parsed: DeveloperCreate = { email: body.email as string, full_name: body.full_name as string };
  if (body.status !== undefined) parsed.status = body.status as DeveloperStatus;
  return parsed;
}
