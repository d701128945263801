import { type KonnectEmulator, startKonnectEmulator } from "./emulator";
import { DCR_BODIES, ISO_MS, KEY_AUTH_BODY, TRACE, call, oidcBody } from "./testSupport";

let konnect: KonnectEmulator;

beforeAll(async () => {
  konnect = await startKonnectEmulator();
});
afterAll(async () => {
  await konnect.close();
});
beforeEach(() => {
  konnect.reset();
  konnect.setOptions({ latencyMs: 0 });
});

/** Calls the control API (no token). */
function control(method: string, path: string, body?: unknown) {
  return call(konnect, method, `/_emulator${path}`, body, { token: null });
}

describe("in-process control", () => {
  it("seeds a DCR provider with a fixed id and keeps its secrets out of responses", async () => {
    const id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    const seeded = konnect.seedDcrProvider(DCR_BODIES.azureAd, { id });
    expect(seeded).toStrictEqual({
      id,
      region: "us",
      name: "azure",
      display_name: "Azure",
      provider_type: "azureAd",
      issuer: "https://sts.windows.net/tenant",
      labels: {},
      dcr_config: { initial_client_id: "client-a", initial_client_secret: "secret-a" },
      created_at: ISO_MS,
      updated_at: ISO_MS,
    });
    expect(konnect.storedSecrets(id)).toStrictEqual({ initial_client_secret: "secret-a" });
    expect(konnect.storedSecrets("00000000-0000-4000-8000-000000000000")).toBeUndefined();
    expect((await call(konnect, "GET", `/v2/dcr-providers/${id}`)).body.dcr_config).toStrictEqual({
      initial_client_id: "client-a",
    });
  });

  it("refuses an invalid seed with the API's problem", () => {
    expect(() => konnect.seedDcrProvider({ name: "x" })).toThrow("Invalid Parameters");
    expect(() => konnect.seedAuthStrategy(oidcBody("00000000-0000-4000-8000-000000000000"))).toThrow(
      "Invalid Parameters",
    );
  });

  it("get and list return copies that cannot change the store", () => {
    const seeded = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const copy = konnect.get("application-auth-strategies", seeded.id)!;
    copy.name = "changed";
    expect(konnect.get("application-auth-strategies", seeded.id)!.name).toBe("key auth");
    expect(konnect.get("dcr-providers", seeded.id)).toBeUndefined();
    expect(konnect.list("application-auth-strategies", "eu")).toStrictEqual([]);
  });

  it("updateStored edits out of band, bumps updated_at and keeps links consistent", async () => {
    const provider = konnect.seedDcrProvider(DCR_BODIES.okta);
    const strategy = konnect.seedAuthStrategy(oidcBody());
    const edited = konnect.updateStored("application-auth-strategies", strategy.id, {
      display_name: "Edited in the UI",
      dcr_provider_id: provider.id,
    });
    expect(edited.updated_at > strategy.updated_at).toBe(true);
    const read = await call(konnect, "GET", `/v2/application-auth-strategies/${strategy.id}`);
    expect(read.body.display_name).toBe("Edited in the UI");
    expect(read.body.dcr_provider).toStrictEqual({ id: provider.id, name: "okta", provider_type: "okta" });
    expect((await call(konnect, "GET", `/v2/dcr-providers/${provider.id}`)).body.active).toBe(true);
    const fixedTime = "2020-01-01T00:00:00.000Z";
    expect(konnect.updateStored("dcr-providers", provider.id, { updated_at: fixedTime }).updated_at).toBe(fixedTime);
    expect(() => konnect.updateStored("dcr-providers", provider.id, { region: "eu" })).toThrow(
      "updateStored cannot change id or region",
    );
    expect(() => konnect.updateStored("dcr-providers", strategy.id, {})).toThrow("not found");
  });

  it("setOptions refuses unknown and start-only options; start refuses unknown ones", async () => {
    expect(() => konnect.setOptions({ port: 1 })).toThrow("option port can only be set at start");
    expect(() => konnect.setOptions({ nope: true } as never)).toThrow("unknown emulator option: nope");
    await expect(startKonnectEmulator({ nope: true } as never)).rejects.toThrow("unknown emulator option: nope");
    konnect.setOptions({ latencyMs: undefined });
    expect(konnect.options().latencyMs).toBe(0);
  });

  it("markStrategyInUse throws for an unknown id", () => {
    expect(() => konnect.markStrategyInUse("00000000-0000-4000-8000-000000000000")).toThrow("not found");
  });

  it("reset forgets objects, log and faults but keeps options", async () => {
    konnect.setOptions({ latencyMs: 1 });
    konnect.seedDcrProvider(DCR_BODIES.okta);
    konnect.injectFault({ path: "/v2/dcr-providers", status: 500 });
    await call(konnect, "GET", "/v2/application-auth-strategies");
    konnect.reset();
    expect([konnect.list("dcr-providers"), konnect.requestLog(), konnect.pendingFaults()]).toStrictEqual([[], [], []]);
    expect(konnect.options().latencyMs).toBe(1);
  });

  it("exposes url, port and regionUrl", () => {
    expect(konnect.url).toBe(`http://127.0.0.1:${konnect.port}`);
    expect(konnect.regionUrl("eu")).toBe(`${konnect.url}/eu`);
  });
});

describe("HTTP control API", () => {
  it("health, seed, objects, secrets, in-use and reset work without a token and are not logged", async () => {
    expect(await control("GET", "/health")).toMatchObject({ status: 200, body: { ok: true } });
    const provider = await control("POST", "/seed/dcr-providers?region=eu", DCR_BODIES.http);
    expect(provider.status).toBe(201);
    expect(provider.body.region).toBe("eu");
    const id = "12345678-1234-4234-8234-123456789012";
    const strategy = await control(
      "POST",
      `/seed/application-auth-strategies?region=eu&id=${id}`,
      oidcBody(provider.id),
    );
    expect(strategy.body.id).toBe(id);

    expect((await control("GET", `/secrets/${provider.id}`)).body).toStrictEqual({ api_key: "gYmrbDfu_7PTsZWH" });
    expect((await control("GET", "/objects/dcr-providers?region=eu")).body).toHaveLength(1);
    expect((await control("GET", "/objects/dcr-providers?region=us")).body).toStrictEqual([]);
    expect((await control("GET", `/objects/application-auth-strategies/${id}`)).body.dcr_provider_id).toBe(provider.id);

    const patched = await control("PATCH", `/objects/dcr-providers/${provider.id}`, { name: "renamed in UI" });
    expect(patched.body.name).toBe("renamed in UI");

    expect((await control("POST", `/in-use/${id}`)).body.in_use).toBe(true);
    expect((await call(konnect, "DELETE", `/eu/v2/application-auth-strategies/${id}`)).status).toBe(409);
    expect((await control("POST", `/in-use/${id}`, { inUse: false })).body.in_use).toBe(false);
    expect((await control("POST", `/in-use/${id}`, {})).body.in_use).toBe(true);
    expect((await control("DELETE", `/in-use/${id}`)).body.in_use).toBe(false);

    expect(konnect.requestLog().map((e) => e.path)).toStrictEqual([`/eu/v2/application-auth-strategies/${id}`]);
    expect((await control("POST", "/reset")).status).toBe(204);
    expect(konnect.list("dcr-providers")).toStrictEqual([]);
  });

  it("injects, lists and clears faults, with times given as the string Infinity", async () => {
    const injected = await control("POST", "/faults", {
      method: "GET",
      path: "/v2/dcr-providers",
      status: 503,
      times: "Infinity",
    });
    expect(injected.status).toBe(201);
    expect((await control("GET", "/faults")).body).toStrictEqual([
      { method: "GET", path: "/v2/dcr-providers", status: 503, times: "Infinity", remaining: "Infinity" },
    ]);
    expect((await call(konnect, "GET", "/v2/dcr-providers")).status).toBe(503);
    expect((await call(konnect, "GET", "/v2/dcr-providers")).status).toBe(503);
    expect((await control("DELETE", "/faults")).status).toBe(204);
    expect((await call(konnect, "GET", "/v2/dcr-providers")).status).toBe(200);
    expect((await control("POST", "/faults", { path: "/x" })).body).toStrictEqual({
      error:
        "a fault needs exactly one of: status, latencyMs, drop, commitThenDrop, hangMs, commitThenHold, commitThenMalformed",
    });
  });

  it("reads and clears the request log", async () => {
    await call(konnect, "GET", "/v2/dcr-providers");
    const log = await control("GET", "/requests");
    expect(log.body).toStrictEqual([
      {
        method: "GET",
        path: "/v2/dcr-providers",
        region: "us",
        status: 200,
        durationMs: expect.any(Number),
        time: ISO_MS,
      },
    ]);
    expect((await control("DELETE", "/requests")).status).toBe(204);
    expect((await control("GET", "/requests")).body).toStrictEqual([]);
  });

  it("reads and merges options", async () => {
    const merged = await control("POST", "/options", { uniqueNames: true, verifyFailureStatus: 400 });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ uniqueNames: true, verifyFailureStatus: 400, labelPatchMode: "merge" });
    expect((await control("GET", "/options")).body.uniqueNames).toBe(true);
    expect((await control("PATCH", "/options", { uniqueNames: false })).body.uniqueNames).toBe(false);
    expect((await control("POST", "/options", { port: 9 })).body).toStrictEqual({
      error: "option port can only be set at start",
    });
  });

  it("answers errors as JSON: unknown endpoint, kind, region, id, bad JSON and invalid seeds", async () => {
    expect(await control("GET", "/nope")).toMatchObject({
      status: 404,
      body: { error: "no control endpoint GET /_emulator/nope" },
    });
    expect((await control("GET", "/objects/apis")).body).toStrictEqual({
      error: "unknown kind apis; use dcr-providers or application-auth-strategies",
    });
    expect((await control("GET", "/objects/dcr-providers?region=xx")).body).toStrictEqual({
      error: "unknown region xx",
    });
    expect((await control("GET", "/secrets/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await control("POST", "/in-use/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const badJson = await call(konnect, "POST", "/_emulator/options", undefined, { token: null, rawBody: "{" });
    expect(badJson.body).toStrictEqual({ error: "body is not valid JSON" });
    const invalidSeed = await control("POST", "/seed/dcr-providers", { name: "x" });
    expect(invalidSeed.status).toBe(400);
    expect(invalidSeed.body).toMatchObject({ status: 400, instance: TRACE, detail: "Invalid Parameters" });
  });
});
