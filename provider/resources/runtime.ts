/**
 * The implementation behind the serialized dynamic providers, loaded at call time as
 * `require("pulumi-konnect-dcr/runtime")` (inside the Pulumi plugin host, or in-process when `providers.*` are
 * called directly): the runtime side's entry and the one registry of resources. Exports exactly what the serialized
 * providers load: `configureFromStack` and the handlers of each resource by the name its serialized provider carries
 * (a contract with every stored state: never rename a key). Adding a resource adds one line here. Test and benchmark
 * hooks live in `./testHooks`, outside the package's exports.
 */
import { apiPublicationHandlers } from "./apiPublication/definition";
import { applicationRegistrationHandlers } from "./applicationRegistration/definition";
import { authStrategyHandlers } from "./authStrategy/definition";
import { dcrProviderHandlers } from "./dcrProvider/definition";
import { portalApplicationHandlers } from "./portalApplication/definition";
import { dcrRequestCheckHandlers } from "./dcrRequestCheck/definition";
import { portalDefaultHandlers } from "./portalDefaultAuthStrategy/definition";
import { portalTeamHandlers } from "./portalTeam/definition";

export { configureFromStack } from "./core/context";

/** Handlers by resource name. */
export const handlers = {
  dcrProvider: dcrProviderHandlers,
  authStrategy: authStrategyHandlers,
  apiPublication: apiPublicationHandlers,
  portalDefaultAuthStrategy: portalDefaultHandlers,
  portalTeam: portalTeamHandlers,
  portalApplication: portalApplicationHandlers,
  applicationRegistration: applicationRegistrationHandlers,
  dcrRequestCheck: dcrRequestCheckHandlers,
};

/** A resource name the runtime serves. */
export type ResourceName = keyof typeof handlers;
