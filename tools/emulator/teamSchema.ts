/**
 * Request validation for portal teams: `PortalCreateTeamRequest` (POST) and `PortalUpdateTeamRequest` (PATCH), both
 * `additionalProperties: false` [SPEC S4]. `name` (required on create) and `description` are 1-250 characters,
 * `can_own_applications` a boolean (default false on create). Teams carry no labels [SPEC].
 */
import { Issues, checkBoolean, checkNoUnknownKeys, checkObject, checkRequired, checkString } from "./validation";

/** The fields a team create or PATCH may set. */
export interface TeamFields {
  name?: string;
  description?: string;
  can_own_applications?: boolean;
}

const FIELDS = ["name", "description", "can_own_applications"] as const;
const TEXT_RULES = { min: 1, max: 250 };

function parseTeamFields(body: unknown, isCreate: boolean): TeamFields {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(body, FIELDS, "", issues);
  if (isCreate) checkRequired(body, ["name"], "", issues);
  if (body.name !== undefined) checkString(body.name, "name", TEXT_RULES, issues);
  if (body.description !== undefined) checkString(body.description, "description", TEXT_RULES, issues);
  if (body.can_own_applications !== undefined) {
    checkBoolean(body.can_own_applications, "can_own_applications", issues);
  }
  issues.throwIfAny();
  const fields: TeamFields = {};
  if (body.name !== undefined) fields.name = body.name as string;
  if (body.description !== undefined) fields.description = body.description as string;
  if (body.can_own_applications !== undefined) fields.can_own_applications = body.can_own_applications as boolean;
  return fields;
}

/** Validates a `POST /v3/portals/{portalId}/teams` body. */
export function parseCreateTeam(body: unknown): TeamFields & { name: string } {
  return parseTeamFields(body, true) as TeamFields & { name: string };
}

/** Validates a `PATCH /v3/portals/{portalId}/teams/{teamId}` body (every field optional). */
export function parseUpdateTeam(body: unknown): TeamFields {
  return parseTeamFields(body, false);
}
