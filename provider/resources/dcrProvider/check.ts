/**
 * `check` of `konnect.DcrProvider`: the input table's rules (required, value rules, names, labels, issuer normalized),
 * then what depends on the provider type: the `dcrConfig` fields that type takes and requires, Azure's v1 issuer and
 * GUID client id, and a length floor for secrets (so they can be redacted). Unknown values are accepted and checked on
 * a later call.
 */
import {
  type CreateDcrProviderRequest,
  DCR_SECRET_FIELDS,
  DCR_TYPE_RULES,
  createDcrProviderRequestSchema,
  dcrConfigFieldSchema,
  type DcrConfigField,
  type DcrProviderType,
} from "../../konnect";
import { DCR_PROVIDER_TYPES } from "../../konnect/dcrProviders/fields";
import { sentValues } from "../../konnect/fieldTable";
import { GUID_TEXT } from "../../konnect/ids";
import {
  adoptConflict,
  checkTable,
  checkWholeRequest,
  isRecord,
  shortSecretProblem,
  startCheck,
  type CheckFailure,
  type FailureList,
} from "../core/check";
import { isUnknown } from "../core/unknowns";
import type { DcrProviderInputs } from "./args";
import { DCR_PROVIDER_INPUTS } from "./inputs";

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
  const { f, props, inputs } = startCheck(news);
  checkTable(f, DCR_PROVIDER_INPUTS, props, { skip: ["dcrConfig"], normalized: inputs });
  adoptConflict(f, props);

  const type = DCR_PROVIDER_TYPES.find((t) => t === props.providerType);
  const issuerFailed = f.failures.some((failure) => failure.property === "issuer");
  if (type === "azureAd" && typeof inputs.issuer === "string" && !isUnknown(inputs.issuer) && !issuerFailed) {
    const problem = azureIssuerProblem(inputs.issuer);
    if (problem) f.add("issuer", problem);
  }

  if (type !== undefined) checkDcrConfig(f, type, props.dcrConfig);
  else if (props.dcrConfig !== undefined && !isUnknown(props.dcrConfig) && !isRecord(props.dcrConfig)) {
    f.add("dcrConfig", "must be an object");
  }

  checkWholeRequest(f, inputs, () => toCreateRequest(inputs as DcrProviderInputs), createDcrProviderRequestSchema());
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
 * The create request for checked inputs (also what `check` validates against the client's request schema): the sent
 * rows, `dcrConfig` without undefined fields.
 */
export function toCreateRequest(inputs: DcrProviderInputs): CreateDcrProviderRequest {
  return sentValues(DCR_PROVIDER_INPUTS, inputs) as unknown as CreateDcrProviderRequest;
}
