/**
 * The whole-flow root program (`Pulumi.yaml` → `examples/azure-dcr/index.ts`) as an engine-lite stack: Azure answered
 * by the realistic Azure mocks, the Konnect dynamic resources through the real plugin host against a Konnect emulator.
 * Shared by the lifecycle scenarios and the offline demo.
 */
import * as path from "node:path";
import type { EngineOptions } from "../engine/engineLite";
import { REPO_ROOT } from "../engine/pluginHost";
import type { ProgramSpec } from "../engine/programCapture";
import type { StackConfig } from "../engine/providerClient";

/** Project name of the root `Pulumi.yaml` (the namespace of its config keys). */
export const ROOT_PROJECT = "konnect-azure-dcr";
/** The root program. */
export const ROOT_PROGRAM = path.join(REPO_ROOT, "examples", "azure-dcr", "index.ts");
/** The Azure mocks factory module. */
export const AZURE_MOCKS = {
  module: path.join(REPO_ROOT, "tests", "program", "azureMocks.ts"),
  exportName: "createAzureMocks",
};

/** Type tokens of the resources the scenarios look at. */
export const TYPES = {
  dcrProvider: "pulumi-nodejs:dynamic/konnect:DcrProvider",
  authStrategy: "pulumi-nodejs:dynamic/konnect:AuthStrategy",
  password: "azuread:index/applicationPassword:ApplicationPassword",
  dcrRequestCheck: "pulumi-nodejs:dynamic/konnect:DcrRequestCheck",
  registration: "pulumi-nodejs:dynamic/konnect:ApplicationRegistration",
} as const;

/**
 * Outputs of dynamic resources that the program reads but does not declare as inputs (engine-lite answers only
 * declared keys with placeholders unless told): the registrations' status and update time feed the request check's
 * triggers.
 */
export const EXTRA_DYNAMIC_OUTPUTS: Record<string, string[]> = { [TYPES.registration]: ["status", "updatedAt"] };

/**
 * What the real azuread provider's schema would make engine-lite replace: every ApplicationPassword input is ForceNew
 * (a new secret follows from any change, created before the old one is deleted).
 */
export const AZURE_REPLACE_KEYS: Record<string, "*"> = { [TYPES.password]: "*" };

/** How to run the root stack. */
export interface RootStackSettings {
  /** State file of the stack. */
  statePath: string;
  /** Passphrase encrypting the state's secrets. */
  passphrase: string;
  /** Base URL of the Konnect emulator (stack config `konnect:serverUrl`). */
  konnectUrl: string;
  /** Konnect token, set as secret stack config `konnect:token`. */
  token: string;
  /** Root program config without the project prefix (`dcrProviderName`, `secretRotationKey`, ...). */
  config?: Record<string, string>;
  /** Stack name (default `dev`). */
  stack?: string;
}

/** The root program's stack config: Konnect connection plus `konnect-azure-dcr:<key>` values. */
export function rootStackConfig(settings: RootStackSettings): StackConfig {
  const config: StackConfig = { "konnect:token": { secret: settings.token }, "konnect:serverUrl": settings.konnectUrl };
  for (const [key, value] of Object.entries(settings.config ?? {})) config[`${ROOT_PROJECT}:${key}`] = value;
  return config;
}

/** Engine options for one command over the root stack. */
export function rootStackOptions(settings: RootStackSettings): EngineOptions & { program: ProgramSpec } {
  const config = rootStackConfig(settings);
  return {
    statePath: settings.statePath,
    passphrase: settings.passphrase,
    config,
    simulatedReplaceKeys: AZURE_REPLACE_KEYS,
    program: {
      program: ROOT_PROGRAM,
      project: ROOT_PROJECT,
      stack: settings.stack ?? "dev",
      config,
      mocks: AZURE_MOCKS,
      extraDynamicOutputs: EXTRA_DYNAMIC_OUTPUTS,
    },
  };
}
