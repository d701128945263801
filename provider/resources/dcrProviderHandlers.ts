/** Create, read, update and delete of `konnect.DcrProvider` against Konnect, plus adoption and verification. */
import type * as pulumi from "@pulumi/pulumi";
import {
  createDcrProvider,
  deleteDcrProvider,
  getDcrProvider,
  listAllDcrProviders,
  updateDcrProvider,
  verifyDcrProvider,
  type DcrProvider,
  type KonnectTransport,
} from "../konnect";
import type { DcrProviderInputs, DcrProviderOutputs } from "./args";
import {
  DCR_PROVIDER_REPLACE_KEYS,
  changedDcrProviderProperties,
  checkDcrProviderInputs,
  dcrProviderInputsFromOutputs,
  dcrProviderOutputs,
  dcrProviderPatch,
  toCreateRequest,
} from "./dcrProviderModel";
import { withoutProviderCode } from "./compare";
import { createOnce } from "./createOnce";
import { createRetryDelayMs } from "./context";
import { providerLog, transportFor } from "./context";
import { IMPORT_UNSUPPORTED, ResourceInitError, explainDeleteConflict, isNotFound } from "./errorsForUsers";
import { verifyWithRetry } from "./verify";
import { withInputNames } from "./wireNames";

type Handlers = Required<Omit<pulumi.dynamic.ResourceProvider<DcrProviderInputs, DcrProviderOutputs>, "configure">>;

/** Handlers behind the serialized `konnect.DcrProvider` provider. */
export const dcrProviderHandlers: Handlers = {
  check(_olds, news) {
    const { inputs, failures } = checkDcrProviderInputs(news as unknown as Record<string, unknown>);
    return Promise.resolve({ inputs: inputs as unknown as DcrProviderInputs, failures });
  },

  diff(_id, olds, news) {
    const codeChanged =
      (olds as unknown as Record<string, unknown>).__provider !==
      (news as unknown as Record<string, unknown>).__provider;
    const changed = changedDcrProviderProperties(olds, news);
    const replaces = changed.filter((key) => DCR_PROVIDER_REPLACE_KEYS.includes(key));
    return Promise.resolve({ changes: codeChanged || changed.length > 0, replaces, deleteBeforeReplace: false });
  },

  async create(inputs) {
    const { transport, region, verifyTimeoutMs } = transportFor(inputs.region);
    if (inputs.adoptId) {
      return { id: inputs.adoptId, outs: await adopt(transport, region, verifyTimeoutMs, inputs.adoptId, inputs) };
    }
    providerLog(`creating DCR provider "${inputs.name}" (${inputs.providerType}) in region ${region}`);
    const created = await createOnce({
      post: (labels) => createDcrProvider(transport, { ...toCreateRequest(inputs), labels }),
      findByName: () => listAllDcrProviders(transport, { filter: { name: { eq: inputs.name } } }),
      labels: inputs.labels,
      log: providerLog,
      retryDelayMs: createRetryDelayMs(),
    }).catch((error: unknown) => {
      throw withInputNames(error, "dcrProvider");
    });
    const outs = dcrProviderOutputs(inputs, created);
    if (inputs.verify) await verifyOrKeep(transport, verifyTimeoutMs, created.id, outs, "created");
    return { id: created.id, outs };
  },

  async read(id, props) {
    if (!props) throw new Error(IMPORT_UNSUPPORTED);
    const prior = props;
    const { transport } = transportFor(prior.region);
    let current: DcrProvider;
    try {
      current = await getDcrProvider(transport, id);
    } catch (error) {
      if (isNotFound(error)) return {};
      throw error;
    }
    const outs = dcrProviderOutputs(dcrProviderInputsFromOutputs(prior), current);
    // Pulumi types `inputs` as Outputs; the engine stores it as the resource's inputs.
    return { id, props: outs, inputs: dcrProviderInputsFromOutputs(outs) as DcrProviderOutputs };
  },

  async update(id, olds, news) {
    const { transport, region, verifyTimeoutMs } = transportFor(news.region);
    const patch = dcrProviderPatch(olds, news);
    let current: DcrProvider | undefined;
    if (patch) {
      providerLog(`updating DCR provider "${news.name}" in region ${region}: ${Object.keys(patch).join(", ")}`);
      current = await updateDcrProvider(transport, id, olds.providerType, patch).catch((error: unknown) => {
        throw withInputNames(error, "dcrProvider");
      });
    }
    const outs = current
      ? dcrProviderOutputs(news, current)
      : { ...withoutProviderCode(news), active: olds.active, createdAt: olds.createdAt, updatedAt: olds.updatedAt };
    const needsVerify = news.verify === true && (patch !== undefined || olds.verify !== true);
    if (needsVerify) await verifyOrKeep(transport, verifyTimeoutMs, id, outs, "updated");
    return { outs };
  },

  async delete(id, props) {
    const { transport, region } = transportFor(props.region);
    providerLog(`deleting DCR provider "${props.name}" in region ${region}`);
    try {
      await deleteDcrProvider(transport, id);
    } catch (error) {
      if (isNotFound(error)) return;
      throw explainDeleteConflict(
        error,
        `DCR provider "${props.name}" (${id})`,
        "one or more auth strategies; delete them or point them at another DCR provider first",
      );
    }
  },
};

/** Takes over an existing DCR provider: checks its type, then PATCHes it to the declared state. */
async function adopt(
  transport: KonnectTransport,
  region: string,
  verifyTimeoutMs: number,
  id: string,
  inputs: DcrProviderInputs,
): Promise<DcrProviderOutputs> {
  providerLog(`adopting DCR provider ${id} in region ${region}`);
  let existing: DcrProvider;
  try {
    existing = await getDcrProvider(transport, id);
  } catch (error) {
    if (isNotFound(error))
      throw new Error(`adoptId: no DCR provider with id ${id} in region ${region}`, { cause: error });
    throw error;
  }
  if (existing.providerType !== inputs.providerType) {
    throw new Error(
      `adoptId: DCR provider ${id} has providerType ${existing.providerType}, but providerType ${inputs.providerType} is declared`,
    );
  }
  // Outputs of the existing object know no secrets, so the PATCH re-sends every declared secret.
  const current = dcrProviderOutputs({ ...inputs, dcrConfig: undefined, labels: undefined }, existing);
  const patch = dcrProviderPatch(current, inputs);
  const updated = patch ? await updateDcrProvider(transport, id, existing.providerType, patch) : existing;
  const outs = dcrProviderOutputs(inputs, updated);
  if (inputs.verify) await verifyOrKeep(transport, verifyTimeoutMs, id, outs, "adopted");
  return outs;
}

/** Verifies; on failure throws an error that keeps the object (and its outputs) in Pulumi state. */
async function verifyOrKeep(
  transport: KonnectTransport,
  verifyTimeoutMs: number,
  id: string,
  outs: DcrProviderOutputs,
  what: string,
): Promise<void> {
  let result;
  try {
    result = await verifyWithRetry(() => verifyDcrProvider(transport, id), verifyTimeoutMs);
  } catch (error) {
    // The object exists: a verify call that failed (throttled, 5xx, no answer) must not drop it from state.
    throw new ResourceInitError(
      `DCR provider "${outs.name}" was ${what} (id ${id}) but verifying it failed: ${(error as Error).message}. ` +
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
      `${result.errors.join("; ") || "no reason given"}. It is kept in state; fix the IdP credentials or ` +
      "permissions and run `pulumi up` again.",
    id,
    unverified(outs),
  );
}

/**
 * The outputs to keep after a failed verification: without `verify`, so the next `pulumi up` sees a change and
 * verifies again.
 */
function unverified(outs: DcrProviderOutputs): Record<string, unknown> {
  const { verify: _verify, ...rest } = outs;
  return rest;
}
