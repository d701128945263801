/**
 * Runs the root stack's program (`examples/azure-dcr/index.ts`, `main` of the root Pulumi.yaml) under the Azure mocks
 * with a given stack config, and returns its stack outputs. Call once per test file: the program runs on import.
 */
import * as pulumi from "@pulumi/pulumi";
import { createAzureMocks, type AzureMocks } from "./azureMocks";

/** Stack outputs of the root program. */
export interface RootOutputs {
  dcrProviderId: pulumi.Output<string>;
  authStrategyId: pulumi.Output<string>;
  publicationIds: pulumi.Output<string[]>;
  issuer: pulumi.Output<string>;
  tenantId: pulumi.Output<string>;
  clientId: pulumi.Output<string>;
  clientSecret: pulumi.Output<string>;
  secretEndDate: pulumi.Output<string | undefined>;
  adminConsentUrl: pulumi.Output<string>;
  nextSteps: pulumi.Output<string>;
}

/** Project name of the root Pulumi.yaml: the namespace of its config keys. */
export const PROJECT = "konnect-azure-dcr";

/**
 * Sets mocks and config (`{"scopes": "[...]"}` becomes `konnect-azure-dcr:scopes`; keys with a colon are kept), then
 * imports the program.
 */
export async function runRootProgram(
  config: Record<string, string>,
  secretKeys: string[] = [],
  stack = "dev",
): Promise<{ outputs: RootOutputs; mocks: AzureMocks }> {
  const mocks = createAzureMocks();
  await pulumi.runtime.setMocks(mocks.mocks, PROJECT, stack, false);
  setConfig(PROJECT, config, secretKeys);
  // require, not import(): under module node16 `import()` stays a native dynamic import, which jest cannot load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const outputs = require("../../examples/azure-dcr/index") as RootOutputs;
  return { outputs, mocks };
}

/** Sets the stack config; keys without a namespace get the project's. */
function setConfig(project: string, config: Record<string, string>, secretKeys: string[]): void {
  const qualified = (key: string) => (key.includes(":") ? key : `${project}:${key}`);
  pulumi.runtime.setAllConfig(
    Object.fromEntries(Object.entries(config).map(([k, v]) => [qualified(k), v])),
    secretKeys.map(qualified),
  );
}

/** Runs `examples/<folder>/index.ts` under the Azure mocks as project `project`; returns its exports. */
export async function runExample(
  folder: string,
  project: string,
  config: Record<string, string> = {},
): Promise<{ outputs: Record<string, unknown>; mocks: AzureMocks }> {
  const mocks = createAzureMocks();
  await pulumi.runtime.setMocks(mocks.mocks, project, "dev", false);
  setConfig(project, config, []);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const outputs = require(`../../examples/${folder}/index`) as Record<string, unknown>;
  return { outputs, mocks };
}
