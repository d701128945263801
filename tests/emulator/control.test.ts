import { startKonnectEmulator } from "../../tools/emulator/emulator";
import {
  API_BODY,
  DCR_BODIES,
  ISO_MS,
  KEY_AUTH_BODY,
  PORTAL_BODY,
  TRACE,
  call,
  oidcBody,
  problem,
  seedPublicationTargets,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator({ options: { latencyMs: 0 } });

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
    expect((await control("GET", "/objects/widgets")).body).toStrictEqual({
      error:
        "unknown kind widgets; use dcr-providers, application-auth-strategies, portals, apis, teams, developers, " +
        "applications, application-registrations",
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

describe("portals, APIs and publications (in process)", () => {
  const PORTAL_ID = "11111111-2222-4333-8444-555555555555";
  const API_ID = "66666666-7777-4888-8999-000000000000";

  it("seeds a portal and an API with fixed ids in a region, as the API would create them", () => {
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY, { region: "eu" });
    const portal = konnect.seedPortal(
      { ...PORTAL_BODY, default_application_auth_strategy_id: strategy.id },
      { id: PORTAL_ID, region: "eu" },
    );
    expect(portal).toMatchObject({
      id: PORTAL_ID,
      region: "eu",
      name: PORTAL_BODY.name,
      default_application_auth_strategy_id: strategy.id,
      authentication_enabled: true,
    });
    const api = konnect.seedApi(API_BODY, { id: API_ID, region: "eu" });
    expect(api).toStrictEqual({
      id: API_ID,
      region: "eu",
      name: "Orders API",
      version: "v1",
      slug: "orders-api-v1",
      labels: {},
      created_at: ISO_MS,
      updated_at: ISO_MS,
    });
    expect(konnect.portalDefault(PORTAL_ID)).toBe(strategy.id);
    expect(konnect.portalDefault(API_ID)).toBeUndefined();
    expect(konnect.list("portals", "us")).toStrictEqual([]);
    expect(konnect.get("apis", API_ID)).toStrictEqual(api);
  });

  it("refuses invalid seeds with the API's problems", () => {
    expect(() => konnect.seedPortal({})).toThrow("Invalid Parameters");
    expect(() => konnect.seedApi({ name: "" })).toThrow("Invalid Parameters");
    const { apiId } = seedPublicationTargets(konnect);
    expect(() => konnect.seedPublication(apiId, PORTAL_ID)).toThrow("Not Found");
    expect(() => konnect.seedPublication(apiId, PORTAL_ID, {}, { region: "eu" })).toThrow("Not Found");
  });

  it("seeds, lists, reads and edits publications out of band; updateStored edits portals", async () => {
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const { apiId, portalId } = seedPublicationTargets(konnect, {
      portal: { default_application_auth_strategy_id: strategy.id },
    });
    const seeded = konnect.seedPublication(apiId, portalId);
    expect(seeded).toStrictEqual({
      api_id: apiId,
      portal_id: portalId,
      region: "us",
      auth_strategy_ids: [strategy.id],
      visibility: "private",
      auto_approve_registrations: false,
      created_at: ISO_MS,
      updated_at: ISO_MS,
    });
    expect(konnect.publications()).toStrictEqual([seeded]);
    expect(konnect.publications("eu")).toStrictEqual([]);
    expect(konnect.getPublication(apiId, portalId)).toStrictEqual(seeded);
    expect(konnect.getPublication(portalId, apiId)).toBeUndefined();

    const edited = konnect.updateStoredPublication(apiId, portalId, { visibility: "public" });
    expect(edited.updated_at > seeded.updated_at).toBe(true);
    expect((await call(konnect, "GET", `/v3/apis/${apiId}/publications/${portalId}`)).body.visibility).toBe("public");
    expect(() => konnect.updateStoredPublication(apiId, portalId, { region: "eu" })).toThrow(
      "updateStoredPublication cannot change api_id, portal_id or region",
    );
    expect(() => konnect.updateStoredPublication(portalId, apiId, {})).toThrow("not found");

    konnect.updateStored("portals", portalId, { default_application_auth_strategy_id: null });
    expect(konnect.portalDefault(portalId)).toBeNull();
    konnect.updateStored("apis", apiId, { name: "Renamed in UI" });
    expect((await call(konnect, "GET", `/v3/apis/${apiId}`)).body.name).toBe("Renamed in UI");
    expect(konnect.requestLog()).toHaveLength(2);
    konnect.reset();
    expect([konnect.publications(), konnect.list("portals"), konnect.list("apis")]).toStrictEqual([[], [], []]);
  });
});

describe("portals, APIs and publications (HTTP control API)", () => {
  it("seeds portals, APIs and publications, reads publications and a portal default, edits a publication", async () => {
    const strategy = await control("POST", "/seed/application-auth-strategies?region=au", KEY_AUTH_BODY);
    const portal = await control("POST", "/seed/portals?region=au", {
      ...PORTAL_BODY,
      default_application_auth_strategy_id: strategy.id,
    });
    const apiId = "66666666-7777-4888-8999-000000000001";
    const api = await control("POST", `/seed/apis?region=au&id=${apiId}`, API_BODY);
    expect([portal.status, portal.body.region, api.status, api.id]).toStrictEqual([201, "au", 201, apiId]);

    const published = await control("POST", `/seed/publications/${apiId}/${portal.id}?region=au`, {
      visibility: "public",
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ api_id: apiId, portal_id: portal.id, auth_strategy_ids: [strategy.id] });

    expect((await control("GET", "/publications?region=au")).body).toStrictEqual([published.body]);
    expect((await control("GET", "/publications?region=us")).body).toStrictEqual([]);
    expect((await control("GET", "/publications")).body).toHaveLength(1);
    expect((await control("GET", `/publications/${apiId}/${portal.id}`)).body).toStrictEqual(published.body);
    const patched = await control("PATCH", `/publications/${apiId}/${portal.id}`, { auth_strategy_ids: null });
    expect(patched.body.auth_strategy_ids).toBeNull();

    expect((await control("GET", `/portal-default/${portal.id}`)).body).toStrictEqual({
      default_application_auth_strategy_id: strategy.id,
    });
    expect((await control("GET", `/objects/portals/${portal.id}`)).body.name).toBe(PORTAL_BODY.name);
    expect(konnect.requestLog()).toStrictEqual([]);
  });

  it("answers unknown publications and portals with 404, and a seed for an unknown API with the API's 404", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await control("GET", `/publications/${missing}/${missing}`)).body).toStrictEqual({
      error: "publication not found",
    });
    expect((await control("GET", `/portal-default/${missing}`)).status).toBe(404);
    const seed = await control("POST", `/seed/publications/${missing}/${missing}`, {});
    expect([seed.status, seed.body]).toStrictEqual([404, problem(404, "Not Found", "Not Found")]);
    expect((await control("PATCH", `/publications/${missing}/${missing}`, {})).status).toBe(404);
  });
});
