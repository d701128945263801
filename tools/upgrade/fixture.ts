/**
 * The upgrade fixture on disk: stack states written by released versions of the package, replayed by every later
 * version (tests/upgrade). Layout (see tests/upgrade/states/README.md):
 *
 *   tests/upgrade/states/<version>-<commit>/
 *     recording.json          who wrote it: package version, commit, Pulumi SDK, Node, the scenarios
 *     providers.json          the serialized `__provider` texts, one per placeholder `<provider:TYPE@SHA>`
 *     <scenario>/scenario.json  the program and stack config it ran, secret placeholders and where replay gets values
 *     <scenario>/state.json     the engine-lite stack state (inputs, outputs, ids, options) after `up` + `refresh`
 *     <scenario>/store.json     the emulator's objects before the stack existed and after `up` + `refresh`
 *
 * Every file is JSON with placeholders (see placeholders.ts) instead of secrets, the emulator's address and the
 * provider texts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../engine/pluginHost";
import type { StackConfig } from "../engine/providerClient";
import type { StackState } from "../engine/stateFile";
import type { StoreSnapshot } from "./storeSnapshot";

/** Where recorded states live, one directory per recording. */
export const STATES_DIR = path.join(REPO_ROOT, "tests", "upgrade", "states");

/** Where replay takes the value of a secret placeholder. */
export type SecretSource =
  /** A sample value from `SAMPLE_SECRETS` (a secret the stack config carries: any value works, used consistently). */
  | { sample: string }
  /** A constant the program module exports (a secret written in the program; repository-relative module path). */
  | { programExport: { module: string; name: string } }
  /** An output of a simulated (mocked, non-Konnect) resource of the program run, such as an Azure client secret. */
  | { simulated: { resource: string; output: string } };

/** One secret of a scenario. */
export interface SecretSpec {
  /** The placeholder name: `<secret:NAME>`. */
  name: string;
  source: SecretSource;
}

/** What a scenario ran (`scenario.json`); paths are relative to the repository root. */
export interface ScenarioRecord {
  /** Directory name of the scenario. */
  name: string;
  /** What the scenario covers, for people. */
  covers: string[];
  program: {
    /** The program module, as the engine-lite capture runs it. */
    path: string;
    /** sha256 of the program file when recorded: a recorded scenario replays the same program. */
    sha256: string;
    project: string;
    stack: string;
    /** Stack config with placeholders. */
    config: StackConfig;
    /** Mocks of the non-Konnect resources. */
    mocks?: { module: string; exportName?: string };
  };
  /** Input keys that force a replacement of simulated resources, per type (as engine-lite takes them). */
  simulatedReplaceKeys?: Record<string, string[] | "*">;
  secrets: SecretSpec[];
}

/** Who wrote a recording (`recording.json`). */
export interface RecordingInfo {
  /** The directory name: `<label>-<commit>`. */
  name: string;
  /** The package version in package.json. */
  packageVersion: string;
  /** The commit whose package code (provider/, package.json, lockfile, build config) wrote the states. */
  commit: string;
  /** @pulumi/pulumi version whose serializer wrote the `__provider` texts and whose plugin host ran them. */
  pulumiSdk: string;
  /** Node version of the recording. */
  node: string;
  /** The scenario directories. */
  scenarios: string[];
}

/** The recorded store: before the stack existed (what the scenario seeded) and after `up` + `refresh`. */
export interface StoreRecord {
  before: StoreSnapshot;
  after: StoreSnapshot;
}

/** One scenario of a recording, as on disk (placeholders not yet filled). */
export interface RecordedScenario {
  recording: RecordingInfo;
  scenario: ScenarioRecord;
  state: StackState;
  store: StoreRecord;
  /** Serialized provider texts of the recording, by placeholder. */
  providers: Record<string, string>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** The recording directories, oldest name first. */
export function listRecordings(statesDir = STATES_DIR): string[] {
  if (!fs.existsSync(statesDir)) return [];
  return fs
    .readdirSync(statesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Every file of a recording, absolute paths (for the secret scan). */
export function recordingFiles(recording: string, statesDir = STATES_DIR): string[] {
  const root = path.join(statesDir, recording);
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Loads the recording's info. */
export function loadRecordingInfo(recording: string, statesDir = STATES_DIR): RecordingInfo {
  return readJson<RecordingInfo>(path.join(statesDir, recording, "recording.json"));
}

/** Loads one recorded scenario. */
export function loadRecordedScenario(recording: string, scenario: string, statesDir = STATES_DIR): RecordedScenario {
  const root = path.join(statesDir, recording);
  return {
    recording: loadRecordingInfo(recording, statesDir),
    providers: readJson<Record<string, string>>(path.join(root, "providers.json")),
    scenario: readJson<ScenarioRecord>(path.join(root, scenario, "scenario.json")),
    state: readJson<StackState>(path.join(root, scenario, "state.json")),
    store: readJson<StoreRecord>(path.join(root, scenario, "store.json")),
  };
}
