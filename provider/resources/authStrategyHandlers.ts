/** Create, read, update and delete of `konnect.AuthStrategy` against Konnect, plus adoption. */
import type * as pulumi from "@pulumi/pulumi";
import {
  createAuthStrategy,
  deleteAuthStrategy,
  getAuthStrategy,
  listAllAuthStrategies,
  replaceAuthStrategy,
  updateAuthStrategy,
  type AuthStrategy,
  type KonnectTransport,
} from "../konnect";
import type { AuthStrategyInputs, AuthStrategyOutputs } from "./args";
import {
  AUTH_STRATEGY_REPLACE_KEYS,
  authStrategyInputsFromOutputs,
  authStrategyOutputs,
  changedAuthStrategyProperties,
  checkAuthStrategyInputs,
  planAuthStrategyUpdate,
  toCreateRequest,
} from "./authStrategyModel";
import { withoutProviderCode } from "./compare";
import { createOnce } from "./createOnce";
import { createRetryDelayMs } from "./context";
import { providerLog, transportFor } from "./context";
import { IMPORT_UNSUPPORTED, explainDeleteConflict, isNotFound } from "./errorsForUsers";
import { withInputNames } from "./wireNames";

type Handlers = Required<Omit<pulumi.dynamic.ResourceProvider<AuthStrategyInputs, AuthStrategyOutputs>, "configure">>;

/** Handlers behind the serialized `konnect.AuthStrategy` provider. */
export const authStrategyHandlers: Handlers = {
  check(_olds, news) {
    const { inputs, failures } = checkAuthStrategyInputs(news as unknown as Record<string, unknown>);
    return Promise.resolve({ inputs: inputs as unknown as AuthStrategyInputs, failures });
  },

  diff(_id, olds, news) {
    const codeChanged =
      (olds as unknown as Record<string, unknown>).__provider !==
      (news as unknown as Record<string, unknown>).__provider;
    const changed = changedAuthStrategyProperties(olds, news);
    const replaces = changed.filter((key) => AUTH_STRATEGY_REPLACE_KEYS.includes(key));
    return Promise.resolve({ changes: codeChanged || changed.length > 0, replaces, deleteBeforeReplace: false });
  },

  async create(inputs) {
    const { transport, region } = transportFor(inputs.region);
    if (inputs.adoptId) return { id: inputs.adoptId, outs: await adopt(transport, region, inputs.adoptId, inputs) };
    providerLog(`creating auth strategy "${inputs.name}" (${inputs.strategyType}) in region ${region}`);
    const created = await createOnce({
      post: (labels) => createAuthStrategy(transport, { ...toCreateRequest(inputs), labels }),
      findByName: () => listAllAuthStrategies(transport, { filter: { name: { eq: inputs.name } } }),
      labels: inputs.labels,
      log: providerLog,
      retryDelayMs: createRetryDelayMs(),
    }).catch((error: unknown) => {
      throw withInputNames(error, "authStrategy");
    });
    return { id: created.id, outs: authStrategyOutputs(inputs, created) };
  },

  async read(id, props) {
    if (!props) throw new Error(IMPORT_UNSUPPORTED);
    const { transport } = transportFor(props.region);
    let current: AuthStrategy;
    try {
      current = await getAuthStrategy(transport, id);
    } catch (error) {
      if (isNotFound(error)) return {};
      throw error;
    }
    const outs = authStrategyOutputs(authStrategyInputsFromOutputs(props), current);
    return { id, props: outs, inputs: authStrategyInputsFromOutputs(outs) as AuthStrategyOutputs };
  },

  async update(id, olds, news) {
    const { transport, region } = transportFor(news.region);
    const current = await applyChange(transport, region, id, olds, news).catch((error: unknown) => {
      throw withInputNames(error, "authStrategy");
    });
    const outs = current
      ? authStrategyOutputs(news, current)
      : {
          ...withoutProviderCode(news),
          active: olds.active,
          supportsMultipleCredentials: olds.supportsMultipleCredentials,
          dcrProvider: olds.dcrProvider,
          createdAt: olds.createdAt,
          updatedAt: olds.updatedAt,
        };
    return { outs };
  },

  async delete(id, props) {
    const { transport, region } = transportFor(props.region);
    providerLog(`deleting auth strategy "${props.name}" in region ${region}`);
    try {
      await deleteAuthStrategy(transport, id);
    } catch (error) {
      if (isNotFound(error)) return;
      throw explainDeleteConflict(
        error,
        `auth strategy "${props.name}" (${id})`,
        "an API publication in a Dev Portal; remove it from the publication's auth_strategy_ids or delete the publication first",
      );
    }
  },
};

async function applyChange(
  transport: KonnectTransport,
  region: string,
  id: string,
  olds: AuthStrategyOutputs,
  news: AuthStrategyInputs,
): Promise<AuthStrategy | undefined> {
  const plan = planAuthStrategyUpdate(olds, news);
  if (plan.kind === "none") return undefined;
  if (plan.kind === "put") {
    providerLog(`replacing settings of auth strategy "${news.name}" in region ${region} (extra OIDC options removed)`);
    return replaceAuthStrategy(transport, id, plan.body);
  }
  providerLog(`updating auth strategy "${news.name}" in region ${region}: ${Object.keys(plan.body).join(", ")}`);
  return updateAuthStrategy(transport, id, olds.strategyType, plan.body);
}

/** Takes over an existing strategy: checks its type, then brings it to the declared state. */
async function adopt(
  transport: KonnectTransport,
  region: string,
  id: string,
  inputs: AuthStrategyInputs,
): Promise<AuthStrategyOutputs> {
  providerLog(`adopting auth strategy ${id} in region ${region}`);
  let existing: AuthStrategy;
  try {
    existing = await getAuthStrategy(transport, id);
  } catch (error) {
    if (isNotFound(error))
      throw new Error(`adoptId: no auth strategy with id ${id} in region ${region}`, { cause: error });
    throw error;
  }
  if (existing.strategyType !== inputs.strategyType) {
    throw new Error(
      `adoptId: auth strategy ${id} has strategyType ${existing.strategyType}, but strategyType ${inputs.strategyType} is declared`,
    );
  }
  const current = authStrategyOutputs({ ...inputs, labels: undefined }, existing);
  const updated = await applyChange(transport, region, id, current, inputs);
  return authStrategyOutputs(inputs, updated ?? existing);
}
