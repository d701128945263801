/**
 * Request validation for `PUT /v3/apis/{apiId}/publications/{portalId}` (S5 `ApiPublication`,
 * `additionalProperties: false`): `auth_strategy_ids` is null or an array of exactly one UUID, `visibility` is
 * `public | private`, `auto_approve_registrations` a boolean. Read-only fields sent back (`warnings`, timestamps) are
 * accepted and ignored [INF]. Whether the strategy exists is checked by the route.
 */
import { VISIBILITIES } from "./portalSchema";
import { type Visibility } from "./types";
import { Issues, checkBoolean, checkEnum, checkNoUnknownKeys, checkObject, checkString } from "./validation";

/** A validated publication body; a field left out is undefined (its default is the route's business). */
export interface PublicationPut {
  /** undefined: left out (portal default); null: no application auth. */
  auth_strategy_ids?: string[] | null;
  visibility?: Visibility;
  auto_approve_registrations?: boolean;
}

const FIELDS = [
  "auth_strategy_ids",
  "visibility",
  "auto_approve_registrations",
  "warnings",
  "created_at",
  "updated_at",
];

function checkStrategyIds(value: unknown, issues: Issues): void {
  if (value === null) return;
  const field = "auth_strategy_ids";
  if (!Array.isArray(value)) {
    issues.add({ field, rule: "is_array", reason: "must be an array" });
    return;
  }
  if (value.length < 1) {
    issues.add({ field, rule: "min_items", minimum: 1, reason: "must have at least 1 items" });
    return;
  }
  if (value.length > 1) {
    issues.add({ field, rule: "max_items", maximum: 1, reason: "must not have more than 1 items" });
    return;
  }
  checkString(value[0], `${field}.0`, { format: "uuid" }, issues);
}

/** Validates a publication PUT body (an absent body counts as `{}` [INF]). */
export function parsePublicationPut(body: unknown): PublicationPut {
  const issues = new Issues();
  const object = body === undefined ? {} : body;
  if (!checkObject(object, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(object, FIELDS, "", issues);
  if (object.auth_strategy_ids !== undefined) checkStrategyIds(object.auth_strategy_ids, issues);
  if (object.visibility !== undefined) checkEnum(object.visibility, "visibility", VISIBILITIES, issues);
  if (object.auto_approve_registrations !== undefined) {
    checkBoolean(object.auto_approve_registrations, "auto_approve_registrations", issues);
  }
  issues.throwIfAny();
  const parsed: PublicationPut = {};
  if (object.auth_strategy_ids !== undefined) {
    parsed.auth_strategy_ids = object.auth_strategy_ids === null ? null : [...(object.auth_strategy_ids as string[])];
  }
  if (object.visibility !== undefined) parsed.visibility = object.visibility as Visibility;
  if (object.auto_approve_registrations !== undefined) {
    parsed.auto_approve_registrations = object.auto_approve_registrations as boolean;
  }
  return parsed;
}
