/**
 * `konnect.PortalDefaultAuthStrategy` as a resource definition for the generic handlers: a Dev Portal's
 * `default_application_auth_strategy_id`, set without owning the portal (`GET|PATCH /v3/portals/{portalId}`; the PATCH
 * body carries that one field only). Each step names its API calls (the economy floor):
 * - **id**: the portal id (one default per portal; two resources on one portal would fight, so do not declare two).
 * - **create** = 1 GET + 1 PATCH: the GET records the portal's current default as `previousAuthStrategyId` (null
 *   when none), the PATCH sets `authStrategyId`; `appliedAuthStrategyId` records what this resource set.
 * - **update** (`authStrategyId` changed) = 1 PATCH; `previousAuthStrategyId` is kept.
 * - **delete** = 1 GET + 1 PATCH, decided by {@link restoreDecision}: a portal that still points at
 *   `appliedAuthStrategyId` goes back to `previousAuthStrategyId` (or null when there was none, or when that strategy
 *   no longer exists: 1 more PATCH); a portal pointing elsewhere is left as is (1 GET); a portal that is gone is done.
 * - **read** = 1 GET: `authStrategyId` shows the portal's current default; the applied and previous ids are kept.
 * - **diff** (no call): `portalId` and `region` replace (deleting first, so the previous default is put back before
 *   the new resource records it); `authStrategyId` updates, also when a refresh saw the portal pointing elsewhere.
 */
import {
  KonnectApiError,
  getPortal,
  isNotFound,
  setPortalDefaultAuthStrategy,
  type KonnectTransport,
  type Portal,
} from "../../konnect";
import { providerLog } from "../core/context";
import { tableRules, updateBody, type FieldRule } from "../core/fieldRules";
import { resourceHandlers, type OutputStep, type ResourceDefinition } from "../core/handlerFactory";
import type { PortalDefaultAuthStrategyInputs, PortalDefaultAuthStrategyOutputs } from "./args";
import { checkPortalDefaultInputs } from "./check";
import { PORTAL_DEFAULT_INPUTS } from "./inputs";

/** What the handlers see of a portal's default: the current one, and after create the one found before it. */
export interface PortalDefaultObservation {
  /** The portal's default auth strategy now (null: none). */
  current: string | null;
  /** Set by create only: the default the GET found before the PATCH (null: none). */
  previous?: string | null;
}

/** The observation of a portal as Konnect returned it. */
function observed(portal: Portal): PortalDefaultObservation {
  return { current: portal.defaultApplicationAuthStrategyId };
}

function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  return a.toLowerCase() === b.toLowerCase();
}

/** Outputs after create: `previous` is the default the GET found before the PATCH (null when none). */
export function outputsAfterCreate(
  inputs: PortalDefaultAuthStrategyInputs,
  previous: string | null,
  current: string | null,
): PortalDefaultAuthStrategyOutputs {
  // An interrupted earlier create may have set ours already: then the GET shows ours, and there is no other
  // previous default to know of. Restoring "ours" would undo nothing, so it is recorded as none.
  const previousAuthStrategyId = sameId(previous, inputs.authStrategyId) ? null : previous;
  return {
    portalId: inputs.portalId,
    authStrategyId: current,
    appliedAuthStrategyId: inputs.authStrategyId,
    previousAuthStrategyId,
    ...(inputs.region === undefined ? {} : { region: inputs.region }),
  };
}

/** Outputs after a create, an update (one PATCH: the previous default stays) or a refresh (only the current one). */
function portalDefaultOutputs(
  declared: PortalDefaultAuthStrategyInputs,
  observation: PortalDefaultObservation,
  step: OutputStep<PortalDefaultAuthStrategyOutputs>,
): PortalDefaultAuthStrategyOutputs {
  switch (step.kind) {
    case "create":
      return outputsAfterCreate(declared, observation.previous ?? null, observation.current);
    case "update":
      return {
        ...step.olds,
        ...declared,
        authStrategyId: observation.current,
        appliedAuthStrategyId: declared.authStrategyId,
      };
    case "read":
      return { ...step.olds, authStrategyId: observation.current };
  }
}

/** What delete does after its GET of the portal. */
export type RestoreDecision =
  /** The portal still points at ours: PATCH it to `to` (the previous default, or null). */
  | { kind: "restore"; to: string | null }
  /** Someone changed the default since: leave it, and log `message`. */
  | { kind: "leave"; message: string };

/**
 * Decides delete from state and the portal's current default. Only a portal that still points at the strategy this
 * resource applied is changed; it goes back to the previous default (null when there was none).
 */
export function restoreDecision(
  state: Pick<PortalDefaultAuthStrategyOutputs, "portalId" | "appliedAuthStrategyId" | "previousAuthStrategyId">,
  current: string | null,
): RestoreDecision {
  if (sameId(current, state.appliedAuthStrategyId)) return { kind: "restore", to: state.previousAuthStrategyId };
  const now = current === null ? "no default" : `strategy ${current}`;
  return {
    kind: "leave",
    message:
      `portal ${state.portalId}: default auth strategy left as is (${now}): it no longer points at ` +
      `${state.appliedAuthStrategyId}, which this resource set, so someone changed it since`,
  };
}

/** What to do when the restore PATCH to the previous default failed with an HTTP status and Konnect's fields. */
export type RestoreFailureAction = "clear" | "done" | "fail";

/**
 * After a failed PATCH back to `previousAuthStrategyId`: a 400 naming `default_application_auth_strategy_id` means
 * that strategy no longer exists → clear the default (PATCH null). A 404 may mean the strategy is gone (Konnect's
 * answer for unknown references is not documented) or the portal is: clear, and a 404 on that clear means the portal
 * is gone → done. Anything else fails the delete.
 */
export function restoreFailureAction(
  status: number,
  invalidFields: readonly string[],
  restoringTo: string | null,
): RestoreFailureAction {
  if (restoringTo === null) return status === 404 ? "done" : "fail";
  if (status === 400 && invalidFields.some((f) => f === "default_application_auth_strategy_id")) return "clear";
  if (status === 404) return "clear";
  return "fail";
}

/** The PATCH body of the portal's default (camelCase). */
interface PortalDefaultBody {
  defaultApplicationAuthStrategyId?: string;
}

/**
 * The rows, from the input table: `portalId` and `region` replace; `authStrategyId` updates in place (one PATCH) and
 * is compared with both the portal's current default (refresh shows drift) and the one this resource set: both must
 * be the declared one.
 */
const PORTAL_DEFAULT_RULES: readonly FieldRule<
  PortalDefaultAuthStrategyOutputs,
  PortalDefaultAuthStrategyInputs,
  PortalDefaultBody
>[] = tableRules(PORTAL_DEFAULT_INPUTS, {
  authStrategyId: {
    property: "authStrategyId",
    effect: "update",
    before: (o) => [o.authStrategyId, o.appliedAuthStrategyId],
    after: (n) => [n.authStrategyId, n.authStrategyId],
    equal: (a, b) => {
      const [a0, a1] = a as (string | null)[];
      const [b0, b1] = b as (string | null)[];
      return sameId(a0, b0) && sameId(a1, b1);
    },
    send: (body, _o, n) => (body.defaultApplicationAuthStrategyId = n.authStrategyId),
  },
});

/** GET, with a 404 (the portal is gone) as undefined. */
async function findPortal(transport: KonnectTransport, portalId: string): Promise<Portal | undefined> {
  try {
    return await getPortal(transport, portalId);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The create = 1 GET (record the previous default) + 1 PATCH (set ours). */
async function applyPortalDefault(
  transport: KonnectTransport,
  inputs: PortalDefaultAuthStrategyInputs,
): Promise<PortalDefaultObservation> {
  const before = await getPortal(transport, inputs.portalId);
  const after = await setPortalDefaultAuthStrategy(transport, inputs.portalId, inputs.authStrategyId);
  return { current: after.defaultApplicationAuthStrategyId, previous: before.defaultApplicationAuthStrategyId };
}

/**
 * The delete = 1 GET + 1 PATCH: puts the previous default back only while the portal still points at the strategy
 * this resource applied; otherwise leaves it and logs why (1 GET). When the previous strategy no longer exists,
 * Konnect refuses the PATCH and the default is cleared instead (1 more PATCH). A portal that is gone is done.
 */
async function restorePortalDefault(
  transport: KonnectTransport,
  olds: PortalDefaultAuthStrategyOutputs,
): Promise<void> {
  const portal = await findPortal(transport, olds.portalId);
  if (portal === undefined) return;
  const decision = restoreDecision(olds, portal.defaultApplicationAuthStrategyId);
  if (decision.kind === "leave") {
    providerLog(decision.message);
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
    providerLog(
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

/** What the generic handlers need to know about a portal's default auth strategy. */
export const portalDefaultDefinition: ResourceDefinition<
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
  PortalDefaultObservation
> = {
  noun: "portal default auth strategy",
  inputs: PORTAL_DEFAULT_INPUTS,
  subject: (props) => `the default auth strategy of portal ${props.portalId}`,
  check: checkPortalDefaultInputs,
  rules: () => PORTAL_DEFAULT_RULES,
  get: async (transport, id) => observed(await getPortal(transport, id)),
  planUpdate(olds, news) {
    const body = updateBody(PORTAL_DEFAULT_RULES, olds, news, {});
    return (
      body && {
        fields: ["authStrategyId"],
        send: async (transport, id) => observed(await setPortalDefaultAuthStrategy(transport, id, news.authStrategyId)),
      }
    );
  },
  outputs: portalDefaultOutputs,
  // `authStrategyId` is the strategy this resource applied (the output of that name shows what the portal has now,
  // which a refresh may find changed).
  inputsFromOutputs: (outputs) => ({
    portalId: outputs.portalId,
    authStrategyId: outputs.appliedAuthStrategyId,
    ...(outputs.region === undefined ? {} : { region: outputs.region }),
  }),
  create: {
    kind: "derived",
    idOf: (inputs) => inputs.portalId,
    run: (context, inputs) => applyPortalDefault(context.transport, inputs),
  },
  // A portal default is put back, never deleted.
  delete: { kind: "custom", run: (context, _id, props) => restorePortalDefault(context.transport, props) },
  // The old resource must put the previous default back before the new one records it: creating first on the same
  // portal (a `region` change that names the same region) would record ours as "previous".
  deleteBeforeReplace: true,
};

/** Handlers behind the serialized `konnect.PortalDefaultAuthStrategy` provider. */
export const portalDefaultHandlers = resourceHandlers(portalDefaultDefinition);
