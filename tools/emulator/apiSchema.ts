/**
 * Request validation for `POST /v3/apis` (S5 `CreateApiRequest`, `additionalProperties: false`, only `name`
 * required). Read-only response fields sent back are accepted and ignored [INF]; `spec_content` is accepted and not
 * stored (the emulator has no API specifications) [INF].
 */
import { type Labels } from "./types";
import { Issues, checkLabels, checkNoUnknownKeys, checkObject, checkRequired, checkString } from "./validation";

/** A validated API create. */
export interface ApiCreate {
  name: string;
  description?: string | null;
  version: string | null;
  slug: string | null;
  labels: Labels;
  attributes?: Record<string, unknown>;
}

const WRITABLE_FIELDS = ["name", "description", "version", "slug", "labels", "attributes", "spec_content"];
const READ_ONLY_FIELDS = [
  "id",
  "current_version_summary",
  "api_spec_ids",
  "portals",
  "implementation_mode",
  "created_at",
  "updated_at",
];
const SLUG_PATTERN = /^[\w-]+$/;

/** Validates a create body. */
export function parseCreateApi(body: unknown): ApiCreate {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(body, [...WRITABLE_FIELDS, ...READ_ONLY_FIELDS], "", issues);
  checkRequired(body, ["name"], "", issues);
  if (body.name !== undefined) checkString(body.name, "name", { min: 1, max: 255 }, issues);
  if (body.description !== undefined) checkString(body.description, "description", { nullable: true }, issues);
  if (body.version !== undefined) checkString(body.version, "version", { min: 1, max: 255, nullable: true }, issues);
  if (body.slug !== undefined) checkString(body.slug, "slug", { pattern: SLUG_PATTERN, nullable: true }, issues);
  if (body.labels !== undefined) checkLabels(body.labels, "labels", false, issues);
  if (body.attributes !== undefined) checkObject(body.attributes, "attributes", issues);
  if (body.spec_content !== undefined) checkString(body.spec_content, "spec_content", {}, issues);
  issues.throwIfAny();
  const parsed: ApiCreate = {
    name: body.name as string,
    version: (body.version as string | null | undefined) ?? null,
    slug: (body.slug as string | null | undefined) ?? null,
    labels: structuredClone((body.labels as Labels | undefined) ?? {}),
  };
  if (body.description !== undefined) parsed.description = body.description as string | null;
  if (body.attributes !== undefined) parsed.attributes = structuredClone(body.attributes as Record<string, unknown>);
  return parsed;
}

/**
 * [INF] `slugify(name + version)` (S5): camelCase split, lower-cased, runs of other characters become one `-`
 * (the spec's example: name `myAPI`, version `v1` → `my-api-v1`).
 */
export function slugify(name: string, version: string | null): string {
  const text = version === null ? name : `${name} ${version}`;
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
