/**
 * Upgrades never replace: every stack state recorded by an earlier version of the package (tests/upgrade/states, one
 * directory per recording, see its README) is replayed with the current code through the real plugin host. For each
 * recorded scenario: the emulator holds the recorded Konnect objects, the state file the recorded state (with the
 * recorded `__provider` texts, which refresh and destroy run), and the recorded program runs unchanged. Then
 *   - `preview` and `up` show every resource `same` (no update, no replace) and `up` writes nothing to Konnect;
 *   - `refresh` reads each Konnect object once and finds nothing changed, and a preview after it still shows no change;
 *   - `destroy` deletes everything the stack made without a conflict and leaves Konnect as it was before the stack.
 * A change that makes a recorded state update or replace is a breaking change; the failure names the resource and the
 * input paths that changed. The committed files are also checked for secrets.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isObject, isSecret, type JsonValue } from "../../tools/engine/encoding";
import { destroy, preview, refresh, up, type CommandResult } from "../../tools/engine/engineLite";
import { stopAllHosts } from "../../tools/engine/pluginHost";
import { killRunningCaptures } from "../../tools/engine/programCapture";
import { loadState, type StackState, type StateResource } from "../../tools/engine/stateFile";
import { startKonnectEmulator, type EmulatorControl, type KonnectEmulator } from "../../tools/emulator/emulator";
import { secretFieldNames } from "../../tools/emulator/dcrConfigFields";
import type { DcrProviderType } from "../../tools/emulator/types";
import { listRecordings, loadRecordedScenario, loadRecordingInfo, recordingFiles } from "../../tools/upgrade/fixture";
import { EMULATOR_URL, placeholdersIn, secretPlaceholder, sha256 } from "../../tools/upgrade/placeholders";
import { prepareReplay, type Replay, type ReplayEmulator } from "../../tools/upgrade/replay";
import { takeSnapshot, type StoreSnapshot } from "../../tools/upgrade/storeSnapshot";
import { expectNoSecrets, fileTexts } from "../support/secretScan";
import { allSame, describeSteps, comparableStore } from "./replaySupport";

jest.setTimeout(300_000);

const PASSPHRASE = "upgrade-replay";
const RECORDINGS = listRecordings();
/** Program runs and emulator set-ups at a time while replays run (the machine has 2 cores). */
const PREPARATIONS_AT_ONCE = 2;

let dir: string;
const emulators: KonnectEmulator[] = [];
/** The replay of each `<recording>/<scenario>`, prepared ahead (program run, emulator, state file). */
const replays = new Map<string, Promise<Replay>>();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "upgrade-replay-"));
  const run = limit(PREPARATIONS_AT_ONCE);
  for (const recording of RECORDINGS) {
    for (const scenario of loadRecordingInfo(recording).scenarios) {
      const prepared = run(async () => {
        // Each scenario has an emulator of its own, so its request log holds only its own calls.
        const emulator = await startKonnectEmulator();
        emulators.push(emulator);
        const statePath = path.join(dir, `${recording}-${scenario}.json`);
        return prepareReplay(loadRecordedScenario(recording, scenario), emulator, statePath, PASSPHRASE);
      });
      prepared.catch(() => undefined); // reported by the scenario's tests
      replays.set(`${recording}/${scenario}`, prepared);
    }
  }
});

afterAll(async () => {
  await Promise.allSettled(replays.values());
  killRunningCaptures();
  await stopAllHosts();
  await Promise.all(emulators.map((e) => e.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs at most `n` tasks at once, in the order they were handed in. */
function limit(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** The API requests an emulator saw since the last call, as `METHOD path status`. */
function apiCalls(emulator: EmulatorControl): string[] {
  const calls = emulator.requestLog().map((e) => `${e.method} ${e.path} ${e.status}`);
  emulator.clearRequestLog();
  return calls;
}

/** The Konnect path a refresh reads for a resource (Konnect's API, per resource type). */
function readPath(type: string, id: string): string {
  const name = type.split(":").pop();
  if (name === "DcrProvider") return `/v2/dcr-providers/${id}`;
  if (name === "AuthStrategy") return `/v2/application-auth-strategies/${id}`;
  if (name === "ApiPublication") {
    const [apiId, portalId] = id.split("/");
    return `/v3/apis/${apiId}/publications/${portalId}`;
  }
  if (name === "PortalDefaultAuthStrategy") return `/v3/portals/${id}`;
  throw new Error(`no read path known for ${type}`);
}

/** One GET per Konnect resource of the state, at the location its outputs recorded. */
function expectedReads(state: StackState): string[] {
  return state.resources
    .filter((r) => r.dynamic)
    .map((r) => {
      const prefix = new URL(r.outputs.serverUrl as string).pathname.replace(/\/$/, "");
      return `GET ${prefix}${readPath(r.type, r.id!)} 200`;
    })
    .sort();
}

/** What a refresh writes of a resource, `masked`. */
function comparable(resource: StateResource): unknown {
  return { urn: resource.urn, id: resource.id, inputs: masked(resource.inputs), outputs: masked(resource.outputs) };
}

/**
 * A value for comparisons whose failure message may be printed: secrets and `__provider` texts become digests (a
 * change still shows; the value does not).
 */
function masked(value: JsonValue): JsonValue {
  if (isSecret(value)) return `[secret sha256:${sha256(JSON.stringify(value.value)).slice(0, 12)}]`;
  if (Array.isArray(value)) return value.map(masked);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === "__provider" && typeof v === "string" ? `[text sha256:${sha256(v).slice(0, 12)}]` : masked(v),
      ]),
    );
  }
  return value;
}

function expectOk(result: CommandResult): void {
  expect({ command: result.command, diagnostics: result.diagnostics }).toEqual({
    command: result.command,
    diagnostics: [],
  });
}

it("the fixture holds at least one recording, each with its scenarios", () => {
  expect(RECORDINGS.length).toBeGreaterThan(0);
  for (const recording of RECORDINGS) {
    const info = loadRecordingInfo(recording);
    expect(info.name).toBe(recording);
    expect(info.scenarios.length).toBeGreaterThan(0);
    const dirs = fs
      .readdirSync(path.join(__dirname, "states", recording), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(dirs.sort()).toEqual([...info.scenarios].sort());
  }
});

describe.each(RECORDINGS)("state recorded by %s", (recording) => {
  const info = loadRecordingInfo(recording);
  /** Secret values met in this recording's replays, for the scan of its files. */
  const secrets = new Set<string>();

  describe("committed files", () => {
    const scenarios = info.scenarios.map((name) => loadRecordedScenario(recording, name));

    it("hold placeholders, never a secret value or the emulator's address", () => {
      for (const recorded of scenarios) {
        const declared = new Set(recorded.scenario.secrets.map((s) => secretPlaceholder(s.name)));
        const where = `${recording}/${recorded.scenario.name}`;
        // Every value Pulumi keeps secret is exactly one declared placeholder.
        // Failure messages name where a value is, never the value (it may be a real secret committed by mistake).
        const wrapped = [
          ...recorded.state.resources.flatMap((r) => [
            ...secretLeaves(r.inputs, `${r.urn} inputs`),
            ...secretLeaves(r.outputs, `${r.urn} outputs`),
          ]),
          ...secretLeaves(recorded.state.outputs, "stack outputs"),
          ...Object.entries(recorded.scenario.program.config).flatMap(([key, v]) =>
            typeof v === "string" ? [] : [{ at: `config ${key}`, value: v.secret }],
          ),
        ];
        const undeclared = wrapped.filter((leaf) => !declared.has(leaf.value)).map((leaf) => leaf.at);
        expect({ where, undeclared }).toEqual({ where, undeclared: [] });
        expect(wrapped.length).toBeGreaterThan(0);
        // Konnect's write-only DCR config fields are placeholders too.
        for (const snapshot of [recorded.store.before, recorded.store.after]) {
          for (const provider of snapshot.objects["dcr-providers"]) {
            const config = (provider as { dcr_config: Record<string, unknown> }).dcr_config;
            for (const field of secretFieldNames((provider as { provider_type: DcrProviderType }).provider_type)) {
              const value = config[field];
              const placeholder = value === undefined || (typeof value === "string" && /^<secret:[^<>]+>$/.test(value));
              expect({ where, id: provider.id, field, placeholder }).toEqual({
                where,
                id: provider.id,
                field,
                placeholder: true,
              });
            }
          }
        }
        // A secret placeholder appears nowhere else: a secret in a plain output would be a leak of the recorded version.
        const plain = [
          withoutSecrets(recorded.state as unknown as JsonValue),
          withoutSecretFields(recorded.store.before),
          withoutSecretFields(recorded.store.after),
          Object.values(recorded.scenario.program.config).filter((v) => typeof v === "string"),
        ] as JsonValue;
        const leaked = placeholdersIn(plain).filter((p) => p.startsWith("<secret:"));
        expect({ where, secretsInPlainPlaces: leaked }).toEqual({ where, secretsInPlainPlaces: [] });
        // Every placeholder is one replay can fill.
        const known = new Set([EMULATOR_URL, ...declared, ...Object.keys(recorded.providers)]);
        const used = placeholdersIn([recorded.state, recorded.store, recorded.scenario] as unknown as JsonValue);
        expect({ where, unknown: used.filter((p) => !known.has(p)) }).toEqual({ where, unknown: [] });
      }
      for (const file of recordingFiles(recording)) {
        expect({ file, address: /127\.0\.0\.1|localhost/.test(fs.readFileSync(file, "utf8")) }).toEqual({
          file,
          address: false,
        });
      }
    });
  });

  describe.each(info.scenarios)("%s", (scenario) => {
    let replay: Replay;
    let emulator: ReplayEmulator;
    const current = () => loadState(replay.options.statePath, PASSPHRASE, replay.state.project, replay.state.stack);

    beforeAll(async () => {
      replay = await replays.get(`${recording}/${scenario}`)!;
      emulator = replay.emulator;
      replay.secrets.forEach((s) => secrets.add(s));
    });

    it("preview: every resource is unchanged and Konnect is not called", async () => {
      const planned = await preview(replay.options);
      expectOk(planned);
      expect(describeSteps(planned, replay.state)).toEqual(allSame(replay.state));
      expect(apiCalls(emulator)).toEqual([]);
    });

    it("up: every resource is unchanged and nothing is written to Konnect", async () => {
      const applied = await up(replay.options);
      expectOk(applied);
      expect(describeSteps(applied, replay.state)).toEqual(allSame(replay.state));
      expect(apiCalls(emulator).filter((call) => !call.startsWith("GET "))).toEqual([]);
      // Unchanged resources keep their outputs (inputs take the program's, with the creation key's successor).
      const kept = (r: StateResource) => ({ urn: r.urn, id: r.id, outputs: masked(r.outputs) });
      expect(current().resources.map(kept)).toEqual(replay.state.resources.map(kept));
    });

    it("refresh: one GET per Konnect object, nothing changed, and the state is the one the recording's refresh wrote", async () => {
      const before = current();
      const refreshed = await refresh(replay.options);
      expectOk(refreshed);
      expect(apiCalls(emulator).sort()).toEqual(expectedReads(before));
      const changed = refreshed.steps
        .filter((s) => s.gone || (s.changedKeys?.length ?? 0) > 0)
        .map((s) => `${s.name}: ${s.gone ? "gone" : `outputs changed at ${s.changedKeys!.join(", ")}`}`);
      expect(changed).toEqual([]);
      // The recording ended with up + refresh too: the current code's refresh writes the same inputs and outputs.
      expect(current().resources.map(comparable)).toEqual(replay.state.resources.map(comparable));
    });

    it("destroy: deletes what the stack made, no conflict, and leaves Konnect as it was before the stack", async () => {
      const destroyed = await destroy(replay.options);
      expectOk(destroyed);
      expect(apiCalls(emulator).filter((call) => !/ [23]\d\d$/.test(call))).toEqual([]);
      expect(current().resources).toEqual([]);
      expect(comparableStore(takeSnapshot(emulator))).toEqual(comparableStore(replay.store.before));
    });
  });

  it("no committed file holds a secret the replays used, in any encoding", () => {
    const declared = new Set(
      info.scenarios.flatMap((name) => loadRecordedScenario(recording, name).scenario.secrets.map((s) => s.name)),
    );
    // Guard against a vacuous scan: every scenario replayed, and each declared secret gave a value.
    expect(secrets.size).toBeGreaterThanOrEqual(declared.size);
    expect(expectNoSecrets(fileTexts(recordingFiles(recording)), [...secrets])).toBeGreaterThan(0);
  });
});

/** A value with every secret wrapper replaced by null. */
function withoutSecrets(value: JsonValue): JsonValue {
  if (isSecret(value)) return null;
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecrets(v)]));
  return value;
}

/** A store snapshot without the write-only DCR config fields. */
function withoutSecretFields(snapshot: StoreSnapshot): JsonValue {
  const copy = structuredClone(snapshot) as unknown as { objects: Record<string, Record<string, JsonValue>[]> };
  for (const provider of copy.objects["dcr-providers"] ?? []) {
    const config = provider.dcr_config as Record<string, JsonValue>;
    for (const field of secretFieldNames(provider.provider_type as DcrProviderType)) delete config[field];
  }
  return copy;
}

/** The plain strings inside secret wrappers of a value, with where they are. */
function secretLeaves(value: JsonValue, at: string): { at: string; value: string }[] {
  if (isSecret(value)) return leaves(value.value, at);
  if (Array.isArray(value)) return value.flatMap((v, i) => secretLeaves(v, `${at}[${i}]`));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => secretLeaves(v, `${at}.${k}`));
  return [];
}

function leaves(value: JsonValue, at: string): { at: string; value: string }[] {
  if (typeof value === "string") return [{ at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${at}[${i}]`));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => leaves(v, `${at}.${k}`));
  return [];
}
