/**
 * The toy provider inside the real plugin host, driven over gRPC the way the engine drives it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { secret, UNKNOWN } from "../../tools/engine/encoding";
import {
  isProcessGroupAlive,
  REPO_ROOT,
  startPluginHost,
  stopAllHosts,
  type PluginHost,
} from "../../tools/engine/pluginHost";
import { ProviderClient, ProviderError } from "../../tools/engine/providerClient";
import { placeholder, type CapturedProgram } from "../../tools/engine/programCapture";
import { startToyStore, type ToyStore } from "./fixtures/toyStore";
import {
  captureToyProvider,
  itemInputs,
  itemUrn,
  TOY_PASSWORD,
  TOY_PROJECT,
  TOY_TOKEN,
  toyConfig,
} from "./fixtures/toySetup";

/** Version of the `@pulumi/pulumi` whose host wrapper `startPluginHost` launches (the project's installed copy). */
function installedSdkVersion(): string {
  const manifest = path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi", "package.json");
  const { version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string };
  expect(version).toMatch(/^3\.\d+\.\d+$/);
  return version;
}

let store: ToyStore;
let host: PluginHost;
let client: ProviderClient;
let providerText: string;
let program: CapturedProgram;

beforeAll(async () => {
  store = await startToyStore(TOY_TOKEN);
  [{ providerText, program }, host] = await Promise.all([
    captureToyProvider(store.url),
    startPluginHost({ project: TOY_PROJECT }),
  ]);
  client = new ProviderClient(host.port);
});

afterAll(async () => {
  client?.close();
  await stopAllHosts();
  await store?.close();
});

describe("program capture", () => {
  it("records what the engine would receive: inputs, secrets, dependencies, options, placeholders", () => {
    const parent = itemUrn("parent");
    const group = "urn:pulumi:dev::toy::toy:index:Group::group";
    const widget = "urn:pulumi:dev::toy::mock:index:Widget::widget";
    const child = "urn:pulumi:dev::toy::toy:index:Group$pulumi-nodejs:dynamic/toy:Item::child";
    expect(program.resources.map((r) => [r.urn, r.dynamic, r.parent, r.dependencies])).toEqual([
      [group, false, undefined, []],
      [widget, false, undefined, []],
      [parent, true, undefined, []],
      [child, true, group, [widget, parent]],
    ]);
    const childResource = program.resources[3]!;
    const { __provider: childProvider, ...childInputs } = childResource.inputs;
    expect(childProvider).toBe(providerText);
    expect(childInputs).toEqual({
      name: `${placeholder(parent, "name")}-child`,
      color: "blue",
      password: secret(TOY_PASSWORD),
      parentId: placeholder(parent, "id"),
    });
    expect(childResource.options).toEqual({
      protect: false,
      deleteBeforeReplace: false,
      additionalSecretOutputs: ["revision"],
      ignoreChanges: [],
    });
    expect(childResource.outputs.revision).toBe(placeholder(child, "revision"));
    expect(childResource.outputs.password).toEqual(secret(placeholder(child, "password")));
    expect(program.resources[1]!.outputs).toEqual({ size: 3 });
    expect(program.outputs).toEqual({
      parentId: placeholder(parent, "id"),
      parentName: placeholder(parent, "name"),
      childLabel: `child of ${placeholder(parent, "id")}`,
      childPassword: secret(placeholder(child, "password")),
    });
  });
});

describe("plugin host driven over gRPC", () => {
  it("answers Configure like the dynamic host and reports its SDK version", async () => {
    await expect(client.configure(toyConfig(store.url))).resolves.toEqual({
      acceptSecrets: false,
      supportsPreview: false,
      acceptResources: false,
    });
    await expect(client.getPluginInfo()).resolves.toBe(installedSdkVersion());
  });

  it("runs check, create, read, diff, update, delete and read-after-delete", async () => {
    const urn = itemUrn("round-trip");
    const news = itemInputs(providerText, { name: "  alpha ", color: "red", password: secret(TOY_PASSWORD) });

    const checked = await client.check(urn, {}, news);
    expect(checked).toEqual({
      inputs: itemInputs(providerText, { name: "alpha", color: "red", password: secret(TOY_PASSWORD) }),
      failures: [],
    });

    const created = await client.create(urn, checked.inputs);
    const id = created.id;
    expect(id).toMatch(/^item-\d+$/);
    expect(created.properties).toEqual(
      itemInputs(providerText, { name: "alpha", color: "red", password: secret(TOY_PASSWORD), revision: 1 }),
    );
    const post = store.requests.find((r) => r.method === "POST");
    // The secret input and the secret config reach the provider as plain values.
    expect(post).toEqual({
      method: "POST",
      path: "/items",
      token: TOY_TOKEN,
      body: { name: "alpha", color: "red", password: TOY_PASSWORD },
    });

    const read = await client.read(urn, id, created.properties, checked.inputs);
    expect(read).toEqual({ id, properties: created.properties });

    await expect(client.diff(urn, id, created.properties, checked.inputs, checked.inputs)).resolves.toEqual({
      changes: "none",
      replaces: [],
      deleteBeforeReplace: false,
    });
    const changed = { ...checked.inputs, color: "green" };
    await expect(client.diff(urn, id, created.properties, changed, checked.inputs)).resolves.toEqual({
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });
    await expect(
      client.diff(urn, id, created.properties, { ...checked.inputs, kind: "premium" }, checked.inputs),
    ).resolves.toEqual({ changes: "some", replaces: ["kind"], deleteBeforeReplace: false });

    const updated = await client.update(urn, id, created.properties, changed, checked.inputs);
    expect(updated.properties).toEqual({ ...created.properties, color: "green", revision: 2 });
    expect(store.items.get(id)).toEqual({ id, name: "alpha", color: "green", password: TOY_PASSWORD, revision: 2 });

    await client.delete(urn, id, updated.properties, changed);
    expect(store.items.has(id)).toBe(false);
    await expect(client.read(urn, id, updated.properties, changed)).resolves.toEqual({
      id: "",
      properties: { __provider: providerText },
    });
  });

  it("returns check failures as data, not as an RPC error", async () => {
    const result = await client.check(
      itemUrn("invalid"),
      {},
      itemInputs(providerText, { name: " ", color: "purple", password: secret(TOY_PASSWORD) }),
    );
    expect(result.failures).toEqual([
      { property: "name", reason: "name must be a non-empty string" },
      { property: "color", reason: "color must be one of red, green, blue" },
    ]);
  });

  it("passes unknowns to check and diff during preview", async () => {
    const news = itemInputs(providerText, { name: UNKNOWN, color: "blue", parentId: UNKNOWN, password: "x" });
    await expect(client.check(itemUrn("preview"), {}, news)).resolves.toEqual({ inputs: news, failures: [] });
    const olds = itemInputs(providerText, { name: "n", color: "blue", password: "x", revision: 1 });
    await expect(client.diff(itemUrn("preview"), "item-x", olds, news, olds)).resolves.toMatchObject({
      changes: "some",
    });
    await expect(client.create(itemUrn("preview"), news)).rejects.toThrow(/only be sent to Check and Diff/);
  });

  it("decodes ErrorResourceInitFailed so the created id is not lost", async () => {
    const urn = itemUrn("broken");
    const inputs = itemInputs(providerText, { name: "broken-one", color: "red", password: TOY_PASSWORD });
    const error = await client.create(urn, inputs).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    const failure = error as ProviderError;
    const id = failure.initFailure?.id ?? "";
    expect(store.items.has(id)).toBe(true);
    expect({ code: failure.code, details: failure.details, initFailure: failure.initFailure }).toEqual({
      code: 2,
      details: `item ${id} was created but failed to initialize`,
      initFailure: {
        id,
        properties: { name: "broken-one", color: "red", password: TOY_PASSWORD, revision: 1 },
        reasons: ["health check failed"],
      },
    });
  });

  it("leaves no process behind after stop", async () => {
    const extra = await startPluginHost({ project: TOY_PROJECT });
    expect(isProcessGroupAlive(extra.pid)).toBe(true);
    await extra.stop();
    expect(isProcessGroupAlive(extra.pid)).toBe(false);
  });
});
