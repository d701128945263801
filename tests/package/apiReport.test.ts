/**
 * The public API reports under `api/` (API Extractor, one per entry point) match the declarations the build makes
 * (jest's global setup builds `dist/`). A change to the public surface, or to the runtime entry the serialized
 * providers load, fails here until `npm run api:update` rewrites the report in the same commit.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { API_ENTRIES, API_REPORT_DIR, runApiReports, type ApiReportResult } from "../../tools/package/apiReport";

jest.setTimeout(120_000);

let results: ApiReportResult[];

beforeAll(() => {
  results = runApiReports(false);
});

test("one report per entry point of package.json's exports that carries code", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
    exports: Record<string, unknown>;
  };
  const codeEntries = Object.keys(manifest.exports)
    .filter((key) => key !== "./package.json")
    .map((key) => (key === "." ? "pulumi-konnect-dcr" : `pulumi-konnect-dcr/${key.slice(2)}`));
  expect(API_ENTRIES.map((e) => e.specifier).sort()).toEqual(codeEntries.sort());
});

test.each(API_ENTRIES.map((entry) => [entry.specifier, entry.report]))(
  "%s: api/%s matches the declarations (after a deliberate change: npm run api:update)",
  (specifier) => {
    const result = results.find((r) => r.entry.specifier === specifier)!;
    expect(result.messages).toEqual([]);
    const committedPath = path.join(API_REPORT_DIR, result.entry.report);
    const committed = fs.existsSync(committedPath) ? fs.readFileSync(committedPath, "utf8") : "(no report committed)";
    expect(result.report.replace(/\r\n/g, "\n")).toEqual(committed.replace(/\r\n/g, "\n"));
    expect(result.changed).toBe(false);
  },
);
