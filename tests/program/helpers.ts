/** Small helpers for setMocks tests: resolve outputs, read secretness, capture the resource options of children. */
import * as pulumi from "@pulumi/pulumi";
import { createAzureMocks, type AzureMocks } from "./azureMocks";

/** The value of an output (mocks never leave values unknown outside preview); rejects when the output failed. */
export function valueOf<T>(output: pulumi.Input<T>): Promise<T> {
  // `promise()` is the SDK's internal accessor; unlike `apply` it also settles when a registration failed.
  return (pulumi.output(output) as unknown as { promise(): Promise<T> }).promise();
}

/** Value and secretness of an output. */
export async function inspect<T>(output: pulumi.Output<T>): Promise<{ value: T; secret: boolean }> {
  const [value, secret] = await Promise.all([valueOf(pulumi.unsecret(output)), pulumi.isSecret(output)]);
  return { value: value as T, secret };
}

/** Resource options a child was registered with, as a transformation sees them. */
export interface CapturedOptions {
  /** Type token. */
  type: string;
  /** Pulumi name. */
  name: string;
  /** The options. */
  opts: pulumi.ResourceOptions;
}

/** A transformation that records every child's options, and the list it fills. */
export function captureOptions(): { transformation: pulumi.ResourceTransformation; captured: CapturedOptions[] } {
  const captured: CapturedOptions[] = [];
  return {
    captured,
    transformation: (args) => {
      captured.push({ type: args.type, name: args.name, opts: args.opts });
      return undefined;
    },
  };
}

/** The options one captured child was registered with; throws when absent. */
export function optionsOf(captured: CapturedOptions[], name: string): pulumi.ResourceOptions {
  const found = captured.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no options captured for ${name}`);
  return found.opts;
}

/** Names of the resources an explicit `dependsOn` lists (the components here always pass a plain array). */
export async function dependsOnNames(opts: pulumi.ResourceOptions): Promise<string[]> {
  const deps = opts.dependsOn;
  if (deps === undefined) return [];
  if (!Array.isArray(deps)) throw new Error("dependsOn is not a plain array");
  const urns = await Promise.all(deps.map((r) => valueOf((r as pulumi.Resource).urn)));
  return urns.map((urn) => urn.split("::").pop() ?? urn);
}

/**
 * One mock monitor for several "runs": `setMocks` is called once with `mocks`, and `use` swaps what answers.
 * Calling `setMocks` again instead would drop the monitor that late `registerOutputs` calls of the previous run target.
 */
export function switchableMocks(initial: pulumi.runtime.Mocks): {
  mocks: pulumi.runtime.Mocks;
  use(next: pulumi.runtime.Mocks): void;
} {
  let current = initial;
  return {
    mocks: { newResource: (args) => current.newResource(args), call: (args) => current.call(args) },
    use(next) {
      current = next;
    },
  };
}

/** The mock environment of a wiring test file. */
export interface AzureMockEnvironment {
  /** The realistic Azure mocks (records resources, invokes and rejected calls). */
  m: AzureMocks;
  /** The monitor installed with `setMocks`; `use` swaps what answers. */
  monitor: ReturnType<typeof switchableMocks>;
  /** Moves the fixed clock for the rest of the current test. */
  setNow(ms: number): void;
}

/**
 * Installs the realistic Azure mocks for one test file with `Date.now` fixed at `nowMs`, and checks after every
 * test that the mocks rejected nothing (a non-GUID object id, a malformed `applicationId`, an unknown Graph role).
 */
export function useAzureMocks(nowMs: number): AzureMockEnvironment {
  let nowSpy: jest.SpiedFunction<typeof Date.now>;
  const env = {
    setNow: (ms: number) => {
      nowSpy.mockReturnValue(ms);
    },
  } as AzureMockEnvironment;
  beforeAll(async () => {
    env.m = createAzureMocks();
    env.monitor = switchableMocks(env.m.mocks);
    await pulumi.runtime.setMocks(env.monitor.mocks, "konnect-azure-dcr", "test", false);
  });
  beforeEach(() => {
    nowSpy = jest.spyOn(Date, "now").mockReturnValue(nowMs);
  });
  afterEach(() => {
    nowSpy.mockRestore();
    expect(env.m.errors).toEqual([]);
  });
  return env;
}
