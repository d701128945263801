/**
 * Issue 13 §1 through the real plugin host and the Konnect emulator: every create is found again by its creation key
 * (scenarios in creationKeyScenarios.ts; design in provider/resources/creationKey.ts).
 */
import { stopAllHosts } from "../../tools/engine/pluginHost";
import { killRunningCaptures } from "../../tools/engine/programCapture";
import { SCENARIOS, loadScenarioContext, type ScenarioContext } from "./creationKeyScenarios";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";

jest.setTimeout(240_000);

let emulator: KonnectEmulator;
let context: ScenarioContext;

beforeAll(async () => {
  emulator = await startKonnectEmulator();
  context = await loadScenarioContext(emulator);
});

afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await emulator?.close();
});

beforeEach(() => {
  emulator.reset();
});

for (const [name, body] of Object.entries(SCENARIOS)) it(name, () => body(context));
