/**
 * Every error class and retry rule of the client against the emulator's faults: messages a user can act on,
 * counted attempts, POST never repeated blindly, and no token or secret in any message.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import {
  KonnectApiError,
  KonnectConfigError,
  KonnectError,
  KonnectNetworkError,
  KonnectRequestError,
  KonnectResponseError,
  createDcrProvider,
  createTransport,
  deleteDcrProvider,
  describeReasons,
  getDcrProvider,
  isConflict,
  isNotFound,
  isOutcomeUnknown,
  isRejected,
  listDcrProviders,
  resolveConnection,
  updateDcrProvider,
  type CreateDcrProviderRequest,
} from "../../provider/konnect";
import { TOKEN, useClientTestbed } from "./support";
import { startTrickleServer, type TrickleServer } from "./trickle";
import { TENANT } from "../support/validInputs";

const SECRET = "super-secret-client-value";
const azure: CreateDcrProviderRequest = {
  name: "azure",
  providerType: "azureAd",
  issuer: `https://sts.windows.net/${TENANT}`,
  dcrConfig: { initialClientId: "cid", initialClientSecret: SECRET },
};
const MISSING = "11111111-2222-4333-8444-555555555555";

const bed = useClientTestbed();

const statuses = () => bed.emulator.requestLog().map((e) => `${e.method} ${e.status}`);
const messageOf = async (promise: Promise<unknown>) => ((await promise.catch((e: unknown) => e)) as Error).message;

describe("error classes", () => {
  it("400 names each invalid parameter", async () => {
    const error = await createDcrProvider(bed.transport, azure).then(() =>
      // the emulator rejects an unknown DCR provider reference
      updateDcrProvider(bed.transport, MISSING, "azureAd", { name: "x" }).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(KonnectApiError);
    const bad = (await bed.transport
      .send({
        operation: 'create auth strategy "s"',
        method: "POST",
        path: "/v2/application-auth-strategies",
        body: {
          name: "s",
          display_name: "s",
          strategy_type: "openid_connect",
          configs: { "openid-connect": { issuer: "https://x", credential_claim: ["a"], scopes: [], auth_methods: [] } },
          dcr_provider_id: MISSING,
        },
      })
      .catch((e: unknown) => e)) as KonnectApiError;
    expect(bad).toBeInstanceOf(KonnectApiError);
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(
      /^create auth strategy "s": 400 Invalid Request: dcr_provider_id: .+ \(trace kong:trace:\d+\)$/,
    );
    expect(bad.invalidParameters[0]).toMatchObject({ field: "dcr_provider_id" });
  });

  it("401 for a bad token and 403 for a read-only one, without the token in the message", async () => {
    const badToken = bed.transportWith({ token: "kpat_short" });
    const unauthorized = (await getDcrProvider(badToken, MISSING).catch((e: unknown) => e)) as KonnectApiError;
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.message).toMatch(/^read DCR provider 11111111-2222-4333-8444-555555555555: 401 Unauthorized/);
    expect(unauthorized.message).not.toContain("kpat_short");

    const readOnly = "kpat_ReadOnlyToken0123456789abcdefghijk";
    bed.emulator.setOptions({ readOnlyTokens: [readOnly] });
    const forbidden = (await createDcrProvider(bed.transportWith({ token: readOnly }), azure).catch(
      (e: unknown) => e,
    )) as KonnectApiError;
    expect(forbidden.status).toBe(403);
    expect(forbidden.message).toMatch(/^create DCR provider "azure": 403 Forbidden/);
    expect(forbidden.message).not.toContain(readOnly);
    expect(forbidden.message).not.toContain(SECRET);
    bed.emulator.setOptions({ readOnlyTokens: [] });
  });

  it("404 and 409 are typed", async () => {
    const notFound = (await getDcrProvider(bed.transport, MISSING).catch((e: unknown) => e)) as KonnectApiError;
    expect([notFound.status, notFound.isNotFound]).toEqual([404, true]);
    const dcr = await createDcrProvider(bed.transport, azure);
    bed.emulator.seedAuthStrategy({
      name: "s",
      display_name: "s",
      strategy_type: "openid_connect",
      configs: { "openid-connect": { issuer: "https://x", credential_claim: ["a"], scopes: [], auth_methods: [] } },
      dcr_provider_id: dcr.id,
    });
    const conflict = (await deleteDcrProvider(bed.transport, dcr.id).catch((e: unknown) => e)) as KonnectApiError;
    expect([conflict.status, conflict.isConflict]).toEqual([409, true]);
    // The shared helpers the resource layer uses classify the same way, and nothing else as 404/409.
    expect([isNotFound(notFound), isConflict(notFound), isNotFound(conflict), isConflict(conflict)]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    for (const other of [
      new Error("404"),
      { status: 404 },
      undefined,
      new KonnectNetworkError("x", "ECONNRESET", ""),
    ]) {
      expect([isNotFound(other), isConflict(other)]).toEqual([false, false]);
    }
  });

  it("describes /verify failure reasons redacted, cut and counted, for the resource layer's messages", () => {
    const secret = "azure~client/secret+value";
    expect(describeReasons([], [secret])).toBe("no reason given");
    expect(
      describeReasons(
        [
          `invalid_client: secret ${secret}`,
          `form client_secret=${new URLSearchParams({ s: secret }).toString().slice(2)}`,
        ],
        [secret, undefined],
      ),
    ).toBe("invalid_client: secret [secret]; form client_secret=[secret]");
    const many = describeReasons(
      Array.from({ length: 12 }, () => "r".repeat(600)),
      [secret],
    );
    expect(many).toBe(
      [
        ...Array.from({ length: 10 }, () => `${"r".repeat(500)}… (100 more characters not shown)`),
        "2 more not shown",
      ].join("; "),
    );
  });

  it("every client error shares one base class", () => {
    const errors = [
      new KonnectApiError("op", 400, "t", undefined, undefined),
      new KonnectNetworkError("op", "ECONNRESET", "reset"),
      new KonnectResponseError("op", ["id: missing"]),
      new KonnectRequestError("op", ["name: required"]),
      new KonnectConfigError("bad"),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(KonnectError);
      expect(error).toBeInstanceOf(Error);
    }
    expect(errors.map((e) => e.name)).toEqual([
      "KonnectApiError",
      "KonnectNetworkError",
      "KonnectResponseError",
      "KonnectRequestError",
      "KonnectConfigError",
    ]);
  });

  it.each([
    ["a reset connection", true, () => new KonnectNetworkError("op", "ECONNRESET", "")],
    ["a timeout", true, () => new KonnectNetworkError("op", "ETIMEDOUT", "")],
    ["an answer too large to read", true, () => new KonnectNetworkError("op", "ERR_RESPONSE_TOO_LARGE", "")],
    ["a refused connection (never sent)", false, () => new KonnectNetworkError("op", "ECONNREFUSED", "")],
    ["an unknown host (never sent)", false, () => new KonnectNetworkError("op", "ENOTFOUND", "")],
    ["a DNS failure (never sent)", false, () => new KonnectNetworkError("op", "EAI_AGAIN", "")],
    ["a 503", true, () => new KonnectApiError("op", 503, "t", undefined, undefined)],
    ["a 500", true, () => new KonnectApiError("op", 500, "t", undefined, undefined)],
    ["a 429 (rejected before processing)", false, () => new KonnectApiError("op", 429, "t", undefined, undefined)],
    ["a 400", false, () => new KonnectApiError("op", 400, "t", undefined, undefined)],
    ["a plain error", false, () => new Error("x")],
  ])("after %s, the outcome of a request is unknown: %s", (_name, unknown, error) => {
    expect(isOutcomeUnknown(error())).toBe(unknown);
  });

  it.each([
    ["a 400", true, () => new KonnectApiError("op", 400, "t", undefined, undefined)],
    ["a 401", true, () => new KonnectApiError("op", 401, "t", undefined, undefined)],
    ["a 404", true, () => new KonnectApiError("op", 404, "t", undefined, undefined)],
    ["a 429 (throttled: retried)", false, () => new KonnectApiError("op", 429, "t", undefined, undefined)],
    ["a 500", false, () => new KonnectApiError("op", 500, "t", undefined, undefined)],
    ["a 302", false, () => new KonnectApiError("op", 302, "t", undefined, undefined)],
    ["a reset connection", false, () => new KonnectNetworkError("op", "ECONNRESET", "")],
    ["a plain error", false, () => new Error("x")],
  ])("%s is a rejection that asking again would not change: %s", (_name, rejected, error) => {
    expect(isRejected(error())).toBe(rejected);
  });

  it("redacts every string the error exposes, in every echoed form, and caps their length", () => {
    const secret = "s3cr3t value/with+chars&=é";
    const forms = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ];
    const error = new KonnectApiError(
      `create DCR provider "${forms[1]!}"`,
      400,
      `Invalid ${TOKEN}`,
      `detail ${forms[2]!}`,
      `kong:trace:${forms[3]!}`,
      [
        {
          field: `dcr_config.${secret}`,
          reason: `bad ${forms[1]!.toLowerCase()}`,
          rule: `rule-${secret}`,
          choices: [forms[2], 7],
        },
      ],
      [TOKEN, secret],
    );
    const texts = [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), error.stack ?? ""];
    for (const text of texts) {
      for (const form of [...forms, forms[1]!.toLowerCase(), TOKEN]) expect(text).not.toContain(form);
    }
    expect(error.instance).toBe("kong:trace:[secret]");
    expect(error.invalidParameters).toEqual([
      { field: "dcr_config.[secret]", reason: "bad [secret]", rule: "rule-[secret]", choices: ["[secret]", 7] },
    ]);

    const long = new KonnectApiError(
      "op",
      400,
      "t".repeat(5000),
      "d".repeat(5_000_000),
      "i".repeat(5000),
      Array.from({ length: 40 }, (_, i) => ({
        field: `f${i}`,
        reason: "r".repeat(5000),
        choices: Array.from({ length: 40 }, () => "c".repeat(5000)),
      })),
    );
    expect(long.message.length).toBeLessThanOrEqual(4100);
    expect(long.message).toMatch(/more characters not shown\)$/);
    expect(JSON.stringify(long).length).toBeLessThan(100_000);
    expect(long.detail).toHaveLength(500 + "… (4999500 more characters not shown)".length);
    expect(long.invalidParameters).toHaveLength(11);
    expect(long.invalidParameters[10]).toEqual({ field: "…", reason: "30 more invalid parameters not shown" });
    expect(long.invalidParameters[0]!.choices).toHaveLength(11);
  });

  it("rejects a bad request before sending, naming the field and never the value", async () => {
    const error = (await createDcrProvider(bed.transport, {
      ...azure,
      dcrConfig: { initialClientId: "cid" },
    }).catch((e: unknown) => e)) as KonnectRequestError;
    expect(error).toBeInstanceOf(KonnectRequestError);
    expect(error.message).toBe(
      'create DCR provider "azure": invalid request: dcrConfig.initialClientSecret: must be a string',
    );
    await expect(getDcrProvider(bed.transport, "../../etc")).rejects.toThrow(
      'read DCR provider ../../etc: invalid request: id: must be a UUID, got "../../etc"',
    );
    expect(bed.emulator.requestLog()).toEqual([]);
  });

  it("a 2xx body of the wrong shape is a response error without values", async () => {
    bed.emulator.injectFault({
      method: "GET",
      path: "/v2/dcr-providers/*",
      status: 200,
      body: { id: MISSING, name: 5 },
    });
    const error = (await getDcrProvider(bed.transport, MISSING).catch((e: unknown) => e)) as KonnectResponseError;
    expect(error).toBeInstanceOf(KonnectResponseError);
    expect(error.message).toMatch(
      /^read DCR provider 11111111-2222-4333-8444-555555555555: unexpected response from Konnect: name: /,
    );
  });

  it("a redirect is not followed, so the token never reaches another host", async () => {
    const seen: (string | undefined)[] = [];
    const elsewhere = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end("{}");
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    const redirecting = http.createServer((_req, res) => {
      res.writeHead(302, { Location: `${target}/v2/dcr-providers` });
      res.end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
    try {
      const transport = createTransport(
        resolveConnection({
          stack: { token: TOKEN, serverUrl: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}` },
        }),
      );
      const error = (await listDcrProviders(transport).catch((e: unknown) => e)) as KonnectApiError;
      expect(error.message).toMatch(
        /^list DCR providers: 302 Unexpected redirect: Konnect answered with a redirect, which is not followed/,
      );
      expect(seen).toEqual([]);
    } finally {
      redirecting.close();
      elsewhere.close();
    }
  });
});

describe("retries", () => {
  it.each([
    ["429 with Retry-After in seconds", { status: 429, retryAfter: 0 }],
    ["429 with an HTTP date", { status: 429, retryAfter: "http-date" }],
    ["429 without Retry-After", { status: 429 }],
    ["500", { status: 500 }],
    ["502", { status: 502 }],
    ["503", { status: 503 }],
    ["504", { status: 504 }],
    ["a dropped connection", { drop: true as const }],
  ])("GET is retried after %s", async (_name, action) => {
    const dcr = await createDcrProvider(bed.transport, azure);
    bed.emulator.clearRequestLog();
    bed.emulator.injectFault({ method: "GET", path: "/v2/dcr-providers/*", times: 2, ...action });
    expect((await getDcrProvider(bed.transport, dcr.id)).id).toBe(dcr.id);
    expect(bed.emulator.requestLog()).toHaveLength(3);
    expect(bed.logs).toHaveLength(2);
    expect(bed.logs[0]).toMatch(
      /^retrying GET \/v2\/dcr-providers\/[0-9a-f-]{36} after (HTTP \d{3}|ECONNRESET|[A-Z_]+) \(retry 1, waiting \d+\.\d s\)$/,
    );
  });

  it("PATCH and DELETE are retried on 503", async () => {
    const dcr = await createDcrProvider(bed.transport, azure);
    bed.emulator.clearRequestLog();
    bed.emulator.injectFault({ method: "PATCH", path: "/v2/dcr-providers/*", status: 503 });
    bed.emulator.injectFault({ method: "DELETE", path: "/v2/dcr-providers/*", status: 503 });
    await updateDcrProvider(bed.transport, dcr.id, "azureAd", { name: "n" });
    await deleteDcrProvider(bed.transport, dcr.id);
    expect(statuses()).toEqual(["PATCH 503", "PATCH 200", "DELETE 503", "DELETE 204"]);
  });

  it("POST is retried after 429 (not processed) but not after 503 or a dropped connection", async () => {
    bed.emulator.injectFault({ method: "POST", path: "/v2/dcr-providers", status: 429, retryAfter: 0 });
    await createDcrProvider(bed.transport, azure);
    expect(statuses()).toEqual(["POST 429", "POST 201"]);

    bed.emulator.clearRequestLog();
    bed.emulator.injectFault({ method: "POST", path: "/v2/dcr-providers", status: 503 });
    const error = (await createDcrProvider(bed.transport, azure).catch((e: unknown) => e)) as KonnectApiError;
    expect(error.message).toMatch(/^create DCR provider "azure": 503 /);
    expect(statuses()).toEqual(["POST 503"]);

    bed.emulator.clearRequestLog();
    bed.emulator.injectFault({ method: "POST", path: "/v2/dcr-providers", commitThenDrop: true });
    const dropped = (await createDcrProvider(bed.transport, azure).catch((e: unknown) => e)) as KonnectNetworkError;
    expect(dropped).toBeInstanceOf(KonnectNetworkError);
    expect(dropped.message).toContain("Konnect may or may not have applied the request");
    expect(statuses()).toEqual(["POST 0"]);
    expect(dropped.message).not.toContain(SECRET);
  });

  it("a response slower than the timeout is a timeout error, retried for GET", async () => {
    // 1 s, not less: an ordinary answer on a loaded CI machine must not be a timeout too.
    const transport = bed.transportWith({ requestTimeoutSeconds: 1, retryBudgetSeconds: 10 });
    const dcr = await createDcrProvider(bed.transport, azure);
    bed.emulator.clearRequestLog();
    bed.emulator.injectFault({ method: "GET", path: "/v2/dcr-providers/*", hangMs: 3000 });
    expect((await getDcrProvider(transport, dcr.id)).id).toBe(dcr.id);
    expect(statuses()).toEqual(["GET 0", "GET 200"]);

    bed.emulator.injectFault({ method: "GET", path: "/v2/dcr-providers/*", hangMs: 1000, times: Infinity });
    const fast = bed.transportWith({ requestTimeoutSeconds: 0.1, retryBudgetSeconds: 0.3 });
    const error = (await getDcrProvider(fast, dcr.id).catch((e: unknown) => e)) as KonnectNetworkError;
    expect(error).toBeInstanceOf(KonnectNetworkError);
    expect(error.isTimeout).toBe(true);
    expect(error.message).toMatch(
      /gave up after \d+ attempts\): no complete answer from http:\/\/127\.0\.0\.1:\d+ (within 0\.1 s \(requestTimeoutSeconds\)|before the call's time limit of 0\.3 s \(retryBudgetSeconds\) ran out); Konnect may or may not have applied the request \(ETIMEDOUT\)$/,
    );
    bed.emulator.clearFaults();
  });

  it("a burst of 429s longer than the budget fails with a clear message", async () => {
    bed.emulator.injectFault({ method: "GET", path: "/v2/dcr-providers", status: 429, retryAfter: 1, times: Infinity });
    const transport = bed.transportWith({ retryBudgetSeconds: 1.5 });
    const error = (await listDcrProviders(transport).catch((e: unknown) => e)) as KonnectApiError;
    expect(error.message).toMatch(/^list DCR providers \(gave up after 2 attempts\): 429 /);
    expect(bed.emulator.requestLog().filter((e) => e.path === "/v2/dcr-providers")).toHaveLength(2);
    bed.emulator.clearFaults();
  });

  it("an answer larger than 1 MiB is not read nor retried; a long detail is cut in the message", async () => {
    const dcr = await createDcrProvider(bed.transport, azure);
    bed.emulator.clearRequestLog();
    bed.emulator.injectFault({
      method: "GET",
      path: "/v2/dcr-providers/*",
      status: 400,
      body: { status: 400, title: "Bad", detail: "x".repeat(5_000_000) },
    });
    const huge = (await getDcrProvider(bed.transport, dcr.id).catch((e: unknown) => e)) as KonnectNetworkError;
    expect(huge).toBeInstanceOf(KonnectNetworkError);
    expect(huge.message).toBe(
      `read DCR provider ${dcr.id}: the answer from ${bed.emulator.url} was larger than 1 MiB and was not read; Konnect may or may not have applied the request (ERR_RESPONSE_TOO_LARGE)`,
    );
    expect(statuses()).toEqual(["GET 400"]);

    bed.emulator.injectFault({
      method: "GET",
      path: "/v2/dcr-providers/*",
      status: 400,
      body: { status: 400, title: "Bad", detail: "y".repeat(900_000), instance: "kong:trace:1" },
    });
    const long = (await getDcrProvider(bed.transport, dcr.id).catch((e: unknown) => e)) as KonnectApiError;
    expect(long).toBeInstanceOf(KonnectApiError);
    expect(long.message).toBe(
      `read DCR provider ${dcr.id}: 400 Bad: ${"y".repeat(500)}… (899500 more characters not shown) (trace kong:trace:1)`,
    );
  });

  it("no message or log line carries the token or a secret", async () => {
    const texts: string[] = [...bed.logs];
    bed.emulator.injectFault({ method: "POST", path: "/v2/dcr-providers", status: 400 });
    texts.push(await messageOf(createDcrProvider(bed.transport, azure)));
    bed.emulator.injectFault({ method: "POST", path: "/v2/dcr-providers", drop: true });
    texts.push(await messageOf(createDcrProvider(bed.transport, azure)));
    for (const text of texts) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SECRET);
    }
  });
});

describe("hard time limits", () => {
  let trickle: TrickleServer;
  beforeAll(async () => {
    trickle = await startTrickleServer({ intervalMs: 500 });
  });
  afterAll(() => trickle.close());
  beforeEach(() => {
    trickle.requests.length = 0;
  });

  const trickling = (requestTimeoutSeconds: number, retryBudgetSeconds: number) =>
    createTransport(
      resolveConnection({ stack: { token: TOKEN, serverUrl: trickle.url, requestTimeoutSeconds, retryBudgetSeconds } }),
      { backoff: { initialDelayMs: 10, maxDelayMs: 40 } },
    );
  /** Waits until the server saw every client hang up (the client closed its sockets, not just gave up). */
  const allHungUp = async () => {
    for (let i = 0; i < 100 && trickle.openAnswers() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    return trickle.openAnswers();
  };

  it("an answer trickling a byte every 500 ms ends at requestTimeoutSeconds, naming the setting", async () => {
    const started = Date.now();
    const error = (await createDcrProvider(trickling(2, 30), azure).catch((e: unknown) => e)) as KonnectNetworkError;
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(KonnectNetworkError);
    expect([error.code, error.isTimeout]).toEqual(["ETIMEDOUT", true]);
    expect(error.message).toBe(
      `create DCR provider "azure": no complete answer from ${trickle.url} within 2 s (requestTimeoutSeconds); Konnect may or may not have applied the request (ETIMEDOUT)`,
    );
    // A hard limit: not before 2 s, and not the endless wait of an idle-socket timeout (generous for a loaded machine).
    expect(elapsed).toBeGreaterThanOrEqual(1950);
    expect(elapsed).toBeLessThan(10_000);
    expect(trickle.requests).toEqual(["POST /v2/dcr-providers"]);
    expect(await allHungUp()).toBe(0);
  });

  it("retries of a trickling GET end at retryBudgetSeconds, naming the setting", async () => {
    const started = Date.now();
    const error = (await listDcrProviders(trickling(1, 1.5)).catch((e: unknown) => e)) as KonnectNetworkError;
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(KonnectNetworkError);
    expect(error.message).toMatch(
      /^list DCR providers \(gave up after [2-9] attempts\): no complete answer from http:\/\/127\.0\.0\.1:\d+ before the call's time limit of 1\.5 s \(retryBudgetSeconds\) ran out; Konnect may or may not have applied the request \(ETIMEDOUT\)$/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(1450);
    expect(elapsed).toBeLessThan(10_000);
    expect(trickle.requests.length).toBeGreaterThanOrEqual(2);
    expect(await allHungUp()).toBe(0);
  });
});
