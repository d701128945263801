/**
 * `npm run demo`: the whole-flow root stack offline. Starts the Konnect emulator with the stand-in Azure token
 * endpoint and gateway tied to it, runs `examples/azure-dcr` (Azure answered by the Azure mocks, its applications and
 * secrets mirrored into the emulator's IdP) through engine-lite and the real plugin host, and prints a preview, the
 * progress of `up`, the stack outputs, a second, empty preview, and last the request check that passed inside `up`.
 * The emulator holds a Dev Portal and an API (fixed ids): the stack publishes the API there with its strategy, makes
 * the strategy the portal's default, and makes a test application registered for the API whose first request goes
 * through the gateway. Builds `dist/` first when it is missing or stale (the program and the plugin host run it). Cleans up on exit and on Ctrl-C. A failure
 * anywhere prints one line (the step, the cause, what to do) and exits 1; `--verbose` or `DEMO_VERBOSE=1` adds the
 * details (stack traces, the program's output, the compiler's errors).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { failureReport, runStep, wantsVerbose } from "./demoFailure";
import { checkReport, heading, intro, labelledRendering, outputsTable, runForReal } from "./demoFormat";
import { buildThenCapture, type PrepareSteps } from "./prepare";
import { preview, up, type CommandResult } from "../engine/engineLite";
import { loadState } from "../engine/stateFile";
import { stopAllHosts } from "../engine/pluginHost";
import { killRunningCaptures } from "../engine/programCapture";
import { rootStackOptions, TYPES } from "./rootStack";
import type { PropertyMap } from "../engine/encoding";
import { startKonnectEmulator, type KonnectEmulator } from "../emulator/emulator";
import { startAzureTokenEndpoint } from "../standins/azureTokenEndpoint";
import { startEmulatorGateway } from "../standins/emulatorGateway";
import { simulatedAzure } from "../standins/simulatedAzure";
import { MOCK_DEFAULTS } from "../../tests/program/azureMocks";

/** The token the demo gives the provider (the emulator checks its shape only). */
export const DEMO_TOKEN = "kpat_offlineDemoToken0123456789abcdef";
/** Stack name shown in the demo. */
export const DEMO_STACK = "dev";
/** Ids of the Dev Portal and the API the demo seeds in the emulator (managed outside the stack, as for real). */
export const DEMO_PORTAL_ID = "5e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";
export const DEMO_API_ID = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d";
/** The gateway route of the API (on the stand-in gateway). */
export const DEMO_ROUTE_PATH = "/orders";

/** What a demo run produced, for tests. */
export interface DemoResult {
  /** Stack outputs after `up` (wire form: secret wrappers hold the real values). */
  outputs: PropertyMap;
  /** Milliseconds the run took. */
  durationMs: number;
}

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Receives the printed text, in pieces (default: stdout). */
  write?: (text: string) => void;
  /** The build and program steps (default: the real ones; tests replace them). */
  prepare?: PrepareSteps;
}

let cleanups: (() => Promise<void> | void)[] = [];

/** Stops the emulator and any plugin host or program run still going, and removes the temp state. Idempotent. */
export async function cleanUp(): Promise<void> {
  const pending = cleanups.reverse();
  cleanups = [];
  killRunningCaptures();
  await stopAllHosts();
  for (const cleanup of pending) await cleanup();
}

/** Runs the demo; throws when a step fails (after printing its diagnostics). */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const say = (text = "") => write(`${text}\n`);
  const started = Date.now();

  const emulator: KonnectEmulator = await runStep("starting the Konnect emulator", () => startKonnectEmulator());
  cleanups.push(() => emulator.close());
  emulator.seedPortal({ name: "developer-portal" }, { id: DEMO_PORTAL_ID });
  emulator.seedApi({ name: "Orders API", version: "v1" }, { id: DEMO_API_ID });
  const azure = await runStep("starting the stand-in Azure token endpoint", () =>
    startAzureTokenEndpoint({ idp: emulator }),
  );
  cleanups.push(() => azure.close());
  const gateway = await runStep("starting the stand-in gateway", () =>
    startEmulatorGateway({ konnect: emulator, tokens: azure, routes: [{ path: DEMO_ROUTE_PATH, apiId: DEMO_API_ID }] }),
  );
  cleanups.push(() => gateway.close());
  const simulated = simulatedAzure(emulator, { tenantId: MOCK_DEFAULTS.tenantId });
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "konnect-dcr-demo-"));
  cleanups.push(() => fs.rmSync(stateDir, { recursive: true, force: true }));
  const stack = rootStackOptions({
    statePath: path.join(stateDir, `${DEMO_STACK}.json`),
    passphrase: "offline-demo",
    konnectUrl: emulator.url,
    token: DEMO_TOKEN,
    stack: DEMO_STACK,
    config: {
      publications: JSON.stringify([`${DEMO_API_ID}/${DEMO_PORTAL_ID}?visibility=public`]),
      defaultForPortals: JSON.stringify([DEMO_PORTAL_ID]),
      testApplicationPortalId: DEMO_PORTAL_ID,
      testApplicationRoute: `${gateway.url}${DEMO_ROUTE_PATH}`,
      testApplicationLoginUrl: azure.loginUrl,
    },
  });

  say(intro(emulator.url, stateDir, azure.url, gateway.url));
  say();
  say("Checking the build of the provider, then running the program (Azure calls answered by the mocks) ...");
  // The build comes first: the program and the plugin host both load dist/.
  const { program, built } = await buildThenCapture(stack.program, options.prepare);
  if (built) say("Built dist/ (tsc -p tsconfig.build.json): the plugin host runs the compiled provider.");

  say(heading("1. Preview: what `pulumi preview` shows for a new stack"));
  const planned = await runStep("previewing the stack", async () => expectOk(await preview({ ...stack, program })));
  say(labelledRendering(planned, DEMO_STACK));
  say("  Values marked [unknown] are known only after the create; secrets always print as [secret].");

  say(heading("2. Up: applying (provider log lines as they happen)"));
  const applied = await runStep("applying the stack (up)", async () =>
    expectOk(await up({ ...stack, program, simulated, onProviderLog: (line) => line.trim() && say(`  | ${line}`) })),
  );
  say("");
  const done: Record<string, string> = { create: "created", update: "updated", replace: "replaced", delete: "deleted" };
  for (const step of applied.steps) say(`  ${(done[step.op] ?? "unchanged").padEnd(9)}  ${step.name}`);
  const strategies = emulator.list("application-auth-strategies").length;
  const providers = emulator.list("dcr-providers").length;
  const published = emulator.publications().length;
  const isDefault = emulator.portalDefault(DEMO_PORTAL_ID) === applied.outputs.authStrategyId;
  const applications = emulator.list("applications").length;
  const registrations = emulator.list("application-registrations").length;
  say(
    `  The Konnect emulator now holds ${providers} DCR provider and ${strategies} auth strategy; ` +
      `${published} API publication uses it${isDefault ? " and it is the portal's default" : ""}; ` +
      `${applications} test application with ${registrations} registration, linked to the Azure client ` +
      "the stack made.",
  );

  say(heading("3. Stack outputs (`pulumi stack output`)"));
  say(outputsTable(applied.outputs));

  say(heading("4. Preview again: nothing to change"));
  const again = await runStep("previewing the stack again", async () => expectOk(await preview({ ...stack, program })));
  const changes = again.steps.filter((s) => s.op !== "same").length;
  say(
    changes === 0 ? `  No changes: ${again.steps.length} resources unchanged.` : labelledRendering(again, DEMO_STACK),
  );

  say(heading("Next"));
  say(runForReal());

  say(heading("5. The first request: Kong's last step, checked inside `pulumi up`"));
  const state = loadState(stack.statePath, stack.passphrase, stack.program.project ?? "", DEMO_STACK);
  const check = state.resources.find((r) => r.type === TYPES.dcrRequestCheck);
  if (check === undefined) throw new Error("the request check is not in the state");
  say(checkReport(check.outputs, azure.requests.length, gateway.requests));
  const durationMs = Date.now() - started;
  say(`\nDemo finished in ${(durationMs / 1000).toFixed(1)} s.`);
  return { outputs: applied.outputs, durationMs };
}

/** The result when the command succeeded; otherwise throws with its diagnostics, the first error first. */
function expectOk(result: CommandResult): CommandResult {
  if (result.ok) return result;
  const ordered = [
    ...result.diagnostics.filter((d) => d.severity === "error"),
    ...result.diagnostics.filter((d) => d.severity !== "error"),
  ];
  const messages = ordered
    .map((d) => `  ${d.severity}: ${d.urn ? `${d.urn.split("::").pop()}: ` : ""}${d.message}`)
    .join("\n");
  throw new Error(`${result.command} failed:\n${messages}`);
}

async function main(): Promise<void> {
  const verbose = wantsVerbose(process.argv.slice(2), process.env);
  // `npm run` forwards the terminal's SIGINT to us a second time: handle every one, clean up once.
  let stopping = false;
  const stop = (message: string, code: number): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(message);
    void cleanUp()
      .catch(() => undefined)
      .finally(() => process.exit(code));
  };
  const fail = (error: unknown) => stop(`\n${failureReport(error, verbose)}`, 1);
  process.on("SIGINT", () => stop("\nInterrupted; cleaning up ...\n", 130));
  // A failure outside the awaited steps (an emitter's error, a stray rejection) is still one line.
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  try {
    await runDemo();
    await cleanUp();
  } catch (error) {
    fail(error);
  }
}

if (require.main === module) void main();
