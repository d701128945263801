/**
 * Request validation for application auth strategies: `CreateAppAuthStrategyRequest` (POST and PUT, discriminated
 * by `strategy_type`) and `UpdateAppAuthStrategyRequest` (PATCH). Both throw a 400 problem listing every invalid
 * parameter. Whether a `dcr_provider_id` exists is checked by the route, which has the store.
 */
import { STRATEGY_TYPES, type Labels, type StrategyType } from "./types";
import {
  Issues,
  checkBoolean,
  checkEnum,
  checkLabels,
  checkNoUnknownKeys,
  checkObject,
  checkRequired,
  checkString,
  checkStringArray,
  fieldPath,
  isPlainObject,
} from "./validation";

/** The `configs` key each strategy type uses. */
export const CONFIG_KEY: Record<StrategyType, string> = { key_auth: "key-auth", openid_connect: "openid-connect" };

/** A validated create (or PUT) request. */
export interface AuthStrategyCreate {
  name: string;
  display_name: string;
  strategy_type: StrategyType;
  configs: Record<string, Record<string, unknown>>;
  dcr_provider_id: string | null;
  labels: Labels;
  principals?: { enabled: boolean };
}

/** A validated PATCH request. `configs` holds the partial config of the stored type; `ttl: null` unsets the TTL. */
export interface AuthStrategyUpdate {
  name?: string;
  display_name?: string;
  labels?: Record<string, string | null> | null;
  dcr_provider_id?: string | null;
  configs?: Record<string, unknown>;
  principals?: { enabled: boolean };
}

/** The option values strategy validation depends on. */
export interface StrategyValidationOptions {
  rejectedOidcExtraKeys: readonly string[];
  defaultKeyNames: readonly string[] | null;
}

const NAME_RULES = { min: 1, max: 256 };
const DISPLAY_NAME_RULES = { max: 256 };
const COMMON_CREATE_KEYS = ["name", "display_name", "strategy_type", "configs", "labels", "principals"];
const UPDATE_KEYS = ["name", "display_name", "labels", "dcr_provider_id", "configs", "principals"];
const TTL_UNITS = ["days", "weeks", "years"] as const;
const OIDC_FIELDS = ["issuer", "credential_claim", "scopes", "auth_methods"] as const;

function checkTtl(value: unknown, field: string, nullable: boolean, issues: Issues): void {
  if (value === null && nullable) return;
  if (!checkObject(value, field, issues)) return;
  checkRequired(value, ["value", "unit"], field, issues);
  const ttlValue = value.value;
  if (ttlValue !== undefined) {
    if (typeof ttlValue !== "number" || !Number.isInteger(ttlValue)) {
      issues.add({ field: fieldPath(field, "value"), rule: "is_integer", reason: "must be an integer" });
    } else if (ttlValue < 1) {
      issues.add({
        field: fieldPath(field, "value"),
        rule: "min",
        minimum: 1,
        reason: "must be greater than or equal to 1",
      });
    }
  }
  if (value.unit !== undefined) checkEnum(value.unit, fieldPath(field, "unit"), TTL_UNITS, issues);
}

/** Validates a key-auth config (create: `AppAuthStrategyConfigKeyAuth`; partial: `ttl` may be null). */
function checkKeyAuthConfig(value: unknown, field: string, partial: boolean, issues: Issues): void {
  if (!checkObject(value, field, issues)) return;
  checkNoUnknownKeys(value, ["key_names", "ttl"], field, issues);
  if (value.key_names !== undefined) {
    checkStringArray(
      value.key_names,
      fieldPath(field, "key_names"),
      { minItems: 1, maxItems: 10, itemMax: 256 },
      issues,
    );
  }
  if (value.ttl !== undefined) checkTtl(value.ttl, fieldPath(field, "ttl"), partial, issues);
}

/**
 * Validates an OpenID Connect config. Extra keys are OIDC plugin options and pass through, except the ones the
 * emulator is told real Konnect rejects (`rejectedOidcExtraKeys`, [OBS] `labels` → `unknown field`).
 */
function checkOidcConfig(
  value: unknown,
  field: string,
  partial: boolean,
  options: StrategyValidationOptions,
  issues: Issues,
): void {
  if (!checkObject(value, field, issues)) return;
  if (!partial) checkRequired(value, OIDC_FIELDS, field, issues);
  if (value.issuer !== undefined)
    checkString(value.issuer, fieldPath(field, "issuer"), { max: 256, format: "url" }, issues);
  const arrays = { credential_claim: [10, 128], scopes: [50, 128], auth_methods: [10, 64] } as const;
  for (const [name, [maxItems, itemMax]] of Object.entries(arrays)) {
    if (value[name] !== undefined) checkStringArray(value[name], fieldPath(field, name), { maxItems, itemMax }, issues);
  }
  for (const key of options.rejectedOidcExtraKeys) {
    if (value[key] !== undefined)
      issues.add({ field: fieldPath(field, key), rule: "invalid", reason: "unknown field" });
  }
}

function checkPrincipals(value: unknown, issues: Issues): void {
  if (!checkObject(value, "principals", issues)) return;
  checkNoUnknownKeys(value, ["enabled"], "principals", issues);
  checkRequired(value, ["enabled"], "principals", issues);
  if (value.enabled !== undefined) checkBoolean(value.enabled, "principals.enabled", issues);
}

function checkDcrProviderId(value: unknown, issues: Issues): void {
  checkString(value, "dcr_provider_id", { format: "uuid", nullable: true }, issues);
}

/** Copies a config, dropping nothing: OIDC extras are stored and echoed as sent. */
function copyConfig(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? structuredClone(value) : {};
}

/** Validates a create or PUT body. */
export function parseCreateAuthStrategy(body: unknown, options: StrategyValidationOptions): AuthStrategyCreate {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkRequired(body, ["name", "display_name", "strategy_type", "configs"], "", issues);
  let type: StrategyType | undefined;
  if (body.strategy_type !== undefined && checkEnum(body.strategy_type, "strategy_type", STRATEGY_TYPES, issues)) {
    type = body.strategy_type as StrategyType;
  }
  const allowedKeys = type === "key_auth" ? COMMON_CREATE_KEYS : [...COMMON_CREATE_KEYS, "dcr_provider_id"];
  checkNoUnknownKeys(body, allowedKeys, "", issues);
  if (body.name !== undefined) checkString(body.name, "name", NAME_RULES, issues);
  if (body.display_name !== undefined) checkString(body.display_name, "display_name", DISPLAY_NAME_RULES, issues);
  if (body.labels !== undefined) checkLabels(body.labels, "labels", false, issues);
  if (body.principals !== undefined) checkPrincipals(body.principals, issues);
  if (type === "openid_connect" && body.dcr_provider_id !== undefined) checkDcrProviderId(body.dcr_provider_id, issues);
  if (type !== undefined && body.configs !== undefined && checkObject(body.configs, "configs", issues)) {
    const key = CONFIG_KEY[type];
    checkNoUnknownKeys(body.configs, [key], "configs", issues);
    checkRequired(body.configs, [key], "configs", issues);
    const config = body.configs[key];
    if (config !== undefined) {
      if (type === "key_auth") checkKeyAuthConfig(config, `configs.${key}`, false, issues);
      else checkOidcConfig(config, `configs.${key}`, false, options, issues);
    }
  }
  issues.throwIfAny();
  const strategyType = type as StrategyType;
  const configKey = CONFIG_KEY[strategyType];
  const config = copyConfig((body.configs as Record<string, unknown>)[configKey]);
  if (strategyType === "key_auth" && config.key_names === undefined && options.defaultKeyNames !== null) {
    config.key_names = [...options.defaultKeyNames];
  }
  const parsed: AuthStrategyCreate = {
    name: body.name as string,
    display_name: body.display_name as string,
    strategy_type: strategyType,
    configs: { [configKey]: config },
    dcr_provider_id: (body.dcr_provider_id as string | null | undefined) ?? null,
    labels: { ...((body.labels as Labels | undefined) ?? {}) },
  };
  if (body.principals !== undefined) parsed.principals = { enabled: (body.principals as { enabled: boolean }).enabled };
  return parsed;
}

/**
 * Validates a PATCH body against the stored strategy's type. `strategy_type` is not in the schema (the type is
 * immutable). A `configs` key of the other type answers 400 [INF], as does `dcr_provider_id` on key_auth [INF].
 */
export function parseUpdateAuthStrategy(
  body: unknown,
  type: StrategyType,
  options: StrategyValidationOptions,
): AuthStrategyUpdate {
  const issues = new Issues();
  if (!checkObject(body, "body", issues)) throw issues.toError();
  checkNoUnknownKeys(body, UPDATE_KEYS, "", issues);
  if (body.name !== undefined) checkString(body.name, "name", NAME_RULES, issues);
  if (body.display_name !== undefined) checkString(body.display_name, "display_name", DISPLAY_NAME_RULES, issues);
  if (body.labels !== undefined && body.labels !== null) checkLabels(body.labels, "labels", true, issues);
  if (body.principals !== undefined) checkPrincipals(body.principals, issues);
  if (body.dcr_provider_id !== undefined) {
    if (type === "key_auth") {
      issues.add({
        field: "dcr_provider_id",
        rule: "invalid",
        reason: "is only allowed for openid_connect strategies",
      });
    } else {
      checkDcrProviderId(body.dcr_provider_id, issues);
    }
  }
  const key = CONFIG_KEY[type];
  if (body.configs !== undefined && checkObject(body.configs, "configs", issues)) {
    for (const sentKey of Object.keys(body.configs)) {
      if (sentKey === key) continue;
      const otherType = Object.values(CONFIG_KEY).includes(sentKey);
      issues.add(
        otherType
          ? { field: `configs.${sentKey}`, rule: "invalid", reason: `does not match strategy_type ${type}` }
          : { field: `configs.${sentKey}`, rule: "unknown_property", reason: "is an unknown property" },
      );
    }
    checkRequired(body.configs, [key], "configs", issues);
    const config = body.configs[key];
    if (config !== undefined) {
      if (type === "key_auth") checkKeyAuthConfig(config, `configs.${key}`, true, issues);
      else checkOidcConfig(config, `configs.${key}`, true, options, issues);
    }
  }
  issues.throwIfAny();
  const update: AuthStrategyUpdate = {};
  if (body.name !== undefined) update.name = body.name as string;
  if (body.display_name !== undefined) update.display_name = body.display_name as string;
  if (body.labels !== undefined) update.labels = body.labels as Record<string, string | null> | null;
  if (body.dcr_provider_id !== undefined) update.dcr_provider_id = body.dcr_provider_id as string | null;
  if (body.principals !== undefined) update.principals = { enabled: (body.principals as { enabled: boolean }).enabled };
  if (body.configs !== undefined) update.configs = copyConfig((body.configs as Record<string, unknown>)[key]);
  return update;
}
