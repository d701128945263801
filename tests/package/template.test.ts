/**
 * The `pulumi new` template `templates/azure-dcr-typescript`, used the way `pulumi new <repository>/templates/...`
 * uses it: its files copied into a new project folder with `${PROJECT}` and `${DESCRIPTION}` replaced, the stack
 * config written from the template's prompts (their defaults, the token as a secret). The project's dependency on
 * this package is swapped for the packed tarball (the SDKs and TypeScript pinned to this repository's lockfile, so
 * the install stays on this Node and in the npm cache); then it installs, typechecks with its own TypeScript, and runs
 * through the plugin host started in the project against the Konnect emulator.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { destroy, preview, up, type CommandResult } from "../../tools/engine/engineLite";
import { REPO_ROOT, stopAllHosts } from "../../tools/engine/pluginHost";
import { killRunningCaptures } from "../../tools/engine/programCapture";
import type { StackConfig } from "../../tools/engine/providerClient";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";
import { TOKEN } from "../../tools/emulator/testSupport";
import { projectFileProblems, type ProjectFile } from "./projectFileSchema";
import {
  lockfileVersion,
  npmInstall,
  projectStack,
  scratchDir,
  tarballUnderTest,
  typecheck,
  type CommandOutcome,
} from "./scratchProject";

// js-yaml comes with @pulumi/pulumi (which parses Pulumi.yaml the same way).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

jest.setTimeout(600_000);

const TEMPLATE_DIR = path.join(REPO_ROOT, "templates", "azure-dcr-typescript");
const PROJECT = "orders-dcr";
const DESCRIPTION = "Azure AD DCR for the orders APIs";
const PORTAL_ID = "3e0c6a1b-9f4d-4d8c-8e5f-6a7b8c9d0e1f";
const API_ID = "4f1d7b2c-0a5e-4e9d-9f6a-7b8c9d0e1f2a";

interface Manifest {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

let dir: string;
let created: string[];
let install: CommandOutcome;
let emulator: KonnectEmulator;

/** Every file under `root`, relative, sorted. */
function filesUnder(root: string, prefix = ""): string[] {
  return fs
    .readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(root, path.join(prefix, e.name)) : [path.join(prefix, e.name)]))
    .sort();
}

/** What `pulumi new` does with a template folder: copy every file, replacing `${PROJECT}` and `${DESCRIPTION}`. */
function instantiate(target: string): string[] {
  const files = filesUnder(TEMPLATE_DIR);
  for (const file of files) {
    const text = fs.readFileSync(path.join(TEMPLATE_DIR, file), "utf8");
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.writeFileSync(
      path.join(target, file),
      text.replaceAll("${PROJECT}", PROJECT).replaceAll("${DESCRIPTION}", DESCRIPTION),
    );
  }
  return files;
}

const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as T;
const projectFile = () => yaml.load(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as ProjectFile;

/** True when a caret range (`^x.y.z`) admits the version, per npm's rules (0.x: the same minor). */
function caretAdmits(range: string, version: string): boolean {
  const parse = (v: string) => v.split(".").map(Number);
  const match = /^\^(\d+\.\d+\.\d+)$/.exec(range);
  if (!match) return false;
  const [lo, v] = [parse(match[1]!), parse(version)];
  const atLeast = v[0]! !== lo[0]! ? v[0]! > lo[0]! : v[1]! !== lo[1]! ? v[1]! > lo[1]! : v[2]! >= lo[2]!;
  return atLeast && v[0] === lo[0] && (lo[0] !== 0 || v[1] === lo[1]);
}

/** The stack config `pulumi new` writes from the template's prompts, answered with their defaults. */
function promptedConfig(answers: Record<string, string>): StackConfig {
  const config: StackConfig = {};
  for (const [key, prompt] of Object.entries(projectFile().template?.config ?? {})) {
    const value = answers[key] ?? prompt.default;
    if (value === undefined) throw new Error(`the test has no answer for the prompt ${key}`);
    config[key.includes(":") ? key : `${PROJECT}:${key}`] = prompt.secret ? { secret: value } : value;
  }
  return config;
}

beforeAll(async () => {
  const tarball = tarballUnderTest();
  dir = scratchDir(PROJECT);
  created = instantiate(dir);
  const manifestPath = path.join(dir, "package.json");
  const manifest = readJson<Manifest>(manifestPath);
  manifest.dependencies["pulumi-konnect-dcr"] = `file:${tarball}`;
  for (const deps of [manifest.dependencies, manifest.devDependencies ?? {}]) {
    for (const name of ["@pulumi/pulumi", "@pulumi/azuread", "typescript", "@types/node"]) {
      if (name in deps) deps[name] = lockfileVersion(name);
    }
  }
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  install = npmInstall(dir);
  emulator = await startKonnectEmulator();
  emulator.seedPortal({ name: "developer-portal" }, { id: PORTAL_ID });
  emulator.seedApi({ name: "Orders API", version: "v1" }, { id: API_ID });
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await emulator?.close();
  if (dir) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

function expectOk(result: CommandResult): void {
  expect({ command: result.command, diagnostics: result.diagnostics }).toEqual({
    command: result.command,
    diagnostics: [],
  });
}

describe("pulumi new with templates/azure-dcr-typescript", () => {
  it("has the files of a Pulumi TypeScript template, all placeholders replaced", () => {
    expect(created).toEqual([".gitignore", "Pulumi.yaml", "README.md", "index.ts", "package.json", "tsconfig.json"]);
    for (const file of created) {
      expect([file, fs.readFileSync(path.join(dir, file), "utf8").includes("${")]).toEqual([file, false]);
    }
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toMatch(
      /^# orders-dcr\n\nAzure AD DCR for the orders/,
    );
  });

  it("depends on this package's current release line and on the SDKs of its peer ranges", () => {
    const ours = readJson<Manifest>(path.join(REPO_ROOT, "package.json"));
    const template = readJson<Manifest>(path.join(TEMPLATE_DIR, "package.json"));
    expect(template.name).toBe("${PROJECT}");
    expect(caretAdmits(template.dependencies["pulumi-konnect-dcr"] ?? "", ours.version)).toBe(true);
    for (const [peer, range] of Object.entries(ours.peerDependencies ?? {})) {
      expect([peer, template.dependencies[peer]]).toEqual([peer, range]);
    }
  });

  it("has a valid project file whose template section prompts for the token (secret) and the region", () => {
    const project = projectFile();
    expect(projectFileProblems(project)).toEqual([]);
    expect([project.name, project.description]).toEqual([PROJECT, DESCRIPTION]);
    expect(project.runtime).toEqual({ name: "nodejs", options: { typescript: true, packagemanager: "npm" } });
    const prompts = project.template?.config ?? {};
    expect(prompts["konnect:token"]).toMatchObject({ secret: true });
    expect(prompts["konnect:token"]?.default).toBeUndefined();
    expect(prompts["konnect:region"]).toMatchObject({ default: "us" });
    for (const [key, prompt] of Object.entries(prompts))
      expect([key, prompt.description.length > 10]).toEqual([key, true]);
  });

  it("installs with the packed tarball and typechecks with the project's own TypeScript", () => {
    expect({ status: install.status, output: install.status === 0 ? "" : install.output }).toEqual({
      status: 0,
      output: "",
    });
    expect(fs.lstatSync(path.join(dir, "node_modules", "pulumi-konnect-dcr")).isSymbolicLink()).toBe(false);
    const result = typecheck(dir);
    expect({ status: result.status, output: result.output }).toEqual({ status: 0, output: "" });
    console.log(`template: npm install ${install.seconds.toFixed(1)} s, tsc ${result.seconds.toFixed(1)} s`);
  });

  it("runs through the plugin host with the prompted config: up publishes an API, then nothing changes, destroy", async () => {
    const config: StackConfig = {
      ...promptedConfig({ "konnect:token": TOKEN }),
      "konnect:serverUrl": emulator.url,
      [`${PROJECT}:publications`]: JSON.stringify([{ apiId: API_ID, portalId: PORTAL_ID, visibility: "public" }]),
    };
    expect(config["konnect:token"]).toEqual({ secret: TOKEN });
    expect(config[`${PROJECT}:authStrategyDisplayName`]).toBe("Microsoft Entra ID");
    const options = projectStack({
      dir,
      project: PROJECT,
      program: "index.ts",
      config,
      statePath: path.join(dir, ".state", "dev.json"),
    });

    const applied = await up(options);
    expectOk(applied);
    const [strategy] = emulator.list("application-auth-strategies");
    expect(strategy).toMatchObject({ display_name: "Microsoft Entra ID", id: applied.outputs.authStrategyId });
    expect(emulator.publications()).toEqual([
      expect.objectContaining({ api_id: API_ID, portal_id: PORTAL_ID, visibility: "public" }),
    ]);

    const again = await preview(options);
    expectOk(again);
    expect(again.steps.filter((s) => s.op !== "same")).toEqual([]);

    expectOk(await destroy(options));
    expect(emulator.list("application-auth-strategies")).toEqual([]);
    expect(emulator.list("dcr-providers")).toEqual([]);
    expect(emulator.publications()).toEqual([]);
  });
});
