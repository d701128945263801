/**
 * Child-process entry point of {@link ../programCapture}: runs one Pulumi program under `setMocks` and writes the
 * captured registrations as JSON to the file named in the spec. Started as
 * `node -r ts-node/register/transpile-only programRunner.ts` with the spec in `ENGINE_CAPTURE_SPEC`.
 *
 * Every `RegisterResource` request is intercepted at the mock monitor, which sees exactly what the engine would:
 * the serialized inputs (secret wrappers, `__provider`), dependency URNs and resource options. Dynamic resources are
 * answered here with placeholders (see programCapture.ts); all other resources go to the caller's mocks.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import type * as resourcePbTypes from "@pulumi/pulumi/proto/resource_pb";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import type * as pulumiTypes from "@pulumi/pulumi";
import { isSecret, secret, type PropertyMap } from "./encoding";
import {
  DYNAMIC_TYPE_PREFIX,
  placeholder,
  type CaptureSpec,
  type CapturedResource,
  type CapturedProgram,
} from "./programCapture";

interface MonitorLike {
  registerResource(
    req: resourcePbTypes.RegisterResourceRequest,
    callback: (error: Error | null, response?: resourcePbTypes.RegisterResourceResponse) => void,
  ): void;
  newUrn(parent: string, type: string, name: string): string;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.env.ENGINE_CAPTURE_SPEC ?? "") as CaptureSpec;
  const started = Date.now();
  const plainConfig: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(spec.config ?? {})) {
    plainConfig[key] = typeof value === "string" ? value : value.secret;
    if (typeof value !== "string") secretKeys.push(key);
  }
  process.env.PULUMI_CONFIG = JSON.stringify(plainConfig);
  process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(secretKeys);

  // The project's own SDK copy (the program's `@pulumi/pulumi` is the same one), else this repository's.
  const pulumiRequire = createRequire(
    require.resolve("@pulumi/pulumi", spec.projectDir === undefined ? undefined : { paths: [spec.projectDir] }),
  );
  const pulumi = pulumiRequire("./index.js") as typeof pulumiTypes;
  const resourcePb = pulumiRequire("./proto/resource_pb") as typeof resourcePbTypes;
  const { Struct } = pulumiRequire("google-protobuf/google/protobuf/struct_pb") as typeof structTypes;
  const settings = pulumiRequire("./runtime/settings") as { waitForRPCs(): Promise<void> };

  const callerMocks = loadMocks(spec);
  void pulumi.runtime.setMocks(callerMocks, spec.project, spec.stack, false);
  const monitor = pulumi.runtime.getMonitor() as unknown as MonitorLike;
  const original = monitor.registerResource.bind(monitor);
  const resources: CapturedResource[] = [];
  let pending = 0;

  monitor.registerResource = (req, callback) => {
    const type = req.getType();
    const name = req.getName();
    const inputs = req.getObject()?.toJavaScript() ?? {};
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
      propertyDependencies[key] = deps.getUrnsList();
    });
    const record: CapturedResource = {
      urn: "",
      type,
      name,
      parent: req.getParent() === "" ? undefined : req.getParent(),
      custom: req.getCustom(),
      dynamic: req.getCustom() && type.startsWith(DYNAMIC_TYPE_PREFIX),
      id: undefined,
      inputs,
      outputs: {},
      dependencies: req.getDependenciesList(),
      propertyDependencies,
      options: {
        protect: req.getProtect() ?? false,
        deleteBeforeReplace: req.getDeletebeforereplace(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        ignoreChanges: req.getIgnorechangesList(),
      },
    };
    resources.push(record);
    if (record.dynamic) {
      const urn = monitor.newUrn(req.getParent(), type, name);
      const state: PropertyMap = {};
      const keys = new Set([...Object.keys(inputs), ...(spec.extraDynamicOutputs?.[type] ?? [])]);
      keys.delete("__provider");
      for (const key of keys)
        state[key] = isSecret(inputs[key]) ? secret(placeholder(urn, key)) : placeholder(urn, key);
      record.urn = urn;
      record.id = placeholder(urn, "id");
      record.outputs = state;
      const response = new resourcePb.RegisterResourceResponse();
      response.setUrn(urn);
      response.setId(record.id);
      response.setObject(Struct.fromJavaScript(state));
      callback(null, response);
      return;
    }
    pending++;
    original(req, (error, response) => {
      pending--;
      if (!error && response) {
        record.urn = response.getUrn();
        record.id = record.custom ? response.getId() : undefined;
        record.outputs = response.getObject()?.toJavaScript() ?? {};
      }
      callback(error, response);
    });
  };

  const programPath = spec.program;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program is loaded like the CLI loads it
  const mod = require(programPath) as unknown;
  const entry = typeof mod === "function" ? mod : (mod as { default?: unknown }).default;
  let exported: unknown;
  if (typeof entry === "function") {
    exported = await (entry as () => unknown)();
  } else {
    exported = Object.fromEntries(
      Object.entries(mod as Record<string, unknown>).filter(([k, v]) => k !== "__esModule" && typeof v !== "function"),
    );
  }
  const outputs = (await pulumi.runtime.serializeProperties("stack outputs", exported ?? {})) as PropertyMap;
  do {
    await settings.waitForRPCs();
    await new Promise((resolve) => setImmediate(resolve));
  } while (pending > 0);

  const result: CapturedProgram = {
    project: spec.project,
    stack: spec.stack,
    config: {},
    resources: resources.filter((r) => r.urn !== ""),
    outputs,
    durationMs: Date.now() - started,
    logs: "",
  };
  fs.writeFileSync(spec.outFile, JSON.stringify(result));
}

function loadMocks(spec: CaptureSpec): pulumiTypes.runtime.Mocks {
  if (!spec.mocks) {
    return {
      newResource: (args) => ({ id: args.custom ? `${args.name}-id` : undefined, state: args.inputs }),
      call: (args) => args.inputs as Record<string, unknown>,
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the mocks module is chosen by the caller
  const mod = require(spec.mocks.module) as Record<string, unknown>;
  const candidates = [spec.mocks.exportName, "createMocks", "createAzureMocks", "default", "mocks"];
  for (const name of candidates) {
    if (name === undefined) continue;
    let exported = mod[name];
    if (typeof exported === "function") exported = (exported as (options: unknown) => unknown)(spec.mocks.options);
    const mocks = asMocks(exported) ?? asMocks((exported as { mocks?: unknown } | undefined)?.mocks);
    if (mocks) return mocks;
  }
  throw new Error(`${spec.mocks.module} exports no Mocks factory (tried ${candidates.filter(Boolean).join(", ")})`);
}

/** The value as Mocks when it has `newResource` (a factory may return Mocks or an object holding them as `mocks`). */
function asMocks(value: unknown): pulumiTypes.runtime.Mocks | undefined {
  return typeof value === "object" && value !== null && "newResource" in value
    ? (value as pulumiTypes.runtime.Mocks)
    : undefined;
}

process.on("unhandledRejection", (error) => {
  console.error(`capture failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`capture failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
