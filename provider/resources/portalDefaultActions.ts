/**
 * The API calls of `konnect.PortalDefaultAuthStrategy` per lifecycle step, on one transport (the resource's region):
 * create, update, read and delete, each at its economy floor (see `./portalDefaultArgs.ts`). No Pulumi here; the
 * handler factory wraps these as the resource's endpoint. `log` receives one line when delete leaves a portal alone.
 */
import { isNotFound, KonnectApiError, type KonnectTransport } from "../konnect";
import { getPortal, setPortalDefaultAuthStrategy, type Portal } from "../konnect/portals";
import type { PortalDefaultAuthStrategyInputs, PortalDefaultAuthStrategyOutputs } from "./portalDefaultArgs";
import {
  outputsAfterCreate,
  outputsAfterRead,
  outputsAfterUpdate,
  restoreDecision,
  restoreFailureAction,
} from "./portalDefaultModel";

/** GET, with a 404 (the portal is gone) as undefined. */
async function findPortal(transport: KonnectTransport, portalId: string): Promise<Portal | undefined> {
  try {
    return await getPortal(transport, portalId);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** create = 1 GET (record the previous default) + 1 PATCH (set ours). */
export async function createPortalDefault(
  transport: KonnectTransport,
  inputs: PortalDefaultAuthStrategyInputs,
): Promise<{ id: string; outs: PortalDefaultAuthStrategyOutputs }> {
  const before = await getPortal(transport, inputs.portalId);
  const after = await setPortalDefaultAuthStrategy(transport, inputs.portalId, inputs.authStrategyId);
  return {
    id: inputs.portalId,
    outs: outputsAfterCreate(inputs, before.defaultApplicationAuthStrategyId, after.defaultApplicationAuthStrategyId),
  };
}

/** update = 1 PATCH to the new strategy; the previous default stays what it was before create. */
export async function updatePortalDefault(
  transport: KonnectTransport,
  olds: PortalDefaultAuthStrategyOutputs,
  news: PortalDefaultAuthStrategyInputs,
): Promise<PortalDefaultAuthStrategyOutputs> {
  const after = await setPortalDefaultAuthStrategy(transport, news.portalId, news.authStrategyId);
  return outputsAfterUpdate(olds, news, after.defaultApplicationAuthStrategyId);
}

/** read = 1 GET: the portal's current default in `authStrategyId`; undefined when the portal is gone. */
export async function readPortalDefault(
  transport: KonnectTransport,
  olds: PortalDefaultAuthStrategyOutputs,
): Promise<PortalDefaultAuthStrategyOutputs | undefined> {
  const portal = await findPortal(transport, olds.portalId);
  return portal === undefined ? undefined : outputsAfterRead(olds, portal.defaultApplicationAuthStrategyId);
}

/**
 * delete = 1 GET + 1 PATCH: puts the previous default back only while the portal still points at the strategy this
 * resource applied; otherwise leaves it and logs why (1 GET). When the previous strategy no longer exists, Konnect
 * refuses the PATCH and the default is cleared instead (1 more PATCH). A portal that is gone is done.
 */
export async function deletePortalDefault(
  transport: KonnectTransport,
  olds: PortalDefaultAuthStrategyOutputs,
  log: (line: string) => void,
): Promise<void> {
  const portal = await findPortal(transport, olds.portalId);
  if (portal === undefined) return;
  const decision = restoreDecision(olds, portal.defaultApplicationAuthStrategyId);
  if (decision.kind === "leave") {
    log(decision.message);
    return;
  }
  try {
    await setPortalDefaultAuthStrategy(transport, olds.portalId, decision.to);
  } catch (error) {
    if (!(error instanceof KonnectApiError)) throw error;
    const action = restoreFailureAction(
      error.status,
      error.invalidParameters.map((p) => p.field),
      decision.to,
    );
    if (action === "done") return;
    if (action === "fail") throw error;
    log(
      `portal ${olds.portalId}: the previous default auth strategy ${String(decision.to)} no longer exists; ` +
        "clearing the default instead",
    );
    try {
      await setPortalDefaultAuthStrategy(transport, olds.portalId, null);
    } catch (clearError) {
      if (!isNotFound(clearError)) throw clearError;
    }
  }
}
