/**
 * Engine-lite: `preview`, `up`, `refresh` and `destroy` over a Pulumi program and a JSON state file, calling dynamic
 * providers in the real plugin host in the engine's order (reference §2). Each command runs the program afresh (unless
 * handed an already captured one), starts its own plugin host on first need and stops it at the end, like the CLI.
 *
 * Per resource, in dependency order: placeholders resolved (see programCapture.ts) → Check(olds = prior inputs or {},
 * news) → for an existing resource Diff(id, prior outputs, checked inputs, prior inputs) → Create / Update / replace
 * (create-before-delete unless deleteBeforeReplace; a replacement re-checks the program's inputs with EMPTY olds and
 * creates with those, as the engine's step generator does, except a targeted one from `replaceTargets`, which calls no
 * Diff and keeps the first Check's inputs) / same (DIFF_NONE keeps the old outputs with the new inputs;
 * DIFF_UNKNOWN falls back to comparing inputs, as the engine does). Preview sends no Create/Update/Delete (the host
 * has supportsPreview=false) and plans outputs = checked inputs. Removed and replaced resources are deleted last, in
 * reverse dependency order. Non-dynamic resources (components, mocked Azure resources) are simulated: their outputs
 * are the mocks' and their step is derived by comparing inputs (a replacement where `simulatedReplaceKeys` says an
 * input forces one, standing in for the real provider's schema).
 *
 * A dynamic resource kept with init errors (a create that failed after the object existed) is updated on the next
 * `up` even when Diff reports no changes, as the engine does, so the provider gets to finish its work.
 *
 * `changedKeys` of an update/replace is what `pulumi preview --diff` shows for a dynamic resource: the host returns
 * no detailed diff, so the CLI compares the old outputs with the new inputs. Read-only outputs that are no input
 * (`active`, `createdAt`, ...) are left out; an input key whose old output differs from the new input (or that the
 * provider did not echo into its outputs) is counted, so outputs that fail to mirror inputs show up as noise here.
 */
import {
  annotateSecrets,
  changedKeys,
  deepEqual,
  isSecret,
  markAdditionalSecrets,
  stripSecrets,
  UNKNOWN,
} from "./encoding";
import type { JsonValue, PropertyMap } from "./encoding";
import { startPluginHost, type PluginHost } from "./pluginHost";
import {
  captureProgram,
  resolvePlaceholders,
  type CapturedProgram,
  type CapturedResource,
  type ProgramSpec,
} from "./programCapture";
import { ProviderClient, ProviderError, type DiffResult, type RpcCall, type StackConfig } from "./providerClient";
import { loadState, saveState, type StackState, type StateResource } from "./stateFile";

/** An engine-lite command. */
export type Command = "preview" | "up" | "refresh" | "destroy";
/** What happened (or would happen, in preview) to one resource. */
export type StepOp = "create" | "update" | "replace" | "delete" | "same" | "read";

/** One step of a command. */
export interface Step {
  op: StepOp;
  urn: string;
  type: string;
  name: string;
  /** Top-level input keys that changed (update/replace), or output keys a refresh changed. */
  changedKeys?: string[];
  /** Keys the provider said force a replacement. */
  replaceKeys?: string[];
  /** For replace: true when the old object is deleted before its replacement is created. */
  deleteBeforeReplace?: boolean;
  /** For refresh: the resource no longer exists and left the state. */
  gone?: boolean;
  /** New inputs (create/update/replace/same), for rendering; secrets stay wrapped. */
  inputs?: PropertyMap;
}

/** A message about the run. */
export interface Diagnostic {
  severity: "error" | "warning";
  urn?: string;
  message: string;
}

/** The outcome of one command. */
export interface CommandResult {
  command: Command;
  /** False when any error diagnostic was reported. */
  ok: boolean;
  steps: Step[];
  diagnostics: Diagnostic[];
  /** Stack outputs (wire form: secret wrappers; unknowns in preview). */
  outputs: PropertyMap;
  /** Provider logs (plugin host stdout after the port line, and stderr). */
  providerLogs: string;
  /** Every RPC sent to the plugin host, in order. */
  rpcCalls: RpcCall[];
  /** Milliseconds from spawning the host to its port line (undefined when no host was needed). */
  hostStartupMs?: number;
  /** Process group id of the plugin host this command started (undefined when none was needed). */
  hostPid?: number;
}

/** Options shared by all commands. */
export interface EngineOptions {
  /** Path of the stack's state file. */
  statePath: string;
  /** Passphrase that encrypts the secrets in the state file. */
  passphrase: string;
  /** The program: a spec to run (each command runs it afresh) or an already captured run. Needed by preview/up. */
  program?: ProgramSpec | CapturedProgram;
  /** Stack config for Configure; defaults to the program spec's config. */
  config?: StackConfig;
  /** Project name (default: the program's, else the state's, else `project`). */
  project?: string;
  /** Stack name (default: the program's, else the state's, else `dev`). */
  stack?: string;
  /** Project directory the plugin host runs in (default: the repository root). */
  projectDir?: string;
  /** Extra environment for the plugin host (for example `KONNECT_TOKEN`). */
  hostEnv?: Record<string, string>;
  /**
   * Input keys that force a replacement of simulated (non-dynamic) resources, per type token (`"*"`: every input), as
   * the real provider's schema would say (for example azuread's ApplicationPassword: every input is ForceNew).
   */
  simulatedReplaceKeys?: Record<string, string[] | "*">;
  /** URNs to replace whatever their diff (`pulumi up --replace <urn>`): no Diff call, no empty-olds re-check. */
  replaceTargets?: string[];
  /** Called with every provider log line as the plugin host prints it (for progress output). */
  onProviderLog?: (line: string) => void;
}

/** Shows what `up` would do, calling only Check and Diff. Does not write state. */
export function preview(options: EngineOptions): Promise<CommandResult> {
  return runDeployment("preview", options);
}

/** Creates, updates, replaces and deletes resources so the state matches the program. */
export function up(options: EngineOptions): Promise<CommandResult> {
  return runDeployment("up", options);
}

/** Reads every dynamic resource back (Read with the outputs' `__provider`) and updates the state. */
export async function refresh(options: EngineOptions): Promise<CommandResult> {
  const run: Run = new Run("refresh", options, loadFor(options));
  try {
    for (const old of [...run.state.resources]) {
      const step: Step = { op: "read", urn: old.urn, type: old.type, name: nameOf(old.urn) };
      run.steps.push(step);
      if (!old.dynamic || old.id === undefined) continue;
      const client = await run.client();
      const read = await client.read(old.urn, old.id, old.outputs, old.inputs);
      if (read.id === "") {
        step.gone = true;
        run.state.resources = run.state.resources.filter((r) => r.urn !== old.urn);
      } else {
        const outputs = markAdditionalSecrets(read.properties, old.options.additionalSecretOutputs);
        step.changedKeys = changedKeys(old.outputs, outputs);
        const updated: StateResource = { ...old, id: read.id, outputs, inputs: read.inputs ?? old.inputs };
        run.state.resources = run.state.resources.map((r) => (r.urn === old.urn ? updated : r));
      }
      run.persist();
    }
  } catch (error) {
    run.fail(error);
  }
  return run.finish(run.state.outputs);
}

/** Deletes every resource in reverse dependency order, using the `__provider` stored in the outputs. */
export async function destroy(options: EngineOptions): Promise<CommandResult> {
  const run: Run = new Run("destroy", options, loadFor(options));
  try {
    for (const old of reverseDependencyOrder(run.state.resources)) {
      await run.deleteResource(old);
    }
    run.state.outputs = {};
    run.persist();
  } catch (error) {
    run.fail(error);
  }
  return run.finish({});
}

/** Renders a preview (or any command result) for humans: type, name, operation, properties; secrets as [secret]. */
export function renderPreview(result: CommandResult, stack = "dev"): string {
  const symbols: Record<StepOp, string> = {
    create: "+",
    update: "~",
    replace: "+-",
    delete: "-",
    same: " ",
    read: ">",
  };
  const lines = [`${result.command === "preview" ? "Previewing update" : `Running ${result.command}`} (${stack}):`];
  const typeWidth = Math.max(4, ...result.steps.map((s) => displayType(s.type).length));
  const nameWidth = Math.max(4, ...result.steps.map((s) => s.name.length));
  lines.push(`    ${"Type".padEnd(typeWidth)}  ${"Name".padEnd(nameWidth)}  Plan`);
  for (const step of result.steps) {
    let info = "";
    if (step.op === "replace") info = `  [diff: ${(step.changedKeys ?? []).map((k) => `~${k}`).join(" ")}]`;
    if (step.op === "update") info = `  [diff: ${(step.changedKeys ?? []).map((k) => `~${k}`).join(" ")}]`;
    if (step.gone) info = "  [gone]";
    const plan = step.op === "same" ? "" : step.op;
    lines.push(
      ` ${symbols[step.op].padEnd(2)} ${displayType(step.type).padEnd(typeWidth)}  ${step.name.padEnd(nameWidth)}  ${plan}${info}`,
    );
    const shown =
      step.op === "create" || step.op === "replace"
        ? Object.keys(step.inputs ?? {})
        : step.op === "update"
          ? (step.changedKeys ?? [])
          : [];
    const keys = shown.filter((k) => !isInternalPropertyKey(k) && step.inputs?.[k] !== undefined).sort();
    const keyWidth = Math.max(0, ...keys.map((k) => k.length));
    for (const key of keys) lines.push(`        ${key.padEnd(keyWidth)}: ${renderValue(step.inputs![key]!)}`);
  }
  const counts = new Map<StepOp, number>();
  for (const step of result.steps) counts.set(step.op, (counts.get(step.op) ?? 0) + 1);
  const verbs: [StepOp, string][] = [
    ["create", "to create"],
    ["update", "to update"],
    ["replace", "to replace"],
    ["delete", "to delete"],
    ["read", "to read"],
  ];
  lines.push("Resources:");
  for (const [op, verb] of verbs) {
    const count = counts.get(op);
    if (count) lines.push(`    ${symbols[op]} ${count} ${verb}`);
  }
  if (counts.get("same")) lines.push(`    ${counts.get("same")} unchanged`);
  for (const d of result.diagnostics) lines.push(`${d.severity}: ${d.urn ? `${d.urn}: ` : ""}${d.message}`);
  return lines.join("\n") + "\n";
}

/**
 * A type token as the Pulumi CLI shows it: a module's last segment that only repeats the type name is dropped
 * (`azuread:index/applicationPassword:ApplicationPassword` → `azuread:index:ApplicationPassword`).
 */
export function displayType(type: string): string {
  const [pkg, module, name, ...rest] = type.split(":");
  if (rest.length > 0 || !module || !name) return type;
  const slash = module.lastIndexOf("/");
  if (slash < 0 || module.slice(slash + 1) !== name.charAt(0).toLowerCase() + name.slice(1)) return type;
  return `${pkg}:${module.slice(0, slash)}:${name}`;
}

/** Renders one property value: secrets as [secret], unknowns as [unknown], everything else as JSON. */
export function renderValue(value: JsonValue): string {
  return JSON.stringify(maskForDisplay(value));
}

function maskForDisplay(value: JsonValue): JsonValue {
  if (value === UNKNOWN) return "[unknown]";
  if (isSecret(value)) return "[secret]";
  if (Array.isArray(value)) return value.map(maskForDisplay);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskForDisplay(v)]));
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------------

/** Planned or real values of a processed resource, for resolving placeholders. */
interface Resolved {
  id: JsonValue;
  outputs: PropertyMap;
  /** Preview only: outputs not in `outputs` are unknown rather than absent. */
  planned: boolean;
}

class StepFailure extends Error {}

/** One command's bookkeeping: state, steps, diagnostics, and the lazily started plugin host. */
class Run {
  readonly steps: Step[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private host: PluginHost | undefined;
  private providerClient: ProviderClient | undefined;

  constructor(
    readonly command: Command,
    readonly options: EngineOptions,
    public state: StackState,
  ) {}

  /** The provider client; the first call starts the host and sends Configure with the stack config. */
  async client(): Promise<ProviderClient> {
    if (this.providerClient) return this.providerClient;
    const onLog = this.options.onProviderLog;
    let partial = "";
    this.host = await startPluginHost({
      projectDir: this.options.projectDir,
      project: this.state.project,
      env: this.options.hostEnv,
      ...(onLog
        ? {
            onLog: (chunk: string) => {
              const lines = (partial + chunk).split("\n");
              partial = lines.pop() ?? "";
              lines.forEach((line) => onLog(line));
            },
          }
        : {}),
    });
    this.providerClient = new ProviderClient(this.host.port);
    const answer = await this.providerClient.configure(configOf(this.options));
    if (answer.acceptSecrets || answer.supportsPreview) {
      throw new Error(`unexpected Configure answer ${JSON.stringify(answer)}: engine-lite assumes the dynamic host`);
    }
    return this.providerClient;
  }

  /** Writes the state file (never in preview). */
  persist(): void {
    if (this.command !== "preview") saveState(this.options.statePath, this.options.passphrase, this.state);
  }

  /** Records an error as a diagnostic. */
  fail(error: unknown): void {
    if (error instanceof StepFailure) return; // already reported
    this.diagnostics.push({ severity: "error", message: error instanceof Error ? error.message : String(error) });
  }

  /** Deletes one resource (dynamic ones through the host) and drops it from state. */
  async deleteResource(old: StateResource): Promise<void> {
    this.steps.push({ op: "delete", urn: old.urn, type: old.type, name: nameOf(old.urn) });
    if (old.options.protect) {
      this.report(old.urn, "resource is protected; it cannot be deleted");
    }
    if (this.command === "preview") return;
    if (old.dynamic && old.id !== undefined) {
      const client = await this.client();
      await client.delete(old.urn, old.id, old.outputs, old.inputs);
    }
    this.state.resources = this.state.resources.filter((r) => r !== old);
    this.persist();
  }

  /** Reports an error for a resource and aborts the command. */
  report(urn: string, message: string): never {
    this.diagnostics.push({ severity: "error", urn, message });
    throw new StepFailure(message);
  }

  /** Stops the host and assembles the result. */
  async finish(outputs: PropertyMap): Promise<CommandResult> {
    const logs = this.host?.logs() ?? "";
    this.providerClient?.close();
    await this.host?.stop();
    const result: CommandResult = {
      command: this.command,
      ok: !this.diagnostics.some((d) => d.severity === "error"),
      steps: this.steps,
      diagnostics: this.diagnostics,
      outputs,
      providerLogs: logs,
      rpcCalls: this.providerClient?.calls ?? [],
    };
    if (this.host) {
      result.hostStartupMs = this.host.startupMs;
      result.hostPid = this.host.pid;
    }
    return result;
  }
}

async function runDeployment(command: "preview" | "up", options: EngineOptions): Promise<CommandResult> {
  const source = options.program;
  if (!source) throw new Error(`${command} needs a program`);
  const run: Run = new Run(command, options, loadFor(options, source));
  const isPreview = command === "preview";
  let oldByUrn: Map<string, StateResource>;
  const resolved = new Map<string, Resolved>();
  const toDelete: StateResource[] = [];
  let outputs: PropertyMap = {};

  const lookup = (urn: string, property: string): JsonValue | undefined => {
    const entry = resolved.get(urn);
    if (!entry) return undefined;
    if (property === "id") return entry.id;
    return entry.outputs[property] ?? (entry.planned ? UNKNOWN : null);
  };
  /** Puts a processed resource into the new state, in place of its old self. */
  const record = (resource: StateResource, old: StateResource | undefined): void => {
    const others = run.state.resources.filter((r) => r !== old && r.urn !== resource.urn);
    run.state.resources = [...others, resource];
    run.persist();
  };

  try {
    // Like the CLI, the provider plugin starts while the program runs.
    const [program] = await Promise.all([
      "resources" in source ? Promise.resolve(source) : captureProgram(source),
      run.client(),
    ]);
    oldByUrn = new Map(run.state.resources.map((r) => [r.urn, r]));
    for (const resource of dependencyOrder(program.resources)) {
      const old = oldByUrn.get(resource.urn);
      const op: StepOp = old ? "same" : "create";
      const step: Step = { op, urn: resource.urn, type: resource.type, name: resource.name };
      run.steps.push(step);
      let inputs: PropertyMap;
      try {
        inputs = resolvePlaceholders(resource.inputs, lookup) as PropertyMap;
      } catch (error) {
        run.report(resource.urn, (error as Error).message);
      }
      step.inputs = inputs;
      if (!resource.dynamic) {
        // The engine re-marks secrets for every provider's outputs, mocked ones included (for example azuread's
        // ApplicationPassword registers additionalSecretOutputs ["value"]).
        const simulatedOutputs = markAdditionalSecrets(
          annotateSecrets(resolvePlaceholders(resource.outputs, lookup) as PropertyMap, inputs),
          resource.options.additionalSecretOutputs,
        );
        step.op = !old ? "create" : deepEqual(stripSecrets(old.inputs), stripSecrets(inputs)) ? "same" : "update";
        if (step.op === "update") {
          step.changedKeys = changedKeys(old!.inputs, inputs);
          const forceNew = run.options.simulatedReplaceKeys?.[resource.type];
          const replaceKeys =
            forceNew === "*" ? step.changedKeys : step.changedKeys.filter((k) => forceNew?.includes(k));
          if (replaceKeys.length > 0) {
            step.op = "replace";
            step.replaceKeys = replaceKeys;
            step.deleteBeforeReplace = resource.options.deleteBeforeReplace;
          }
        }
        resolved.set(resource.urn, { id: resource.id ?? null, outputs: simulatedOutputs, planned: false });
        if (!isPreview) record(stateOf(resource, resource.id, inputs, simulatedOutputs), old);
        continue;
      }

      const news = applyIgnoreChanges(inputs, old?.inputs, resource.options.ignoreChanges);
      const client = await run.client();
      const checked = await client.check(resource.urn, old?.inputs ?? {}, news);
      if (checked.failures.length > 0) {
        const reasons = checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
        run.report(resource.urn, `check failed: ${reasons}`);
      }
      const checkedInputs = checked.inputs;
      step.inputs = checkedInputs;

      if (!old) {
        step.op = "create";
        if (isPreview) {
          resolved.set(resource.urn, { id: UNKNOWN, outputs: checkedInputs, planned: true });
        } else {
          const created = await createResource(run, client, resource, checkedInputs);
          resolved.set(resource.urn, { id: created.id ?? null, outputs: created.outputs, planned: false });
          record(created, undefined);
        }
        continue;
      }

      // A targeted replace (`pulumi up --replace <urn>`) calls no Diff: the step generator blames the id.
      const targeted = run.options.replaceTargets?.includes(resource.urn) ?? false;
      const diff: DiffResult = targeted
        ? { changes: "some", replaces: ["id"], deleteBeforeReplace: false }
        : await client.diff(resource.urn, old.id ?? "", old.outputs, checkedInputs, old.inputs);
      const keys = changedKeys(old.inputs, checkedInputs);
      const changes = diff.changes === "unknown" ? (keys.length > 0 ? "some" : "none") : diff.changes;
      if (changes === "none" && !old.initErrors?.length) {
        step.op = "same";
        resolved.set(resource.urn, { id: old.id ?? null, outputs: old.outputs, planned: false });
        if (!isPreview) record(stateOf(resource, old.id, checkedInputs, old.outputs), old);
        continue;
      }
      step.changedKeys = displayedChangedKeys(old, checkedInputs);
      if (diff.replaces.length > 0) {
        step.op = "replace";
        step.replaceKeys = diff.replaces;
        step.deleteBeforeReplace = diff.deleteBeforeReplace || resource.options.deleteBeforeReplace;
        if (old.options.protect) run.report(resource.urn, "resource is protected; it cannot be replaced");
        // Like the engine's step generator, a replacement that is not targeted re-checks the program's inputs with
        // EMPTY olds ("recompute the default values") and creates with those; a targeted one keeps the checked ones.
        let replacementInputs = checkedInputs;
        if (!targeted) {
          const rechecked = await client.check(resource.urn, {}, inputs);
          if (rechecked.failures.length > 0) {
            const reasons = rechecked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
            run.report(resource.urn, `check failed: ${reasons}`);
          }
          replacementInputs = rechecked.inputs;
          step.inputs = replacementInputs;
        }
        if (isPreview) {
          resolved.set(resource.urn, { id: UNKNOWN, outputs: replacementInputs, planned: true });
          continue;
        }
        const deleteFirst = diff.deleteBeforeReplace || resource.options.deleteBeforeReplace;
        if (deleteFirst) {
          await client.delete(old.urn, old.id ?? "", old.outputs, old.inputs);
          run.state.resources = run.state.resources.filter((r) => r !== old);
          run.persist();
        }
        const created = await createResource(run, client, resource, replacementInputs);
        resolved.set(resource.urn, { id: created.id ?? null, outputs: created.outputs, planned: false });
        record(created, deleteFirst ? undefined : old);
        if (!deleteFirst) toDelete.push(old);
        continue;
      }
      step.op = "update";
      if (isPreview) {
        resolved.set(resource.urn, { id: old.id ?? null, outputs: checkedInputs, planned: true });
        continue;
      }
      const updated = await client.update(resource.urn, old.id ?? "", old.outputs, checkedInputs, old.inputs);
      const updatedOutputs = markAdditionalSecrets(updated.properties, resource.options.additionalSecretOutputs);
      resolved.set(resource.urn, { id: old.id ?? null, outputs: updatedOutputs, planned: false });
      record(stateOf(resource, old.id, checkedInputs, updatedOutputs), old);
    }

    // Removed resources, and the old halves of create-before-delete replacements, in reverse dependency order.
    const wanted = new Set(program.resources.map((r) => r.urn));
    const removed = [...oldByUrn.values()].filter((r) => !wanted.has(r.urn));
    const replacedOld = new Set(toDelete);
    const deletions = reverseDependencyOrder([...oldByUrn.values()]).filter(
      (r) => replacedOld.has(r) || removed.includes(r),
    );
    for (const old of deletions) {
      if (replacedOld.has(old)) {
        if (!isPreview) {
          const client = await run.client();
          await client.delete(old.urn, old.id ?? "", old.outputs, old.inputs);
        }
      } else {
        await run.deleteResource(old);
      }
    }
    outputs = resolvePlaceholders(program.outputs, lookup) as PropertyMap;
    if (!isPreview) {
      run.state.resources = dependencyOrder(run.state.resources);
      run.state.outputs = outputs;
      run.persist();
    }
  } catch (error) {
    if (error instanceof ProviderError) {
      const urn = error.method === "configure" ? undefined : run.steps.at(-1)?.urn;
      run.diagnostics.push({ severity: "error", ...(urn ? { urn } : {}), message: error.message });
    } else {
      run.fail(error);
    }
  }
  return run.finish(outputs);
}

/** Create; an ErrorResourceInitFailed keeps the resource in state (with its id) and fails the command. */
async function createResource(
  run: Run,
  client: ProviderClient,
  resource: CapturedResource,
  inputs: PropertyMap,
): Promise<StateResource> {
  try {
    const created = await client.create(resource.urn, inputs);
    const outputs = markAdditionalSecrets(created.properties, resource.options.additionalSecretOutputs);
    return stateOf(resource, created.id, inputs, outputs);
  } catch (error) {
    if (error instanceof ProviderError && error.initFailure) {
      const { id, properties, reasons } = error.initFailure;
      const outputs = annotateSecrets({ ...properties, __provider: inputs.__provider ?? null }, inputs);
      const kept = stateOf(resource, id, inputs, outputs);
      kept.initErrors = reasons;
      run.state.resources = [...run.state.resources, kept];
      run.persist();
      run.report(resource.urn, `${error.details} (${reasons.join("; ")})`);
    }
    throw error;
  }
}

function stateOf(
  resource: CapturedResource,
  id: string | undefined,
  inputs: PropertyMap,
  outputs: PropertyMap,
): StateResource {
  return {
    urn: resource.urn,
    type: resource.type,
    custom: resource.custom,
    dynamic: resource.dynamic,
    id,
    parent: resource.parent,
    inputs,
    outputs,
    dependencies: resource.dependencies,
    options: resource.options,
  };
}

/**
 * Pulumi's CLI hides property keys starting with `__` from every display (`IsInternalPropertyKey` in pulumi's
 * sdk/go/common/resource/properties.go): `__provider`, and this package's `__creationKey`.
 */
export function isInternalPropertyKey(key: string): boolean {
  return key.startsWith("__");
}

/** Keys `preview --diff` shows for a dynamic update: old outputs vs new inputs over the input keys (see the top). */
export function displayedChangedKeys(old: StateResource, news: PropertyMap): string[] {
  const inputKeys = new Set([...Object.keys(old.inputs), ...Object.keys(news)]);
  const olds = Object.fromEntries(Object.entries(old.outputs).filter(([key]) => inputKeys.has(key)));
  return changedKeys(olds, news).filter((key) => !isInternalPropertyKey(key));
}

function applyIgnoreChanges(news: PropertyMap, olds: PropertyMap | undefined, ignore: string[]): PropertyMap {
  if (!olds || ignore.length === 0) return news;
  const result = { ...news };
  for (const key of ignore) {
    const previous = olds[key];
    if (previous === undefined) delete result[key];
    else result[key] = previous;
  }
  return result;
}

function configOf(options: EngineOptions): StackConfig {
  return options.config ?? options.program?.config ?? {};
}

function loadFor(options: EngineOptions, program?: ProgramSpec | CapturedProgram): StackState {
  const project = options.project ?? program?.project ?? "project";
  const stack = options.stack ?? program?.stack ?? "dev";
  return loadState(options.statePath, options.passphrase, project, stack);
}

function nameOf(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

interface HasDependencies {
  urn: string;
  parent: string | undefined;
  dependencies: string[];
}

/** Stable topological order: every resource after its parent and its dependencies (registration order kept). */
export function dependencyOrder<T extends HasDependencies>(resources: T[]): T[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: T[] = [];
  const visit = (resource: T): void => {
    if (done.has(resource.urn)) return;
    if (visiting.has(resource.urn)) throw new Error(`dependency cycle at ${resource.urn}`);
    visiting.add(resource.urn);
    for (const urn of [...(resource.parent ? [resource.parent] : []), ...resource.dependencies]) {
      const dependency = byUrn.get(urn);
      if (dependency) visit(dependency);
    }
    visiting.delete(resource.urn);
    done.add(resource.urn);
    ordered.push(resource);
  };
  resources.forEach(visit);
  return ordered;
}

/** Dependents before their dependencies (the order deletes run in). */
export function reverseDependencyOrder<T extends HasDependencies>(resources: T[]): T[] {
  return dependencyOrder(resources).reverse();
}
