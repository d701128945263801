/**
 * One generic set of dynamic-provider handlers (check, diff, create, read, update, delete) for every Konnect
 * resource. A resource is described by a {@link ResourceDefinition}: its field rules, its endpoint (the typed client
 * calls), how outputs are built, and optional hooks. Adoption, exactly-once creates by creation key (see
 * `creationKey.ts`), renaming of Konnect's 400 fields to input names (on every path, adopt included), 404/409
 * handling and logging live here once.
 */
import type * as pulumi from "@pulumi/pulumi";
import { isNotFound, type KonnectTransport } from "../../konnect";
import type { KonnectRegion, Labels } from "../args";
import { inputDepthFailure, type CheckFailure } from "./check";
import { withoutProviderCode } from "./compare";
import { createRetryDelayMs, effectiveRegion, providerLog, transportFor } from "./context";
import { createOnce } from "./createOnce";
import {
  CREATION_KEY_INPUT,
  CreationKeyMemory,
  checkCreationKey,
  creationKeyFromLabels,
  findByCreationKey,
  isCreationKey,
  type PriorInputs,
} from "./creationKey";
import { IMPORT_UNSUPPORTED, explainDeleteConflict } from "./errors";
import { changedProperties, replacingProperties, type FieldRule } from "./fieldRules";
import { ownedLabelsReplacement } from "./labelOwnership";
import { recordedLocation, withEffectiveRegions, withLocation } from "./location";
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

/** What every resource's inputs and outputs have: an optional region. */
export interface RegionInputs {
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
  /** The effective region. */
  region: string;
  /** The API base URL the transport sends to. */
  serverUrl: string;
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
  /** POST with the given labels (declared ones plus the creation label); needed unless the definition has `create`. */
  create?(transport: KonnectTransport, inputs: I, labels: Record<string, string>): Promise<Obj>;
  /** Every object with this name (exactly-once create recovery); needed unless the definition has `create`. */
  findByName?(transport: KonnectTransport, name: string): Promise<Obj[]>;
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
export interface ResourceDefinition<I extends RegionInputs, O extends RegionInputs, Obj> {
  /** Which wire-name table renames Konnect's 400 fields to input names. */
  kind: ResourceKind;
  /** Noun for logs and errors (`DCR provider`). */
  noun: string;
  /**
   * What log lines and errors call one object (default: the noun and the `name` input, `DCR provider "x"`), for
   * resources without a `name`.
   */
  subject?(props: I | O): string;
  /**
   * Input property holding the object's type (`providerType`); a different type cannot be adopted. Absent for
   * resources without a type (and without `adoptId`).
   */
  typeProperty?: keyof I & string;
  /** The type of an existing object (with `typeProperty`). */
  typeOf?(object: Obj): string;
  /** Validates and normalizes inputs. */
  check(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] };
  /** The field rows for the declared inputs (diff and update bodies derive from them). */
  rules(news: I): readonly FieldRule<O, I, object>[];
  /** The client calls. */
  endpoint: ResourceEndpoint<I, O, Obj>;
  /** Outputs from the declared inputs and Konnect's answer; `olds` (prior outputs) on update and read. */
  outputs(declared: I, object: Obj, olds?: O): O;
  /** The declared-input view of outputs (what `read` hands back as inputs), without read-only and location outputs. */
  inputsFromOutputs(outputs: O): I;
  /** The read-only outputs (not inputs, or Konnect's view of inputs) kept when an update sends nothing. */
  readOnlyOutputs(olds: O): Omit<O, keyof I> & Partial<O>;
  /** The declared inputs an existing object is compared with on adopt (default: the inputs as declared). */
  adoptBaseline?(inputs: I): I;
  /** What may still use the object when Konnect answers a delete with 409, and what to do. */
  deleteConflictHint: string;
  /** Optional step after a write (the DCR provider's `/verify`); may throw `ResourceInitError`. */
  afterWrite?(context: CallContext, id: string, outputs: O, step: WriteStep<O>): Promise<void>;
  /**
   * Optional lookup before posting: an existing object this create should take over instead of posting (the seam
   * for a stable creation key). Undefined means post.
   */
  findBeforeCreate?(context: CallContext, inputs: I): Promise<Obj | undefined>;
  /** Whether a replacement deletes the old object before creating the new one (default false: create first). */
  deleteBeforeReplace?: boolean;
  /**
   * The resource id of a created object (default: Konnect's `id` of the object), for objects Konnect gives no id of
   * their own (an API publication is `<apiId>/<portalId>`).
   */
  idOf?(inputs: I, object: Obj): string;
  /**
   * Create strategy replacing the default (`findBeforeCreate`, then POST exactly once with a creation label): for
   * objects that are PUT or PATCHed into place after a GET decides. Its errors are renamed like the default's.
   */
  create?(context: CallContext, inputs: I): Promise<Obj>;
  /**
   * Delete strategy replacing the default (DELETE by id, 404 done, 409 explained): for resources whose delete puts
   * something back instead (a portal's previous default strategy).
   */
  delete?(context: CallContext, id: string, props: O): Promise<void>;
}

/**
 * The creation keys `check` derived in this process (one plugin host per deployment), shared by every resource: the
 * engine's empty-olds re-check of a replacement finds the successor here (see `creationKey.ts`).
 */
const creationKeys = new CreationKeyMemory();

/** The labels of a Konnect object (resources whose objects have none: undefined). */
function labelsOf(object: unknown): Record<string, string> | undefined {
  return (object as Partial<KonnectObject>).labels;
}

/** The creation key an object's creation label holds, if any. */
function creationKeyOfObject(object: unknown): string | undefined {
  return creationKeyFromLabels(labelsOf(object));
}

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
export function resourceHandlers<I extends RegionInputs, O extends RegionInputs, Obj>(
  def: ResourceDefinition<I, O, Obj>,
): Handlers<I, O> {
  const rename = (error: unknown) => {
    throw withInputNames(error, def.kind);
  };
  const subject = (props: I | O) =>
    def.subject ? def.subject(props) : `${def.noun} "${(props as unknown as BaseInputs).name}"`;
  const idOf = (inputs: I, object: Obj) => (def.idOf ? def.idOf(inputs, object) : (object as KonnectObject).id);

  /** The default create: the `findBeforeCreate` seam, then one POST with exactly-once recovery by name. */
  /** Every object with the declared name (the creation-key lookup and the exactly-once recovery). */
  function findByName(context: CallContext, inputs: I): Promise<Obj[]> {
    if (!def.endpoint.findByName) throw new Error(`${def.noun}: the definition has no endpoint.findByName`);
    return def.endpoint.findByName(context.transport, (inputs as unknown as BaseInputs).name);
  }

  /** The default create: one POST carrying the creation key, with exactly-once recovery by name. */
  async function postOnce(context: CallContext, inputs: I): Promise<Obj> {
    const endpoint = def.endpoint;
    if (!endpoint.create) throw new Error(`${def.noun}: the definition has neither create nor endpoint.create`);
    // The default create applies to Konnect objects with labels (`KonnectObject`).
    return createOnce({
      post: (labels) => endpoint.create!(context.transport, inputs, labels) as Promise<Obj & KonnectObject>,
      findByName: () => findByName(context, inputs) as Promise<(Obj & KonnectObject)[]>,
      labels: (inputs as unknown as BaseInputs).labels,
      creationKey: creationKeyOf(inputs),
      log: providerLog,
      retryDelayMs: createRetryDelayMs(),
    });
  }

  async function applyUpdate(context: CallContext, id: string, olds: O, news: I): Promise<Obj | undefined> {
    const plan = def.endpoint.planUpdate(olds, news);
    if (!plan) return undefined;
    const where = `${subject(news)} in region ${context.region}`;
    providerLog(
      plan.replaceAllReason
        ? `replacing settings of ${where} (${plan.replaceAllReason})`
        : `updating ${where}: ${plan.fields.join(", ")}`,
    );
    // A request that replaces every label re-sends the labels that are not ours, the creation label included.
    const labels = plan.replacesLabels
      ? ownedLabelsReplacement(
          (olds as Partial<BaseInputs>).labels,
          (news as Partial<BaseInputs>).labels,
          labelsOf(await def.endpoint.get(context.transport, id)),
        )
      : undefined;
    return plan.send(context.transport, id, labels).catch(rename);
  }

  /** Brings an existing object of the declared type to the declared state (adopt, or a create finding its key). */
  async function takeOver(context: CallContext, existing: Obj, inputs: I, what: "adopted" | "created"): Promise<O> {
    const id = idOf(inputs, existing);
    if (def.typeProperty && def.typeOf) {
      const declaredType = String(inputs[def.typeProperty]);
      if (def.typeOf(existing) !== declaredType) {
        const found = what === "adopted" ? "adoptId" : `the object carrying this resource's creation key`;
        throw new Error(
          `${found}: ${def.noun} ${id} has ${def.typeProperty} ${def.typeOf(existing)}, but ` +
            `${def.typeProperty} ${declaredType} is declared` +
            (what === "created" ? "; delete that object or declare its type" : ""),
        );
      }
    }
    const current = def.outputs(def.adoptBaseline ? def.adoptBaseline(inputs) : inputs, existing);
    const updated = await applyUpdate(context, id, current, inputs);
    const object = updated ?? existing;
    const outs = withLocation(withCreationKey(def.outputs(inputs, object), creationKeyOfObject(object)), context);
    await def.afterWrite?.(context, id, outs, { what, sent: updated !== undefined });
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
    const candidates = await findByName(context, inputs);
    const lookup = findByCreationKey(candidates as (Obj & KonnectObject)[], key);
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
      // A value nested past the bound is refused before any rule walks it (no stack overflow in check or diff).
      const tooDeep = inputDepthFailure(news as unknown as Record<string, unknown>);
      if (tooDeep) return Promise.resolve({ inputs: news, failures: [tooDeep] });
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
      // Region rows compare where the object lives with where the news would put it (see location.ts).
      const compared = withEffectiveRegions(olds, news, effectiveRegion);
      const changed = changedProperties(rules, compared.olds, compared.news, (n, group) => {
        return (n as Record<string, unknown>)[group];
      });
      const replaces = replacingProperties(rules, changed);
      return Promise.resolve({
        changes: codeChanged || changed.length > 0,
        replaces,
        deleteBeforeReplace: def.deleteBeforeReplace ?? false,
      });
    },

    async create(inputs) {
      const context = transportFor(inputs.region);
      const adoptId = (inputs as Partial<BaseInputs>).adoptId;
      if (adoptId) return { id: adoptId, outs: await adopt(context, adoptId, inputs) };
      const type = def.typeProperty ? ` (${String(inputs[def.typeProperty])})` : "";
      providerLog(`creating ${subject(inputs)}${type} in region ${context.region}`);
      if (!def.create) {
        // The default create: an object an earlier attempt left (the seam, then the creation key) is taken over.
        const key = creationKeyOf(inputs);
        const existing =
          (await def.findBeforeCreate?.(context, inputs)) ??
          (key === undefined ? undefined : await findByKey(context, inputs, key));
        if (existing) return { id: idOf(inputs, existing), outs: await takeOver(context, existing, inputs, "created") };
      }
      const created = await (def.create ? def.create(context, inputs) : postOnce(context, inputs)).catch(rename);
      const id = idOf(inputs, created);
      const outs = withLocation(withCreationKey(def.outputs(inputs, created), creationKeyOfObject(created)), context);
      await def.afterWrite?.(context, id, outs, { what: "created", sent: true });
      return { id, outs };
    },

    async read(id, props) {
      if (!props) throw new Error(IMPORT_UNSUPPORTED);
      const where = recordedLocation(props);
      const context = transportFor(where.region, where.serverUrl);
      const { transport } = context;
      let current: Obj;
      try {
        current = await def.endpoint.get(transport, id);
      } catch (error) {
        if (isNotFound(error)) return {};
        throw error;
      }
      // The key the object carries; else the prior one (a dropped key would make the next check derive a key that
      // may be the label of this very object, see creationKey.ts).
      const key = creationKeyOfObject(current) ?? creationKeyOf(props);
      const outs = withLocation(
        withCreationKey(def.outputs(def.inputsFromOutputs(props), current, props), key),
        context,
      );
      // Pulumi types `inputs` as Outputs; the engine stores it as the resource's inputs.
      return { id, props: outs, inputs: def.inputsFromOutputs(outs) as unknown as O };
    },

    async update(id, olds, news) {
      const context = transportFor(news.region);
      const current = await applyUpdate(context, id, olds, news);
      // Outputs carry the key the object's label holds, never the input's (which moves one step per `up`).
      const outs = withLocation(
        current
          ? withCreationKey(def.outputs(news, current, olds), creationKeyOfObject(current) ?? creationKeyOf(olds))
          : withCreationKey(
              { ...withoutProviderCode(news), ...def.readOnlyOutputs(olds) } as unknown as O,
              creationKeyOf(olds),
            ),
        context,
      );
      await def.afterWrite?.(context, id, outs, { what: "updated", olds, sent: current !== undefined });
      return { outs };
    },

    async delete(id, props) {
      const where = recordedLocation(props);
      const context = transportFor(where.region, where.serverUrl);
      providerLog(`deleting ${subject(props)} in region ${context.region}`);
      if (def.delete) return def.delete(context, id, props);
      try {
        await def.endpoint.delete(context.transport, id);
      } catch (error) {
        if (isNotFound(error)) return;
        throw explainDeleteConflict(error, `${subject(props)} (${id})`, def.deleteConflictHint);
      }
    },
  };
}
