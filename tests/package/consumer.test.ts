/**
 * The package as a user gets it. A project outside the repository installs the packed tarball (what `npm publish`
 * would upload) plus only its peers, at the versions this repository's lockfile runs (`@pulumi/pulumi`,
 * `@pulumi/azuread`), typechecks a strict program that uses every exported resource and the component
 * (`consumer/index.ts`), and runs it through the real plugin host started in that project against the Konnect
 * emulator: the serialized providers' `require("pulumi-konnect-dcr/runtime")` resolves from the project's own
 * node_modules, never from this repository.
 *
 * `PACKAGE_TARBALL=<file.tgz> npx jest tests/package/consumer.test.ts` checks another tarball (a release candidate,
 * or an old build: the tarball of a tree without a build step has no dist/ and fails here).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { isSecret } from "../../tools/engine/encoding";
import { destroy, preview, up, type CommandResult } from "../../tools/engine/engineLite";
import { REPO_ROOT, stopAllHosts } from "../../tools/engine/pluginHost";
import { captureProgram, killRunningCaptures, type CapturedProgram } from "../../tools/engine/programCapture";
import { loadState } from "../../tools/engine/stateFile";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";
import { TOKEN } from "../../tools/emulator/testSupport";
import { expectNoSecrets } from "../support/secretScan";
import { makeJwt } from "../../tools/standins/jwt";
import { startStandIn, type StandIn } from "../../tools/standins/standIn";
import {
  lockfileVersion,
  npmInstall,
  projectStack,
  scratchDir,
  tarballUnderTest,
  typecheck,
  type CommandOutcome,
} from "./scratchProject";

jest.setTimeout(600_000);

const PROJECT = "consumer";
const PORTAL_ID = "0b7f3f8e-6c1d-4c59-9a51-3d2e5f6a7b8c";
const API_ID = "1c8a4e9f-7d2e-4b6a-8c3d-4e5f6a7b8c9d";
const SECOND_API_ID = "2d9b5f0a-8e3f-4c7b-9d4e-5f6a7b8c9d0e";
/** The application whose credentials the request check uses, and the v1 token the stand-in login endpoint issues. */
const TENANT_ID = "3c9a1f5e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
const CHECK_CLIENT_ID = "5d2e8c1a-7f3b-4a9e-b6c4-0e1f2a3b4c5d";
const CHECK_CLIENT_SECRET = "consumer~check.secret+value/=";
const CHECK_TOKEN = makeJwt({
  aud: "https://graph.microsoft.com",
  iss: `https://sts.windows.net/${TENANT_ID}/`,
  ver: "1.0",
  appid: CHECK_CLIENT_ID,
  tid: TENANT_ID,
});

/** A strict project: everything strict, declarations of dependencies checked too, classic node10 resolution. */
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitReturns: true,
    target: "ES2022",
    lib: ["ES2022"],
    module: "commonjs",
    moduleResolution: "node10",
    types: ["node"],
    skipLibCheck: false,
  },
  files: ["index.ts"],
};

let dir: string;
let install: CommandOutcome;
let emulator: KonnectEmulator;
let program: CapturedProgram | undefined;
let login: StandIn;

beforeAll(async () => {
  const tarball = tarballUnderTest();
  dir = scratchDir(PROJECT);
  const manifest = {
    name: PROJECT,
    private: true,
    main: "index.ts",
    dependencies: {
      "pulumi-konnect-dcr": `file:${tarball}`,
      "@pulumi/pulumi": lockfileVersion("@pulumi/pulumi"),
      "@pulumi/azuread": lockfileVersion("@pulumi/azuread"),
    },
    // The same denials as this repository's: protobufjs only checks its dependents' version ranges.
    allowScripts: { protobufjs: false },
  };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  fs.copyFileSync(path.join(__dirname, "consumer", "index.ts"), path.join(dir, "index.ts"));
  install = npmInstall(dir);
  emulator = await startKonnectEmulator();
  emulator.seedPortal({ name: "developer-portal" }, { id: PORTAL_ID });
  emulator.seedApi({ name: "Orders API", version: "v1" }, { id: API_ID });
  emulator.seedApi({ name: "Billing API", version: "v1" }, { id: SECOND_API_ID });
  login = await startStandIn(() => ({ status: 200, body: { token_type: "Bearer", access_token: CHECK_TOKEN } }));
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await emulator?.close();
  await login?.close();
  if (dir) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

const installed = (...parts: string[]) => path.join(dir, "node_modules", "pulumi-konnect-dcr", ...parts);

const stack = () =>
  projectStack({
    dir,
    project: PROJECT,
    program: "index.ts",
    statePath: path.join(dir, ".state", "dev.json"),
    extraDynamicOutputs: {
      "pulumi-nodejs:dynamic/konnect:DcrRequestCheck": ["claims"],
      "pulumi-nodejs:dynamic/konnect:ApplicationRegistration": ["status"],
    },
    config: {
      "konnect:token": { secret: TOKEN },
      "konnect:serverUrl": emulator.url,
      [`${PROJECT}:portalId`]: PORTAL_ID,
      [`${PROJECT}:apiId`]: API_ID,
      [`${PROJECT}:secondApiId`]: SECOND_API_ID,
      [`${PROJECT}:tenantId`]: TENANT_ID,
      [`${PROJECT}:checkClientId`]: CHECK_CLIENT_ID,
      [`${PROJECT}:checkClientSecret`]: { secret: CHECK_CLIENT_SECRET },
      [`${PROJECT}:loginUrl`]: login.url,
    },
  });

/** Runs a script with Node in the project directory and parses the JSON it prints. */
function inProject(script: string): unknown {
  const result = spawnSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`node -e failed in ${dir}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
}

function expectOk(result: CommandResult): void {
  expect({ command: result.command, diagnostics: result.diagnostics }).toEqual({
    command: result.command,
    diagnostics: [],
  });
}

describe("a project that installed the packed tarball and its peers", () => {
  it("installs the tarball itself: compiled code and declarations for both entry points", () => {
    expect({ status: install.status, output: install.status === 0 ? "" : install.output }).toEqual({
      status: 0,
      output: "",
    });
    expect(fs.lstatSync(installed()).isSymbolicLink()).toBe(false);
    // Resolved by Node in the project (jest's own resolver maps the package name to this repository's sources).
    const [main, runtime] = inProject(
      'console.log(JSON.stringify(["pulumi-konnect-dcr", "pulumi-konnect-dcr/runtime"].map((m) => require.resolve(m))))',
    ) as [string, string];
    expect([main, runtime]).toEqual([
      installed("dist", "provider", "index.js"),
      installed("dist", "provider", "resources", "runtime.js"),
    ]);
    for (const file of [main, runtime]) expect(fs.existsSync(file.replace(/\.js$/, ".d.ts"))).toBe(true);
    console.log(`npm install of the tarball and its peers: ${install.seconds.toFixed(1)} s`);
  });

  it("typechecks a strict program against the installed declarations (node10 resolution, no skipLibCheck)", () => {
    const result = typecheck(dir);
    expect({ status: result.status, output: result.output }).toEqual({ status: 0, output: "" });
  });

  it("registers every resource class the package exports, from the project's own copy of the package", async () => {
    program = await captureProgram(stack().program);
    // Loaded by Node in the project: the project's own copies of the package and of @pulumi/pulumi.
    const resourceClasses = inProject(
      'const { Resource } = require("@pulumi/pulumi"); const pkg = require("pulumi-konnect-dcr");' +
        "console.log(JSON.stringify(Object.keys(pkg).filter((k) => pkg[k]?.prototype instanceof Resource).sort()))",
    ) as string[];
    expect(resourceClasses.length).toBeGreaterThanOrEqual(6);
    const registered = new Set(program.resources.map((r) => r.type.split(":").pop()));
    expect(resourceClasses.filter((name) => !registered.has(name))).toEqual([]);
  });

  it("runs through the plugin host started in the project: preview, up, an empty preview, destroy", async () => {
    const options = { ...stack(), program: program ?? (await captureProgram(stack().program)) };

    const planned = await preview(options);
    expectOk(planned);
    expect(planned.steps.filter((s) => s.op === "create").length).toBe(planned.steps.length);

    const applied = await up(options);
    expectOk(applied);
    expect(emulator.list("dcr-providers")).toHaveLength(2);
    expect(emulator.list("application-auth-strategies")).toHaveLength(2);
    expect(emulator.publications()).toHaveLength(2);
    expect(emulator.portalDefault(PORTAL_ID)).toBe(applied.outputs.directStrategyId);
    expect(isSecret(applied.outputs.clientSecret)).toBe(true);
    expect(emulator.list("teams").map((t) => t.id)).toEqual([applied.outputs.teamId]);
    expect(emulator.list("applications")).toHaveLength(1);
    expect(emulator.list("application-registrations")).toHaveLength(1);
    expect(applied.outputs.registrationStatus).toBe("approved");
    expect(applied.outputs.checkClaims).toMatchObject({ ver: "1.0", appid: CHECK_CLIENT_ID, tid: TENANT_ID });
    expect(login.requests).toHaveLength(1);
    // The test client: an Azure application of its own, owned by the admin app's service principal.
    expect(applied.outputs.testClientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(applied.outputs.testClientOwners).toContain(applied.outputs.adminServicePrincipalObjectId);

    // Every serialized provider loads the runtime by package name, and the host that ran them was in the project.
    const state = loadState(options.statePath, options.passphrase, PROJECT, "dev");
    const dynamic = state.resources.filter((r) => r.dynamic);
    expect(dynamic.length).toBe(11); // 3 from the component, 8 declared directly
    for (const resource of dynamic) {
      const code = resource.outputs.__provider;
      expect(typeof code).toBe("string");
      expect(code).toContain('require("pulumi-konnect-dcr/runtime")');
      expect(code).not.toContain(REPO_ROOT);
    }
    expectNoSecrets(
      [fs.readFileSync(options.statePath, "utf8"), applied.providerLogs],
      [TOKEN, CHECK_CLIENT_SECRET, CHECK_TOKEN],
    );

    const again = await preview(options);
    expectOk(again);
    expect(again.steps.filter((s) => s.op !== "same")).toEqual([]);

    const removed = await destroy(options);
    expectOk(removed);
    expect(emulator.list("dcr-providers")).toEqual([]);
    expect(emulator.list("application-auth-strategies")).toEqual([]);
    expect(emulator.publications()).toEqual([]);
    expect(emulator.portalDefault(PORTAL_ID)).toBeNull();
    expect(emulator.list("teams")).toEqual([]);
    expect(emulator.list("applications")).toEqual([]);
    expect(emulator.list("application-registrations")).toEqual([]);
  });
});
