/**
 * Request validation for v3 portals (S4 `CreatePortal` / `UpdatePortal`, `additionalProperties: false`): every
 * problem is collected into one 400. Read-only response fields sent back (id, timestamps, domains) are accepted and
 * ignored [INF: the request schemas list them as readOnly]. Whether a default strategy id exists is checked by the
 * route, which has the store.
 */
import { type Labels, type Visibility } from "./types";
import {
  Issues,
  checkBoolean,
  checkEnum,
  checkLabels,
  checkNoUnknownKeys,
  checkObject,
  checkRequired,
  checkString,
} from "./validation";

/** The portal fields a create or PATCH may set (all optional here; create requires `name`). */
export interface PortalFields {
  name?: string;
  display_name?: string;
  description?: string | null;
  authentication_enabled?: boolean;
  rbac_enabled?: boolean;
  sipr_enabled?: boolean;
  default_api_visibility?: Visibility;
  default_page_visibility?: Visibility;
  default_application_auth_strategy_id?: string | null;
  auto_approve_developers?: boolean;
  auto_approve_applications?: boolean;
  notifications_developer_pii_visibility_enabled?: boolean;
  /** `LabelsUpdate`: a null value deletes the key; null clears every label. */
  labels?: Record<string, string | null> | null;
}

const BOOLEAN_FIELDS = [
  "authentication_enabled",
  "rbac_enabled",
  "sipr_enabled",
  "auto_approve_developers",
  "auto_approve_applications",
  "notifications_developer_pii_visibility_enabled",
] as const;
const VISIBILITY_FIELDS = ["default_api_visibility", "default_page_visibility"] as const;
const READ_ONLY_FIELDS = ["id", "created_at", "updated_at", "default_domain", "canonical_domain"];
const WRITABLE_FIELDS = [
  "name",
  "display_name",
  "description",
  ...BOOLEAN_FIELDS,
  ...VISIBILITY_FIELDS,
  "default_application_auth_strategy_id",
  "labels",
];
/** `public` / `private`. */
export const VISIBILITIES = ["public", "private"] as const;

function parsePortalFields(body: unknown, requireName: boolean): PortalFields {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(body, [...WRITABLE_FIELDS, ...READ_ONLY_FIELDS], "", issues);
  if (requireName) checkRequired(body, ["name"], "", issues);
  if (body.name !== undefined) checkString(body.name, "name", { min: 1, max: 255 }, issues);
  if (body.display_name !== undefined) checkString(body.display_name, "display_name", { min: 1, max: 255 }, issues);
  if (body.description !== undefined)
    checkString(body.description, "description", { max: 512, nullable: true }, issues);
  for (const field of BOOLEAN_FIELDS) if (body[field] !== undefined) checkBoolean(body[field], field, issues);
  for (const field of VISIBILITY_FIELDS)
    if (body[field] !== undefined) checkEnum(body[field], field, VISIBILITIES, issues);
  const strategyId = body.default_application_auth_strategy_id;
  if (strategyId !== undefined) {
    checkString(strategyId, "default_application_auth_strategy_id", { format: "uuid", nullable: true }, issues);
  }
  if (body.labels !== undefined && body.labels !== null) checkLabels(body.labels, "labels", true, issues);
  issues.throwIfAny();
  const fields: Record<string, unknown> = {};
  for (const key of WRITABLE_FIELDS) if (body[key] !== undefined) fields[key] = structuredClone(body[key]);
  return fields;
}

/** Validates a `POST /v3/portals` body. */
export function parseCreatePortal(body: unknown): PortalFields & { name: string } {
  return parsePortalFields(body, true) as PortalFields & { name: string };
}

/** Validates a `PATCH /v3/portals/{portalId}` body. */
export function parseUpdatePortal(body: unknown): PortalFields {
  return parsePortalFields(body, false);
}

/** Labels of a create: null values and `labels: null` set nothing. */
export function createLabels(labels: Record<string, string | null> | null | undefined): Labels {
  const result: Labels = {};
  for (const [key, value] of Object.entries(labels ?? {})) if (value !== null) result[key] = value;
  return result;
}
