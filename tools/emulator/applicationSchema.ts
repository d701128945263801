/**
 * Request validation for portal applications: `CreateApplicationRequest` (POST) and `UpdateApplicationRequest`
 * (PATCH, `owner` only), both `additionalProperties: false` [SPEC S4]. What needs the store (the strategy, the
 * owner, the IdP client) is checked by the route.
 */
import { type ApplicationOwner } from "./types";
import {
  Issues,
  checkEnum,
  checkLabels,
  checkNoUnknownKeys,
  checkObject,
  checkRequired,
  checkString,
} from "./validation";

/** A validated application create. */
export interface ApplicationCreate {
  name: string;
  description?: string;
  /** `LabelsUpdate`: null values (and `labels: null`) set nothing on a create. */
  labels?: Record<string, string | null> | null;
  auth_strategy_id?: string;
  dcr_client_id?: string;
  client_id?: string;
  owner: ApplicationOwner;
}

const CREATE_FIELDS = ["name", "description", "labels", "dcr_client_id", "client_id", "auth_strategy_id", "owner"];
const OWNER_TYPES = ["developer", "team"] as const;

function checkOwner(value: unknown, issues: Issues): void {
  if (!checkObject(value, "owner", issues)) return;
  checkNoUnknownKeys(value, ["type", "id"], "owner", issues);
  checkRequired(value, ["type", "id"], "owner", issues);
  if (value.type !== undefined) checkEnum(value.type, "owner.type", OWNER_TYPES, issues);
  if (value.id !== undefined) checkString(value.id, "owner.id", { format: "uuid" }, issues);
}

function ownerOf(value: unknown): ApplicationOwner {
  const owner = value as ApplicationOwner;
  return { type: owner.type, id: owner.id };
}

/** Validates a `POST /v3/portals/{portalId}/applications` body. */
export function parseCreateApplication(body: unknown): ApplicationCreate {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(body, CREATE_FIELDS, "", issues);
  checkRequired(body, ["name", "owner"], "", issues);
  if (body.name !== undefined) checkString(body.name, "name", { max: 255 }, issues);
  if (body.description !== undefined) checkString(body.description, "description", { max: 255 }, issues);
  if (body.labels !== undefined && body.labels !== null) checkLabels(body.labels, "labels", true, issues);
  if (body.auth_strategy_id !== undefined) {
    checkString(body.auth_strategy_id, "auth_strategy_id", { format: "uuid" }, issues);
  }
  if (body.dcr_client_id !== undefined) checkString(body.dcr_client_id, "dcr_client_id", { max: 255 }, issues);
  if (body.client_id !== undefined) checkString(body.client_id, "client_id", { max: 255 }, issues);
  if (body.owner !== undefined) checkOwner(body.owner, issues);
  issues.throwIfAny();
  const parsed: ApplicationCreate = { name: body.name as string, owner: ownerOf(body.owner) };
  if (body.description !== undefined) parsed.description = body.description as string;
  if (body.labels !== undefined) parsed.labels = structuredClone(body.labels as Record<string, string | null> | null);
  if (body.auth_strategy_id !== undefined) parsed.auth_strategy_id = body.auth_strategy_id as string;
  if (body.dcr_client_id !== undefined) parsed.dcr_client_id = body.dcr_client_id as string;
  if (body.client_id !== undefined) parsed.client_id = body.client_id as string;
  return parsed;
}

/** Validates a PATCH body: only `owner` may change [SPEC]; `{}` changes nothing. */
export function parseUpdateApplication(body: unknown): { owner?: ApplicationOwner } {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(body, ["owner"], "", issues);
  if (body.owner !== undefined) checkOwner(body.owner, issues);
  issues.throwIfAny();
  return body.owner === undefined ? {} : { owner: ownerOf(body.owner) };
}
