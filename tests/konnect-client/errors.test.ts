/**
 * Every error class and retry rule of the client against the emulator's faults: messages a user can act on,
 * counted attempts, POST never repeated blindly, and no token or secret in any message.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  KonnectApiError,
  KonnectNetworkError,
  KonnectRequestError,
  KonnectResponseError,
  createDcrProvider,
  createTransport,
  deleteDcrProvider,
  getDcrProvider,
  listDcrProviders,
  resolveConnection,
  updateDcrProvider,
  type CreateDcrProviderRequest,
} from "../../provider/konnect";
import { TOKEN, startClientTestbed, type ClientTestbed } from "./support";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const SECRET = "super-secret-client-value";
const azure: CreateDcrProviderRequest = {
  name: "azure",
  providerType: "azureAd",
  issuer: `https://sts.windows.net/${TENANT}`,
  dcrConfig: { initialClientId: "cid", initialClientSecret: SECRET },
};
const MISSING = "11111111-2222-4333-8444-555555555555";

let bed: ClientTestbed;
beforeAll(async () => {
  bed = await startClientTestbed();
});
afterAll(() => bed.emulator.close());
beforeEach(() => {
  bed.emulator.reset();
  bed.logs.length = 0;
});

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
    const transport = bed.transportWith({ requestTimeoutSeconds: 0.2, retryBudgetSeconds: 5 });
    const dcr = await createDcrProvider(transport, azure);
    bed.emulator.clearRequestLog();
    bed.emulator.injectFault({ method: "GET", path: "/v2/dcr-providers/*", hangMs: 1000 });
    expect((await getDcrProvider(transport, dcr.id)).id).toBe(dcr.id);
    expect(statuses()).toEqual(["GET 0", "GET 200"]);

    bed.emulator.injectFault({ method: "GET", path: "/v2/dcr-providers/*", hangMs: 1000, times: Infinity });
    const fast = bed.transportWith({ requestTimeoutSeconds: 0.1, retryBudgetSeconds: 0.3 });
    const error = (await getDcrProvider(fast, dcr.id).catch((e: unknown) => e)) as KonnectNetworkError;
    expect(error).toBeInstanceOf(KonnectNetworkError);
    expect(error.isTimeout).toBe(true);
    expect(error.message).toMatch(
      /gave up after \d+ attempts\): no answer from http:\/\/127\.0\.0\.1:\d+ within 0\.1 s/,
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
