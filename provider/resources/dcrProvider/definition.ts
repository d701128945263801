/** `konnect.DcrProvider` as a resource definition for the generic handlers, plus its `/verify` step. */
import {
  DCR_SECRET_FIELDS,
  createDcrProvider,
  deleteDcrProvider,
  describeReasons,
  getDcrProvider,
  listAllDcrProviders,
  makeRedactor,
  updateDcrProvider,
  verifyDcrProvider,
  type DcrProvider,
  type KonnectTransport,
} from "../../konnect";
import type { DcrProviderInputs, DcrProviderOutputs } from "../args";
import {
  checkDcrProviderInputs,
  dcrProviderInputsFromOutputs,
  dcrProviderOutputs,
  dcrProviderPatch,
  dcrProviderRules,
  toCreateRequest,
} from "./check";
import { providerLog } from "../core/context";
import { ResourceInitError } from "../core/errors";
import { resourceHandlers, type ResourceDefinition } from "../core/handlerFactory";
import { verifyWithRetry } from "./verify";

/** What the generic handlers need to know about DCR providers. */
export const dcrProviderDefinition: ResourceDefinition<DcrProviderInputs, DcrProviderOutputs, DcrProvider> = {
  kind: "dcrProvider",
  noun: "DCR provider",
  typeProperty: "providerType",
  typeOf: (provider) => provider.providerType,
  check: checkDcrProviderInputs,
  rules: (news) => dcrProviderRules(news.providerType),
  endpoint: {
    create: (transport, inputs, labels) => createDcrProvider(transport, { ...toCreateRequest(inputs), labels }),
    findByName: (transport, name) => listAllDcrProviders(transport, { filter: { name: { eq: name } } }),
    get: getDcrProvider,
    planUpdate(olds, news) {
      const patch = dcrProviderPatch(olds, news);
      if (!patch) return undefined;
      return {
        fields: Object.keys(patch),
        send: (transport, id) => updateDcrProvider(transport, id, olds.providerType, patch),
      };
    },
    delete: deleteDcrProvider,
  },
  outputs: dcrProviderOutputs,
  inputsFromOutputs: dcrProviderInputsFromOutputs,
  readOnlyOutputs: (olds) => ({ active: olds.active, createdAt: olds.createdAt, updatedAt: olds.updatedAt }),
  // Outputs of the existing object know no secrets, so the PATCH re-sends every declared secret.
  adoptBaseline: (inputs) => ({ ...inputs, dcrConfig: undefined, labels: undefined }),
  deleteConflictHint: "one or more auth strategies; delete them or point them at another DCR provider first",
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
