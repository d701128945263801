/**
 * The real product stack through engine-lite: AzureKonnectDcr with the Azure mocks for the Azure side and the real
 * DcrProvider/AuthStrategy dynamic providers in the plugin host against the Konnect emulator. No toy code involved.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isSecret, UNKNOWN } from "../../tools/engine/encoding";
import { destroy, preview, up, type CommandResult, type EngineOptions } from "../../tools/engine/engineLite";
import { stopAllHosts } from "../../tools/engine/pluginHost";
import { killRunningCaptures, type ProgramSpec } from "../../tools/engine/programCapture";
import type { StackConfig } from "../../tools/engine/providerClient";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";
import { TOKEN } from "../../tools/emulator/testSupport";

jest.setTimeout(300_000);

const DCR_TYPE = "pulumi-nodejs:dynamic/konnect:DcrProvider";
const STRATEGY_TYPE = "pulumi-nodejs:dynamic/konnect:AuthStrategy";

let emulator: KonnectEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startKonnectEmulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-azure-"));
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function options(extra: StackConfig = {}): EngineOptions & { program: ProgramSpec } {
  return {
    statePath: path.join(dir, "stack.json"),
    passphrase: "azure-stack-passphrase",
    program: {
      program: path.join(__dirname, "fixtures", "azureStackProgram.ts"),
      project: "pulumi-konnect-dcr",
      config: { "konnect:token": { secret: TOKEN }, "konnect:serverUrl": emulator.url, ...extra },
      mocks: { module: path.join(__dirname, "..", "program", "azureMocks.ts"), exportName: "createAzureMocks" },
    },
  };
}

const dynamicSteps = (result: CommandResult) =>
  result.steps.filter((s) => s.type === DCR_TYPE || s.type === STRATEGY_TYPE).map((s) => `${s.op} ${s.type}`);

describe("AzureKonnectDcr through engine-lite", () => {
  it("previews, creates, keeps, updates and destroys the Konnect objects", async () => {
    const planned = await preview(options());
    expect(planned.diagnostics).toEqual([]);
    expect(dynamicSteps(planned)).toEqual([`create ${DCR_TYPE}`, `create ${STRATEGY_TYPE}`]);
    expect(planned.steps.find((s) => s.type === STRATEGY_TYPE)!.inputs!.dcrProviderId).toBe(UNKNOWN);
    expect(planned.rpcCalls.map((c) => c.method)).toEqual(["configure", "check", "check"]);
    expect(emulator.list("dcr-providers")).toEqual([]);

    const created = await up(options());
    expect(created.diagnostics).toEqual([]);
    const dcrId = created.outputs.dcrProviderId as string;
    const strategyId = created.outputs.authStrategyId as string;
    expect(emulator.list("dcr-providers").map((o) => o.id)).toEqual([dcrId]);
    expect(emulator.get("application-auth-strategies", strategyId)).toMatchObject({ dcr_provider_id: dcrId });
    expect(isSecret(created.outputs.clientSecret)).toBe(true);
    const stateText = fs.readFileSync(options().statePath, "utf8");
    const clientSecret = (created.outputs.clientSecret as { value: string }).value;
    expect(stateText).not.toContain(clientSecret);
    expect(stateText).not.toContain(TOKEN);

    const unchanged = await preview(options());
    expect(unchanged.diagnostics).toEqual([]);
    expect(unchanged.steps.filter((s) => s.op !== "same")).toEqual([]);

    const renamed = await up(options({ "konnect-test:dcrProviderName": "portal-dcr-renamed" }));
    expect(renamed.diagnostics).toEqual([]);
    expect(dynamicSteps(renamed)).toEqual([`update ${DCR_TYPE}`, `same ${STRATEGY_TYPE}`]);
    expect(emulator.get("dcr-providers", dcrId)).toMatchObject({ name: "portal-dcr-renamed" });

    const destroyed = await destroy({ ...options(), config: options().program.config });
    expect(destroyed.diagnostics).toEqual([]);
    expect(dynamicSteps(destroyed)).toEqual([`delete ${STRATEGY_TYPE}`, `delete ${DCR_TYPE}`]);
    expect(emulator.list("dcr-providers")).toEqual([]);
    expect(emulator.list("application-auth-strategies")).toEqual([]);
  });
});
