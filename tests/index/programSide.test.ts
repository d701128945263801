/**
 * The program side loads no client: `require("pulumi-konnect-dcr")` in a user's program (a fresh Node process, the
 * built package through its self-link, as a program resolves it) loads neither axios nor zod nor the Konnect client's
 * transport. The serialized providers load those at call time through `pulumi-konnect-dcr/runtime`.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "../..");

/** What a fresh process loads when it requires `specifier`. */
async function loadedBy(specifier: string): Promise<string[]> {
  const script = `
    const before = new Set(Object.keys(require.cache));
    require(${JSON.stringify(specifier)});
    process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => !before.has(k))));`;
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { cwd: ROOT });
  return (JSON.parse(stdout) as string[]).map((file) => path.relative(ROOT, file));
}

describe("require('pulumi-konnect-dcr') (the program side)", () => {
  let loaded: string[];
  beforeAll(async () => {
    loaded = await loadedBy("pulumi-konnect-dcr");
  });

  it("loads the package's program side (resource classes, components)", () => {
    expect(loaded).toEqual(
      expect.arrayContaining([
        "dist/provider/index.js",
        "dist/provider/resources/dcrProvider/resource.js",
        "dist/provider/components/azureKonnectDcr.js",
      ]),
    );
  });

  it("loads neither axios nor zod nor the Konnect client", () => {
    const client = loaded.filter(
      (file) =>
        /node_modules\/(axios|zod)\//.test(file) ||
        /^dist\/provider\/konnect\/(index|http|connection|operation|schemas)\.js$/.test(file) ||
        /^dist\/provider\/konnect\/[^/]+\/(schemas|operations)\.js$/.test(file) ||
        /^dist\/provider\/resources\/(runtime|[^/]+\/(check|definition))\.js$/.test(file),
    );
    expect(client).toEqual([]);
  });

  it("the runtime entry, by contrast, loads the client (so the check above can see it)", async () => {
    const runtime = await loadedBy("pulumi-konnect-dcr/runtime");
    expect(runtime.some((file) => /node_modules\/zod\//.test(file))).toBe(true);
    expect(runtime.some((file) => /node_modules\/axios\//.test(file))).toBe(true);
  });
});
