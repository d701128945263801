/**
 * `konnect.DcrProvider` as a resource definition for the generic handlers: its diff rows (from the input table, the
 * `dcrConfig` rows per provider type), outputs that mirror the inputs, a keyed create (POST with the creation key),
 * DELETE by id, and the optional `/verify` step after a write.
 */
import {
  DCR_SECRET_FIELDS,
  DCR_TYPE_RULES,
  createDcrProvider,
  deleteDcrProvider,
  describeReasons,
  getDcrProvider,
  isClearedWithNull,
  listAllDcrProviders,
  makeRedactor,
  updateDcrProvider,
  verifyDcrProvider,
  type DcrConfigField,
  type DcrProvider,
  type DcrProviderType,
  type KonnectTransport,
  type UpdateDcrProviderRequest,
} from "../../konnect";
import { withoutUndefined } from "../core/compare";
import { providerLog } from "../core/context";
import { ResourceInitError } from "../core/errors";
import { tableOutputs, tableRules, updateBody, type FieldRule } from "../core/fieldRules";
import { keyedCreate, resourceHandlers, type ResourceDefinition } from "../core/handlerFactory";
import type { DcrConfigState, DcrProviderInputs, DcrProviderOutputs } from "./args";
import { checkDcrProviderInputs, toCreateRequest } from "./check";
import { DCR_PROVIDER_INPUTS } from "./inputs";
import { verifyWithRetry } from "./verify";

type Rule = FieldRule<DcrProviderOutputs, DcrProviderInputs, UpdateDcrProviderRequest>;

/** The top-level rows: from the input table; Konnect may not report a display name, so only a declared one counts. */
const TOP_RULES: readonly Rule[] = tableRules<DcrProviderOutputs, DcrProviderInputs, UpdateDcrProviderRequest>(
  DCR_PROVIDER_INPUTS,
  {
    displayName: {
      property: "displayName",
      effect: "update",
      keptWhenAbsent: (n) => n.displayName === undefined,
      before: (o) => o.displayName,
      after: (n) => n.displayName,
      send: (body, _o, n) => (body.displayName = n.displayName),
    },
    // The `dcrConfig` rows depend on the provider type (below).
    dcrConfig: null,
  },
);

/** Effective value of a config field for comparison: absent booleans are false. */
function configValue(type: DcrProviderType, config: DcrConfigState | undefined, field: DcrConfigField): unknown {
  const value = config?.[field];
  if (value === undefined && DCR_TYPE_RULES[type].booleans.includes(field)) return false;
  if (value === null) return undefined;
  return value;
}

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

/**
 * Outputs from Konnect's answer and the declared inputs: Konnect's values where it reports them, write-only secrets
 * from the inputs (so Pulumi keeps them as secrets under the same names), read-only fields added.
 */
export function dcrProviderOutputs(declared: DcrProviderInputs, provider: DcrProvider): DcrProviderOutputs {
  return withoutUndefined({
    ...tableOutputs(DCR_PROVIDER_INPUTS, declared, provider, {
      displayName: (d, p) => p.displayName ?? d.displayName,
      dcrConfig: (d, p) => configOutputs(d, p),
    }),
    active: provider.active,
    createdAt: provider.createdAt,
    updatedAt: provider.updatedAt,
  }) as DcrProviderOutputs;
}

/** The `dcrConfig` output: the type's fields as Konnect reports them, secrets (never reported) as declared. */
function configOutputs(declared: DcrProviderInputs, provider: DcrProvider): DcrConfigState | undefined {
  const rules = DCR_TYPE_RULES[provider.providerType];
  if (rules.fields.length === 0 && declared.dcrConfig === undefined) return undefined;
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
  return config;
}

/** What the generic handlers need to know about DCR providers. */
export const dcrProviderDefinition: ResourceDefinition<DcrProviderInputs, DcrProviderOutputs, DcrProvider> = {
  noun: "DCR provider",
  inputs: DCR_PROVIDER_INPUTS,
  subject: (props) => `DCR provider "${props.name}"`,
  check: checkDcrProviderInputs,
  rules: (news) => dcrProviderRules(news.providerType),
  get: (transport, id) => getDcrProvider(transport, id),
  planUpdate(olds, news) {
    const patch = updateBody(dcrProviderRules(news.providerType), olds, news, {});
    if (!patch) return undefined;
    return {
      fields: Object.keys(patch),
      send: (transport, id) => updateDcrProvider(transport, id, olds.providerType, patch),
    };
  },
  outputs: (declared, provider) => dcrProviderOutputs(declared, provider),
  create: keyedCreate<DcrProviderInputs, DcrProvider>({
    post: (transport, inputs, labels) => createDcrProvider(transport, { ...toCreateRequest(inputs), labels }),
    findByName: (transport, name) => listAllDcrProviders(transport, { filter: { name: { eq: name } } }),
    type: { property: "providerType", of: (provider) => provider.providerType },
    // Outputs of the existing object know no secrets, so the PATCH re-sends every declared secret.
    adoptBaseline: (inputs) => ({ ...inputs, dcrConfig: undefined, labels: undefined }),
  }),
  delete: {
    kind: "byId",
    remove: (transport, id) => deleteDcrProvider(transport, id),
    usedBy: "one or more auth strategies; delete them or point them at another DCR provider first",
  },
  async afterWrite(context, id, outs, step) {
    if (outs.verify !== true) return;
    // An update that sent nothing verifies only when verify was just turned on.
    if (step.what === "updated" && !step.sent && step.olds?.verify === true) return;
    await verifyOrKeep(context.transport, context.verifyTimeoutMs, id, outs, step.what);
  },
};

/** Handlers behind the serialized `konnect.DcrProvider` provider. */
export const dcrProviderHandlers = resourceHandlers(dcrProviderDefinition);

/** Verifies; on failure throws an error that keeps the object (and its outputs) in Pulumi state. */
async function verifyOrKeep(
  transport: KonnectTransport,
  verifyTimeoutMs: number,
  id: string,
  outs: DcrProviderOutputs,
  what: string,
): Promise<void> {
  // Konnect's reasons (and a failed call's message) may echo the IdP secret: every text shown is redacted.
  const secrets = declaredSecrets(outs);
  let result;
  try {
    result = await verifyWithRetry(() => verifyDcrProvider(transport, id), verifyTimeoutMs);
  } catch (error) {
    // The object exists: a verify call that failed (throttled, 5xx, no answer) must not drop it from state.
    throw new ResourceInitError(
      `DCR provider "${outs.name}" was ${what} (id ${id}) but verifying it failed: ${makeRedactor(secrets)((error as Error).message)}. ` +
        "It is kept in state; run `pulumi up` again to verify it.",
      id,
      unverified(outs),
      { cause: error },
    );
  }
  if (result.status === "success") {
    providerLog(`verified DCR provider "${outs.name}"`);
    return;
  }
  throw new ResourceInitError(
    `DCR provider "${outs.name}" was ${what} (id ${id}) but Konnect could not verify it: ` +
      `${describeReasons(result.errors, secrets)}. It is kept in state; fix the IdP credentials or ` +
      "permissions and run `pulumi up` again.",
    id,
    unverified(outs),
  );
}

/** The write-only secrets declared in `dcrConfig` (what Konnect may echo back in its reasons). */
function declaredSecrets(outs: DcrProviderOutputs): string[] {
  const config = (outs.dcrConfig ?? {}) as Record<string, unknown>;
  return DCR_SECRET_FIELDS.map((field) => config[field]).filter((v): v is string => typeof v === "string");
}

/**
 * The outputs to keep after a failed verification: without `verify`, so the next `pulumi up` sees a change and
 * verifies again.
 */
function unverified(outs: DcrProviderOutputs): Record<string, unknown> {
  const { verify: _verify, ...rest } = outs;
  return rest;
}
