/**
 * The handlers of every resource, by the name its serialized provider carries. Adding a resource adds one line here
 * and its name in `provider/index.ts`; the serialized providers themselves do not change.
 */
import { authStrategyHandlers } from "./authStrategy/definition";
import { dcrProviderHandlers } from "./dcrProvider/definition";
import { apiPublicationHandlers } from "./apiPublication/definition";
import { portalDefaultHandlers } from "./portalDefaultAuthStrategy/definition";

/** Handlers by resource name. */
export const handlers = {
  dcrProvider: dcrProviderHandlers,
  authStrategy: authStrategyHandlers,
  apiPublication: apiPublicationHandlers,
  portalDefaultAuthStrategy: portalDefaultHandlers,
};

/** A resource name the runtime serves. */
export type ResourceName = keyof typeof handlers;

export type { Handlers } from "./core/handlerFactory";
