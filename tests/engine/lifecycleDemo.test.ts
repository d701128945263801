/**
 * The offline demo (`npm run demo`, tools/demo/demo.ts) run in-process: the key lines a newcomer reads, the request
 * check that passed inside `up` at the end, and no secret or token anywhere in what it prints. Cleanup leaves no temp state behind.
 */
import * as fs from "node:fs";
import { cleanUp, DEMO_API_ID, DEMO_PORTAL_ID, DEMO_TOKEN, runDemo, type DemoResult } from "../../tools/demo/demo";
import { buildIsStale } from "../../tools/demo/demoBuild";
import { expectNoSecrets } from "../support/secretScan";

jest.setTimeout(300_000);

let printed = "";
let result: DemoResult;

beforeAll(async () => {
  result = await runDemo({ write: (text) => (printed += text) });
  await cleanUp();
});

afterAll(() => cleanUp());

describe("npm run demo", () => {
  it("says what is real, emulated and simulated", () => {
    expect(printed.startsWith("pulumi-konnect-dcr: offline demo\n")).toBe(true);
    expect(printed).toMatch(/^ {2}real {7}the Pulumi dynamic-provider plugin host from @pulumi\/pulumi/m);
    expect(printed).toMatch(/^ {2}emulated {3}the Konnect API: a local emulator at http:\/\/127\.0\.0\.1:\d+/m);
    expect(printed).toMatch(/^ {2}simulated {2}Azure AD \(Entra ID\): mocked answers/m);
  });

  it("previews every resource with its properties, Azure labelled simulated, secrets masked", () => {
    expect(printed).toMatch(
      /\+ {2}azuread:index:ApplicationPassword +azure-dcr-azure-secret +create {2}\[simulated Azure]/,
    );
    expect(printed).toMatch(/\+ {2}pulumi-nodejs:dynamic\/konnect:DcrProvider +azure-dcr-dcr-provider +create\n/);
    expect(printed).toContain('"initialClientSecret":"[secret]"');
    expect(printed).toContain('dcrProviderId: "[unknown]"');
    expect(printed).toMatch(/\+ {2}pulumi-nodejs:dynamic\/konnect:ApiPublication +azure-dcr-publication-\S+ +create\n/);
    expect(printed).toMatch(/\+ {2}pulumi-nodejs:dynamic\/konnect:DcrRequestCheck +azure-dcr-test-check +create\n/);
    expect(printed).toContain("+ 19 to create");
  });

  it("streams the provider's log lines while applying, then shows the outputs and an empty second preview", () => {
    expect(printed).toContain(
      '  | konnect: creating DCR provider "azure-dcr" (azureAd) in region us\n' +
        '  | konnect: creating auth strategy "azure-dcr" (openid_connect) in region us\n',
    );
    expect(printed).toContain(`  | konnect: creating API publication ${DEMO_API_ID}/${DEMO_PORTAL_ID} in region us\n`);
    expect(printed).toContain(
      "1 API publication uses it and it is the portal's default; 1 test application with 1 registration, linked to " +
        "the Azure client the stack made.\n",
    );
    expect(printed).toContain(`  dcrProviderId      ${result.outputs.dcrProviderId as string}\n`);
    expect(printed).toContain("  clientSecret       [secret]\n");
    expect(printed).toContain("  testClientSecret   [secret]\n");
    expect(printed).toContain("  No changes: 19 resources unchanged.\n");
  });

  it("tells how to run the same stack for real", () => {
    for (const line of [
      "pulumi login --local",
      "pulumi config set --secret konnect:token",
      "az login",
      "pulumi preview --diff && pulumi up",
      "examples/azure-dcr/README.md",
    ]) {
      expect(printed).toContain(line);
    }
  });

  it("ends with the request check that passed inside up: 1 token request, 1 gateway request let through", () => {
    const last = printed.slice(printed.indexOf("5. The first request: Kong's last step, checked inside `pulumi up`\n"));
    expect(last.length).toBeLessThan(printed.length);
    const checks = last.split("\n").filter((line) => /^ {2}(PASS|FAIL) {2}/.test(line));
    expect(checks.map((line) => line.slice(2, 6))).toEqual(["PASS", "PASS", "PASS", "PASS", "PASS"]);
    expect(checks[4]).toMatch(
      /^ {2}PASS {2}Gateway accepts the bearer token: http:\/\/127\.0\.0\.1:\d+\/orders answered HTTP 200\.$/,
    );
    expect(last).toMatch(
      /\n {2}1 token request to the stand-in Azure endpoint and 1 gateway request \(1 let through\), in 1 attempt; /,
    );
    expect(last).toMatch(/DCR works end to end: the request check passed\.\n\nDemo finished in [\d.]+ s\.\n$/);
  });

  it("prints no secret, no token and no debug noise, and removes its state", () => {
    const clientSecret = (result.outputs.clientSecret as { value: string }).value;
    const testClientSecret = (result.outputs.testClientSecret as { value: string }).value;
    expect(clientSecret.length).toBeGreaterThan(20);
    expect(testClientSecret.length).toBeGreaterThan(20);
    expect(testClientSecret).not.toBe(clientSecret);
    expect(expectNoSecrets([printed], [clientSecret, testClientSecret, DEMO_TOKEN])).toBe(3);
    expect(printed).not.toMatch(/eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/); // no access token
    expect(printed).not.toMatch(/undefined|\[object Object]|Error/);
    expect(printed.includes("\u001b")).toBe(false); // no color codes
    const stateDir = /state file in (\S+) /.exec(printed)![1]!;
    expect(fs.existsSync(stateDir)).toBe(false);
    expect(buildIsStale()).toBe(false);
  });
});
