/**
 * Beyond tests/resources/core/createOnce.test.ts: commit-then-drop after 429 retries, 50 DCR providers and 50 strategies
 * created at once under throttling, hostile strings round-tripped byte for byte, and secret hygiene (refused server
 * URLs send nothing, error objects carry no token or body secret, serialized providers hold no secret).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { providers, type AuthStrategyInputs, type DcrProviderInputs } from "../../provider";
import { KonnectApiError, KonnectConfigError } from "../../provider/konnect";
import { setStackSettings } from "../../provider/resources/testHooks";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { TEST_TOKEN, callShapes, providerLogLines, startProviderTestbed } from "../resources/support";
import { HOSTILE_TEXT } from "../fuzz/arbitraries";
import { SecretScan } from "../support/secretScan";
import { CLIENT_ID, TENANT, keyAuthStrategyInputs } from "../support/validInputs";

const SECRET = "hygiene-client-secret-0001";
const azure = (name: string, extra: Partial<DcrProviderInputs> = {}): DcrProviderInputs => ({
  name,
  providerType: "azureAd",
  issuer: `https://sts.windows.net/${TENANT}`,
  dcrConfig: { initialClientId: CLIENT_ID, initialClientSecret: SECRET },
  ...extra,
});
const keys = (name: string, extra: Partial<AuthStrategyInputs> = {}): AuthStrategyInputs =>
  keyAuthStrategyInputs({ name, displayName: name, ...extra });

let emulator: KonnectEmulator;
const scan = new SecretScan();
const useEmulator = (extra: { retryBudgetSeconds?: number } = {}) =>
  setStackSettings({ token: TEST_TOKEN, serverUrl: `${emulator.url}/{region}`, retryBudgetSeconds: 5, ...extra });

beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.setOptions({ rateLimit: null });
  providerLogLines.length = 0;
  useEmulator();
});
afterEach(() => {
  scan.addLines("provider log", providerLogLines).addRequestLog(emulator.requestLog());
});

describe("creates are never duplicated nor lost", () => {
  it.each([
    ["DcrProvider", "dcr-providers", "/v2/dcr-providers", () => providers.dcrProvider.create(azure("after-429"))],
    [
      "AuthStrategy",
      "application-auth-strategies",
      "/v2/application-auth-strategies",
      () => providers.authStrategy.create(keys("after-429")),
    ],
  ] as const)(
    "%s: two 429s, then a commit-then-drop: one object, found by its label",
    async (_n, kind, path, create) => {
      emulator.injectFault({ method: "POST", path, status: 429, retryAfter: 0, times: 2 });
      emulator.injectFault({ method: "POST", path, commitThenDrop: true });
      const { id } = await create();
      expect(emulator.list(kind).map((o) => o.id)).toEqual([id]);
      expect(callShapes(emulator)).toEqual([`POST ${path}`, `POST ${path}`, `POST ${path}`, `GET ${path}`]);
      expect(emulator.requestLog().map((e) => e.status)).toEqual([429, 429, 0, 200]);
    },
  );

  it("a commit-then-drop on the second POST (after a 503 stored nothing) is recovered without a duplicate", async () => {
    emulator.injectFault({ method: "POST", path: "/v2/dcr-providers", status: 503 });
    emulator.injectFault({ method: "POST", path: "/v2/dcr-providers", commitThenDrop: true });
    const { id } = await providers.dcrProvider.create(azure("second-try"));
    expect(emulator.list("dcr-providers").map((o) => o.id)).toEqual([id]);
    expect(emulator.requestLog().map((e) => `${e.method} ${e.status}`)).toEqual([
      "POST 503",
      "GET 200",
      "POST 0",
      "GET 200",
    ]);
    expect(emulator.storedSecrets(id)).toEqual({ initial_client_secret: SECRET });
  });

  it("commit-then-drop on PATCH and DELETE: the retry lands on the applied state (200, then 404 as done)", async () => {
    const { id, outs } = await providers.dcrProvider.create(azure("idempotent"));
    emulator.clearRequestLog();
    emulator.injectFault({ method: "PATCH", path: "/v2/dcr-providers/*", commitThenDrop: true });
    await providers.dcrProvider.update!(id, outs!, azure("renamed"));
    expect(emulator.list("dcr-providers").map((o) => o.name)).toEqual(["renamed"]);
    emulator.injectFault({ method: "DELETE", path: "/v2/dcr-providers/*", commitThenDrop: true });
    await providers.dcrProvider.delete!(id, outs!);
    expect(emulator.list("dcr-providers")).toEqual([]);
    expect(emulator.requestLog().map((e) => `${e.method} ${e.status}`)).toEqual([
      "PATCH 0",
      "PATCH 200",
      "DELETE 0",
      "DELETE 404",
    ]);
  });

  it("50 DCR providers and 50 strategies at once under a 25/s rate limit all succeed, no duplicates", async () => {
    emulator.setOptions({ rateLimit: { requestsPerSecond: 25, retryAfterSeconds: 1 } });
    useEmulator({ retryBudgetSeconds: 30 });
    const results = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => providers.dcrProvider.create(azure(`dcr-${i}`))),
      ...Array.from({ length: 50 }, (_, i) => providers.authStrategy.create(keys(`keys-${i}`))),
    ]);
    emulator.setOptions({ rateLimit: null });
    expect(new Set(results.map((r) => r.id)).size).toBe(100);
    const names = (kind: "dcr-providers" | "application-auth-strategies") =>
      emulator
        .list(kind)
        .map((o) => o.name)
        .sort();
    expect(names("dcr-providers")).toEqual(Array.from({ length: 50 }, (_, i) => `dcr-${i}`).sort());
    expect(names("application-auth-strategies")).toEqual(Array.from({ length: 50 }, (_, i) => `keys-${i}`).sort());
    const log = emulator.requestLog();
    // throttled, and every 429 was a POST retried by the transport: exactly 100 POSTs got through
    expect(log.some((e) => e.status === 429)).toBe(true);
    expect(log.filter((e) => e.status === 201)).toHaveLength(100);
    expect(log.filter((e) => e.method !== "POST")).toEqual([]);
  });
});

describe("hostile strings are passed through exactly or rejected, never mangled", () => {
  const accepted = [...HOSTILE_TEXT, "tab\there", "newline\nhere", "nul\u0000here", "x".repeat(256)];

  it.each(accepted.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    "name and displayName %s round-trip byte for byte",
    async (_label, value) => {
      const { id, outs } = await providers.dcrProvider.create(azure(value, { displayName: value }));
      const stored = emulator.get("dcr-providers", id) as { name: string; display_name?: string };
      expect(Buffer.from(stored.name)).toEqual(Buffer.from(value));
      expect(stored.display_name).toBe(value);
      const read = await providers.dcrProvider.read!(id, outs);
      expect(read.props!.name).toBe(value);
      expect(read.props!.displayName).toBe(value);
      const strategy = await providers.authStrategy.create(keys(value, { keyAuth: { keyNames: [value] } }));
      const readStrategy = await providers.authStrategy.read!(strategy.id, strategy.outs);
      expect(readStrategy.props!.name).toBe(value);
      expect(readStrategy.props!.keyAuth).toEqual({ keyNames: [value] });
    },
  );

  it.each([
    "https://idp.example.com/';DROP%20TABLE%20x--",
    "https://idp.example.com/../../etc/passwd",
    "https://idp.example.com/%00",
    "https://idp.example.com/<script>",
    "https://idp.example.com/{{x}}",
    "https://idp.example.com/ünï/日本",
  ])("issuer URL %s round-trips byte for byte", async (issuer) => {
    const inputs = {
      name: "okta",
      providerType: "okta" as const,
      issuer,
      dcrConfig: { dcrToken: "okta-token-value-1" },
    };
    const { failures } = await providers.dcrProvider.check!({} as never, inputs);
    expect(failures ?? []).toEqual([]);
    const { id, outs } = await providers.dcrProvider.create(inputs);
    expect((emulator.get("dcr-providers", id) as { issuer: string }).issuer).toBe(issuer);
    expect((await providers.dcrProvider.read!(id, outs)).props!.issuer).toBe(issuer);
  });

  it.each([
    ["issuer with a newline", { issuer: "https://idp.example.com/\nx" }, "issuer"],
    ["issuer with a NUL", { issuer: "https://idp.example.com/\u0000" }, "issuer"],
    ["issuer with a space", { issuer: "https://idp.example.com/ x" }, "issuer"],
    ["issuer javascript:", { issuer: "javascript:alert(1)" }, "issuer"],
    ["issuer with SQL and spaces", { issuer: "https://idp.example.com/'; DROP TABLE x" }, "issuer"],
    ["label value <script>", { labels: { env: "<script>" } }, "labels.env"],
    ["label value ../", { labels: { env: "../" } }, "labels.env"],
    ["label value with a newline", { labels: { env: "a\nb" } }, "labels.env"],
    ["label key too long", { labels: { ["k".repeat(64)]: "v" } }, `labels.${"k".repeat(64)}`],
    ["name too long", { name: "x".repeat(257) }, "name"],
  ])("%s is rejected by check, before any request", async (_name, change, property) => {
    const inputs = {
      name: "okta",
      providerType: "okta",
      issuer: "https://idp.example.com",
      dcrConfig: { dcrToken: "okta-api-token" },
      ...change,
    };
    const { failures } = await providers.dcrProvider.check!({} as never, inputs as never);
    expect((failures ?? []).map((f) => f.property)).toEqual([property]);
    expect(emulator.requestLog()).toEqual([]);
  });
});

describe("secret hygiene", () => {
  it.each([
    ["plain http to a public host", "http://konnect.example.com"],
    ["credentials in the URL", `https://user:${TEST_TOKEN}@127.0.0.1:1`],
    ["not a URL", "not a url"],
  ])("a refused server URL (%s) sends nothing anywhere and names no token", async (_name, serverUrl) => {
    const seen: string[] = [];
    const trap = http.createServer((req, res) => {
      seen.push(String(req.headers.authorization));
      res.end("{}");
    });
    await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
    try {
      setStackSettings({ token: TEST_TOKEN, serverUrl });
      const error = await providers.dcrProvider.create(azure("refused")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KonnectConfigError);
      scan.addError("refused URL", error);
      expect(seen).toEqual([]);
      expect(emulator.requestLog()).toEqual([]);
      expect((trap.address() as AddressInfo).port).toBeGreaterThan(0);
    } finally {
      trap.close();
    }
  });

  /** The next DCR provider create is answered 400 with this problem body. */
  const rejectCreateWith = (body: Record<string, unknown>) =>
    emulator.injectFault({ method: "POST", path: "/v2/dcr-providers", status: 400, body: { status: 400, ...body } });

  it("an API error whose body echoes the token and a secret keeps them out of every form of the error", async () => {
    rejectCreateWith({
      title: `Invalid Request for ${TEST_TOKEN}`,
      instance: `kong:trace:1:${SECRET}`,
      detail: `secret ${SECRET} rejected`,
      invalid_parameters: [
        {
          field: "dcr_config.initial_client_secret",
          reason: `bad value ${SECRET}`,
          rule: `not_${SECRET}`,
          choices: [SECRET, encodeURIComponent(TEST_TOKEN)],
        },
      ],
    });
    const error = await providers.dcrProvider.create(azure("echo")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KonnectApiError);
    expect((error as Error).message).toBe(
      'create DCR provider "echo": 400 Invalid Request for [secret]: dcrConfig.initialClientSecret: bad value [secret] (one of [secret], [secret]) (trace kong:trace:1:[secret])',
    );
    expect((error as KonnectApiError).invalidParameters[0]).toMatchObject({ rule: "not_[secret]" });
    // Every string the error exposes: message, fields, JSON.stringify, util.inspect and the stack.
    const own = new SecretScan().addError("echo", error);
    own.expectClean([TEST_TOKEN, SECRET]);
  });

  it("a secret with special characters echoed form-encoded or URL-encoded is redacted too", async () => {
    const special = "s3cr3t~Value.With-Special+Chars/=&é";
    rejectCreateWith({
      title: "Invalid Request",
      detail: `body client_secret=${new URLSearchParams({ s: special }).toString().slice(2)} or ${encodeURIComponent(special)}`,
    });
    const input = azure("echo-encoded");
    input.dcrConfig = { ...input.dcrConfig, initialClientSecret: special };
    const error = await providers.dcrProvider.create(input).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'create DCR provider "echo-encoded": 400 Invalid Request: body client_secret=[secret] or [secret]',
    );
    new SecretScan().addError("echo-encoded", error).expectClean([special, TEST_TOKEN]);
  });

  it("serialized providers, and everything this suite saw, hold no token or secret", async () => {
    await scan.addSerializedProviders();
    expect(scan.texts.length).toBeGreaterThan(10);
    const checked = scan.expectClean([TEST_TOKEN, SECRET, "okta-token-value-1"]);
    process.stdout.write(`secret scan: ${scan.texts.length} texts x 3 secrets = ${checked} checks\n`);
  });
});
