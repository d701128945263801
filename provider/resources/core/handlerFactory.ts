/**
 * One generic set of dynamic-provider handlers (check, diff, create, read, update, delete) for every Konnect
 * resource. A resource is described by a {@link ResourceDefinition}: its input table, check, field rows, how its
 * object is read and updated, how outputs are built, and two strategies chosen by kind: how it is created
 * ({@link CreateStrategy}: a keyed POST with the creation key, or an object named by the inputs) and how it is
 * deleted ({@link DeleteStrategy}: DELETE by id, or a custom step that puts something back). Adoption, exactly-once
 * creates by creation key (see `creationKey.ts`), renaming of Konnect's 400 fields to input names (on every path,
 * adopt included), 404/409 handling, the recorded location and logging live here once. A resource that talks to no
 * Konnect API (a request check) is a {@link LocalResourceDefinition}: `local` create and delete strategies, no
 * transport, no token, no region and no recorded location; read and delete make no request.
 */
import type * as pulumi from "@pulumi/pulumi";
import { isConflict, isNotFound, type KonnectTransport } from "../../konnect";
import { fieldNames, type FieldTable } from "../../konnect/fieldTable";
import type { Region } from "../../konnect/regions";
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
import { explainDeleteConflict, importUnsupported } from "./errors";
import { changedProperties, replacingProperties, type FieldRule } from "./fieldRules";
import { ownedLabelsReplacement } from "./labelOwnership";
import { recordedLocation, withEffectiveRegions, withLocation, withoutLocation } from "./location";
import { replacementConflict, replacementWatch, type KeptReference } from "./replacementWatch";
import { isUnknown } from "./unknowns";
import { withInputNames } from "./wireNames";

/** What every resource's inputs and outputs have: an optional region. */
export interface RegionInputs {
  /** Region of the object (overrides the stack's). */
  region?: Region;
}

/** What a keyed create needs of a Konnect object: an id and labels (the creation label is one). */
export interface KonnectObject {
  id: string;
  labels: Record<string, string>;
}

/** What a keyed create needs of the inputs: a name to list by, labels, and the id to adopt (either spelling). */
export interface KeyedInputs {
  name: string;
  labels?: Record<string, string>;
  adopt?: string;
  adoptId?: string;
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
   * declared labels plus the labels on the object that are not ours (the creation label included).
   */
  replacesLabels?: boolean;
  /** Sends the request (`labels` is set exactly when {@link replacesLabels} is). */
  send(transport: KonnectTransport, id: string, labels?: Record<string, string>): Promise<Obj>;
}

/**
 * Create by one POST carrying the creation key as a label, with exactly-once recovery across runs: the objects with
 * the declared name are listed, and one carrying the key is taken over instead of posting (see `creationKey.ts`).
 * Adopting an existing object by id (`adopt`) goes through the same take-over. Build it with {@link keyedCreate}.
 */
export interface KeyedCreate<I, Obj> {
  readonly kind: "keyed";
  /** POSTs with `labels` (the declared ones plus the creation label). */
  post(transport: KonnectTransport, inputs: I, labels: Record<string, string>): Promise<Obj>;
  /** Every object with the declared name (the creation-key lookup and the exactly-once recovery). */
  findByName(transport: KonnectTransport, inputs: I): Promise<Obj[]>;
  /** The Konnect id of an object (the resource id). */
  idOf(object: Obj): string;
  /** The labels of an object. */
  labelsOf(object: Obj): Record<string, string>;
  /** The declared labels. */
  declaredLabels(inputs: I): Record<string, string> | undefined;
  /** The id to adopt and the input that names it (`adopt`, or its old spelling `adoptId`), when declared. */
  adoptionOf(inputs: I): { property: string; id: string } | undefined;
  /** The object's type, when the resource has one: a different type cannot be taken over. */
  type?: { property: string; declared(inputs: I): string; of(object: Obj): string };
  /** The declared inputs an existing object is compared with when taken over (what the object's outputs know). */
  baseline(inputs: I): I;
}

/**
 * Create that reads, decides and writes itself (`run`): an object named by the inputs (it has no id of its own, or this
 * resource does not own it: a publication's PUT, a portal's PATCH), or an object without labels, which a keyed create
 * cannot find again (a portal team's list + POST, a registration's POST that Konnect refuses twice). Its errors are
 * renamed like a POST's.
 */
export interface DerivedCreate<I, Obj> {
  readonly kind: "derived";
  /** The resource id, from the inputs (`<apiId>/<portalId>`, a portal id) or from what `run` wrote (a new id). */
  idOf(inputs: I, created: Obj): string;
  /** The create: what Konnect holds afterwards. */
  run(context: CallContext, inputs: I): Promise<Obj>;
}

/** How a resource is created. */
export type CreateStrategy<I, Obj> = KeyedCreate<I, Obj> | DerivedCreate<I, Obj>;

/** Delete = one DELETE by id; 404 is done; 409 is explained with what holds the object ({@link DeleteById.holders}). */
export interface DeleteById<O> {
  readonly kind: "byId";
  /** The DELETE. */
  remove(transport: KonnectTransport, id: string, props: O): Promise<void>;
  /** What may still use the object when Konnect answers 409, and what to do (also when `holders` cannot tell). */
  usedBy: string;
  /**
   * After a 409 only: asks Konnect what holds the object (its 409 answer need not say), so the error names the real
   * holders. It may also release a hold this package can prove it made and is entitled to undo (`released`, one log
   * line each): the DELETE is then sent once more. A lookup that fails leaves the error with `usedBy`.
   */
  holders?(transport: KonnectTransport, id: string, props: O): Promise<ConflictHolders>;
}

/** What {@link DeleteById.holders} found. */
export interface ConflictHolders {
  /** Holds released (log lines): the DELETE is tried once more when nothing else holds the object. */
  released: string[];
  /** What still holds the object and what to do about each, for the error (never empty when nothing was released). */
  holding: string[];
}

/** Delete that puts something back instead of deleting (a portal's previous default strategy). */
export interface CustomDelete<O> {
  readonly kind: "custom";
  /** The delete step; errors pass through as they are. */
  run(context: CallContext, id: string, props: O): Promise<void>;
}

/** How a resource is deleted. */
export type DeleteStrategy<O> = DeleteById<O> | CustomDelete<O>;

/** Which run of a local resource's work: its create, or an update with the prior outputs. */
export type RunStep<O> = { kind: "create" } | { kind: "update"; olds: O };

/**
 * Create of a resource that talks to no Konnect API (a request check): `run` does the work from the inputs alone, with
 * no transport, no token, no region and no recorded location. Every update runs it again with the new inputs.
 */
export interface LocalCreate<I, O, Obj> {
  readonly kind: "local";
  /** The id of a new resource. */
  idOf(inputs: I): string;
  /** The work of a create and of every update; its errors pass through as they are (redact them first). */
  run(inputs: I, step: RunStep<O>): Promise<Obj>;
}

/** Delete of a resource that talks to no Konnect API: nothing outside Pulumi to remove, no request. */
export interface LocalDelete {
  readonly kind: "local";
}

/** Which write an `afterWrite` hook follows. */
export interface WriteStep<O> {
  what: "created" | "updated" | "adopted";
  /** Prior outputs (updates only). */
  olds?: O;
  /** Whether a request body was sent. */
  sent: boolean;
}

/** What outputs are built after: a create (or take-over), or an update or read with the prior outputs. */
export type OutputStep<O> = { kind: "create" } | { kind: "update" | "read"; olds: O };

/** Everything the generic handlers know about one resource. */
export interface ResourceDefinition<I extends RegionInputs, O extends RegionInputs, Obj> {
  /** Noun for logs and errors (`DCR provider`). */
  noun: string;
  /**
   * The input table: the renaming of Konnect's 400 fields, the declared-input view of outputs (its rows), and the
   * outputs of an update that sends nothing (rows Konnect does not hold, those without a wire name, come from the
   * new inputs; the others stay as Konnect last reported them).
   */
  inputs: FieldTable;
  /** What log lines and errors call one object (`DCR provider "x"`, `API publication <apiId>/<portalId>`). */
  subject(props: I | O): string;
  /** Validates and normalizes inputs. */
  check(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] };
  /** The field rows for the declared inputs (diff and update bodies derive from them). */
  rules(news: I): readonly FieldRule<O, I, object>[];
  /** GET by id; `props` (inputs or outputs) give what the path needs besides the id. */
  get(transport: KonnectTransport, id: string, props: I | O): Promise<Obj>;
  /** The update from `olds` to `news`, or undefined when nothing needs sending. */
  planUpdate(olds: O, news: I): UpdatePlan<Obj> | undefined;
  /** Outputs from the declared inputs and Konnect's answer. */
  outputs(declared: I, object: Obj, step: OutputStep<O>): O;
  /** The declared-input view of outputs (default: the table's rows picked from the outputs). */
  inputsFromOutputs?(outputs: O): I;
  /** How the resource is created. */
  create: CreateStrategy<I, Obj>;
  /** How the resource is deleted. */
  delete: DeleteStrategy<O>;
  /** Optional step after a write (the DCR provider's `/verify`); may throw `ResourceInitError`. */
  afterWrite?(context: CallContext, id: string, outputs: O, step: WriteStep<O>): Promise<void>;
  /** Whether a replacement deletes the old object before creating the new one (default false: create first). */
  deleteBeforeReplace?: boolean;
  /**
   * The other objects this resource still uses after an update from `olds` to `news` (not called when it is
   * replaced), for the {@link replacementWatch}: a diff that keeps using an object another diff replaces refuses.
   */
  keptReferences?(olds: O, news: I): KeptReference[];
}

/**
 * Everything the generic handlers know about a resource that talks to no Konnect API: `check` and `diff` from its rows
 * as for any resource (no region, no creation key), create and every update run `create.run`, read (refresh) returns
 * the stored outputs as they are and delete forgets the resource, both without any request. It has no `get`,
 * `planUpdate` or `afterWrite`: there is no remote object to read or write.
 */
export interface LocalResourceDefinition<I extends object, O extends object, Obj> {
  /** Noun for logs and errors (`request check`). */
  noun: string;
  /** The input table (the declared-input view of outputs is its rows). */
  inputs: FieldTable;
  /** What log lines and errors call one resource. */
  subject(props: I | O): string;
  /** Validates and normalizes inputs. */
  check(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] };
  /** The field rows for the declared inputs (`diff` derives from them; a `replace` row replaces). */
  rules(news: I): readonly FieldRule<O, I, object>[];
  /** Outputs from the declared inputs and the run's result. */
  outputs(declared: I, result: Obj, step: RunStep<O>): O;
  /** The declared-input view of outputs (default: the table's rows picked from the outputs). */
  inputsFromOutputs?(outputs: O): I;
  /** The work, run by create and every update. */
  create: LocalCreate<I, O, Obj>;
  /** Nothing to delete. */
  delete: LocalDelete;
}

/**
 * A keyed create for objects with a name and labels. The constraints are checked here, where the definition is
 * written: inputs without a name or objects without labels do not compile.
 */
export function keyedCreate<I extends KeyedInputs, Obj extends KonnectObject>(spec: {
  /** POSTs with `labels` (the declared ones plus the creation label). */
  post: (transport: KonnectTransport, inputs: I, labels: Record<string, string>) => Promise<Obj>;
  /** Every object with this name (`inputs` give the scope of a collection under a parent, such as the portal). */
  findByName: (transport: KonnectTransport, name: string, inputs: I) => Promise<Obj[]>;
  /** The object's type, when the resource has one. */
  type?: { property: keyof I & string; of: (object: Obj) => string };
  /** The declared inputs an existing object is compared with when taken over (default: the inputs). */
  adoptBaseline?: (inputs: I) => I;
}): KeyedCreate<I, Obj> {
  const type = spec.type;
  return {
    kind: "keyed",
    post: spec.post,
    findByName: (transport, inputs) => spec.findByName(transport, inputs.name, inputs),
    idOf: (object) => object.id,
    labelsOf: (object) => object.labels,
    declaredLabels: (inputs) => inputs.labels,
    adoptionOf: (inputs) => {
      if (inputs.adopt) return { property: "adopt", id: inputs.adopt };
      return inputs.adoptId ? { property: "adoptId", id: inputs.adoptId } : undefined;
    },
    ...(type && { type: { property: type.property, declared: (i: I) => String(i[type.property]), of: type.of } }),
    baseline: spec.adoptBaseline ?? ((inputs) => inputs),
  };
}

/**
 * The creation keys `check` derived in this process (one plugin host per deployment), shared by every resource: the
 * engine's empty-olds re-check of a replacement finds the successor here (see `creationKey.ts`).
 */
const creationKeys = new CreationKeyMemory();

/** The creation key carried by checked inputs, when they carry a valid one (direct calls may skip `check`). */
function creationKeyOf(props: object): string | undefined {
  const key = (props as Record<string, unknown>)[CREATION_KEY_INPUT];
  return isCreationKey(key) ? key : undefined;
}

/** Outputs with `__creationKey` set to `key` (dropped when undefined). */
function withCreationKey<O extends object>(outs: O, key: string | undefined): O {
  const { [CREATION_KEY_INPUT]: _dropped, ...rest } = outs as Record<string, unknown>;
  return (key === undefined ? rest : { ...rest, [CREATION_KEY_INPUT]: key }) as O;
}

/** What `check` knows about the prior inputs: none (empty olds) or the resource's prior creation key. */
function priorInputs(olds: object | undefined): PriorInputs {
  if (olds === undefined || Object.keys(olds).length === 0) return { inState: false };
  return { inState: true, creationKey: (olds as Record<string, unknown>)[CREATION_KEY_INPUT] };
}

/** The given keys of `source` that are set, as an object. */
function pick(source: object, keys: readonly string[]): Record<string, unknown> {
  const record = source as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
}

/** The six handlers behind one serialized provider. */
export type Handlers<I, O> = Required<Omit<pulumi.dynamic.ResourceProvider<I, O>, "configure">>;

/** Builds the handlers of one resource from its definition: a Konnect object's, or a local resource's. */
export function resourceHandlers<I extends RegionInputs, O extends RegionInputs, Obj>(
  def: ResourceDefinition<I, O, Obj>,
): Handlers<I, O>;
export function resourceHandlers<I extends object, O extends object, Obj>(
  def: LocalResourceDefinition<I, O, Obj>,
): Handlers<I, O>;
export function resourceHandlers(
  def: ResourceDefinition<RegionInputs, RegionInputs, unknown> | LocalResourceDefinition<object, object, unknown>,
): Handlers<object, object> {
  return isLocal(def) ? localHandlers(def) : konnectHandlers(def);
}

/** True for a definition whose create (and so its delete) is `local`. */
function isLocal<I extends object, O extends object, Obj>(
  def: ResourceDefinition<RegionInputs, RegionInputs, unknown> | LocalResourceDefinition<I, O, Obj>,
): def is LocalResourceDefinition<I, O, Obj> {
  return def.create.kind === "local";
}

/** Why a local resource cannot be imported: there is nothing outside Pulumi to import. */
const LOCAL_IMPORT_UNSUPPORTED =
  "pulumi import is not supported for this resource: it talks to no Konnect API, so there is nothing to import; " +
  "declare it and run `pulumi up`";

/**
 * The handlers of a local resource: no transport, no token, no region, no recorded location. Create and update run the
 * definition's work; read and delete make no request (read hands back the stored outputs, delete forgets).
 */
function localHandlers<I extends object, O extends object, Obj>(
  def: LocalResourceDefinition<I, O, Obj>,
): Handlers<I, O> {
  const inputKeys = fieldNames(def.inputs);
  const inputsFromOutputs = (outs: O): I =>
    def.inputsFromOutputs ? def.inputsFromOutputs(outs) : (pick(outs, inputKeys) as I);
  return {
    check(_olds, news) {
      const tooDeep = inputDepthFailure(news as Record<string, unknown>);
      if (tooDeep) return Promise.resolve({ inputs: news, failures: [tooDeep] });
      const { inputs, failures } = def.check(news as Record<string, unknown>);
      return Promise.resolve({ inputs: inputs as I, failures });
    },

    diff(_id, olds, news) {
      const codeChanged = (olds as Record<string, unknown>).__provider !== (news as Record<string, unknown>).__provider;
      const rules = def.rules(news);
      const changed = changedProperties(rules, olds, news, (n, group) => (n as Record<string, unknown>)[group]);
      return Promise.resolve({
        changes: codeChanged || changed.length > 0,
        replaces: replacingProperties(rules, changed),
        deleteBeforeReplace: false,
      });
    },

    async create(inputs) {
      providerLog(`running ${def.subject(inputs)}`);
      const result = await def.create.run(inputs, { kind: "create" });
      return { id: def.create.idOf(inputs), outs: def.outputs(inputs, result, { kind: "create" }) };
    },

    read(id, props) {
      if (!props) throw new Error(LOCAL_IMPORT_UNSUPPORTED);
      // Nothing outside Pulumi to read: the outputs stay as the last create or update left them.
      // Pulumi types `inputs` as Outputs; the engine stores it as the resource's inputs.
      const inputs: object = inputsFromOutputs(props);
      return Promise.resolve({ id, props, inputs: inputs as O });
    },

    async update(_id, olds, news) {
      providerLog(`running ${def.subject(news)} again`);
      const step = { kind: "update", olds } as const;
      const result = await def.create.run(news, step);
      return { outs: def.outputs(news, result, step) };
    },

    delete(_id, props) {
      providerLog(`forgetting ${def.subject(props)}: nothing outside Pulumi to delete`);
      return Promise.resolve();
    },
  };
}

/** The handlers of a resource backed by a Konnect object. */
function konnectHandlers<I extends RegionInputs, O extends RegionInputs, Obj>(
  def: ResourceDefinition<I, O, Obj>,
): Handlers<I, O> {
  const rename = (error: unknown) => {
    throw withInputNames(error, def.inputs);
  };
  const inputKeys = fieldNames(def.inputs);
  /** Input rows Konnect does not hold (no wire name): on an update that sends nothing they come from the news. */
  const localKeys = inputKeys.filter((k) => def.inputs[k]!.wire === undefined);
  const inputsFromOutputs = (outs: O): I =>
    def.inputsFromOutputs ? def.inputsFromOutputs(outs) : (pick(outs, inputKeys) as I);
  /** The creation key an object's label holds (keyed creates only). */
  const creationKeyOfObject = (object: Obj): string | undefined =>
    def.create.kind === "keyed" ? creationKeyFromLabels(def.create.labelsOf(object)) : undefined;
  /** Final outputs: the object's creation key and the location of the call. */
  const finish = (outs: O, key: string | undefined, context: CallContext): O =>
    withLocation(withCreationKey(outs, key), context);

  async function applyUpdate(context: CallContext, id: string, olds: O, news: I): Promise<Obj | undefined> {
    const plan = def.planUpdate(olds, news);
    if (!plan) return undefined;
    const where = `${def.subject(news)} in region ${context.region}`;
    providerLog(
      plan.replaceAllReason
        ? `replacing settings of ${where} (${plan.replaceAllReason})`
        : `updating ${where}: ${plan.fields.join(", ")}`,
    );
    // A request that replaces every label re-sends the labels that are not ours, the creation label included.
    let labels: Record<string, string> | undefined;
    if (plan.replacesLabels && def.create.kind === "keyed") {
      const current = await def.get(context.transport, id, olds);
      const owned = (props: I | O) => (props as { labels?: Record<string, string> }).labels;
      labels = ownedLabelsReplacement(owned(olds), owned(news), def.create.labelsOf(current));
    }
    return plan.send(context.transport, id, labels).catch(rename);
  }

  /** Brings an existing object of the declared type to the declared state (adopt, or a create finding its key). */
  async function takeOver(
    create: KeyedCreate<I, Obj>,
    context: CallContext,
    existing: Obj,
    inputs: I,
    what: "adopted" | "created",
  ): Promise<{ id: string; outs: O }> {
    const id = create.idOf(existing);
    if (create.type) {
      const declared = create.type.declared(inputs);
      const found = create.type.of(existing);
      if (found !== declared) {
        const source =
          what === "adopted"
            ? (create.adoptionOf(inputs)?.property ?? "adopt")
            : `the object carrying this resource's creation key`;
        throw new Error(
          `${source}: ${def.noun} ${id} has ${create.type.property} ${found}, but ${create.type.property} ` +
            `${declared} is declared` +
            (what === "created" ? "; delete that object or declare its type" : ""),
        );
      }
    }
    const current = def.outputs(create.baseline(inputs), existing, { kind: "create" });
    const updated = await applyUpdate(context, id, current, inputs);
    const object = updated ?? existing;
    const outs = finish(def.outputs(inputs, object, { kind: "create" }), creationKeyOfObject(object), context);
    await def.afterWrite?.(context, id, outs, { what, sent: updated !== undefined });
    return { id, outs };
  }

  async function adopt(
    create: KeyedCreate<I, Obj>,
    context: CallContext,
    adoption: { property: string; id: string },
    inputs: I,
  ) {
    const id = adoption.id;
    providerLog(`adopting ${def.noun} ${id} in region ${context.region}`);
    let existing: Obj;
    try {
      existing = await def.get(context.transport, id, inputs);
    } catch (error) {
      if (isNotFound(error)) {
        throw new Error(`${adoption.property}: no ${def.noun} with id ${id} in region ${context.region}`, {
          cause: error,
        });
      }
      throw error;
    }
    return takeOver(create, context, existing, inputs, "adopted");
  }

  /**
   * The object an earlier attempt of this create left (found by the creation key among the objects with the
   * declared name), or undefined when there is none and a POST is due.
   */
  async function findByKey(create: KeyedCreate<I, Obj>, context: CallContext, inputs: I, key: string) {
    const candidates = await create.findByName(context.transport, inputs);
    const lookup = findByCreationKey(
      candidates.map((object) => ({ object, id: create.idOf(object), labels: create.labelsOf(object) })),
      key,
    );
    if (lookup.found === "none") return undefined;
    if (lookup.found === "many") {
      throw new Error(
        `several ${def.noun}s carry this resource's creation key (${lookup.ids.join(", ")}); delete all but one`,
      );
    }
    providerLog(`found ${def.noun} ${lookup.object.id} made by an earlier attempt of this create; taking it over`);
    return lookup.object.object;
  }

  /** The keyed create: adopt, or the object an earlier attempt left, or one POST with exactly-once recovery. */
  async function createKeyed(create: KeyedCreate<I, Obj>, context: CallContext, inputs: I) {
    const adoption = create.adoptionOf(inputs);
    if (adoption) return adopt(create, context, adoption, inputs);
    const type = create.type ? ` (${create.type.declared(inputs)})` : "";
    providerLog(`creating ${def.subject(inputs)}${type} in region ${context.region}`);
    const key = creationKeyOf(inputs);
    const existing = key === undefined ? undefined : await findByKey(create, context, inputs, key);
    if (existing) return takeOver(create, context, existing, inputs, "created");
    const created = await createOnce({
      post: (labels) => create.post(context.transport, inputs, labels),
      findByName: () => create.findByName(context.transport, inputs),
      labelsOf: (object) => create.labelsOf(object),
      labels: create.declaredLabels(inputs),
      creationKey: key,
      log: providerLog,
      retryDelayMs: createRetryDelayMs(),
    }).catch(rename);
    return written(context, create.idOf(created), inputs, created);
  }

  /** The create of an object named by the inputs. */
  async function createDerived(create: DerivedCreate<I, Obj>, context: CallContext, inputs: I) {
    providerLog(`creating ${def.subject(inputs)} in region ${context.region}`);
    const created = await create.run(context, inputs).catch(rename);
    return written(context, create.idOf(inputs, created), inputs, created);
  }

  /**
   * Feeds the deployment's {@link replacementWatch}: a replaced object, or the references this resource keeps. Returns
   * the refusal when the other half is already known (an object replaced while a resource of the stack keeps it).
   */
  function watchReplacement(id: string, olds: O, news: I, replaced: boolean): string | undefined {
    if (replaced) {
      const kept = replacementWatch.replacing(def.noun, id, def.subject(olds));
      return kept.length === 0 ? undefined : kept.map((r) => replacementConflict(def.subject(olds), r)).join("\n");
    }
    for (const reference of def.keptReferences?.(olds, news) ?? []) {
      const subject = replacementWatch.keeping(reference);
      if (subject !== undefined) return replacementConflict(subject, reference);
    }
    return undefined;
  }

  /** Outputs after a create that wrote, and the `afterWrite` step. */
  async function written(context: CallContext, id: string, inputs: I, created: Obj) {
    const outs = finish(def.outputs(inputs, created, { kind: "create" }), creationKeyOfObject(created), context);
    await def.afterWrite?.(context, id, outs, { what: "created", sent: true });
    return { id, outs };
  }

  return {
    check(olds, news) {
      // A value nested past the bound is refused before any rule walks it (no stack overflow in check or diff).
      const tooDeep = inputDepthFailure(news as Record<string, unknown>);
      if (tooDeep) return Promise.resolve({ inputs: news, failures: [tooDeep] });
      // The resource classes always pass the base key; a direct `providers.*` call without one (it has no URN) gets
      // no key, and its create falls back to a random creation id (exactly once within that call only).
      const { [CREATION_KEY_INPUT]: base, ...declared } = news as Record<string, unknown>;
      const { inputs, failures } = def.check(declared);
      if (isUnknown(base)) {
        inputs[CREATION_KEY_INPUT] = base;
      } else if (base !== undefined) {
        const keyed = checkCreationKey(base, priorInputs(olds), creationKeys);
        if ("key" in keyed) inputs[CREATION_KEY_INPUT] = keyed.key;
        else failures.push({ property: CREATION_KEY_INPUT, reason: keyed.problem });
      }
      return Promise.resolve({ inputs: inputs as I, failures });
    },

    diff(id, olds, news) {
      const codeChanged = (olds as Record<string, unknown>).__provider !== (news as Record<string, unknown>).__provider;
      const rules = def.rules(news);
      // Region rows compare where the object lives with where the news would put it (see location.ts).
      const compared = withEffectiveRegions(olds, news, effectiveRegion);
      const changed = changedProperties(rules, compared.olds, compared.news, (n, group) => {
        return (n as Record<string, unknown>)[group];
      });
      const replaces = replacingProperties(rules, changed);
      const conflict = watchReplacement(id, olds, news, replaces.length > 0);
      if (conflict !== undefined) return Promise.reject(new Error(conflict));
      return Promise.resolve({
        changes: codeChanged || changed.length > 0,
        replaces,
        deleteBeforeReplace: def.deleteBeforeReplace ?? false,
      });
    },

    async create(inputs) {
      const context = transportFor(inputs.region);
      return def.create.kind === "keyed"
        ? createKeyed(def.create, context, inputs)
        : createDerived(def.create, context, inputs);
    },

    async read(id, props) {
      if (!props) throw new Error(importUnsupported(def.inputs));
      const where = recordedLocation(props);
      const context = transportFor(where.region, where.serverUrl);
      let current: Obj;
      try {
        current = await def.get(context.transport, id, props);
      } catch (error) {
        if (isNotFound(error)) return {};
        throw error;
      }
      // The key the object carries; else the prior one (a dropped key would make the next check derive a key that
      // may be the label of this very object, see creationKey.ts).
      const key = creationKeyOfObject(current) ?? creationKeyOf(props);
      const outs = finish(def.outputs(inputsFromOutputs(props), current, { kind: "read", olds: props }), key, context);
      // Pulumi types `inputs` as Outputs; the engine stores it as the resource's inputs.
      const inputs = withCreationKey(inputsFromOutputs(outs) as object, key);
      return { id, props: outs, inputs: inputs as O };
    },

    async update(id, olds, news) {
      const context = transportFor(news.region);
      const current = await applyUpdate(context, id, olds, news);
      // Outputs carry the key the object's label holds, never the input's (which moves one step per `up`).
      const key = (current === undefined ? undefined : creationKeyOfObject(current)) ?? creationKeyOf(olds);
      const outs = current
        ? def.outputs(news, current, { kind: "update", olds })
        : // Nothing was sent: Konnect still holds what it last reported; inputs it does not hold come from the news.
          keptOutputs(olds, news, localKeys);
      const final = finish(outs, key, context);
      await def.afterWrite?.(context, id, final, { what: "updated", olds, sent: current !== undefined });
      return { outs: final };
    },

    async delete(id, props) {
      const where = recordedLocation(props);
      const context = transportFor(where.region, where.serverUrl);
      providerLog(`deleting ${def.subject(props)} in region ${context.region}`);
      const strategy = def.delete;
      if (strategy.kind === "custom") return strategy.run(context, id, props);
      const what = `${def.subject(props)} (${id})`;
      try {
        await strategy.remove(context.transport, id, props);
      } catch (error) {
        if (isNotFound(error)) return;
        if (!isConflict(error) || strategy.holders === undefined) {
          throw explainDeleteConflict(error, what, strategy.usedBy);
        }
        const found = await strategy.holders(context.transport, id, props).catch(() => undefined);
        if (found === undefined) throw explainDeleteConflict(error, what, strategy.usedBy);
        found.released.forEach((line) => providerLog(line));
        if (found.released.length === 0 || found.holding.length > 0) {
          throw explainDeleteConflict(error, what, found.holding.join("; ") || strategy.usedBy);
        }
        try {
          await strategy.remove(context.transport, id, props);
        } catch (again) {
          if (isNotFound(again)) return;
          throw explainDeleteConflict(again, what, strategy.usedBy);
        }
      }
    },
  };
}

/** The outputs of an update that sent nothing: the prior ones, with the `localKeys` inputs taken from the news. */
function keptOutputs<O extends object>(olds: O, news: object, localKeys: readonly string[]): O {
  const kept: Record<string, unknown> = { ...(withoutLocation(withoutProviderCode(olds)) as object) };
  const declared = news as Record<string, unknown>;
  for (const key of localKeys) {
    if (declared[key] === undefined) delete kept[key];
    else kept[key] = declared[key];
  }
  return kept as O;
}
