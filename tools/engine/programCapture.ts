/**
 * Runs a Pulumi program under `pulumi.runtime.setMocks` in a fresh child process (as the CLI re-runs the program for
 * every command) and returns every resource registration as JSON: type, name, URN, parent, the serialized inputs the
 * engine would receive (real `__provider`, secret wrappers), dependency URNs, the options that matter, and the stack
 * outputs.
 *
 * ## Placeholders for dynamic resources
 *
 * Mocks must answer a registration immediately, but a dynamic resource's real outputs exist only once the engine-lite
 * creates it through the plugin host. So the capture answers every `pulumi-nodejs:dynamic/...` registration with
 * placeholders instead of values: the id is `$ref{<urn>#id}` and each output key (every input key, plus
 * `extraDynamicOutputs[type]`) is `$ref{<urn>#<key>}` (wrapped secret when the input was secret, as the engine's
 * annotateSecrets would). Anything the program passes through, or builds into a string with `pulumi.interpolate` or
 * `apply(x => "..." + x)`, still carries the placeholder text; the braces delimit it inside longer strings.
 * The engine-lite resolves placeholders per command with {@link resolvePlaceholders}:
 *   - `up`: the referenced resource was just created/updated (or kept), so its real id/outputs replace the
 *     placeholder (a whole-string placeholder becomes the value with its type; an embedded one is stringified).
 *   - `preview`: a resource that would be created or replaced has no id yet, so `#id` is unknown; its other outputs
 *     are the planned checked inputs when known (the engine fabricates outputs = inputs because the dynamic host
 *     does not support preview), otherwise unknown. Any string containing an unknown becomes wholly unknown.
 * Limitation: a program that computes on a placeholder (parses it, takes its length, branches on it) sees the
 * placeholder text, not the future value; plain pass-through and string building are what real programs do.
 * Non-dynamic resources (Azure etc.) are answered by the caller's mocks, whose values are taken as final.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { containsUnknowns, isSecret, secret, UNKNOWN, type JsonValue, type PropertyMap } from "./encoding";
import type { StackConfig } from "./providerClient";
import { REPO_ROOT } from "./pluginHost";

/** Type tokens of dynamic resources start with this. */
export const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic";

/** Which program to run and how. */
export interface ProgramSpec {
  /** Absolute path of the program module (TS or JS): a default-exported function, or top-level code with exports. */
  program: string;
  /** Project name (default `project`). */
  project?: string;
  /** Stack name (default `dev`). */
  stack?: string;
  /** Stack config, namespaced keys; `{ secret }` values become secret config. */
  config?: StackConfig;
  /** A module exporting a Mocks factory for non-dynamic resources (default: echo inputs, id `<name>-id`). */
  mocks?: { module: string; exportName?: string; options?: JsonValue };
  /** Extra output keys (beyond the inputs) that get placeholders, per dynamic type token. */
  extraDynamicOutputs?: Record<string, string[]>;
  /** Extra environment for the program process. */
  env?: Record<string, string>;
  /**
   * Project directory the program runs in, as the CLI runs it (default: the repository root): the program process's
   * cwd, and where its `@pulumi/pulumi` is resolved from, so a project with its own `node_modules` (an installed
   * package, a `pulumi new` template) runs on its own SDK copy.
   */
  projectDir?: string;
}

/** The spec handed to the runner process (internal). */
export interface CaptureSpec extends ProgramSpec {
  project: string;
  stack: string;
  outFile: string;
}

/** Resource options that change what the engine does. */
export interface CapturedOptions {
  protect: boolean;
  deleteBeforeReplace: boolean;
  additionalSecretOutputs: string[];
  ignoreChanges: string[];
}

/** One registered resource. */
export interface CapturedResource {
  urn: string;
  type: string;
  name: string;
  parent: string | undefined;
  custom: boolean;
  /** True for `pulumi-nodejs:dynamic/...` custom resources (managed through the plugin host). */
  dynamic: boolean;
  /** Mock id (placeholder for dynamic resources); undefined for components. */
  id: string | undefined;
  /** Inputs as sent to the engine: secret wrappers, placeholders, and `__provider` for dynamic resources. */
  inputs: PropertyMap;
  /** Outputs the program saw: mock state, or placeholders for dynamic resources. */
  outputs: PropertyMap;
  /** URNs of the resources whose outputs fed the inputs, plus explicit dependsOn. */
  dependencies: string[];
  /** Per input key, the URNs it depends on. */
  propertyDependencies: Record<string, string[]>;
  options: CapturedOptions;
}

/** The result of one program run. */
export interface CapturedProgram {
  project: string;
  stack: string;
  /** The stack config the program ran with (engine-lite sends it to Configure). */
  config: StackConfig;
  /** Resources in registration order (dependencies first). */
  resources: CapturedResource[];
  /** Stack outputs in wire form (secret wrappers, placeholders). */
  outputs: PropertyMap;
  /** Milliseconds the runner spent (import + program + serialization). */
  durationMs: number;
  /** The program's stdout and stderr. */
  logs: string;
}

/** The placeholder text for an output (or `id`) of a dynamic resource. */
export function placeholder(urn: string, property: string): string {
  return `$ref{${urn}#${property}}`;
}

const PLACEHOLDER = /\$ref\{([^#{}]+)#([^{}]+)\}/g;

/** Answers a placeholder: the value (possibly a secret wrapper or UNKNOWN), or undefined if the URN is not known. */
export type PlaceholderLookup = (urn: string, property: string) => JsonValue | undefined;

/**
 * Replaces placeholders in a value. A string that is exactly one placeholder becomes the looked-up value; a string
 * with embedded placeholders gets their string forms spliced in, becomes UNKNOWN if any is unknown, and becomes
 * secret if any is secret. Throws for a placeholder the lookup cannot answer (a dangling reference).
 */
export function resolvePlaceholders(value: JsonValue, lookup: PlaceholderLookup): JsonValue {
  if (typeof value === "string") return resolveString(value, lookup);
  if (isSecret(value)) return secret(stripOuterSecret(resolvePlaceholders(value.value, lookup)));
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(v, lookup));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolvePlaceholders(v, lookup)]));
  }
  return value;
}

function stripOuterSecret(value: JsonValue): JsonValue {
  return isSecret(value) ? value.value : value;
}

function resolveString(text: string, lookup: PlaceholderLookup): JsonValue {
  const matches = [...text.matchAll(PLACEHOLDER)];
  if (matches.length === 0) return text;
  const answer = (urn: string, property: string): JsonValue => {
    const found = lookup(urn, property);
    if (found === undefined) throw new Error(`dangling reference ${placeholder(urn, property)}`);
    return found;
  };
  const only = matches[0]!;
  if (matches.length === 1 && only[0] === text) return answer(only[1]!, only[2]!);
  let unknown = false;
  let anySecret = false;
  const spliced = text.replace(PLACEHOLDER, (_m, urn: string, property: string) => {
    let found = answer(urn, property);
    if (isSecret(found)) {
      anySecret = true;
      found = found.value;
    }
    if (containsUnknowns(found)) unknown = true;
    return typeof found === "string" ? found : JSON.stringify(found);
  });
  const result = unknown ? UNKNOWN : spliced;
  return anySecret ? secret(result) : result;
}

const runningCaptures = new Set<number>();

/** Runs the program in a child process and returns what it registered. Rejects with the program's output on error. */
export async function captureProgram(spec: ProgramSpec): Promise<CapturedProgram> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-capture-"));
  const full: CaptureSpec = {
    ...spec,
    project: spec.project ?? "project",
    stack: spec.stack ?? "dev",
    outFile: path.join(dir, "capture.json"),
  };
  try {
    const runner = path.join(__dirname, "programRunner.ts");
    const tsNode = require.resolve("ts-node/register/transpile-only");
    const child = spawn(process.execPath, ["-r", tsNode, runner], {
      cwd: spec.projectDir ?? REPO_ROOT,
      env: { ...process.env, ...spec.env, ENGINE_CAPTURE_SPEC: JSON.stringify(full) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid !== undefined) runningCaptures.add(child.pid);
    let logs = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (logs += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (logs += chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (exitCode) => resolve(exitCode));
    });
    if (child.pid !== undefined) runningCaptures.delete(child.pid);
    if (code !== 0) throw new Error(`program ${spec.program} failed (exit ${code}):\n${logs}`);
    const captured = JSON.parse(fs.readFileSync(full.outFile, "utf8")) as CapturedProgram;
    return { ...captured, config: spec.config ?? {}, logs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Kills program runs still in flight (test cleanup). */
export function killRunningCaptures(): void {
  for (const pid of runningCaptures) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  runningCaptures.clear();
}
