/**
 * `npm run verify`'s real entry point in a child process (node -r ts-node/register/transpile-only, as package.json
 * runs it), against the local stand-ins: exit code, report, and no secret, token or Basic value in stdout or stderr.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { gateway } from "../../tools/standins/cannedGateway";
import { makeJwt } from "../../tools/standins/jwt";
import { startStandIn, type StandIn } from "../../tools/standins/standIn";

const ROOT = path.resolve(__dirname, "../..");
const TENANT = "3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f";
const CLIENT_ID = "0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3";
const SECRET = "Zq8~child.process-secret_0123456789abcdef";
const BASIC = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString("base64");
const TOKEN = makeJwt({ iss: `https://sts.windows.net/${TENANT}/`, ver: "1.0", appid: CLIENT_ID });

let login: StandIn;
let gw: StandIn;

beforeAll(async () => {
  login = await startStandIn(() => ({ status: 200, body: { access_token: TOKEN } }));
  gw = await startStandIn(gateway(() => ({ bearer: TOKEN, basic: undefined, rejectStatus: 401 })));
});

afterAll(async () => {
  await login.close();
  await gw.close();
});

/** Runs the CLI as package.json's "verify" script does; the child gets its own process group. */
function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "provider/verify/cli.ts", ...args],
      {
        cwd: ROOT,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("error", reject);
    child.once("close", (code) => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // group already gone
        }
      }
      resolve({ code, stdout, stderr });
    });
  });
}

it("runs from package.json's script, reports a Basic 401, exits 1 and prints no credentials", async () => {
  const { code, stdout, stderr } = await runCli(
    ["--tenant", TENANT, "--route", `${gw.url}/orders`, "--login-url", login.url],
    { DCR_CLIENT_ID: CLIENT_ID, DCR_CLIENT_SECRET: SECRET },
  );
  expect(stderr).toBe("");
  expect(code).toBe(1);
  expect(stdout.split("\n").filter((l) => /^(PASS|FAIL|SKIP) /.test(l))).toEqual([
    "PASS  Token from the Azure v1 endpoint (client credentials)",
    'PASS  Token version is v1 (claim ver = "1.0")',
    "PASS  Issuer is the v1 issuer https://sts.windows.net/<tenant>",
    "PASS  Claim appid equals the client id (credential claim of the auth strategy)",
    "PASS  Gateway accepts the bearer token",
    "FAIL  Gateway accepts the client id and secret (Basic)",
  ]);
  expect(gw.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Basic ${BASIC}`]);
  for (const value of [SECRET, TOKEN, BASIC, TOKEN.split(".")[1]!]) {
    expect(`${stdout}${stderr}`.includes(value)).toBe(false);
  }
});

it("exits 2 without a secret when not on a terminal", async () => {
  const { code, stdout, stderr } = await runCli(["--tenant", TENANT, "--route", `${gw.url}/orders`], {
    DCR_CLIENT_ID: CLIENT_ID,
  });
  expect([code, stdout, stderr]).toEqual([
    2,
    "",
    "No client secret: set DCR_CLIENT_SECRET or run in a terminal to be asked for it.\n",
  ]);
});
