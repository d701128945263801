/** `konnect.PortalDefaultAuthStrategy` as a resource definition for the generic handlers. */
import { getPortal, setPortalDefaultAuthStrategy } from "../../konnect/portals/operations";
import { providerLog } from "../core/context";
import { PORTAL_DEFAULT_INPUT_KEYS, checkPortalDefaultInputs } from "../apiPublication/check";
import { resourceHandlers, type ResourceDefinition } from "../core/handlerFactory";
import {
  applyPortalDefault,
  deletePortalDefault,
  observed,
  portalDefaultOutputs,
  type PortalDefaultObservation,
} from "./actions";
import type { PortalDefaultAuthStrategyInputs, PortalDefaultAuthStrategyOutputs } from "./args";
import { PORTAL_DEFAULT_DELETE_BEFORE_REPLACE, PORTAL_DEFAULT_RULES, type PortalDefaultBody } from "./model";
import { updateBody } from "../core/fieldRules";

/**
 * The declared-input view of outputs: `authStrategyId` is the strategy this resource applied (the output of that
 * name shows what the portal has now, which refresh may find changed).
 */
function inputsOf(outputs: PortalDefaultAuthStrategyOutputs): PortalDefaultAuthStrategyInputs {
  const record: Record<string, unknown> = { ...outputs, authStrategyId: outputs.appliedAuthStrategyId };
  return Object.fromEntries(
    PORTAL_DEFAULT_INPUT_KEYS.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]),
  ) as unknown as PortalDefaultAuthStrategyInputs;
}

/** What the generic handlers need to know about a portal's default auth strategy. */
export const portalDefaultDefinition: ResourceDefinition<
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
  PortalDefaultObservation
> = {
  kind: "portalDefaultAuthStrategy",
  noun: "portal default auth strategy",
  subject: (props) => `the default auth strategy of portal ${props.portalId}`,
  check: checkPortalDefaultInputs,
  rules: () => PORTAL_DEFAULT_RULES,
  idOf: (inputs) => inputs.portalId,
  create: (context, inputs) => applyPortalDefault(context.transport, inputs),
  endpoint: {
    get: async (transport, id) => observed(await getPortal(transport, id)),
    planUpdate(olds, news) {
      const body = updateBody<PortalDefaultAuthStrategyOutputs, PortalDefaultAuthStrategyInputs, PortalDefaultBody>(
        PORTAL_DEFAULT_RULES,
        olds,
        news,
        {},
      );
      return (
        body && {
          fields: ["authStrategyId"],
          send: async (transport, id) =>
            observed(await setPortalDefaultAuthStrategy(transport, id, news.authStrategyId)),
        }
      );
    },
    // Never called: the delete strategy below puts the previous default back instead of deleting the portal.
    delete: () => Promise.reject(new Error("a portal default is restored, never deleted")),
  },
  outputs: portalDefaultOutputs,
  inputsFromOutputs: inputsOf,
  readOnlyOutputs: (olds) => ({
    appliedAuthStrategyId: olds.appliedAuthStrategyId,
    previousAuthStrategyId: olds.previousAuthStrategyId,
  }),
  // Unused: the delete strategy never DELETEs (a PATCH back has no "in use" conflict).
  deleteConflictHint: "nothing; a portal default is put back, not deleted",
  deleteBeforeReplace: PORTAL_DEFAULT_DELETE_BEFORE_REPLACE,
  delete: (context, _id, props) => deletePortalDefault(context.transport, props, providerLog),
};

/** Handlers behind the serialized `konnect.PortalDefaultAuthStrategy` provider. */
export const portalDefaultHandlers = resourceHandlers(portalDefaultDefinition);
