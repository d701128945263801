/**
 * Request validation for DCR providers: `CreateDcrProviderRequest` (discriminated by `provider_type`) and
 * `UpdateDcrProviderRequest` (PATCH). Both throw a 400 problem listing every invalid parameter.
 */
import { DCR_CONFIG_FIELDS, type DcrConfigField, dcrConfigRequired } from "./dcrConfigFields";
import { DCR_PROVIDER_TYPES, type DcrProviderType, type Labels } from "./types";
import {
  Issues,
  checkBoolean,
  checkEnum,
  checkLabels,
  checkNoUnknownKeys,
  checkObject,
  checkRequired,
  checkString,
  fieldPath,
} from "./validation";

/** A validated create request. */
export interface DcrProviderCreate {
  name: string;
  display_name?: string;
  provider_type: DcrProviderType;
  issuer: string;
  labels: Labels;
  dcr_config: Record<string, unknown>;
}

/** A validated PATCH request; `labels` values of null delete keys, `labels: null` clears them all. */
export interface DcrProviderUpdate {
  name?: string;
  display_name?: string;
  issuer?: string;
  labels?: Record<string, string | null> | null;
  dcr_config?: Record<string, unknown>;
}

const NAME_RULES = { min: 1, max: 256 };
const ISSUER_RULES = { max: 256, format: "url" as const };
const UPDATE_KEYS = ["name", "display_name", "issuer", "labels", "dcr_config"] as const;

function checkConfigField(value: unknown, field: string, spec: DcrConfigField, issues: Issues): void {
  if (spec.kind === "boolean") {
    checkBoolean(value, field, issues);
    return;
  }
  checkString(
    value,
    field,
    {
      min: spec.min,
      max: spec.max,
      pattern: spec.pattern,
      nullable: spec.nullable,
      format: spec.kind === "url" ? "url" : undefined,
    },
    issues,
  );
}

/** Validates `dcr_config` for a type; on create the type's required fields must be present. */
function checkDcrConfig(value: unknown, type: DcrProviderType, isCreate: boolean, issues: Issues): void {
  if (!checkObject(value, "dcr_config", issues)) return;
  const fields = DCR_CONFIG_FIELDS[type];
  checkNoUnknownKeys(value, Object.keys(fields), "dcr_config", issues);
  for (const [name, spec] of Object.entries(fields)) {
    const fieldValue = value[name];
    const field = fieldPath("dcr_config", name);
    if (fieldValue === undefined) {
      if (isCreate && spec.required) issues.add({ field, rule: "required", reason: "is a required field" });
      continue;
    }
    checkConfigField(fieldValue, field, spec, issues);
  }
}

/** Keeps only the fields the type defines (the schema already rejected the others). */
function pickConfig(value: unknown, type: DcrProviderType): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  if (typeof value !== "object" || value === null) return config;
  const source = value as Record<string, unknown>;
  for (const name of Object.keys(DCR_CONFIG_FIELDS[type])) {
    if (source[name] !== undefined) config[name] = source[name];
  }
  return config;
}

/**
 * Validates a create body. Top-level keys the variant does not define are ignored: unlike `dcr_config`, the
 * create variants do not set `additionalProperties:false` [SPEC].
 */
export function parseCreateDcrProvider(body: unknown): DcrProviderCreate {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkRequired(body, ["provider_type", "name", "issuer"], "", issues);
  let type: DcrProviderType | undefined;
  if (body.provider_type !== undefined && checkEnum(body.provider_type, "provider_type", DCR_PROVIDER_TYPES, issues)) {
    type = body.provider_type as DcrProviderType;
  }
  if (body.name !== undefined) checkString(body.name, "name", NAME_RULES, issues);
  if (body.display_name !== undefined) checkString(body.display_name, "display_name", NAME_RULES, issues);
  if (body.issuer !== undefined) checkString(body.issuer, "issuer", ISSUER_RULES, issues);
  if (body.labels !== undefined) checkLabels(body.labels, "labels", false, issues);
  if (type !== undefined) {
    if (body.dcr_config === undefined) {
      if (dcrConfigRequired(type)) issues.add({ field: "dcr_config", rule: "required", reason: "is a required field" });
    } else {
      checkDcrConfig(body.dcr_config, type, true, issues);
    }
  }
  issues.throwIfAny();
  const parsed: DcrProviderCreate = {
    name: body.name as string,
    provider_type: type as DcrProviderType,
    issuer: body.issuer as string,
    labels: { ...((body.labels as Labels | undefined) ?? {}) },
    dcr_config: pickConfig(body.dcr_config, type as DcrProviderType),
  };
  if (body.display_name !== undefined) parsed.display_name = body.display_name as string;
  return parsed;
}

/**
 * Validates a PATCH body against the stored provider's type. `provider_type` is not part of the schema, so sending
 * it is an unknown property; so are `dcr_config` keys of another type [INF].
 */
export function parseUpdateDcrProvider(body: unknown, type: DcrProviderType): DcrProviderUpdate {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(body, UPDATE_KEYS, "", issues);
  if (body.name !== undefined) checkString(body.name, "name", NAME_RULES, issues);
  if (body.display_name !== undefined) checkString(body.display_name, "display_name", NAME_RULES, issues);
  if (body.issuer !== undefined) checkString(body.issuer, "issuer", ISSUER_RULES, issues);
  if (body.labels !== undefined && body.labels !== null) checkLabels(body.labels, "labels", true, issues);
  if (body.dcr_config !== undefined) checkDcrConfig(body.dcr_config, type, false, issues);
  issues.throwIfAny();
  const update: DcrProviderUpdate = {};
  if (body.name !== undefined) update.name = body.name as string;
  if (body.display_name !== undefined) update.display_name = body.display_name as string;
  if (body.issuer !== undefined) update.issuer = body.issuer as string;
  if (body.labels !== undefined) update.labels = body.labels as Record<string, string | null> | null;
  if (body.dcr_config !== undefined) update.dcr_config = pickConfig(body.dcr_config, type);
  return update;
}
