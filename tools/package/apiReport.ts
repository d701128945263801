/**
 * The public API reports (API Extractor): one per entry point of the package, committed under `api/`, made from the
 * compiled declarations in `dist/provider` (so `npm run build` first). `tests/package/apiReport.test.ts` compares
 * them with the current declarations in `npm test`, so a change to what users import (or to the runtime entry the
 * serialized providers load) fails until its report is updated in the same commit and reviewers see it.
 *
 *   npm run api:update      # build, then rewrite the reports
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Extractor, ExtractorConfig, ExtractorLogLevel, type IConfigFile } from "@microsoft/api-extractor";
import { REPO_ROOT } from "../engine/pluginHost";

/** One entry point of the package and its report. */
export interface ApiEntry {
  /** The import specifier users write. */
  specifier: string;
  /** Compiled declaration of the entry, relative to the repository root. */
  declaration: string;
  /** Report file under `api/`. */
  report: string;
}

/** Every entry point in package.json's `exports` that carries code. */
export const API_ENTRIES: readonly ApiEntry[] = [
  {
    specifier: "pulumi-konnect-dcr",
    declaration: "dist/provider/index.d.ts",
    report: "pulumi-konnect-dcr.api.md",
  },
  {
    specifier: "pulumi-konnect-dcr/runtime",
    declaration: "dist/provider/resources/runtime.d.ts",
    report: "pulumi-konnect-dcr-runtime.api.md",
  },
];

/** Folder of the committed reports. */
export const API_REPORT_DIR = path.join(REPO_ROOT, "api");

/** The outcome for one entry point. */
export interface ApiReportResult {
  entry: ApiEntry;
  /** The report as the current declarations produce it. */
  report: string;
  /** True when it differs from the committed one (or none is committed). */
  changed: boolean;
  /** Errors and warnings API Extractor reported (besides the report difference). */
  messages: string[];
}

function configFor(entry: ApiEntry, tempFolder: string): IConfigFile {
  return {
    projectFolder: REPO_ROOT,
    mainEntryPointFilePath: `<projectFolder>/${entry.declaration}`,
    bundledPackages: [],
    compiler: {
      overrideTsconfig: {
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2022"],
          module: "node16",
          moduleResolution: "node16",
          strict: true,
          types: ["node"],
          skipLibCheck: true,
        },
      },
    },
    apiReport: {
      enabled: true,
      reportFileName: entry.report,
      reportFolder: `${API_REPORT_DIR}/`,
      reportTempFolder: `${tempFolder}/`,
      includeForgottenExports: true,
    },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
      extractorMessageReporting: {
        default: { logLevel: ExtractorLogLevel.Warning },
        // Release tags (@public, @beta) are not used: everything exported is public.
        "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None },
        // Types reachable from the API but not exported by name are listed in the report itself.
        "ae-forgotten-export": { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
        // Undocumented public members are marked in the report (reviewers see them) instead of failing the check.
        "ae-undocumented": { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
      },
      // TSDoc syntax is not what this report checks (the comments are written for editors' hovers).
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
    },
  };
}

/**
 * Builds each entry point's report from `dist/provider` and compares it with the committed one; with `update`, writes
 * the new reports into `api/`.
 */
export function runApiReports(update: boolean): ApiReportResult[] {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-konnect-dcr-api-"));
  if (update) fs.mkdirSync(API_REPORT_DIR, { recursive: true });
  try {
    return API_ENTRIES.map((entry) => {
      const declaration = path.join(REPO_ROOT, entry.declaration);
      if (!fs.existsSync(declaration)) throw new Error(`${entry.declaration} is missing: run \`npm run build\` first`);
      const config = ExtractorConfig.prepare({
        configObject: configFor(entry, temp),
        configObjectFullPath: path.join(REPO_ROOT, "api-extractor.json"),
        packageJsonFullPath: path.join(REPO_ROOT, "package.json"),
      });
      const messages: string[] = [];
      const result = Extractor.invoke(config, {
        localBuild: update,
        messageCallback: (message) => {
          // The report's own state (created, changed, not copied) is `changed`, not a message.
          const aboutReport = String(message.messageId).startsWith("console-api-report");
          const serious =
            message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning;
          if (serious && !aboutReport) {
            messages.push(message.formatMessageWithLocation(REPO_ROOT));
          }
          message.handled = true;
        },
      });
      const report = fs.readFileSync(path.join(temp, entry.report), "utf8");
      return { entry, report, changed: result.apiReportChanged, messages };
    });
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

function main(): void {
  const update = process.argv.includes("--update");
  let failed = false;
  for (const result of runApiReports(update)) {
    const file = path.relative(REPO_ROOT, path.join(API_REPORT_DIR, result.entry.report));
    for (const message of result.messages) console.log(`${file}: ${message}`);
    if (result.messages.length > 0) failed = true;
    if (!result.changed) console.log(`${file}: unchanged`);
    else if (update) console.log(`${file}: updated`);
    else {
      console.log(`${file}: differs from the declarations in dist/ (run \`npm run api:update\`)`);
      failed = true;
    }
  }
  if (failed) process.exit(1);
}

if (require.main === module) main();
