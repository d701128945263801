import { startKonnectEmulator } from "../../tools/emulator/emulator";
import { TokenBucket } from "../../tools/emulator/rateLimit";
import { DCR_BODIES, ISO_MS, TOKEN, call, problem, useEmulator } from "../../tools/emulator/testSupport";

const konnect = useEmulator({ options: { rateLimit: null, latencyMs: 0 } });

const DCR = "/v2/dcr-providers";

/** Waits (polling, no timing assertion) until the request log has `count` entries. */
async function logLength(count: number): Promise<void> {
  for (let i = 0; i < 200 && konnect.requestLog().length < count; i++) await new Promise((r) => setTimeout(r, 10));
}

describe("status faults", () => {
  it("answers the status once with a problem and Retry-After seconds, storing nothing", async () => {
    konnect.injectFault({ method: "POST", path: DCR, status: 503, retryAfter: 3 });
    const faulted = await call(konnect, "POST", DCR, DCR_BODIES.okta);
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get("retry-after")).toBe("3");
    expect(faulted.headers.get("content-type")).toBe("application/problem+json");
    expect(faulted.body).toStrictEqual(problem(503, "Service Unavailable", "Service Unavailable"));
    expect(konnect.list("dcr-providers")).toStrictEqual([]);
    expect((await call(konnect, "POST", DCR, DCR_BODIES.okta)).status).toBe(201);
    expect(konnect.requestLog().map((e) => e.status)).toStrictEqual([503, 201]);
    expect(konnect.pendingFaults()).toStrictEqual([]);
  });

  it("sends Retry-After as an HTTP date or verbatim, and a custom body", async () => {
    konnect.injectFault({ path: DCR, status: 429, retryAfter: "http-date" });
    konnect.injectFault({ path: DCR, status: 500, retryAfter: "soon", body: { custom: true } });
    const dated = await call(konnect, "GET", DCR);
    expect(dated.status).toBe(429);
    expect(dated.headers.get("retry-after")).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
    );
    expect(dated.body).toStrictEqual(problem(429, "Too Many Requests", "Too Many Requests"));
    const custom = await call(konnect, "GET", DCR);
    expect(custom.headers.get("retry-after")).toBe("soon");
    expect(custom.body).toStrictEqual({ custom: true });
  });

  it("matches * as one id segment in any region, only for the given method, `times` times", async () => {
    const created = await call(konnect, "POST", "/eu" + DCR, DCR_BODIES.okta);
    konnect.injectFault({ method: "get", path: `${DCR}/*`, status: 502, times: 2 });
    expect((await call(konnect, "GET", "/eu" + DCR)).status).toBe(200);
    expect((await call(konnect, "PATCH", `/eu${DCR}/${created.id}`, { name: "x" })).status).toBe(200);
    expect(konnect.pendingFaults()).toStrictEqual([
      { method: "get", path: `${DCR}/*`, status: 502, times: 2, remaining: 2 },
    ]);
    expect((await call(konnect, "GET", `/eu${DCR}/${created.id}`)).status).toBe(502);
    expect((await call(konnect, "GET", `${DCR}/${created.id}`)).status).toBe(502);
    expect((await call(konnect, "GET", `/eu${DCR}/${created.id}`)).status).toBe(200);
  });

  it("keeps an Infinity fault until clearFaults, and applies faults first injected first", async () => {
    konnect.injectFault({ path: DCR, status: 500, times: Infinity });
    konnect.injectFault({ path: DCR, status: 504 });
    for (let i = 0; i < 3; i++) expect((await call(konnect, "GET", DCR)).status).toBe(500);
    konnect.clearFaults();
    expect((await call(konnect, "GET", DCR)).status).toBe(200);
  });

  it("fires before authentication", async () => {
    konnect.injectFault({ path: DCR, status: 503 });
    expect((await call(konnect, "GET", DCR, undefined, { token: null })).status).toBe(503);
  });

  it.each([
    [{ path: "v2/dcr-providers", status: 500 }, "fault.path must start with /"],
    [
      { path: DCR },
      "a fault needs exactly one of: status, latencyMs, drop, commitThenDrop, hangMs, commitThenHold, commitThenMalformed",
    ],
    [
      { path: DCR, status: 500, drop: true },
      "a fault needs exactly one of: status, latencyMs, drop, commitThenDrop, hangMs, commitThenHold, commitThenMalformed",
    ],
    [{ path: DCR, status: 500, times: 0 }, "fault.times must be a number >= 1 or Infinity"],
    [{ path: DCR, status: "500" }, "fault.status must be an HTTP status code"],
    [{ path: DCR, hangMs: -1 }, "fault.hangMs must be a number of milliseconds"],
    [{ path: DCR, drop: false }, "fault.drop must be true"],
  ])("refuses the malformed fault %j", (fault, message) => {
    expect(() => konnect.injectFault(fault as never)).toThrow(message);
  });
});

describe("connection faults", () => {
  it("latencyMs delays then answers normally", async () => {
    konnect.injectFault({ method: "POST", path: DCR, latencyMs: 30 });
    expect((await call(konnect, "POST", DCR, DCR_BODIES.okta)).status).toBe(201);
    expect(konnect.pendingFaults()).toStrictEqual([]);
    expect(konnect.list("dcr-providers")).toHaveLength(1);
  });

  it("drop destroys the socket without answering and stores nothing (logged as 0)", async () => {
    konnect.injectFault({ method: "POST", path: DCR, drop: true });
    await expect(call(konnect, "POST", DCR, DCR_BODIES.okta)).rejects.toThrow("fetch failed");
    expect(konnect.list("dcr-providers")).toStrictEqual([]);
    expect(konnect.requestLog().map((e) => [e.method, e.path, e.status])).toStrictEqual([["POST", DCR, 0]]);
  });

  it("commitThenDrop stores the object but never answers", async () => {
    konnect.injectFault({ method: "POST", path: DCR, commitThenDrop: true });
    await expect(call(konnect, "POST", DCR, DCR_BODIES.okta)).rejects.toThrow("fetch failed");
    expect(konnect.list("dcr-providers").map((p) => p.name)).toStrictEqual(["okta"]);
    expect(konnect.requestLog().map((e) => e.status)).toStrictEqual([0]);
    const listed = await call(konnect, "GET", DCR);
    expect(listed.body.meta.page.total).toBe(1);
  });

  it("hangMs holds the connection until it closes it unanswered", async () => {
    konnect.injectFault({ path: DCR, hangMs: 50 });
    await expect(call(konnect, "GET", DCR)).rejects.toThrow("fetch failed");
    expect(konnect.requestLog().map((e) => e.status)).toStrictEqual([0]);
  });

  it("hangMs outlasts a client timeout; the log records the abandoned request as 0", async () => {
    konnect.injectFault({ method: "POST", path: DCR, hangMs: 60_000 });
    const request = fetch(konnect.url + DCR, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(DCR_BODIES.okta),
      signal: AbortSignal.timeout(100),
    });
    await expect(request).rejects.toThrow("The operation was aborted due to timeout");
    await logLength(1);
    expect(konnect.requestLog().map((e) => e.status)).toStrictEqual([0]);
    expect(konnect.list("dcr-providers")).toStrictEqual([]);
  });

  it("close() ends hung requests and resolves", async () => {
    const own = await startKonnectEmulator();
    own.injectFault({ path: DCR, hangMs: 60_000 });
    const hung = call(own, "GET", DCR);
    await new Promise((r) => setTimeout(r, 50));
    await own.close();
    await expect(hung).rejects.toThrow("fetch failed");
  });
});

describe("rate limit and latency options", () => {
  it("answers 429 with Retry-After once the bucket is empty", async () => {
    konnect.setOptions({ rateLimit: { requestsPerSecond: 0.001, retryAfterSeconds: 7 } });
    expect((await call(konnect, "GET", DCR)).status).toBe(200);
    const limited = await call(konnect, "GET", DCR);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body).toStrictEqual(problem(429, "Too Many Requests", "API rate limit exceeded"));
    konnect.setOptions({ rateLimit: null });
    expect((await call(konnect, "GET", DCR)).status).toBe(200);
    expect(konnect.requestLog().map((e) => e.status)).toStrictEqual([200, 429, 200]);
  });

  it("TokenBucket holds requestsPerSecond tokens and refills continuously", () => {
    const bucket = new TokenBucket({ requestsPerSecond: 2, retryAfterSeconds: 1 }, 0);
    expect([bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0)]).toStrictEqual([true, true, false]);
    expect(bucket.tryTake(400)).toBe(false);
    expect(bucket.tryTake(500)).toBe(true);
    expect([bucket.tryTake(10_000), bucket.tryTake(10_000), bucket.tryTake(10_000)]).toStrictEqual([true, true, false]);
  });

  it("latencyMs still answers every request normally", async () => {
    konnect.setOptions({ latencyMs: 5 });
    expect((await call(konnect, "POST", DCR, DCR_BODIES.okta)).status).toBe(201);
    expect((await call(konnect, "GET", DCR)).status).toBe(200);
  });
});

describe("request log", () => {
  it("records method, path with query, region, status, duration and time, never bodies or headers", async () => {
    const created = await call(konnect, "POST", "/au" + DCR, DCR_BODIES.azureAd);
    await call(konnect, "GET", `${DCR}?filter[name]=azure&page[size]=5`);
    await call(konnect, "GET", DCR, undefined, { token: null });
    await fetch(`${konnect.url}/_emulator/requests`);
    const log = konnect.requestLog();
    expect(log).toStrictEqual([
      {
        method: "POST",
        path: "/au/v2/dcr-providers",
        region: "au",
        status: 201,
        durationMs: expect.any(Number),
        time: ISO_MS,
      },
      {
        method: "GET",
        path: "/v2/dcr-providers?filter[name]=azure&page[size]=5",
        region: "us",
        status: 200,
        durationMs: expect.any(Number),
        time: ISO_MS,
      },
      { method: "GET", path: DCR, region: "us", status: 401, durationMs: expect.any(Number), time: ISO_MS },
    ]);
    const text = JSON.stringify(log);
    for (const secret of ["secret-a", "client-a", TOKEN, created.id]) expect(text).not.toContain(secret);
    konnect.clearRequestLog();
    expect(konnect.requestLog()).toStrictEqual([]);
  });
});

describe("faults that act after the request was applied", () => {
  /** Polls (no timing assertion) until the emulator stores `count` DCR providers. */
  async function stored(count: number): Promise<void> {
    for (let i = 0; i < 500 && konnect.list("dcr-providers").length < count; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it("commitThenHold stores the object and holds the answer until the client goes away (logged as 0)", async () => {
    konnect.injectFault({ method: "POST", path: DCR, commitThenHold: true });
    const controller = new AbortController();
    let settled = false;
    const request = fetch(konnect.url + DCR, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(DCR_BODIES.okta),
      signal: controller.signal,
    }).finally(() => {
      settled = true;
    });
    await stored(1);
    expect(konnect.list("dcr-providers").map((p) => p.name)).toStrictEqual(["okta"]);
    // Stored, yet unanswered: another request is served meanwhile and the held one is still open.
    expect((await call(konnect, "GET", DCR)).body.meta.page.total).toBe(1);
    expect(settled).toBe(false);
    expect(konnect.requestLog().map((e) => [e.method, e.status])).toStrictEqual([["GET", 200]]);
    controller.abort();
    await expect(request).rejects.toThrow("This operation was aborted");
    await logLength(2);
    expect(konnect.requestLog().map((e) => [e.method, e.status])).toStrictEqual([
      ["GET", 200],
      ["POST", 0],
    ]);
    expect(konnect.list("dcr-providers")).toHaveLength(1);
  });

  it("commitThenHold: close() ends a held request and resolves", async () => {
    const own = await startKonnectEmulator();
    own.injectFault({ method: "POST", path: DCR, commitThenHold: true });
    const request = call(own, "POST", DCR, DCR_BODIES.okta);
    for (let i = 0; i < 500 && own.list("dcr-providers").length < 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(own.list("dcr-providers")).toHaveLength(1);
    await own.close();
    await expect(request).rejects.toThrow("fetch failed");
  });

  it("commitThenMalformed with raw text stores the object and answers 201 with an HTML page", async () => {
    konnect.injectFault({
      method: "POST",
      path: DCR,
      commitThenMalformed: { raw: "<html><body>Bad gateway</body></html>" },
    });
    const response = await fetch(konnect.url + DCR, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify(DCR_BODIES.okta),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(await response.text()).toBe("<html><body>Bad gateway</body></html>");
    expect(konnect.list("dcr-providers").map((p) => p.name)).toStrictEqual(["okta"]);
    expect(konnect.requestLog().map((e) => e.status)).toStrictEqual([201]);
  });

  it("commitThenMalformed with set/omit answers the real JSON with fields overridden and removed", async () => {
    konnect.injectFault({
      method: "POST",
      path: DCR,
      commitThenMalformed: { set: { display_name: null }, omit: ["id", "provider_type"] },
    });
    const answered = await call(konnect, "POST", DCR, DCR_BODIES.okta);
    expect(answered.status).toBe(201);
    const stored = konnect.list("dcr-providers");
    expect(stored).toHaveLength(1);
    const body = answered.body as Record<string, unknown>;
    expect(body.display_name).toBeNull();
    expect("id" in body).toBe(false);
    expect("provider_type" in body).toBe(false);
    expect(body.name).toBe("okta");
    // The stored object is untouched: only the answer was mangled.
    const read = await call(konnect, "GET", `${DCR}/${stored[0]!.id}`);
    expect(read.body.provider_type).toBe("okta");
  });

  it("acts on updates too: a PATCH is applied and its answer held", async () => {
    const created = await call(konnect, "POST", DCR, DCR_BODIES.okta);
    konnect.injectFault({
      method: "PATCH",
      path: `${DCR}/*`,
      commitThenMalformed: { raw: "oops", contentType: "text/plain" },
    });
    const response = await fetch(`${konnect.url}${DCR}/${created.id}`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "renamed" }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("oops");
    expect(konnect.list("dcr-providers").map((p) => p.name)).toStrictEqual(["renamed"]);
  });

  it.each([
    [{ path: DCR, commitThenHold: false }, "fault.commitThenHold must be true"],
    [
      { path: DCR, commitThenMalformed: "html" },
      "fault.commitThenMalformed must be {raw, contentType?} or {set?, omit?}",
    ],
    [
      { path: DCR, commitThenMalformed: { raw: 1 } },
      "fault.commitThenMalformed must be {raw, contentType?} or {set?, omit?}",
    ],
    [
      { path: DCR, commitThenMalformed: { raw: "x", set: {} } },
      "fault.commitThenMalformed must be {raw, contentType?} or {set?, omit?}",
    ],
    [
      { path: DCR, commitThenMalformed: { omit: "id" } },
      "fault.commitThenMalformed must be {raw, contentType?} or {set?, omit?}",
    ],
    [
      { path: DCR, commitThenMalformed: { set: [] } },
      "fault.commitThenMalformed must be {raw, contentType?} or {set?, omit?}",
    ],
  ])("refuses the malformed fault %j", (fault, message) => {
    expect(() => konnect.injectFault(fault as never)).toThrow(message);
  });
});
