/** `konnect.AuthStrategy` as a resource definition for the generic handlers. */
import {
  createAuthStrategy,
  deleteAuthStrategy,
  getAuthStrategy,
  listAllAuthStrategies,
  replaceAuthStrategy,
  updateAuthStrategy,
  type AuthStrategy,
} from "../../konnect";
import type { AuthStrategyInputs, AuthStrategyOutputs } from "../args";
import {
  authStrategyInputsFromOutputs,
  authStrategyOutputs,
  authStrategyRules,
  checkAuthStrategyInputs,
  planAuthStrategyUpdate,
  toCreateRequest,
} from "./check";
import { resourceHandlers, type ResourceDefinition } from "../core/handlerFactory";

/** What the generic handlers need to know about auth strategies. */
export const authStrategyDefinition: ResourceDefinition<AuthStrategyInputs, AuthStrategyOutputs, AuthStrategy> = {
  kind: "authStrategy",
  noun: "auth strategy",
  typeProperty: "strategyType",
  typeOf: (strategy) => strategy.strategyType,
  check: checkAuthStrategyInputs,
  rules: (news) => authStrategyRules(news.strategyType),
  endpoint: {
    create: (transport, inputs, labels) => createAuthStrategy(transport, { ...toCreateRequest(inputs), labels }),
    findByName: (transport, name) => listAllAuthStrategies(transport, { filter: { name: { eq: name } } }),
    get: getAuthStrategy,
    planUpdate(olds, news) {
      const plan = planAuthStrategyUpdate(olds, news);
      if (plan.kind === "none") return undefined;
      if (plan.kind === "put") {
        return {
          fields: Object.keys(plan.body),
          replaceAllReason: "extra OIDC options removed",
          // The PUT replaces every label: the handlers pass the declared ones plus the object's creation label.
          replacesLabels: true,
          send: (transport, id, labels) => replaceAuthStrategy(transport, id, { ...plan.body, labels }),
        };
      }
      return {
        fields: Object.keys(plan.body),
        send: (transport, id) => updateAuthStrategy(transport, id, olds.strategyType, plan.body),
      };
    },
    delete: deleteAuthStrategy,
  },
  outputs: authStrategyOutputs,
  inputsFromOutputs: authStrategyInputsFromOutputs,
  readOnlyOutputs: (olds) => ({
    active: olds.active,
    supportsMultipleCredentials: olds.supportsMultipleCredentials,
    dcrProvider: olds.dcrProvider,
    createdAt: olds.createdAt,
    updatedAt: olds.updatedAt,
  }),
  adoptBaseline: (inputs) => ({ ...inputs, labels: undefined }),
  deleteConflictHint:
    "an API publication in a Dev Portal; remove it from the publication's auth_strategy_ids or delete the publication first",
};

/** Handlers behind the serialized `konnect.AuthStrategy` provider. */
export const authStrategyHandlers = resourceHandlers(authStrategyDefinition);
