/**
 * Harness for creates whose outcome is lost (issue 13 §1), driven through the real plugin host the way the engine
 * drives it:
 * - {@link createUntilHeld}: a host gets Configure → Check(olds = {}) → Create while the Konnect emulator stores the
 *   POST and holds its answer (`commitThenHold`); once the object is stored the whole host process group is SIGKILLed.
 *   The engine would have recorded a pending create and written no state for the resource.
 * - {@link freshRun}: a new host gets what the next `up` sends for that resource: Check(olds = {}) with the inputs of
 *   a fresh program run, then Create.
 * - {@link replaceRun}: what `up` sends for a replacement (non-targeted: Check(olds) → Diff → Check({}) → Create;
 *   targeted: Check(olds) → Create), then the Delete of the old object, create-before-delete.
 * Assertions live in the tests; this module only runs steps and reports what happened.
 */
import { type PropertyMap } from "../../tools/engine/encoding";
import { startPluginHost, isProcessGroupAlive, type PluginHost } from "../../tools/engine/pluginHost";
import { type CapturedResource } from "../../tools/engine/programCapture";
import { ProviderClient, ProviderError, type ResourceState, type StackConfig } from "../../tools/engine/providerClient";
import { type KonnectEmulator } from "../../tools/emulator/emulator";
import { type ObjectKind } from "../../tools/emulator/types";

/** Where a scenario runs: the emulator, the host's project, the stack config. */
export interface Rig {
  emulator: KonnectEmulator;
  /** Project name for the host (`PULUMI_NODEJS_PROJECT`). */
  project: string;
  /** Stack config sent in Configure (token, `konnect:serverUrl`). */
  config: StackConfig;
}

/** The outcome of one Create RPC: the state it returned, or the provider's error. */
export type CreateOutcome = { ok: true; state: ResourceState } | { ok: false; error: ProviderError };

/** What {@link createUntilHeld} saw. */
export interface HeldCreate {
  /** Ids of the objects of `kind` the emulator stored while the POST was held. */
  storedIds: string[];
  /** The error the interrupted Create RPC ended with (the host died under it). */
  createError: unknown;
  /** True when no process of the killed host's group is left. */
  hostGone: boolean;
  /** Provider logs of the killed host. */
  logs: string;
}

/** Polls (no timing assertion) until `probe` is true or about 20 s passed; returns the last value of `probe`. */
export async function eventually(probe: () => boolean): Promise<boolean> {
  for (let i = 0; i < 2000; i++) {
    if (probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return probe();
}

/** Starts and configures a plugin host; the caller closes the client and stops or kills the host. */
export async function configuredHost(rig: Rig): Promise<{ host: PluginHost; client: ProviderClient }> {
  const host = await startPluginHost({ project: rig.project });
  const client = new ProviderClient(host.port);
  await client.configure(rig.config);
  return { host, client };
}

/**
 * Check(olds = {}) → Create for `resource` while Konnect holds the stored POST; SIGKILLs the host once `kind` holds
 * one more object than before.
 */
export async function createUntilHeld(rig: Rig, resource: CapturedResource, kind: ObjectKind): Promise<HeldCreate> {
  const before = rig.emulator.list(kind).length;
  rig.emulator.injectFault({ method: "POST", path: `/v2/${kind}`, commitThenHold: true });
  const { host, client } = await configuredHost(rig);
  try {
    const checked = await client.check(resource.urn, {}, resource.inputs);
    if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    const create = client.create(resource.urn, checked.inputs).then(
      () => undefined,
      (error: unknown) => error,
    );
    const stored = await eventually(() => rig.emulator.list(kind).length > before);
    if (!stored) throw new Error(`the emulator never stored the POST; host logs:\n${host.logs()}`);
    await host.kill();
    const createError = await create;
    return {
      storedIds: rig.emulator.list(kind).map((o) => o.id),
      createError,
      hostGone: !isProcessGroupAlive(host.pid),
      logs: host.logs(),
    };
  } finally {
    client.close();
    await host.stop();
  }
}

/** Runs Create and captures a provider error as data. */
export async function createOutcome(client: ProviderClient, urn: string, inputs: PropertyMap): Promise<CreateOutcome> {
  try {
    return { ok: true, state: await client.create(urn, inputs) };
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, error };
    throw error;
  }
}

/** What the next `up` sends for a resource not in state, in a new host: Check(olds = {}, news) → Create. */
export async function freshRun(
  rig: Rig,
  urn: string,
  news: PropertyMap,
): Promise<{ checkedInputs: PropertyMap; create: CreateOutcome; logs: string }> {
  const { host, client } = await configuredHost(rig);
  try {
    const checked = await client.check(urn, {}, news);
    if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    const create = await createOutcome(client, urn, checked.inputs);
    return { checkedInputs: checked.inputs, create, logs: host.logs() };
  } finally {
    client.close();
    await host.stop();
  }
}

/** A resource as the state holds it. */
export interface InState {
  id: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
}

/**
 * What `up` sends for a replacement of `old`, create-before-delete, in a new host. `targeted` is `pulumi up --replace
 * <urn>`: no Diff, no second Check. Otherwise Diff runs and, when it answers a replacement, the engine checks the
 * program's inputs again with EMPTY olds and creates with those. Returns null for `create` when Diff asked for none.
 */
export async function replaceRun(
  rig: Rig,
  urn: string,
  old: InState,
  news: PropertyMap,
  targeted: boolean,
): Promise<{ create: CreateOutcome | null; deleted: boolean; logs: string }> {
  const { host, client } = await configuredHost(rig);
  try {
    const checked = await client.check(urn, old.inputs, news);
    if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    let createInputs = checked.inputs;
    if (!targeted) {
      const diff = await client.diff(urn, old.id, old.outputs, checked.inputs, old.inputs);
      if (diff.replaces.length === 0) return { create: null, deleted: false, logs: host.logs() };
      const rechecked = await client.check(urn, {}, news);
      if (rechecked.failures.length > 0) throw new Error(`re-check failed: ${JSON.stringify(rechecked.failures)}`);
      createInputs = rechecked.inputs;
    }
    const create = await createOutcome(client, urn, createInputs);
    if (!create.ok) return { create, deleted: false, logs: host.logs() };
    await client.delete(urn, old.id, old.outputs, old.inputs);
    return { create, deleted: true, logs: host.logs() };
  } finally {
    client.close();
    await host.stop();
  }
}
