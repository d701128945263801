/**
 * The bench's Dev Portal economy run (`tools/bench/economy.ts` `runDevPortalEconomy`), run here on its own so the
 * floors are checked without the whole bench: through engine-lite and the real plugin host, each step of the
 * root stack's publication and portal default makes exactly its floor's requests.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BENCH_API_ID, BENCH_PORTAL_ID, runDevPortalEconomy } from "../../tools/bench/economy";
import { DEV_PORTAL_FLOORS } from "../../tools/bench/floors";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";
import { stopAllHosts } from "../../tools/engine/pluginHost";
import { killRunningCaptures } from "../../tools/engine/programCapture";

jest.setTimeout(600_000);

let emulator: KonnectEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startKonnectEmulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "economy-dev-portal-"));
});
afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("every Dev Portal step makes exactly its floor's requests, and the portal ends as it was", async () => {
  const result = await runDevPortalEconomy(emulator, dir);
  const previous = emulator.portalDefault(BENCH_PORTAL_ID);
  expect(previous).toEqual(expect.any(String));

  expect(result.rows.map((r) => [r.metric, r.met])).toEqual([
    ["Dev Portal: create publication", true],
    ["Dev Portal: create portal default", true],
    ["Dev Portal: update publication", true],
    ["Dev Portal: delete publication", true],
    ["Dev Portal: delete portal default", true],
  ]);
  const steps = result.data.steps as { step: keyof typeof DEV_PORTAL_FLOORS; requests: string[] }[];
  for (const { step, requests } of steps) expect(requests).toEqual(DEV_PORTAL_FLOORS[step]);
  expect(DEV_PORTAL_FLOORS["create publication"]).toEqual([
    "GET /v3/apis/{id}/publications/{id}",
    "PUT /v3/apis/{id}/publications/{id}",
  ]);
  expect(DEV_PORTAL_FLOORS["create portal default"]).toEqual(["GET /v3/portals/{id}", "PATCH /v3/portals/{id}"]);

  // The publication is gone and the portal's previous default is back (the delete restored it).
  expect(emulator.getPublication(BENCH_API_ID, BENCH_PORTAL_ID)).toBeUndefined();
  expect(emulator.list("application-auth-strategies").map((s) => s.id)).toEqual([previous]);
});
