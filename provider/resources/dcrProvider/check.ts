/**
 * The pure logic of `konnect.DcrProvider`: input validation (`check`), offline `diff`, the PATCH that moves Konnect
 * from one state to another, and the mapping from a Konnect answer to outputs that mirror the inputs.
 */
import { z } from "zod";
import {
  DCR_PROVIDER_TYPES,
  DCR_SECRET_FIELDS,
  DCR_TYPE_RULES,
  MIN_SECRET_LENGTH,
  createDcrProviderRequestSchema,
  dcrConfigFieldSchema,
  isClearedWithNull,
  text,
  urlText,
  type DcrConfigField,
  type DcrConfigInput,
  type DcrProvider,
  type DcrProviderType,
  type UpdateDcrProviderRequest,
} from "../../konnect";
import { GUID_TEXT } from "../../konnect/ids";
import type { DcrConfigState, DcrProviderInputs, DcrProviderOutputs } from "../args";
import {
  type FailureList,
  checkCommonInputs,
  checkNameInput,
  checkWholeRequest,
  isRecord,
  startCheck,
  type CheckFailure,
} from "../core/check";
import { normalizeIssuer, withoutUndefined } from "../core/compare";
import { ownedLabels } from "../core/labelOwnership";
import { withoutLocation } from "../core/location";
import { changedProperties, commonRules, plainRule, updateBody, type FieldRule } from "../core/fieldRules";
import { UNKNOWN, isUnknown } from "../core/unknowns";

/** Top-level input properties of a DCR provider (besides Pulumi's `__provider`). */
export const DCR_PROVIDER_INPUT_KEYS = [
  "name",
  "displayName",
  "providerType",
  "issuer",
  "labels",
  "dcrConfig",
  "adoptId",
  "verify",
  "region",
] as const;

/** The only issuer form Konnect's Azure DCR accepts: the OAuth v1 issuer of a tenant. */
export const AZURE_V1_ISSUER = new RegExp(`^https://sts\\.windows\\.net/${GUID_TEXT}$`);
const AZURE_V2_ISSUER = /^https:\/\/login\.microsoftonline\.com\/[^/]+\/v2\.0$/i;

/** Why an azureAd issuer is not acceptable, or undefined. Expects a normalized issuer (no trailing slash). */
export function azureIssuerProblem(issuer: string): string | undefined {
  if (AZURE_V1_ISSUER.test(issuer)) return undefined;
  if (AZURE_V1_ISSUER.test(issuer.toLowerCase()) && issuer.startsWith("https://sts.windows.net/")) {
    return "the tenant GUID must be lower-case, as in the iss claim of Azure AD tokens (Konnect compares issuers exactly)";
  }
  if (AZURE_V2_ISSUER.test(issuer)) {
    return (
      "Konnect DCR supports Azure AD OAuth v1 tokens only, so the issuer must be the v1 form " +
      "https://sts.windows.net/<tenant GUID>, not the v2 issuer https://login.microsoftonline.com/<tenant>/v2.0"
    );
  }
  return "for providerType azureAd the issuer must be https://sts.windows.net/<tenant GUID> (the Azure AD OAuth v1 issuer)";
}

function describeFields(type: DcrProviderType): string {
  const fields = DCR_TYPE_RULES[type].fields;
  return fields.length === 0 ? `providerType ${type} takes no dcrConfig fields` : `${type} takes ${fields.join(", ")}`;
}

/** Validates and normalizes DCR provider inputs. Unknown values are accepted and checked on a later call. */
export function checkDcrProviderInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const { f, props, inputs } = startCheck(news, DCR_PROVIDER_INPUT_KEYS);

  if (f.require("name", props.name, "required: the DCR provider's name (1-256 characters)")) {
    checkNameInput(f, "name", props.name, text(256));
  }
  if (props.displayName !== undefined) checkNameInput(f, "displayName", props.displayName, text(256));

  let type: DcrProviderType | undefined;
  if (f.require("providerType", props.providerType, `required: one of ${DCR_PROVIDER_TYPES.join(", ")}`)) {
    type = f.check(
      "providerType",
      props.providerType,
      z.enum(DCR_PROVIDER_TYPES, { error: `must be one of ${DCR_PROVIDER_TYPES.join(", ")}` }),
    );
  }

  if (f.require("issuer", props.issuer, "required: the issuer URL of the identity provider")) {
    if (typeof props.issuer === "string" && !isUnknown(props.issuer)) {
      const issuer = normalizeIssuer(props.issuer);
      inputs.issuer = issuer;
      if (f.check("issuer", issuer, urlText(256)) !== undefined && type === "azureAd") {
        const problem = azureIssuerProblem(issuer);
        if (problem) f.add("issuer", problem);
      }
    } else {
      f.check("issuer", props.issuer, urlText(256));
    }
  }

  checkCommonInputs(f, props);
  if (props.verify !== undefined) f.check("verify", props.verify, z.boolean({ error: "must be true or false" }));

  if (type !== undefined) checkDcrConfig(f, type, props.dcrConfig);
  else if (props.dcrConfig !== undefined && !isUnknown(props.dcrConfig) && !isRecord(props.dcrConfig)) {
    f.add("dcrConfig", "must be an object");
  }

  checkWholeRequest(
    f,
    inputs,
    () => toCreateRequest(inputs as unknown as DcrProviderInputs),
    createDcrProviderRequestSchema(),
  );
  return { inputs, failures: f.failures };
}

function checkDcrConfig(f: FailureList, type: DcrProviderType, config: unknown): void {
  const rules = DCR_TYPE_RULES[type];
  if (config === undefined) {
    if (rules.configRequired) {
      f.add("dcrConfig", `required for providerType ${type}: ${rules.required.join(", ")}`);
    }
    return;
  }
  if (isUnknown(config)) return;
  if (!isRecord(config)) {
    f.add("dcrConfig", "must be an object");
    return;
  }
  for (const [field, value] of Object.entries(config)) {
    if (value === undefined) continue;
    if (!(rules.fields as readonly string[]).includes(field)) {
      f.add(`dcrConfig.${field}`, `not used by providerType ${type} (${describeFields(type)})`);
      continue;
    }
    const property = `dcrConfig.${field}`;
    const parsed = f.check(property, value, dcrConfigFieldSchema(field as DcrConfigField, type));
    if (typeof parsed === "string" && DCR_SECRET_FIELDS.includes(field as DcrConfigField)) {
      const problem = shortSecretProblem(parsed);
      if (problem) f.add(property, problem);
    }
  }
  for (const field of rules.required) {
    if (config[field] === undefined) {
      const secret = DCR_SECRET_FIELDS.includes(field) ? " (a secret)" : "";
      f.add(`dcrConfig.${field}`, `required for providerType ${type}${secret}`);
    }
  }
}

/**
 * Why a secret value is too short to be kept out of messages, or undefined. Every secret of at least
 * {@link MIN_SECRET_LENGTH} characters is redacted wherever Konnect may echo it.
 */
export function shortSecretProblem(secret: string): string | undefined {
  if (secret.length >= MIN_SECRET_LENGTH) return undefined;
  return (
    `must be at least ${MIN_SECRET_LENGTH} characters: shorter secrets cannot be told apart from ordinary text, ` +
    "so they could not be redacted"
  );
}

/** The create request for checked inputs. */
export function toCreateRequest(inputs: DcrProviderInputs) {
  return withoutUndefined({
    name: inputs.name,
    displayName: inputs.displayName,
    providerType: inputs.providerType,
    issuer: inputs.issuer,
    labels: inputs.labels,
    dcrConfig: inputs.dcrConfig && cleanConfig(inputs.dcrConfig),
  });
}

function cleanConfig(config: DcrConfigState): DcrConfigInput {
  return withoutUndefined({ ...config });
}

/** Effective value of a config field for comparison: absent booleans are false. */
function configValue(type: DcrProviderType, config: DcrConfigState | undefined, field: DcrConfigField): unknown {
  const value = config?.[field];
  if (value === undefined && DCR_TYPE_RULES[type].booleans.includes(field)) return false;
  if (value === null) return undefined;
  return value;
}

type Rule = FieldRule<DcrProviderOutputs, DcrProviderInputs, UpdateDcrProviderRequest>;

/** The top-level rows of the DCR provider's field table (the `dcrConfig` rows come from the config field table). */
const TOP_RULES: readonly Rule[] = [
  ...commonRules<DcrProviderOutputs, DcrProviderInputs, UpdateDcrProviderRequest>("providerType"),
  {
    property: "displayName",
    effect: "update",
    // Konnect may not report a display name: only a declared one is compared.
    keptWhenAbsent: (n) => n.displayName === undefined,
    before: (o) => o.displayName,
    after: (n) => n.displayName,
    send: (body, _o, n) => (body.displayName = n.displayName),
  },
  plainRule("issuer", "update"),
  // verify changes no field in Konnect; turning it on makes update call /verify.
  { property: "verify", effect: "local", before: (o) => o.verify ?? false, after: (n) => n.verify ?? false },
];

/** The `dcrConfig` rows for a provider type, one per field of the config field table that the type takes. */
function configRules(type: DcrProviderType): Rule[] {
  const rules = DCR_TYPE_RULES[type];
  if (rules === undefined) return [];
  return rules.fields.map((field) => ({
    property: `dcrConfig.${field}`,
    effect: rules.configUpdatable ? "update" : "replace",
    group: "dcrConfig",
    before: (o) => configValue(type, o.dcrConfig, field),
    after: (n) => configValue(type, n.dcrConfig, field),
    send: (body, _o, n) => {
      const after = configValue(type, n.dcrConfig, field);
      // A removed nullable field (the auth0 audience) is cleared with null; other fields are required when set.
      const value = after === undefined && isClearedWithNull(field) ? null : after;
      if (value !== undefined) body.dcrConfig = { ...body.dcrConfig, [field]: value };
    },
  }));
}

/** Every row for the declared provider type. */
export function dcrProviderRules(type: DcrProviderType): readonly Rule[] {
  return [...TOP_RULES, ...configRules(type)];
}

/** Which declared properties differ between prior outputs and new inputs (unknowns count as different). */
export function changedDcrProviderProperties(olds: DcrProviderOutputs, news: DcrProviderInputs): string[] {
  return changedProperties(dcrProviderRules(news.providerType), olds, news, (n, group) => n[group as "dcrConfig"]);
}

/** Properties whose change needs a new Konnect object. */
export const DCR_PROVIDER_REPLACE_KEYS = TOP_RULES.filter((r) => r.effect === "replace").map((r) => r.property);

/** The PATCH body that moves Konnect from `olds` to `news` (only what changed), or undefined when nothing did. */
export function dcrProviderPatch(
  olds: DcrProviderOutputs,
  news: DcrProviderInputs,
): UpdateDcrProviderRequest | undefined {
  return updateBody(dcrProviderRules(news.providerType), olds, news, {});
}

/**
 * Outputs from Konnect's answer and the declared inputs: Konnect's values where it reports them, write-only secrets
 * from the inputs (so Pulumi keeps them as secrets under the same names), read-only fields added.
 */
export function dcrProviderOutputs(declared: DcrProviderInputs, provider: DcrProvider): DcrProviderOutputs {
  const type = provider.providerType;
  const rules = DCR_TYPE_RULES[type];
  let dcrConfig: DcrConfigState | undefined;
  if (rules.fields.length > 0 || declared.dcrConfig !== undefined) {
    const config: Record<string, unknown> = {};
    for (const field of rules.fields) {
      const isSecret = DCR_SECRET_FIELDS.includes(field);
      const reported = isSecret ? undefined : (provider.dcrConfig as Record<string, unknown>)[field];
      const declaredValue = declared.dcrConfig?.[field];
      let value = reported ?? declaredValue;
      if (value === null) value = undefined;
      // Mirror the inputs: a false flag or null audience Konnect reports for an undeclared field stays absent.
      if (declaredValue === undefined && (value === false || value === undefined)) continue;
      config[field] = value;
    }
    dcrConfig = config;
  }
  // Only the declared keys (labels set outside Pulumi are not ours and never show as a change).
  const labels = ownedLabels(provider.labels, declared.labels);
  return withoutUndefined({
    name: provider.name,
    displayName: provider.displayName ?? declared.displayName,
    providerType: type,
    issuer: provider.issuer,
    labels,
    dcrConfig,
    adoptId: declared.adoptId,
    verify: declared.verify,
    region: declared.region,
    active: provider.active,
    createdAt: provider.createdAt,
    updatedAt: provider.updatedAt,
  });
}

/** The declared-input view of outputs (what `read` hands back as inputs after a refresh). */
export function dcrProviderInputsFromOutputs(outputs: DcrProviderOutputs): DcrProviderInputs {
  const { active: _a, createdAt: _c, updatedAt: _u, ...inputs } = outputs;
  return withoutLocation(inputs);
}

/** Re-export for handlers: the unknown sentinel. */
export { UNKNOWN };
