/**
 * `konnect.PortalDefaultAuthStrategy` as a resource definition for the generic handlers: a Dev Portal's
 * `default_application_auth_strategy_id`, set without owning the portal (`GET|PATCH /v3/portals/{portalId}`; the PATCH
 * body carries that one field and this resource's two labels only). Each step names its API calls (the economy floor):
 * - **id**: the portal id (one default per portal; two resources on one portal would fight, so do not declare two).
 * - **the record on the portal**: the PATCH that replaces the default also writes two portal labels (same request, so
 *   both change together or neither does): `pulumi-default-previous` (the default before this resource first set it,
 *   `none` for none) and `pulumi-default-applied` (the strategy it set last). They make what this resource replaced
 *   durable at the moment it is replaced: a create or update whose state Pulumi never wrote (the plugin host killed
 *   between the PATCH and the state write) is recognised by the next run and by delete. The record counts only while
 *   the portal still points at `pulumi-default-applied` ({@link validRecord}): a default changed since (in the UI)
 *   makes it stale. Delete removes both labels.
 * - **create** = 1 GET + 1 PATCH: the previous default is the record's when the portal carries a valid one (an
 *   earlier attempt of this create replaced it already), else the portal's current default, which may be the declared
 *   one already (codifying what exists: nothing is undone on delete). The PATCH sets `authStrategyId` and the record.
 * - **update** (`authStrategyId` changed) = 1 PATCH of the default and the record; `previousAuthStrategyId` is kept.
 * - **delete** = 1 GET + 1 PATCH, decided by {@link restoreDecision}: a portal that still points at the strategy this
 *   resource applied (the valid record's, else the state's `appliedAuthStrategyId`) goes back to the previous default
 *   (the record's, else the state's; null when there was none; cleared with 1 more PATCH when that strategy no longer
 *   exists); a portal pointing elsewhere keeps its default and loses only the record; a portal that is gone is done.
 * - **read** = 1 GET: `authStrategyId` shows the portal's current default; the applied and previous ids are kept, or
 *   taken from a valid record that says otherwise (an update whose state was never written).
 * - **diff** (no call): `portalId` and `region` replace (deleting first, so the previous default is put back before
 *   the new resource records it); `authStrategyId` updates, also when a refresh saw the portal pointing elsewhere.
 */
import {
  getPortal,
  hasRecordLabels,
  isNotFound,
  patchPortalDefault,
  recordInForce,
  recordLabels,
  removedRecordLabels,
  restorePortalDefault,
  sameStrategy,
  type DefaultRecord,
  type KonnectTransport,
  type Portal,
} from "../../konnect";
import { AUTH_STRATEGY_NOUN } from "../../konnect/authStrategies/fields";
import { providerLog } from "../core/context";
import { tableRules, updateBody, type FieldRule } from "../core/fieldRules";
import { resourceHandlers, type OutputStep, type ResourceDefinition } from "../core/handlerFactory";
import { isUnknown } from "../core/unknowns";
import type { PortalDefaultAuthStrategyInputs, PortalDefaultAuthStrategyOutputs } from "./args";
import { checkPortalDefaultInputs } from "./check";
import { PORTAL_DEFAULT_INPUTS } from "./inputs";

/** What the handlers see of a portal's default: the current one, the portal's labels, and after create the previous. */
export interface PortalDefaultObservation {
  /** The portal's default auth strategy now (null: none). */
  current: string | null;
  /** The portal's labels (the record among them). */
  labels: Readonly<Record<string, string>>;
  /** Set by create only: the default this resource replaced (null: none), see {@link previousDefault}. */
  previous?: string | null;
}

/** The observation of a portal as Konnect returned it. */
function observed(portal: Portal): PortalDefaultObservation {
  return { current: portal.defaultApplicationAuthStrategyId, labels: portal.labels };
}

const sameId = sameStrategy;

/**
 * The portal's record while it is in force: the portal still points at the strategy the record says this resource
 * applied. A default changed since (in the UI, by someone else) makes it stale: undefined.
 */
export function validRecord(portal: PortalDefaultObservation): DefaultRecord | undefined {
  return recordInForce(portal);
}

/**
 * The default a create replaces, from the portal the GET found: the valid record's previous default (an earlier
 * attempt of this create, whose state was never written, replaced it already), else the portal's current default.
 * That may be the declared strategy itself (the program codifies what exists): then delete has nothing to undo.
 */
export function previousDefault(portal: PortalDefaultObservation): string | null {
  const record = validRecord(portal);
  return record === undefined ? portal.current : record.previous;
}

/** Outputs after create: `previous` is the default this resource replaced (see {@link previousDefault}). */
export function outputsAfterCreate(
  inputs: PortalDefaultAuthStrategyInputs,
  previous: string | null,
  current: string | null,
): PortalDefaultAuthStrategyOutputs {
  return {
    portalId: inputs.portalId,
    authStrategyId: current,
    appliedAuthStrategyId: inputs.authStrategyId,
    previousAuthStrategyId: previous,
    ...(inputs.region === undefined ? {} : { region: inputs.region }),
  };
}

/**
 * Outputs after a create, an update (one PATCH: the previous default stays) or a refresh (the current default; the
 * applied and previous ones from a valid record that differs from the state: an update whose state was never
 * written).
 */
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
    case "read": {
      const record = validRecord(observation);
      const kept = record === undefined || sameId(record.applied, step.olds.appliedAuthStrategyId);
      return kept
        ? { ...step.olds, authStrategyId: observation.current }
        : {
            ...step.olds,
            authStrategyId: observation.current,
            appliedAuthStrategyId: record.applied,
            previousAuthStrategyId: record.previous,
          };
    }
  }
}

/** What delete does after its GET of the portal. */
export type RestoreDecision =
  /** The portal still points at ours: PATCH it to `to` (the previous default, or null) and remove the record. */
  | { kind: "restore"; to: string | null; removeRecord: boolean }
  /** The portal already has the previous default (nothing was changed): only remove the record, if any. */
  | { kind: "keep"; removeRecord: boolean }
  /** Someone changed the default since: leave it, remove the record (if any), and log `message`. */
  | { kind: "leave"; message: string; removeRecord: boolean };

/**
 * Decides delete from state and the portal. Only a portal that still points at the strategy this resource applied is
 * changed: the applied and previous ids are the portal's valid record's (durable even when Pulumi never wrote the
 * state of the step that set them), else the state's. It goes back to the previous default (null when there was
 * none); when that is what it has (the program codified an existing default), the default is kept.
 */
export function restoreDecision(
  state: Pick<PortalDefaultAuthStrategyOutputs, "portalId" | "appliedAuthStrategyId" | "previousAuthStrategyId">,
  portal: PortalDefaultObservation,
): RestoreDecision {
  const removeRecord = hasRecordLabels(portal.labels);
  const record = validRecord(portal);
  const applied = record?.applied ?? state.appliedAuthStrategyId;
  if (record === undefined && !sameId(portal.current, state.appliedAuthStrategyId)) {
    const now = portal.current === null ? "no default" : `strategy ${portal.current}`;
    return {
      kind: "leave",
      removeRecord,
      message:
        `portal ${state.portalId}: default auth strategy left as is (${now}): it no longer points at ` +
        `${applied}, which this resource set, so someone changed it since`,
    };
  }
  const to = record === undefined ? state.previousAuthStrategyId : record.previous;
  if (sameId(to, portal.current)) return { kind: "keep", removeRecord };
  return { kind: "restore", to, removeRecord };
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

/**
 * The create = 1 GET (the default to record as previous) + 1 PATCH (ours, and the record on the portal). The PATCH
 * is sent also when the portal has ours already: it writes the record that makes the previous default durable.
 */
async function applyPortalDefault(
  transport: KonnectTransport,
  inputs: PortalDefaultAuthStrategyInputs,
): Promise<PortalDefaultObservation> {
  const before = observed(await getPortal(transport, inputs.portalId));
  const previous = previousDefault(before);
  const after = await patchPortalDefault(transport, inputs.portalId, {
    defaultApplicationAuthStrategyId: inputs.authStrategyId,
    labels: recordLabels({ applied: inputs.authStrategyId, previous }),
  });
  return { ...observed(after), previous };
}

/**
 * The delete = 1 GET + 1 PATCH: puts the previous default back only while the portal still points at the strategy
 * this resource applied; otherwise leaves the default and logs why. Either way the record labels go (in the same
 * PATCH; no PATCH when there are none and nothing to put back). When the previous strategy no longer exists, Konnect
 * refuses the PATCH and the default is cleared instead (1 more PATCH). A portal that is gone is done.
 */
async function restore(transport: KonnectTransport, olds: PortalDefaultAuthStrategyOutputs): Promise<void> {
  const portal = await findPortal(transport, olds.portalId);
  if (portal === undefined) return;
  const decision = restoreDecision(olds, observed(portal));
  if (decision.kind !== "restore") {
    if (decision.kind === "leave") providerLog(decision.message);
    if (decision.removeRecord) await patchPortalDefault(transport, olds.portalId, { labels: removedRecordLabels() });
    return;
  }
  const outcome = await restorePortalDefault(transport, olds.portalId, decision.to, decision.removeRecord);
  if (outcome === "cleared") {
    providerLog(
      `portal ${olds.portalId}: the previous default auth strategy ${String(decision.to)} no longer exists; ` +
        "clearing the default instead",
    );
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
    // The same PATCH moves the record: the new strategy applied, the previous default as the state has it.
    const record = { applied: news.authStrategyId, previous: olds.previousAuthStrategyId ?? null };
    return (
      body && {
        fields: ["authStrategyId"],
        send: async (transport, id) =>
          observed(
            await patchPortalDefault(transport, id, {
              defaultApplicationAuthStrategyId: news.authStrategyId,
              labels: recordLabels(record),
            }),
          ),
      }
    );
  },
  outputs: portalDefaultOutputs,
  // The strategy it still sets after an update, when known (a literal id of a strategy being replaced: F6).
  keptReferences: (_olds, news) =>
    isUnknown(news.authStrategyId)
      ? []
      : [
          {
            noun: AUTH_STRATEGY_NOUN,
            id: news.authStrategyId,
            holder: `the default auth strategy of portal ${news.portalId} (a PortalDefaultAuthStrategy)`,
            remedy: "it declares this id; declare the replacement's id instead ([<the strategy resource>.id])",
          },
        ],
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
  delete: { kind: "custom", run: (context, _id, props) => restore(context.transport, props) },
  // The old resource must put the previous default back before the new one records it: creating first on the same
  // portal (a `region` change that names the same region) would record ours as "previous".
  deleteBeforeReplace: true,
};

/** Handlers behind the serialized `konnect.PortalDefaultAuthStrategy` provider. */
export const portalDefaultHandlers = resourceHandlers(portalDefaultDefinition);
