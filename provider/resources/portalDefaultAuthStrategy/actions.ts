/**
 * The API calls of `konnect.PortalDefaultAuthStrategy` per lifecycle step, on one transport (the resource's region):
 * create, update, read and delete, each at its economy floor (see `./portalDefaultArgs.ts`). No Pulumi here; the
 * handler factory wraps these as the resource's endpoint. `log` receives one line when delete leaves a portal alone.
 */
import { isNotFound, KonnectApiError, type KonnectTransport } from "../../konnect";
import { getPortal, setPortalDefaultAuthStrategy, type Portal } from "../../konnect/portals/operations";
import type { PortalDefaultAuthStrategyInputs, PortalDefaultAuthStrategyOutputs } from "./args";
import {
  outputsAfterCreate,
  outputsAfterUpdate,
  outputsAfterRead,
  restoreDecision,
  restoreFailureAction,
} from "./model";

/** GET, with a 404 (the portal is gone) as undefined. */
async function findPortal(transport: KonnectTransport, portalId: string): Promise<Portal | undefined> {
  try {
    return await getPortal(transport, portalId);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** What the handlers see of a portal's default: the current one, and after create the one found before it. */
export interface PortalDefaultObservation {
  /** The portal id (the resource id). */
  id: string;
  /** The portal's default auth strategy now (null: none). */
  current: string | null;
  /** Set by create only: the default the GET found before the PATCH (null: none). */
  previous?: string | null;
}

/** The observation of a portal as Konnect returned it. */
export function observed(portal: Portal): PortalDefaultObservation {
  return { id: portal.id, current: portal.defaultApplicationAuthStrategyId };
}

/** The create strategy = 1 GET (record the previous default) + 1 PATCH (set ours). */
export async function applyPortalDefault(
  transport: KonnectTransport,
  inputs: PortalDefaultAuthStrategyInputs,
): Promise<PortalDefaultObservation> {
  const before = await getPortal(transport, inputs.portalId);
  const after = await setPortalDefaultAuthStrategy(transport, inputs.portalId, inputs.authStrategyId);
  return {
    id: inputs.portalId,
    current: after.defaultApplicationAuthStrategyId,
    previous: before.defaultApplicationAuthStrategyId,
  };
}

/** Outputs from the declared inputs and an observation: after create (it has `previous`), or else after `olds`. */
export function portalDefaultOutputs(
  declared: PortalDefaultAuthStrategyInputs,
  observation: PortalDefaultObservation,
  olds?: PortalDefaultAuthStrategyOutputs,
): PortalDefaultAuthStrategyOutputs {
  if (observation.previous !== undefined)
    return outputsAfterCreate(declared, observation.previous, observation.current);
  if (olds === undefined)
    throw new Error(`portal ${declared.portalId}: no prior state to keep the previous default from`);
  return outputsAfterUpdate(olds, declared, observation.current);
}

/** create = {@link applyPortalDefault} with the resource id (the portal id) and outputs. */
export async function createPortalDefault(
  transport: KonnectTransport,
  inputs: PortalDefaultAuthStrategyInputs,
): Promise<{ id: string; outs: PortalDefaultAuthStrategyOutputs }> {
  const observation = await applyPortalDefault(transport, inputs);
  return { id: inputs.portalId, outs: portalDefaultOutputs(inputs, observation) };
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
