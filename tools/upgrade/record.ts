/**
 * `npm run upgrade:record -- <version> [--at <commit>] [--force]`: records the upgrade fixture of this version of the
 * package. For each scenario (scenarios.ts) it seeds a fresh Konnect emulator, runs the program through engine-lite
 * and the real plugin host (`up`, then `refresh`, then a `preview` that must show no change), and writes what a later
 * version needs to replay the stack to `tests/upgrade/states/<version>-<commit>/` (layout: fixture.ts; rules:
 * tests/upgrade/states/README.md).
 *
 * `--at` names the commit whose package code is recorded (default HEAD); the package code in the working tree
 * (provider/, the lockfile, the TypeScript configs) must be exactly that commit's. Run it from the release commit.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as prettier from "prettier";
import { ensureBuilt } from "../demo/demoBuild";
import { isSecret, type JsonValue } from "../engine/encoding";
import { preview, refresh, up, type CommandResult, type EngineOptions } from "../engine/engineLite";
import { REPO_ROOT, stopAllHosts } from "../engine/pluginHost";
import { captureProgram, killRunningCaptures, type CapturedProgram } from "../engine/programCapture";
import type { StackConfig } from "../engine/providerClient";
import { loadState, type StackState } from "../engine/stateFile";
import { startKonnectEmulator, type KonnectEmulator } from "../emulator/emulator";
import { STATES_DIR, type RecordingInfo, type ScenarioRecord, type StoreRecord } from "./fixture";
import { EMULATOR_URL, fillPlaceholders, insertPlaceholders, providerPlaceholder, sha256 } from "./placeholders";
import { SCENARIOS, type ScenarioDefinition } from "./scenarios";
import { resolveSecrets } from "./secrets";
import { takeSnapshot, type StoreSnapshot } from "./storeSnapshot";
import { deterministicValues } from "./normalize";

/** Files whose content is the package's code: a recording names the commit they come from. */
export const PACKAGE_CODE = ["provider", "package-lock.json", "tsconfig.json", "tsconfig.build.json"];

const PASSPHRASE = "upgrade-recorder";

/** What one scenario's recording produced. */
interface Recorded {
  record: ScenarioRecord;
  state: StackState;
  store: StoreRecord;
  /** The secret values the placeholders stand for (to check the written files). */
  secretValues: string[];
}

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" }).trim();
}

function expectOk(label: string, result: CommandResult): CommandResult {
  if (result.ok) return result;
  const messages = result.diagnostics.map((d) => `  ${d.urn ?? ""} ${d.message}`).join("\n");
  throw new Error(`${label} failed:\n${messages}\n${result.providerLogs}`);
}

/** Replaces each serialized provider text of a state by its placeholder, collecting the texts. */
function extractProviders(state: StackState, providers: Record<string, string>): StackState {
  const copy = structuredClone(state);
  for (const resource of copy.resources.filter((r) => r.dynamic)) {
    for (const bag of [resource.inputs, resource.outputs]) {
      const text = bag.__provider;
      if (typeof text !== "string") throw new Error(`${resource.urn}: no plain __provider text to record`);
      const placeholder = providerPlaceholder(resource.type, text);
      providers[placeholder] = text;
      bag.__provider = placeholder;
    }
  }
  return copy;
}

/** Every string inside secret wrappers of a value, with its path. */
function secretLeaves(value: JsonValue, at = ""): { path: string; value: string }[] {
  if (isSecret(value)) return plainLeaves(value.value, at);
  if (Array.isArray(value)) return value.flatMap((v, i) => secretLeaves(v, `${at}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => secretLeaves(v, at === "" ? k : `${at}.${k}`));
  }
  return [];
}

function plainLeaves(value: JsonValue, at: string): { path: string; value: string }[] {
  if (typeof value === "string") return [{ path: at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => plainLeaves(v, `${at}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => plainLeaves(v, `${at}.${k}`));
  }
  return [];
}

/** Throws when the state or the store holds a secret the scenario does not declare (it would stay in plain text). */
function checkSecretsDeclared(
  def: ScenarioDefinition,
  state: StackState,
  after: StoreSnapshot,
  emulator: KonnectEmulator,
  declared: ReadonlySet<string>,
): void {
  const undeclared: string[] = [];
  for (const resource of state.resources) {
    for (const [bag, values] of [
      ["inputs", resource.inputs],
      ["outputs", resource.outputs],
    ] as const) {
      for (const leaf of secretLeaves(values)) {
        if (!declared.has(leaf.value)) undeclared.push(`${resource.urn} ${bag}.${leaf.path}`);
      }
    }
  }
  for (const leaf of secretLeaves(state.outputs)) {
    if (!declared.has(leaf.value)) undeclared.push(`stack output ${leaf.path}`);
  }
  for (const provider of after.objects["dcr-providers"]) {
    for (const [field, value] of Object.entries(emulator.storedSecrets(provider.id) ?? {})) {
      if (!declared.has(value)) undeclared.push(`emulator dcr-providers/${provider.id} dcr_config.${field}`);
    }
  }
  if (undeclared.length > 0) {
    throw new Error(
      `${def.name}: secrets not declared in scenarios.ts (they would be recorded):\n${undeclared.join("\n")}`,
    );
  }
}

/** Runs one scenario and returns what the fixture keeps of it, placeholders in. */
async function recordScenario(
  def: ScenarioDefinition,
  emulator: KonnectEmulator,
  workDir: string,
  providers: Record<string, string>,
): Promise<Recorded> {
  emulator.reset();
  def.seed?.(emulator);
  const before = takeSnapshot(emulator);
  const live = new Map([[EMULATOR_URL, emulator.url], ...resolveSecrets(def.secrets)]);
  const config = fillPlaceholders(def.config as JsonValue, live) as StackConfig;
  const mocks = def.mocks && { ...def.mocks, module: path.join(REPO_ROOT, def.mocks.module) };
  const program: CapturedProgram = await captureProgram({
    program: path.join(REPO_ROOT, def.program),
    project: def.project,
    stack: "dev",
    config,
    ...(mocks ? { mocks } : {}),
  });
  const secrets = resolveSecrets(def.secrets, program);
  const options: EngineOptions = {
    statePath: path.join(workDir, `${def.name}.json`),
    passphrase: PASSPHRASE,
    config,
    ...(def.simulatedReplaceKeys ? { simulatedReplaceKeys: def.simulatedReplaceKeys } : {}),
    program,
  };
  const created = expectOk(`${def.name}: up`, await up(options));
  const notCreated = created.steps.filter((s) => s.op !== "create").map((s) => `${s.op} ${s.name}`);
  if (notCreated.length > 0) throw new Error(`${def.name}: up did not only create: ${notCreated.join("; ")}`);
  expectOk(`${def.name}: refresh`, await refresh(options));
  const again = expectOk(`${def.name}: preview`, await preview(options));
  const changing = again.steps
    .filter((s) => s.op !== "same")
    .map((s) => `${s.op} ${s.name} ${(s.changedKeys ?? []).join(",")}`);
  if (changing.length > 0) throw new Error(`${def.name}: not stable after up + refresh: ${changing.join("; ")}`);

  const state = loadState(options.statePath, PASSPHRASE, def.project, "dev");
  const after = takeSnapshot(emulator);
  checkSecretsDeclared(def, state, after, emulator, new Set(secrets.values()));

  const placeholders = new Map<string, string>([
    ...deterministicValues(before, after),
    [emulator.url, EMULATOR_URL],
    ...[...secrets].map(([placeholder, value]): [string, string] => [value, placeholder]),
  ]);
  const scrub = <T>(value: T): T => insertPlaceholders(value as JsonValue, placeholders) as T;
  const programFile = path.join(REPO_ROOT, def.program);
  const record: ScenarioRecord = {
    name: def.name,
    covers: def.covers,
    program: {
      path: def.program,
      sha256: sha256(fs.readFileSync(programFile)),
      project: def.project,
      stack: "dev",
      config: def.config,
      ...(def.mocks ? { mocks: def.mocks } : {}),
    },
    ...(def.simulatedReplaceKeys ? { simulatedReplaceKeys: def.simulatedReplaceKeys } : {}),
    secrets: def.secrets,
  };
  return {
    record,
    state: scrub(extractProviders(state, providers)),
    store: { before: scrub(before), after: scrub(after) },
    secretValues: [...secrets.values()],
  };
}

/** Formats JSON the way `npm run format` would, so the fixture passes `prettier --check`. */
async function formatJson(file: string, value: unknown): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(JSON.stringify(value), { ...options, filepath: file });
}

/** Throws when a written file still holds a secret, in any common encoding, or the emulator's address. */
function checkWritten(files: string[], secrets: readonly string[], emulatorUrl: string): void {
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const secret of secrets) {
      const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")];
      if (forms.some((form) => text.includes(form))) throw new Error(`${file} holds a secret value`);
    }
    if (text.includes(emulatorUrl)) throw new Error(`${file} holds the emulator's address ${emulatorUrl}`);
  }
}

interface Arguments {
  label: string;
  at: string;
  force: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const args: Arguments = { label: "", at: "HEAD", force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--force") args.force = true;
    else if (arg === "--at") args.at = argv[++i] ?? "";
    else if (!arg.startsWith("--") && args.label === "") args.label = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!/^[0-9A-Za-z][0-9A-Za-z.+-]*$/.test(args.label)) {
    throw new Error("usage: npm run upgrade:record -- <version> [--at <commit>] [--force]   (e.g. 0.2.0)");
  }
  return args;
}

/** Records every scenario and writes the recording directory; returns its path. */
export async function record(argv: string[]): Promise<string> {
  const args = parseArguments(argv);
  const commit = git("rev-parse", "--verify", `${args.at}^{commit}`);
  const changed = git("diff", "--name-only", commit, "--", ...PACKAGE_CODE);
  if (changed !== "") {
    throw new Error(`the package code differs from ${args.at} (${commit.slice(0, 7)}):\n${changed}`);
  }
  const name = `${args.label}-${commit.slice(0, 7)}`;
  const target = path.join(STATES_DIR, name);
  if (fs.existsSync(target) && !args.force) throw new Error(`${target} exists (use --force to record it again)`);

  await ensureBuilt();
  const emulator = await startKonnectEmulator();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "upgrade-record-"));
  const providers: Record<string, string> = {};
  const secrets = new Set<string>();
  try {
    const recorded: Recorded[] = [];
    for (const def of SCENARIOS) {
      process.stdout.write(`recording ${def.name} ...\n`);
      const scenario = await recordScenario(def, emulator, workDir, providers);
      scenario.secretValues.forEach((value) => secrets.add(value));
      recorded.push(scenario);
    }
    const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    const sdk = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8"),
    ) as { version: string };
    const info: RecordingInfo = {
      name,
      packageVersion: packageJson.version,
      commit,
      pulumiSdk: sdk.version,
      node: process.version,
      scenarios: recorded.map((r) => r.record.name),
    };
    fs.rmSync(target, { recursive: true, force: true });
    const written: string[] = [];
    const write = async (file: string, value: unknown) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, await formatJson(file, value));
      written.push(file);
    };
    await write(path.join(target, "recording.json"), info);
    await write(path.join(target, "providers.json"), providers);
    for (const { record: scenario, state, store } of recorded) {
      await write(path.join(target, scenario.name, "scenario.json"), scenario);
      await write(path.join(target, scenario.name, "state.json"), state);
      await write(path.join(target, scenario.name, "store.json"), store);
    }
    checkWritten(written, [...secrets], emulator.url);
    return target;
  } finally {
    killRunningCaptures();
    await stopAllHosts();
    await emulator.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  record(process.argv.slice(2)).then(
    (target) => process.stdout.write(`recorded ${path.relative(REPO_ROOT, target)}\n`),
    (error: unknown) => {
      process.stderr.write(`upgrade:record failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
