/**
 * Creates are never duplicated and never lost: when a POST's outcome is unknown, the provider finds the object it
 * made through its creation label instead of posting again ("commit then drop" faults prove it).
 */
import { providers, type AuthStrategyInputs, type DcrProviderInputs } from "../../../provider";
import type { KonnectEmulator } from "../../../tools/emulator/emulator";
import { setStackSettings } from "../../../provider/resources/testHooks";
import { TEST_TOKEN, callShapes, providerLogLines, startProviderTestbed } from "../support";
import { CLIENT_ID, TENANT, keyAuthStrategyInputs } from "../../support/validInputs";

const dcrInputs: DcrProviderInputs = {
  name: "azure-dcr",
  providerType: "azureAd",
  issuer: `https://sts.windows.net/${TENANT}`,
  labels: { team: "platform" },
  dcrConfig: { initialClientId: CLIENT_ID, initialClientSecret: "s3cret-value" },
};
const strategyInputs: AuthStrategyInputs = keyAuthStrategyInputs();

let emulator: KonnectEmulator;
beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  providerLogLines.length = 0;
});

describe.each([
  ["DcrProvider", "dcr-providers", "/v2/dcr-providers", () => providers.dcrProvider.create(dcrInputs)],
  [
    "AuthStrategy",
    "application-auth-strategies",
    "/v2/application-auth-strategies",
    () => providers.authStrategy.create(strategyInputs),
  ],
] as const)("%s create", (_name, kind, path, create) => {
  it("finds the object after a commit-then-drop instead of posting again", async () => {
    emulator.injectFault({ method: "POST", path, commitThenDrop: true });
    const { id, outs } = await create();
    expect(emulator.list(kind)).toHaveLength(1);
    expect(emulator.list(kind)[0]!.id).toBe(id);
    expect(callShapes(emulator)).toEqual([`POST ${path}`, `GET ${path}`]);
    // the creation label stays in Konnect but is not part of the outputs
    expect((emulator.get(kind, id) as { labels?: Record<string, string> }).labels).toHaveProperty("pulumi-create-id");
    expect(JSON.stringify(outs)).not.toContain("pulumi-create-id");
    expect(providerLogLines).toContain(
      "konnect: the create was applied although its answer was lost; using the object it made",
    );
  });

  it.each([
    ["a dropped connection", { drop: true as const }],
    ["a 503", { status: 503 }],
    ["a 502", { status: 502 }],
  ])("posts again after %s that stored nothing", async (_fault, action) => {
    emulator.injectFault({ method: "POST", path, ...action });
    await create();
    expect(emulator.list(kind)).toHaveLength(1);
    expect(callShapes(emulator)).toEqual([`POST ${path}`, `GET ${path}`, `POST ${path}`]);
  });

  it("gives up after three unknown outcomes without a duplicate", async () => {
    emulator.injectFault({ method: "POST", path, status: 500, times: Infinity });
    await expect(create()).rejects.toThrow(/: 500 /);
    expect(emulator.list(kind)).toHaveLength(0);
    expect(callShapes(emulator).filter((c) => c.startsWith("POST"))).toHaveLength(3);
    emulator.clearFaults();
  });

  it("does not search or repeat after a definite failure (400)", async () => {
    emulator.injectFault({ method: "POST", path, status: 400 });
    await expect(create()).rejects.toThrow(/: 400 /);
    expect(callShapes(emulator)).toEqual([`POST ${path}`]);
  });

  it("many creates at once under throttling all succeed without duplicates", async () => {
    // 30 creates against a 10-per-second bucket: a third of them must wait for Retry-After
    emulator.setOptions({ rateLimit: { requestsPerSecond: 10, retryAfterSeconds: 1 } });
    setStackSettings({ token: TEST_TOKEN, serverUrl: `${emulator.url}/{region}`, retryBudgetSeconds: 30 });
    try {
      const results = await Promise.all(Array.from({ length: 30 }, () => create()));
      expect(new Set(results.map((r) => r.id)).size).toBe(30);
      expect(emulator.list(kind)).toHaveLength(30);
      expect(emulator.requestLog().some((e) => e.status === 429)).toBe(true);
    } finally {
      emulator.setOptions({ rateLimit: null });
      setStackSettings({ token: TEST_TOKEN, serverUrl: `${emulator.url}/{region}`, retryBudgetSeconds: 5 });
    }
  });
});
