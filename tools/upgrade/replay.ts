/**
 * Puts a recorded scenario back in place for the current code: runs the recorded program (unchanged, checked by its
 * sha256) with the recorded stack config, fills every placeholder with a live value (the emulator's URL, the secrets,
 * the recorded `__provider` texts), stores the recorded Konnect objects in the emulator and writes the recorded state
 * as an engine-lite state file. The engine-lite commands then run against it as a later `pulumi` run would.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { JsonValue } from "../engine/encoding";
import type { EngineOptions } from "../engine/engineLite";
import { REPO_ROOT } from "../engine/pluginHost";
import { captureProgram, type CapturedProgram } from "../engine/programCapture";
import type { StackConfig } from "../engine/providerClient";
import { saveState, type StackState } from "../engine/stateFile";
import type { EmulatorControl } from "../emulator/emulator";
import type { RecordedScenario, StoreRecord } from "./fixture";
import { EMULATOR_URL, fillPlaceholders, providerPlaceholder, sha256 } from "./placeholders";
import { resolveSecrets } from "./secrets";
import { restoreSnapshot } from "./storeSnapshot";

/** An emulator a replay runs against: its control surface and base URL. */
export type ReplayEmulator = EmulatorControl & { readonly url: string };

/** A recorded scenario in place: the engine options for its stack and the recorded values, placeholders filled. */
export interface Replay {
  /** The emulator holding the recorded objects. */
  emulator: ReplayEmulator;
  /** Engine options for every command (the recorded program, run once with the current code). */
  options: EngineOptions & { program: CapturedProgram };
  /** The recorded state as written to `options.statePath`. */
  state: StackState;
  /** The recorded store: `after` is in the emulator now; `before` is what a destroy must leave. */
  store: StoreRecord;
  /** The secret values behind the placeholders (for secret scans). */
  secrets: string[];
}

/** Checks the provider texts of a recording against their placeholders' hashes; returns placeholder → text. */
export function providerTexts(recorded: RecordedScenario): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [placeholder, text] of Object.entries(recorded.providers)) {
    const type = /^<provider:([^@]+)@/.exec(placeholder)?.[1] ?? "";
    if (providerPlaceholder(type, text) !== placeholder) {
      throw new Error(`providers.json of ${recorded.recording.name}: ${placeholder} does not match its text's sha256`);
    }
    texts.set(placeholder, text);
  }
  return texts;
}

/** Throws when the program file is not the one the scenario was recorded with. */
export function checkProgramUnchanged(recorded: RecordedScenario): void {
  const { path: program, sha256: recordedHash } = recorded.scenario.program;
  const file = path.join(REPO_ROOT, program);
  const current = fs.existsSync(file) ? sha256(fs.readFileSync(file)) : "(missing)";
  if (current !== recordedHash) {
    throw new Error(
      `${program} changed since ${recorded.recording.name}/${recorded.scenario.name} was recorded ` +
        `(sha256 ${recordedHash}, now ${current}). A recorded scenario replays the program it ran: restore the ` +
        "file, or keep a copy as it was and point that scenario.json's program.path at the copy.",
    );
  }
}

/**
 * Prepares a replay: program run, placeholders filled, emulator restored to the recorded store (its request log
 * emptied), state file written to `statePath` under `passphrase`.
 */
export async function prepareReplay(
  recorded: RecordedScenario,
  emulator: ReplayEmulator,
  statePath: string,
  passphrase: string,
): Promise<Replay> {
  checkProgramUnchanged(recorded);
  const { scenario } = recorded;
  const live = new Map([[EMULATOR_URL, emulator.url], ...resolveSecrets(scenario.secrets)]);
  const config = fillPlaceholders(scenario.program.config as JsonValue, live) as StackConfig;
  const mocks = scenario.program.mocks && {
    ...scenario.program.mocks,
    module: path.join(REPO_ROOT, scenario.program.mocks.module),
  };
  const program = await captureProgram({
    program: path.join(REPO_ROOT, scenario.program.path),
    project: scenario.program.project,
    stack: scenario.program.stack,
    config,
    ...(mocks ? { mocks } : {}),
  });
  const secrets = resolveSecrets(scenario.secrets, program);
  const values = new Map([...live, ...secrets, ...providerTexts(recorded)]);
  const state = fillPlaceholders(recorded.state as unknown as JsonValue, values) as unknown as StackState;
  const store = fillPlaceholders(recorded.store as unknown as JsonValue, values) as unknown as StoreRecord;
  restoreSnapshot(emulator, store.after);
  fs.rmSync(statePath, { force: true });
  saveState(statePath, passphrase, state);
  return {
    emulator,
    options: {
      statePath,
      passphrase,
      config,
      program,
      ...(scenario.simulatedReplaceKeys ? { simulatedReplaceKeys: scenario.simulatedReplaceKeys } : {}),
    },
    state,
    store,
    secrets: [...secrets.values()],
  };
}
