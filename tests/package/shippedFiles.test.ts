/** The rules for the tarball's file list (tools/package/shippedFiles.ts), which `npm run lint:package` applies. */
import { entryFiles, shippedFileProblems, sourceMapReference } from "../../tools/package/shippedFiles";

const manifest = {
  main: "dist/provider/index.js",
  types: "dist/provider/index.d.ts",
  exports: {
    ".": { types: "./dist/provider/index.d.ts", default: "./dist/provider/index.js" },
    "./runtime": { types: "./dist/provider/resources/runtime.d.ts", default: "./dist/provider/resources/runtime.js" },
    "./package.json": "./package.json",
  },
};
const good = [
  "CHANGELOG.md",
  "LICENSE",
  "README.md",
  "dist/provider/index.d.ts",
  "dist/provider/index.js",
  "dist/provider/resources/runtime.d.ts",
  "dist/provider/resources/runtime.js",
  "package.json",
];

test("every main, types and exports target", () => {
  expect(entryFiles(manifest)).toEqual([
    "dist/provider/index.d.ts",
    "dist/provider/index.js",
    "dist/provider/resources/runtime.d.ts",
    "dist/provider/resources/runtime.js",
    "package.json",
  ]);
});

test("a complete package has no problem", () => {
  expect(shippedFileProblems(good, manifest)).toEqual([]);
});

test.each<[string, string[], string]>([
  ["README, package.json only (a pack without a build)", ["README.md", "package.json"], "missing: LICENSE"],
  ["no runtime entry", good.filter((f) => !f.includes("runtime.js")), "missing: dist/provider/resources/runtime.js"],
  [
    "a source map",
    [...good, "dist/provider/index.js.map"],
    "neither compiled code nor a declaration: dist/provider/index.js.map",
  ],
  ["build info", [...good, "dist/.tsbuildinfo"], "not part of the package: dist/.tsbuildinfo"],
  ["a test", [...good, "tests/resources/x.test.ts"], "not part of the package: tests/resources/x.test.ts"],
  ["an example", [...good, "examples/azure-dcr/index.ts"], "not part of the package: examples/azure-dcr/index.ts"],
  ["CI files", [...good, ".ci/run"], "not part of the package: .ci/run"],
  [
    "a TypeScript source",
    [...good, "dist/provider/x.ts"],
    "neither compiled code nor a declaration: dist/provider/x.ts",
  ],
  ["code without declarations", [...good, "dist/provider/extra.js"], "no type declaration for dist/provider/extra.js"],
])("names the problem with %s", (_case, files, problem) => {
  expect(shippedFileProblems(files, manifest)).toContain(problem);
});

test("a sourceMappingURL comment is found on its own line only", () => {
  expect(sourceMapReference('"use strict";\n//# sourceMappingURL=index.js.map\n')).toBe(true);
  expect(sourceMapReference('const s = "//# sourceMappingURL=x";\n')).toBe(false);
});
