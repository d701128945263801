/**
 * The handlers of every resource, by the name its serialized provider carries. Adding a resource adds one line here
 * and its name in `provider/index.ts`; the serialized providers themselves do not change.
 */
import { authStrategyHandlers } from "./authStrategyHandlers";
import { dcrProviderHandlers } from "./dcrProviderHandlers";
import { devPortalHandlers } from "./devPortalHandlers";

/** Handlers by resource name. */
export const handlers = {
  dcrProvider: dcrProviderHandlers,
  authStrategy: authStrategyHandlers,
  apiPublication: devPortalHandlers.apiPublication,
  portalDefaultAuthStrategy: devPortalHandlers.portalDefaultAuthStrategy,
};

/** A resource name the runtime serves. */
export type ResourceName = keyof typeof handlers;

export type { Handlers } from "./handlerFactory";
