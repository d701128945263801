/**
 * Proves the serialization approach of the real Konnect resources inside the real plugin host: the captured
 * `__provider` texts lazily `require("pulumi-konnect-dcr/runtime")`, which must resolve both from the repository root
 * (through its self-link in node_modules, to the `dist/` that jest's globalSetup builds) and from a separate consumer
 * project that installed the packed package. A project without the package is the negative control.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { isSecret, secret, type PropertyMap } from "../../tools/engine/encoding";
import { REPO_ROOT, startPluginHost, stopAllHosts, type PluginHost } from "../../tools/engine/pluginHost";
import {
  captureProgram,
  killRunningCaptures,
  placeholder,
  type CapturedProgram,
} from "../../tools/engine/programCapture";
import { makeUrn, ProviderClient, ProviderError, type StackConfig } from "../../tools/engine/providerClient";
import { packWorkingTree } from "../../tools/package/pack";
import { CLIENT_SECRET } from "./fixtures/konnectProgram";

jest.setTimeout(180_000);

const run = promisify(execFile);
const PROJECT = "konnect-dcr";
const KONNECT_TOKEN = "kpat_engine_test_token_0123456789";
const DCR_URN = makeUrn("dev", PROJECT, "pulumi-nodejs:dynamic/konnect:DcrProvider", "dcr");
const STRATEGY_URN = makeUrn("dev", PROJECT, "pulumi-nodejs:dynamic/konnect:AuthStrategy", "strategy");
const CONFIG: StackConfig = { "konnect:token": { secret: KONNECT_TOKEN }, "konnect:serverUrl": "http://127.0.0.1:9" };

let program: CapturedProgram;
let tempRoot: string;

/** Outcome of one RPC: success, or the error text the host sent. */
type Outcome = { ok: true } | { ok: false; details: string };

async function outcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { ok: false, details: error.details };
  }
}

/** Starts a host in a project dir, configures it and checks the captured DCR provider inputs. */
async function checkIn(projectDir: string): Promise<{ host: PluginHost; check: Outcome }> {
  const host = await startPluginHost({ projectDir, project: PROJECT });
  const client = new ProviderClient(host.port);
  try {
    await expect(client.configure(CONFIG)).resolves.toEqual({
      acceptSecrets: false,
      supportsPreview: false,
      acceptResources: false,
    });
    const dcr = program.resources.find((r) => r.urn === DCR_URN)!;
    return { host, check: await outcome(client.check(DCR_URN, {}, dcr.inputs)) };
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "engine-real-"));
  program = await captureProgram({
    program: path.join(__dirname, "fixtures", "konnectProgram.ts"),
    project: PROJECT,
    config: CONFIG,
  });
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

describe("real Konnect resources in the plugin host", () => {
  it("captures thin providers: lazy package require, no secrets, secret inputs and dependencies", () => {
    const dcr = program.resources.find((r) => r.urn === DCR_URN)!;
    const strategy = program.resources.find((r) => r.urn === STRATEGY_URN)!;
    for (const resource of [dcr, strategy]) {
      const text = resource.inputs.__provider;
      expect(typeof text).toBe("string");
      expect(text).toContain('require("pulumi-konnect-dcr/runtime")');
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain(KONNECT_TOKEN);
    }
    const dcrConfig = dcr.inputs.dcrConfig as PropertyMap;
    expect(dcrConfig.initialClientSecret).toEqual(secret(CLIENT_SECRET));
    expect(isSecret(dcrConfig.initialClientId)).toBe(false);
    expect(strategy.dependencies).toEqual([DCR_URN]);
    expect(strategy.inputs.dcrProviderId).toBe(placeholder(DCR_URN, "id"));
  });

  it("resolves the runtime from the repository root, from a consumer project, and not without the package", async () => {
    // Consumer project: the packed package extracted into node_modules, its dependencies linked from this repo.
    const consumer = path.join(tempRoot, "consumer");
    const installed = path.join(consumer, "node_modules", "pulumi-konnect-dcr");
    fs.mkdirSync(installed, { recursive: true });
    // Packed in a scratch copy: `npm pack` here would run prepack, which rebuilds this tree's dist/ under the plugin
    // hosts of the test files running beside this one ("Cannot find module .../dist/provider/resources/runtime.js").
    const { tarball } = packWorkingTree(REPO_ROOT);
    await run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
    expect(fs.existsSync(path.join(installed, "dist", "provider", "resources", "runtime.js"))).toBe(true);
    for (const dependency of ["axios", "zod", "@pulumi"]) {
      fs.symlinkSync(path.join(REPO_ROOT, "node_modules", dependency), path.join(consumer, "node_modules", dependency));
    }
    // Negative control: @pulumi/pulumi is there (the host needs it), pulumi-konnect-dcr is not.
    const bare = path.join(tempRoot, "bare");
    fs.mkdirSync(path.join(bare, "node_modules"), { recursive: true });
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@pulumi"), path.join(bare, "node_modules", "@pulumi"));

    const [fromRoot, fromConsumer, fromBare] = await Promise.all([
      checkIn(REPO_ROOT),
      checkIn(consumer),
      checkIn(bare),
    ]);

    // The lazy require resolved: whatever the runtime answers (success, check failures, a config error), it is not
    // a module resolution failure.
    for (const { check } of [fromRoot, fromConsumer]) {
      expect(check.ok ? "" : check.details).not.toMatch(/Cannot find module/);
    }
    expect(fromBare.check).toEqual({
      ok: false,
      details: expect.stringMatching(/^Cannot find module 'pulumi-konnect-dcr\/runtime'/),
    });
    // Both installs run the same runtime, so they answer alike.
    expect(fromConsumer.check).toEqual(fromRoot.check);
    expect(fromRoot.host.logs()).not.toContain(KONNECT_TOKEN);
  });
});
