/** The root Pulumi.yaml: project, runtime, main, and a config schema whose defaults are the component's defaults. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DEFAULT_GRAPH_PERMISSION_PRESET,
  DEFAULT_SECRET_LIFETIME_DAYS,
  DEFAULT_SECRET_ROTATION_DAYS,
} from "../../provider/azure";
import { DEFAULT_AUTH_METHODS, DEFAULT_AUTH_STRATEGY_DISPLAY_NAME, DEFAULT_SCOPES } from "../../provider/components";

// js-yaml comes with @pulumi/pulumi (which parses Pulumi.yaml the same way); it ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

interface ConfigEntry {
  type?: string;
  default?: unknown;
  description?: string;
  items?: { type: string };
}
interface ProjectFile {
  name: string;
  runtime: { name: string; options: Record<string, unknown> };
  main: string;
  config: Record<string, ConfigEntry>;
}

const root = join(__dirname, "../..");
const project = yaml.load(readFileSync(join(root, "Pulumi.yaml"), "utf8")) as ProjectFile;

test("project, runtime and main", () => {
  expect(project.name).toBe("konnect-azure-dcr");
  expect(project.runtime).toEqual({ name: "nodejs", options: { typescript: true, packagemanager: "npm" } });
  expect(project.main).toBe("examples/azure-dcr/index.ts");
  expect(existsSync(join(root, project.main))).toBe(true);
});

test("only project keys carry a schema, each typed and described", () => {
  for (const [key, entry] of Object.entries(project.config)) {
    expect([key, key.includes(":")]).toEqual([key, false]);
    expect([key, ["string", "boolean", "integer", "array"].includes(entry.type ?? "")]).toEqual([key, true]);
    expect([key, (entry.description ?? "").length > 0]).toEqual([key, true]);
  }
});

test("schema defaults equal the component defaults (the program relies on both)", () => {
  const defaults = Object.fromEntries(
    Object.entries(project.config)
      .filter(([, e]) => e.default !== undefined)
      .map(([k, e]) => [k, e.default]),
  );
  expect(defaults).toEqual({
    graphPermissionPreset: DEFAULT_GRAPH_PERMISSION_PRESET,
    graphPermissions: [],
    grantAdminConsent: true,
    secretLifetimeDays: DEFAULT_SECRET_LIFETIME_DAYS,
    secretRotationDays: DEFAULT_SECRET_ROTATION_DAYS,
    dcrProviderName: "azure-dcr",
    authStrategyName: "azure-dcr",
    authStrategyDisplayName: DEFAULT_AUTH_STRATEGY_DISPLAY_NAME,
    scopes: [...DEFAULT_SCOPES],
    authMethods: [...DEFAULT_AUTH_METHODS],
    verify: false,
    publications: [],
    defaultForPortals: [],
  });
});

test("every key the program reads is in the schema", () => {
  const program = readFileSync(join(root, project.main), "utf8");
  const read = [...program.matchAll(/config\.get(?:Boolean|Number|Object)?(?:<[^>]+>)?\("([^"]+)"\)/g)].map(
    (m) => m[1],
  );
  expect(read.length).toBeGreaterThan(10);
  expect([...new Set(read)].sort()).toEqual(Object.keys(project.config).sort());
});
