/**
 * One generic set of dynamic-provider handlers (check, diff, create, read, update, delete) for every Konnect
 * resource. A resource is described by a {@link ResourceDefinition}: its field rules, its endpoint (the typed client
 * calls), how outputs are built, and optional hooks. Adoption, exactly-once creates by creation key (see
 * `creationKey.ts`), renaming of Konnect's 400 fields to input names (on every path, adopt included), 404/409
 * handling and logging live here once.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { KonnectTransport } from "../konnect";
import type { KonnectRegion, Labels } from "./args";
import type { CheckFailure } from "./checkSupport";
import { withoutProviderCode } from "./compare";
import { createRetryDelayMs, providerLog, transportFor } from "./context";
import { createOnce } from "./createOnce";
import {
  CREATION_KEY_INPUT,
  CreationKeyMemory,
  checkCreationKey,
  creationKeyFromLabels,
  findByCreationKey,
  isCreationKey,
  labelsKeepingCreationKey,
  type PriorInputs,
} from "./creationKey";
import { IMPORT_UNSUPPORTED, explainDeleteConflict, isNotFound } from "./errorsForUsers";
import { changedProperties, replacingProperties, type FieldRule } from "./fieldRules";
import { isUnknown } from "./unknowns";
import { withInputNames, type ResourceKind } from "./wireNames";

/** Inputs every resource has. */
export interface BaseInputs {
  /** Name in Konnect (not unique). */
  name: string;
  /** Labels declared by the user. */
  labels?: Labels;
  /** Id of an existing object to take over instead of creating one. */
  adoptId?: string;
  /** Region of the object (overrides the stack's). */
  region?: KonnectRegion;
}

/** What the handlers need of a Konnect object. */
export interface KonnectObject {
  id: string;
  labels: Record<string, string>;
}

/** Where and how a call goes: the transport of the resource's region. */
export interface CallContext {
  transport: KonnectTransport;
  region: string;
  verifyTimeoutMs: number;
}

/** The API call that brings an object to the declared state. */
export interface UpdatePlan<Obj> {
  /** Input properties sent (for the log line). */
  fields: string[];
  /** Set when the whole object is replaced (PUT): why, for the log line. */
  replaceAllReason?: string;
  /**
   * True when the request replaces the object's labels as a whole (a PUT): the handlers then pass `labels`, the
   * declared labels plus the creation label the object carries now, so the object keeps its creation key.
   */
  replacesLabels?: boolean;
  /** Sends the request (`labels` is set exactly when {@link replacesLabels} is). */
  send(transport: KonnectTransport, id: string, labels?: Record<string, string>): Promise<Obj>;
}

/** The resource's endpoint: the typed client calls it is made of. */
export interface ResourceEndpoint<I, O, Obj> {
  /** POST with the given labels (declared ones plus the creation label). */
  create(transport: KonnectTransport, inputs: I, labels: Record<string, string>): Promise<Obj>;
  /** Every object with this name (the creation-key lookup before a POST and the exactly-once recovery). */
  findByName(transport: KonnectTransport, name: string): Promise<Obj[]>;
  /** GET by id. */
  get(transport: KonnectTransport, id: string): Promise<Obj>;
  /** The update from `olds` to `news`, or undefined when nothing needs sending. */
  planUpdate(olds: O, news: I): UpdatePlan<Obj> | undefined;
  /** DELETE by id. */
  delete(transport: KonnectTransport, id: string): Promise<void>;
}

/** Which write an `afterWrite` hook follows. */
export interface WriteStep<O> {
  what: "created" | "updated" | "adopted";
  /** Prior outputs (updates only). */
  olds?: O;
  /** Whether a request body was sent. */
  sent: boolean;
}

/** Everything the generic handlers know about one resource. */
export interface ResourceDefinition<I extends BaseInputs, O extends I, Obj extends KonnectObject> {
  /** Which wire-name table renames Konnect's 400 fields to input names. */
  kind: ResourceKind;
  /** Noun for logs and errors (`DCR provider`). */
  noun: string;
  /** Input property holding the object's type (`providerType`); a different type cannot be adopted. */
  typeProperty: keyof I & string;
  /** The type of an existing object. */
  typeOf(object: Obj): string;
  /** Validates and normalizes inputs. */
  check(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] };
  /** The field rows for the declared inputs (diff and update bodies derive from them). */
  rules(news: I): readonly FieldRule<O, I, object>[];
  /** The client calls. */
  endpoint: ResourceEndpoint<I, O, Obj>;
  /** Outputs from the declared inputs and Konnect's answer. */
  outputs(declared: I, object: Obj): O;
  /** The declared-input view of outputs (what `read` hands back as inputs). */
  inputsFromOutputs(outputs: O): I;
  /** The read-only outputs (not inputs) kept when an update sends nothing. */
  readOnlyOutputs(olds: O): Omit<O, keyof I>;
  /** The declared inputs an existing object is compared with on adopt (what Konnect cannot report cleared). */
  adoptBaseline(inputs: I): I;
  /** What may still use the object when Konnect answers a delete with 409, and what to do. */
  deleteConflictHint: string;
  /** Optional step after a write (the DCR provider's `/verify`); may throw `ResourceInitError`. */
  afterWrite?(context: CallContext, id: string, outputs: O, step: WriteStep<O>): Promise<void>;
  /**
   * Optional lookup before posting: an existing object this create should take over instead of posting (the seam
   * for a stable creation key). Undefined means post.
   */
  findBeforeCreate?(context: CallContext, inputs: I): Promise<Obj | undefined>;
}

/**
 * The creation keys `check` derived in this process (one plugin host per deployment), shared by every resource: the
 * engine's empty-olds re-check of a replacement finds the successor here (see `creationKey.ts`).
 */
const creationKeys = new CreationKeyMemory();

/** The creation key carried by checked inputs, when they carry a valid one (direct calls may skip `check`). */
function creationKeyOf(inputs: object): string | undefined {
  const key = (inputs as Record<string, unknown>)[CREATION_KEY_INPUT];
  return isCreationKey(key) ? key : undefined;
}

/** Outputs with `__creationKey` set to the key the object's creation label holds (dropped when it holds none). */
function withCreationKey<O>(outs: O, key: string | undefined): O {
  const { [CREATION_KEY_INPUT]: _dropped, ...rest } = outs as Record<string, unknown>;
  return (key === undefined ? rest : { ...rest, [CREATION_KEY_INPUT]: key }) as O;
}

/** What `check` knows about the prior inputs: none (empty olds) or the resource's prior creation key. */
function priorInputs(olds: object | undefined): PriorInputs {
  if (olds === undefined || Object.keys(olds).length === 0) return { inState: false };
  return { inState: true, creationKey: (olds as Record<string, unknown>)[CREATION_KEY_INPUT] };
}

/** The six handlers behind one serialized provider. */
export type Handlers<I, O> = Required<Omit<pulumi.dynamic.ResourceProvider<I, O>, "configure">>;

/** Builds the handlers of one resource from its definition. */
export function resourceHandlers<I extends BaseInputs, O extends I, Obj extends KonnectObject>(
  def: ResourceDefinition<I, O, Obj>,
): Handlers<I, O> {
  const rename = (error: unknown) => {
    throw withInputNames(error, def.kind);
  };

  async function applyUpdate(context: CallContext, id: string, olds: O, news: I): Promise<Obj | undefined> {
    const plan = def.endpoint.planUpdate(olds, news);
    if (!plan) return undefined;
    const subject = `${def.noun} "${news.name}" in region ${context.region}`;
    providerLog(
      plan.replaceAllReason
        ? `replacing settings of ${subject} (${plan.replaceAllReason})`
        : `updating ${subject}: ${plan.fields.join(", ")}`,
    );
    // A request that replaces every label must re-send the creation label the object carries now.
    const labels = plan.replacesLabels
      ? labelsKeepingCreationKey(news.labels, (await def.endpoint.get(context.transport, id)).labels)
      : undefined;
    return plan.send(context.transport, id, labels).catch(rename);
  }

  /** Brings an existing object of the declared type to the declared state (adopt, or a create finding its key). */
  async function takeOver(context: CallContext, existing: Obj, inputs: I, what: "adopted" | "created"): Promise<O> {
    const declaredType = String(inputs[def.typeProperty]);
    if (def.typeOf(existing) !== declaredType) {
      const found = what === "adopted" ? "adoptId" : `the object carrying this resource's creation key`;
      throw new Error(
        `${found}: ${def.noun} ${existing.id} has ${def.typeProperty} ${def.typeOf(existing)}, but ` +
          `${def.typeProperty} ${declaredType} is declared` +
          (what === "created" ? "; delete that object or declare its type" : ""),
      );
    }
    const current = def.outputs(def.adoptBaseline(inputs), existing);
    const updated = await applyUpdate(context, existing.id, current, inputs);
    const object = updated ?? existing;
    const outs = withCreationKey(def.outputs(inputs, object), creationKeyFromLabels(object.labels));
    await def.afterWrite?.(context, existing.id, outs, { what, sent: updated !== undefined });
    return outs;
  }

  async function adopt(context: CallContext, id: string, inputs: I): Promise<O> {
    providerLog(`adopting ${def.noun} ${id} in region ${context.region}`);
    let existing: Obj;
    try {
      existing = await def.endpoint.get(context.transport, id);
    } catch (error) {
      if (isNotFound(error)) {
        throw new Error(`adoptId: no ${def.noun} with id ${id} in region ${context.region}`, { cause: error });
      }
      throw error;
    }
    return takeOver(context, existing, inputs, "adopted");
  }

  /**
   * The object an earlier attempt of this create left (found by the creation key among the objects with the
   * declared name), or undefined when there is none and a POST is due.
   */
  async function findByKey(context: CallContext, inputs: I, key: string): Promise<Obj | undefined> {
    const lookup = findByCreationKey(await def.endpoint.findByName(context.transport, inputs.name), key);
    if (lookup.found === "none") return undefined;
    if (lookup.found === "many") {
      throw new Error(
        `several ${def.noun}s carry this resource's creation key (${lookup.ids.join(", ")}); delete all but one`,
      );
    }
    providerLog(`found ${def.noun} ${lookup.object.id} made by an earlier attempt of this create; taking it over`);
    return lookup.object;
  }

  return {
    check(olds, news) {
      // The resource classes always pass the base key; a direct `providers.*` call without one (it has no URN) gets
      // no key, and its create falls back to a random creation id (exactly once within that call only).
      const { [CREATION_KEY_INPUT]: base, ...declared } = news as unknown as Record<string, unknown>;
      const { inputs, failures } = def.check(declared);
      if (isUnknown(base)) {
        inputs[CREATION_KEY_INPUT] = base;
      } else if (base !== undefined) {
        const keyed = checkCreationKey(base, priorInputs(olds), creationKeys);
        if ("key" in keyed) inputs[CREATION_KEY_INPUT] = keyed.key;
        else failures.push({ property: CREATION_KEY_INPUT, reason: keyed.problem });
      }
      return Promise.resolve({ inputs: inputs as unknown as I, failures });
    },

    diff(_id, olds, news) {
      const codeChanged =
        (olds as unknown as Record<string, unknown>).__provider !==
        (news as unknown as Record<string, unknown>).__provider;
      const rules = def.rules(news);
      const changed = changedProperties(rules, olds, news, (n, group) => (n as Record<string, unknown>)[group]);
      const replaces = replacingProperties(rules, changed);
      return Promise.resolve({ changes: codeChanged || changed.length > 0, replaces, deleteBeforeReplace: false });
    },

    async create(inputs) {
      const context = transportFor(inputs.region);
      if (inputs.adoptId) return { id: inputs.adoptId, outs: await adopt(context, inputs.adoptId, inputs) };
      providerLog(
        `creating ${def.noun} "${inputs.name}" (${String(inputs[def.typeProperty])}) in region ${context.region}`,
      );
      const key = creationKeyOf(inputs);
      const existing =
        (await def.findBeforeCreate?.(context, inputs)) ??
        (key === undefined ? undefined : await findByKey(context, inputs, key));
      if (existing) return { id: existing.id, outs: await takeOver(context, existing, inputs, "created") };
      const created = await createOnce({
        post: (labels) => def.endpoint.create(context.transport, inputs, labels),
        findByName: () => def.endpoint.findByName(context.transport, inputs.name),
        labels: inputs.labels,
        creationKey: key,
        log: providerLog,
        retryDelayMs: createRetryDelayMs(),
      }).catch(rename);
      const outs = withCreationKey(def.outputs(inputs, created), creationKeyFromLabels(created.labels));
      await def.afterWrite?.(context, created.id, outs, { what: "created", sent: true });
      return { id: created.id, outs };
    },

    async read(id, props) {
      if (!props) throw new Error(IMPORT_UNSUPPORTED);
      const { transport } = transportFor(props.region);
      let current: Obj;
      try {
        current = await def.endpoint.get(transport, id);
      } catch (error) {
        if (isNotFound(error)) return {};
        throw error;
      }
      // The key the object carries; else the prior one (a dropped key would make the next check derive a key that
      // may be the label of this very object, see creationKey.ts).
      const key = creationKeyFromLabels(current.labels) ?? creationKeyOf(props);
      const outs = withCreationKey(def.outputs(def.inputsFromOutputs(props), current), key);
      // Pulumi types `inputs` as Outputs; the engine stores it as the resource's inputs.
      return { id, props: outs, inputs: def.inputsFromOutputs(outs) as unknown as O };
    },

    async update(id, olds, news) {
      const context = transportFor(news.region);
      const current = await applyUpdate(context, id, olds, news);
      // Outputs carry the key the object's label holds, never the input's (which moves one step per `up`).
      const outs = current
        ? withCreationKey(def.outputs(news, current), creationKeyFromLabels(current.labels) ?? creationKeyOf(olds))
        : withCreationKey({ ...withoutProviderCode(news), ...def.readOnlyOutputs(olds) } as O, creationKeyOf(olds));
      await def.afterWrite?.(context, id, outs, { what: "updated", olds, sent: current !== undefined });
      return { outs };
    },

    async delete(id, props) {
      const { transport, region } = transportFor(props.region);
      providerLog(`deleting ${def.noun} "${props.name}" in region ${region}`);
      try {
        await def.endpoint.delete(transport, id);
      } catch (error) {
        if (isNotFound(error)) return;
        throw explainDeleteConflict(error, `${def.noun} "${props.name}" (${id})`, def.deleteConflictHint);
      }
    },
  };
}
