/**
 * The project file schema (projectFileSchema.ts) refuses what the Pulumi CLI refuses, and the repository's root
 * `Pulumi.yaml` passes it with a `template:` section, so `pulumi new https://github.com/<org>/pulumi-konnect-dcr`
 * prompts for the Konnect connection. The template's own `Pulumi.yaml` is checked after instantiation in
 * template.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../../tools/engine/pluginHost";
import { projectFileProblems, type ProjectFile } from "./projectFileSchema";

// js-yaml comes with @pulumi/pulumi (which parses Pulumi.yaml the same way).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

const root = yaml.load(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8")) as ProjectFile;
const minimal = { name: "demo", runtime: "nodejs" };

test("the root Pulumi.yaml is a valid project file", () => {
  expect(projectFileProblems(root)).toEqual([]);
});

test("the root template prompts for the Konnect token as a secret and for the region with a default", () => {
  const prompts = root.template?.config ?? {};
  expect(Object.keys(prompts).sort()).toEqual(["konnect:region", "konnect:token"]);
  expect(prompts["konnect:token"]).toMatchObject({ secret: true });
  expect(prompts["konnect:region"]).toMatchObject({ default: "us" });
  expect(root.template?.description).toMatch(/Dynamic Client Registration/);
});

test.each<[string, unknown, string]>([
  ["no name", { runtime: "nodejs" }, "name"],
  ["a name with a space", { ...minimal, name: "my project" }, "name"],
  ["no runtime", { name: "demo" }, "runtime"],
  ["an unknown runtime key", { ...minimal, runtime: { name: "nodejs", typescript: true } }, "runtime"],
  ["an array config type without items", { ...minimal, config: { tags: { type: "array" } } }, "config.tags"],
  ["an unknown template key", { ...minimal, template: { displayName: "Demo" } }, "template"],
  [
    "a template prompt without a description",
    { ...minimal, template: { config: { a: { default: "x" } } } },
    "template.config.a.description",
  ],
  [
    "a template default that is not a string",
    { ...minimal, template: { config: { a: { description: "days", default: 180 } } } },
    "template.config.a.default",
  ],
  [
    "a misspelt template prompt key",
    { ...minimal, template: { config: { a: { description: "token", secrets: true } } } },
    "template.config.a",
  ],
])("refuses %s", (_case, file, where) => {
  const problems = projectFileProblems(file);
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.some((p) => p.startsWith(`${where}:`) || p.startsWith(`${where}.`))).toBe(true);
});

test("accepts the documented shapes: runtime as a name or an object, typed config, a template with prompts", () => {
  expect(projectFileProblems(minimal)).toEqual([]);
  expect(
    projectFileProblems({
      name: "demo.project_1",
      runtime: { name: "nodejs", options: { typescript: true } },
      description: null,
      config: {
        "aws:region": "us-east-1",
        count: { type: "integer", default: 2 },
        tags: { type: "array", items: { type: "string" } },
      },
      template: {
        description: "Demo",
        quickstart: "Run pulumi up",
        config: { "demo:token": { description: "token", secret: true } },
      },
    }),
  ).toEqual([]);
});
