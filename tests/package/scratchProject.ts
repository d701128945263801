/**
 * A Pulumi project outside this repository that installs the package the way a user does: from the packed tarball
 * (or the tarball named by `PACKAGE_TARBALL`, for checking a release candidate or an old build), with only what the
 * project itself declares. Used by the consumer and template tests.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { EngineOptions } from "../../tools/engine/engineLite";
import { REPO_ROOT } from "../../tools/engine/pluginHost";
import type { ProgramSpec } from "../../tools/engine/programCapture";
import type { StackConfig } from "../../tools/engine/providerClient";
import { packWorkingTree } from "../../tools/package/pack";
import { AZURE_MOCKS, AZURE_REPLACE_KEYS } from "../../tools/demo/rootStack";

/** The tarball under test: `PACKAGE_TARBALL` when set, else this working tree packed by `npm pack`. */
export function tarballUnderTest(): string {
  return process.env.PACKAGE_TARBALL ? path.resolve(process.env.PACKAGE_TARBALL) : packWorkingTree().tarball;
}

/** The version this repository's lockfile installs of a package (what its own suites run on). */
export function lockfileVersion(name: string): string {
  const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string }>;
  };
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

/** A fresh directory outside the repository, named like a project (`pulumi new` names the folder after it). */
export function scratchDir(name: string): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "konnect-dcr-project-")), name);
  fs.mkdirSync(dir);
  return dir;
}

/** Result of a command run in the project. */
export interface CommandOutcome {
  status: number | null;
  output: string;
  seconds: number;
}

function run(command: string, args: string[], cwd: string): CommandOutcome {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return {
    status: result.status,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`,
    seconds: (Date.now() - started) / 1000,
  };
}

/** `npm install` in the project, from the npm cache where it can (this repository's `npm ci` filled it). */
export function npmInstall(dir: string): CommandOutcome {
  return run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], dir);
}

/** `tsc --noEmit -p <dir>` with the project's own TypeScript when it has one, else this repository's. */
export function typecheck(dir: string): CommandOutcome {
  const own = path.join(dir, "node_modules", "typescript", "bin", "tsc");
  const tsc = fs.existsSync(own) ? own : path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  return run(process.execPath, [tsc, "--noEmit", "-p", dir], dir);
}

/** What {@link projectStack} needs. */
export interface ProjectStackSettings {
  /** The project directory (its node_modules serve the program and the plugin host). */
  dir: string;
  /** Project name (the namespace of its own config keys). */
  project: string;
  /** The program file inside the project. */
  program: string;
  /** Stack config. */
  config: StackConfig;
  /** State file. */
  statePath: string;
  /** Output keys beyond the inputs that the program reads, per dynamic type token (see `captureProgram`). */
  extraDynamicOutputs?: Record<string, string[]>;
}

/**
 * Engine-lite options for a stack of the project: the program runs in the project on the project's `@pulumi/pulumi`,
 * Azure is answered by the Azure mocks, and the plugin host starts in the project directory, so serialized providers
 * resolve `pulumi-konnect-dcr/runtime` from the project's own node_modules.
 */
export function projectStack(settings: ProjectStackSettings): EngineOptions & { program: ProgramSpec } {
  return {
    statePath: settings.statePath,
    passphrase: "scratch-project-passphrase",
    config: settings.config,
    projectDir: settings.dir,
    simulatedReplaceKeys: AZURE_REPLACE_KEYS,
    program: {
      program: path.join(settings.dir, settings.program),
      project: settings.project,
      config: settings.config,
      mocks: AZURE_MOCKS,
      projectDir: settings.dir,
      ...(settings.extraDynamicOutputs === undefined ? {} : { extraDynamicOutputs: settings.extraDynamicOutputs }),
    },
  };
}
