/**
 * The bench's portal-members economy run (`tools/bench/economy.ts` `runPortalMembersEconomy`), run here on its own so
 * the floors of issue 19 are checked without the whole bench: through engine-lite and the real plugin host, each step
 * of a stack with a team, an application, its registration and the request check makes exactly its floor's requests
 * (Konnect's, attributed by path, and the token and gateway stand-ins'), and destroy leaves nothing behind; without
 * auto-approve, the registration create is 1 POST + 1 PATCH (the informational row).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runPortalMembersEconomy } from "../../tools/bench/economy";
import { PORTAL_MEMBERS_FLOORS, REQUEST_CHECK_REQUESTS, type PortalMembersStep } from "../../tools/bench/floors";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";
import { stopAllHosts } from "../../tools/engine/pluginHost";
import { killRunningCaptures } from "../../tools/engine/programCapture";

jest.setTimeout(600_000);

let emulator: KonnectEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startKonnectEmulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "economy-portal-members-"));
});
afterAll(async () => {
  killRunningCaptures();
  await stopAllHosts();
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the floors are the issue's: list + POST, list + POST, POST; 1 PATCH; 1 GET each; 0; 1 DELETE; 1 token + 1 call", () => {
  expect(PORTAL_MEMBERS_FLOORS["create team"]).toEqual(["GET /v3/portals/{id}/teams", "POST /v3/portals/{id}/teams"]);
  expect(PORTAL_MEMBERS_FLOORS["create application"]).toEqual([
    "GET /v3/portals/{id}/applications",
    "POST /v3/portals/{id}/applications",
  ]);
  expect(PORTAL_MEMBERS_FLOORS["create registration"]).toEqual([
    "POST /v3/portals/{id}/applications/{id}/registrations",
  ]);
  expect(PORTAL_MEMBERS_FLOORS["owner change (team to developer)"]).toEqual([
    "PATCH /v3/portals/{id}/applications/{id}",
  ]);
  expect(PORTAL_MEMBERS_FLOORS["status change (approved to revoked)"]).toEqual([
    "PATCH /v3/portals/{id}/applications/{id}/registrations/{id}",
  ]);
  expect(PORTAL_MEMBERS_FLOORS.refresh).toEqual([...PORTAL_MEMBERS_FLOORS.refresh].sort());
  expect(PORTAL_MEMBERS_FLOORS.refresh.map((r) => r.split(" ")[0])).toEqual(["GET", "GET", "GET"]);
  expect(PORTAL_MEMBERS_FLOORS["preview, no changes"]).toEqual([]);
  expect(PORTAL_MEMBERS_FLOORS["up, no changes"]).toEqual([]);
  for (const member of ["registration", "application", "team"] as const) {
    const floor = PORTAL_MEMBERS_FLOORS[`delete ${member}`];
    expect(floor).toHaveLength(1);
    expect(floor[0]).toMatch(/^DELETE /);
  }
  expect(PORTAL_MEMBERS_FLOORS["delete request check"]).toEqual([]);
  expect(REQUEST_CHECK_REQUESTS).toEqual(["token: POST /{tenant}/oauth2/token", "gateway: GET /orders"]);
});

test("every portal-members step makes exactly its floor's requests, and destroy leaves nothing behind", async () => {
  const result = await runPortalMembersEconomy(emulator, dir);
  const steps = result.data.steps as { step: PortalMembersStep; requests: string[] }[];
  for (const { step, requests } of steps) expect([step, requests]).toEqual([step, PORTAL_MEMBERS_FLOORS[step]]);
  expect(result.rows.map((r) => [r.metric, r.met])).toEqual([
    ...Object.keys(PORTAL_MEMBERS_FLOORS).map((step) => [`Portal members: ${step}`, true]),
    ["Portal members: create registration, publication approving by hand", null],
  ]);
  // Without auto-approve Konnect answers pending, and the create approves with 1 PATCH (informational row).
  expect(result.data.registrationCreateByHand).toEqual([
    "POST /v3/portals/{id}/applications/{id}/registrations",
    "PATCH /v3/portals/{id}/applications/{id}/registrations/{id}",
  ]);
  expect(result.rows.find((r) => r.metric === "Portal members: owner change (team to developer)")?.note).toContain(
    "engine: update bench-application",
  );
  expect(emulator.list("applications")).toEqual([]);
  expect(emulator.list("application-registrations")).toEqual([]);
  // Only the team seedDcrTargets stored is left.
  expect(emulator.list("teams")).toHaveLength(1);
});
