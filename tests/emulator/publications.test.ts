import {
  ISO_MS,
  KEY_AUTH_BODY,
  call,
  invalidParameters,
  oidcBody,
  problem,
  seedPublicationTargets,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator({
  options: {
    unknownStrategyReferenceStatus: 400,
    strategyDeleteWithPortalDefault: "conflict",
    publicationCreateStatus: 200,
    omittedAuthStrategyIds: "portal-default",
    omittedVisibility: "private",
  },
});

const MISSING = "00000000-0000-4000-8000-000000000000";
const STRATEGIES = "/v2/application-auth-strategies";

function publicationPath(apiId: string, portalId: string, region = ""): string {
  return `${region}/v3/apis/${apiId}/publications/${portalId}`;
}

describe("PUT", () => {
  it("creates (200, as the spec says) with the spec's response shape and GET reads it back", async () => {
    const { apiId, portalId } = seedPublicationTargets(konnect);
    const strategy = konnect.seedAuthStrategy(oidcBody());
    const body = { visibility: "public", auth_strategy_ids: [strategy.id], auto_approve_registrations: true };
    const put = await call(konnect, "PUT", publicationPath(apiId, portalId), body);
    expect(put.status).toBe(200);
    expect(put.body).toStrictEqual({
      auto_approve_registrations: true,
      auth_strategy_ids: [strategy.id],
      visibility: "public",
      warnings: [],
      created_at: ISO_MS,
      updated_at: put.body.created_at,
    });
    expect(await call(konnect, "GET", publicationPath(apiId, portalId))).toMatchObject({ status: 200, body: put.body });
  });

  it("answers 201 on create with publicationCreateStatus 201, and 200 on replace either way", async () => {
    konnect.setOptions({ publicationCreateStatus: 201 });
    const { apiId, portalId } = seedPublicationTargets(konnect);
    expect((await call(konnect, "PUT", publicationPath(apiId, portalId), {})).status).toBe(201);
    expect((await call(konnect, "PUT", publicationPath(apiId, portalId), {})).status).toBe(200);
  });

  it("replaces every field: created_at kept, updated_at bumped, left-out fields back to their defaults", async () => {
    const { apiId, portalId } = seedPublicationTargets(konnect);
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const path = publicationPath(apiId, portalId);
    const first = await call(konnect, "PUT", path, {
      visibility: "public",
      auth_strategy_ids: [strategy.id],
      auto_approve_registrations: true,
    });
    const second = await call(konnect, "PUT", path, {});
    expect(second.body).toStrictEqual({
      auto_approve_registrations: false,
      auth_strategy_ids: null,
      visibility: "private",
      warnings: [],
      created_at: first.body.created_at,
      updated_at: ISO_MS,
    });
    expect(second.body.updated_at > first.body.updated_at).toBe(true);
    expect(konnect.publications()).toHaveLength(1);
  });

  it("accepts an absent body and read-only fields sent back", async () => {
    const { apiId, portalId } = seedPublicationTargets(konnect);
    expect((await call(konnect, "PUT", publicationPath(apiId, portalId))).status).toBe(200);
    const echoed = await call(konnect, "PUT", publicationPath(apiId, portalId), {
      visibility: "public",
      warnings: [],
      created_at: "2020-01-01T00:00:00.000Z",
      updated_at: "2020-01-01T00:00:00.000Z",
    });
    expect(echoed.status).toBe(200);
    expect(echoed.body.created_at).not.toBe("2020-01-01T00:00:00.000Z");
  });

  it("auth_strategy_ids null means no application auth, even when the portal has a default", async () => {
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const { apiId, portalId } = seedPublicationTargets(konnect, {
      portal: { default_application_auth_strategy_id: strategy.id },
    });
    const put = await call(konnect, "PUT", publicationPath(apiId, portalId), { auth_strategy_ids: null });
    expect(put.body.auth_strategy_ids).toBeNull();
  });

  it("left-out auth_strategy_ids takes the portal's default at PUT time (portal-default), or null by option", async () => {
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const { apiId, portalId } = seedPublicationTargets(konnect, {
      portal: { default_application_auth_strategy_id: strategy.id },
    });
    const path = publicationPath(apiId, portalId);
    expect((await call(konnect, "PUT", path, {})).body.auth_strategy_ids).toStrictEqual([strategy.id]);
    // Not retroactive: clearing the portal default later leaves the publication as it was.
    await call(konnect, "PATCH", `/v3/portals/${portalId}`, { default_application_auth_strategy_id: null });
    expect((await call(konnect, "GET", path)).body.auth_strategy_ids).toStrictEqual([strategy.id]);
    expect((await call(konnect, "PUT", path, {})).body.auth_strategy_ids).toBeNull();
    await call(konnect, "PATCH", `/v3/portals/${portalId}`, { default_application_auth_strategy_id: strategy.id });
    konnect.setOptions({ omittedAuthStrategyIds: "null" });
    expect((await call(konnect, "PUT", path, {})).body.auth_strategy_ids).toBeNull();
  });

  it("left-out visibility is private, or the portal's default_api_visibility by option", async () => {
    const { apiId, portalId } = seedPublicationTargets(konnect, { portal: { default_api_visibility: "public" } });
    const path = publicationPath(apiId, portalId);
    expect((await call(konnect, "PUT", path, {})).body.visibility).toBe("private");
    konnect.setOptions({ omittedVisibility: "portal-default" });
    expect((await call(konnect, "PUT", path, {})).body.visibility).toBe("public");
    expect((await call(konnect, "PUT", path, { visibility: "private" })).body.visibility).toBe("private");
  });

  it.each<[string, unknown, object[]]>([
    [
      "two strategy ids",
      { auth_strategy_ids: [MISSING, MISSING] },
      [
        {
          field: "auth_strategy_ids",
          rule: "max_items",
          maximum: 1,
          reason: "must not have more than 1 items",
          source: "body",
        },
      ],
    ],
    [
      "an empty strategy list",
      { auth_strategy_ids: [] },
      [
        {
          field: "auth_strategy_ids",
          rule: "min_items",
          minimum: 1,
          reason: "must have at least 1 items",
          source: "body",
        },
      ],
    ],
    [
      "a strategy id that is not a UUID",
      { auth_strategy_ids: ["abc"] },
      [{ field: "auth_strategy_ids.0", rule: "is_uuid", reason: "must be a valid UUID", source: "body" }],
    ],
    [
      "a strategy id string instead of a list",
      { auth_strategy_ids: MISSING },
      [{ field: "auth_strategy_ids", rule: "is_array", reason: "must be an array", source: "body" }],
    ],
    [
      "a bad visibility, a non-boolean auto approve and an unknown property",
      { visibility: "internal", auto_approve_registrations: "yes", portal_id: MISSING },
      [
        { field: "portal_id", rule: "unknown_property", reason: "is an unknown property", source: "body" },
        {
          field: "visibility",
          rule: "enum",
          choices: ["public", "private"],
          reason: "must be one of: public, private",
          source: "body",
        },
        { field: "auto_approve_registrations", rule: "is_boolean", reason: "must be a boolean", source: "body" },
      ],
    ],
    [
      "a body that is not an object",
      [],
      [{ field: "body", rule: "is_object", reason: "must be an object", source: "body" }],
    ],
  ])("answers 400 for %s and stores nothing", async (_, body, expected) => {
    const { apiId, portalId } = seedPublicationTargets(konnect);
    expect((await call(konnect, "PUT", publicationPath(apiId, portalId), body)).body).toStrictEqual(
      invalidParameters(expected),
    );
    expect(konnect.publications()).toStrictEqual([]);
  });

  it("answers an unknown strategy with 400 missing_reference, or 404 by option; a strategy of another region is unknown", async () => {
    const { apiId, portalId } = seedPublicationTargets(konnect);
    const path = publicationPath(apiId, portalId);
    expect((await call(konnect, "PUT", path, { auth_strategy_ids: [MISSING] })).body).toStrictEqual(
      invalidParameters([
        {
          field: "auth_strategy_ids.0",
          rule: "missing_reference",
          reason: `application auth strategy [${MISSING}] does not exist`,
          source: "body",
        },
      ]),
    );
    konnect.setOptions({ unknownStrategyReferenceStatus: 404 });
    const euStrategy = konnect.seedAuthStrategy(KEY_AUTH_BODY, { region: "eu" });
    expect((await call(konnect, "PUT", path, { auth_strategy_ids: [euStrategy.id] })).body).toStrictEqual(
      problem(404, "Not Found", `application auth strategy [${euStrategy.id}] does not exist`),
    );
    expect(konnect.publications()).toStrictEqual([]);
  });

  it.each([
    ["API", true],
    ["portal", false],
  ])("answers 404 for an unknown %s, before looking at the body", async (_, unknownApi) => {
    const { apiId, portalId } = seedPublicationTargets(konnect);
    const path = unknownApi ? publicationPath(MISSING, portalId) : publicationPath(apiId, MISSING);
    for (const method of ["PUT", "GET", "DELETE"]) {
      const answer = await call(konnect, method, path, method === "PUT" ? { visibility: "bad" } : undefined);
      expect(answer.body).toStrictEqual(problem(404, "Not Found", "Not Found"));
    }
  });

  it("keeps regions apart: API and portal must be in the request's region", async () => {
    const eu = seedPublicationTargets(konnect, { region: "eu" });
    expect((await call(konnect, "PUT", publicationPath(eu.apiId, eu.portalId), {})).status).toBe(404);
    expect((await call(konnect, "PUT", publicationPath(eu.apiId, eu.portalId, "/eu"), {})).status).toBe(200);
    expect(konnect.publications("us")).toStrictEqual([]);
    expect(konnect.publications("eu")).toMatchObject([{ api_id: eu.apiId, portal_id: eu.portalId, region: "eu" }]);
  });

  it("answers 405 for POST and PATCH, and the malformed-id status for non-UUID ids", async () => {
    const { apiId, portalId } = seedPublicationTargets(konnect);
    const post = await call(konnect, "POST", publicationPath(apiId, portalId), {});
    expect([post.status, post.headers.get("allow")]).toStrictEqual([405, "PUT, GET, DELETE"]);
    expect((await call(konnect, "PUT", publicationPath(apiId, "nope"), {})).status).toBe(404);
    konnect.setOptions({ malformedIdStatus: 400 });
    expect((await call(konnect, "PUT", publicationPath("nope", portalId), {})).body).toStrictEqual(
      invalidParameters([{ field: "apiId", rule: "is_uuid", reason: "must be a valid UUID", source: "path" }]),
    );
    konnect.setOptions({ malformedIdStatus: 404 });
  });
});

describe("GET and DELETE", () => {
  it("GET answers 404 when the API is not published to the portal", async () => {
    const { apiId, portalId } = seedPublicationTargets(konnect);
    expect((await call(konnect, "GET", publicationPath(apiId, portalId))).body).toStrictEqual(
      problem(404, "Not Found", "Not Found"),
    );
  });

  it("DELETE unpublishes (204), then answers 404", async () => {
    const { apiId, portalId } = seedPublicationTargets(konnect);
    konnect.seedPublication(apiId, portalId, { visibility: "public" });
    const removed = await call(konnect, "DELETE", publicationPath(apiId, portalId));
    expect([removed.status, removed.body]).toStrictEqual([204, undefined]);
    expect(konnect.publications()).toStrictEqual([]);
    expect((await call(konnect, "DELETE", publicationPath(apiId, portalId))).status).toBe(404);
    expect((await call(konnect, "GET", `/v3/apis/${apiId}`)).body.portals).toStrictEqual([]);
  });
});

/** What `seedThree` seeded. */
interface Seeded {
  strategy: { id: string };
  apiId: string;
  portalId: string;
  otherPortalId: string;
  api2Id: string;
}

/** `[api_id, portal_id]` of each list item. */
function pairs(data: unknown): string[][] {
  return (data as { api_id: string; portal_id: string }[]).map((p) => [p.api_id, p.portal_id]);
}

describe("GET /v3/api-publications", () => {
  function seedThree(): Seeded {
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const { apiId, portalId } = seedPublicationTargets(konnect, { portal: { name: "b-portal" } });
    const other = konnect.seedPortal({ name: "a-portal" });
    const api2 = konnect.seedApi({ name: "Billing" });
    konnect.seedPublication(apiId, portalId, { auth_strategy_ids: [strategy.id], visibility: "public" });
    konnect.seedPublication(apiId, other.id, {});
    konnect.seedPublication(api2.id, portalId, { auth_strategy_ids: null });
    return { strategy, apiId, portalId, otherPortalId: other.id, api2Id: api2.id };
  }

  it("lists list items with api_id, portal_id and entity_type, oldest first, with page meta", async () => {
    const { strategy, apiId, portalId } = seedThree();
    const list = await call(konnect, "GET", "/v3/api-publications");
    expect(list.status).toBe(200);
    expect(list.body.meta).toStrictEqual({ page: { number: 1, size: 10, total: 3 } });
    expect(list.body.data[0]).toStrictEqual({
      api_id: apiId,
      portal_id: portalId,
      entity_type: "api",
      auto_approve_registrations: false,
      auth_strategy_ids: [strategy.id],
      visibility: "public",
      warnings: [],
      created_at: ISO_MS,
      updated_at: ISO_MS,
    });
    expect(list.body.data).toHaveLength(3);
  });

  it.each([
    [
      "filter[api_id]",
      (s: Seeded) => s.apiId,
      (s: Seeded) => [
        [s.apiId, s.portalId],
        [s.apiId, s.otherPortalId],
      ],
    ],
    ["filter[portal_id][neq]", (s: Seeded) => s.portalId, (s: Seeded) => [[s.apiId, s.otherPortalId]]],
    ["filter[auth_strategy_id]", (s: Seeded) => s.strategy.id, (s: Seeded) => [[s.apiId, s.portalId]]],
    ["filter[api_name][contains]", () => "Bill", (s: Seeded) => [[s.api2Id, s.portalId]]],
    ["filter[portal_name]", () => "a-portal", (s: Seeded) => [[s.apiId, s.otherPortalId]]],
    ["filter[entity_type]", () => "api_package", () => []],
  ])("filters with %s", async (key, value, expected) => {
    const seeded = seedThree();
    const list = await call(konnect, "GET", `/v3/api-publications?${key}=${encodeURIComponent(value(seeded))}`);
    expect(pairs(list.body.data)).toStrictEqual(expected(seeded));
  });

  it("sorts by portal_name and pages", async () => {
    const { apiId, otherPortalId } = seedThree();
    const page = await call(konnect, "GET", "/v3/api-publications?sort=portal_name&page[size]=1&page[number]=1");
    expect(pairs(page.body.data)).toStrictEqual([[apiId, otherPortalId]]);
    expect(page.body.meta).toStrictEqual({ page: { number: 1, size: 1, total: 3 } });
  });

  it("answers 400 for an unsupported filter or sort, and lists only the request's region", async () => {
    seedThree();
    const bad = await call(konnect, "GET", "/v3/api-publications?filter[visibility]=public&sort=visibility");
    expect(bad.status).toBe(400);
    expect((bad.body.invalid_parameters as { field: string }[]).map((p) => p.field)).toStrictEqual([
      "filter[visibility]",
      "sort",
    ]);
    expect((await call(konnect, "GET", "/eu/v3/api-publications")).body.data).toStrictEqual([]);
    expect((await call(konnect, "POST", "/v3/api-publications", {})).status).toBe(405);
  });
});

describe("strategies used by publications and portal defaults", () => {
  it("a publication makes its strategy active and its DELETE 409 until unpublished", async () => {
    const strategy = konnect.seedAuthStrategy(oidcBody());
    const { apiId, portalId } = seedPublicationTargets(konnect);
    await call(konnect, "PUT", publicationPath(apiId, portalId), { auth_strategy_ids: [strategy.id] });
    expect((await call(konnect, "GET", `${STRATEGIES}/${strategy.id}`)).body.active).toBe(true);
    expect((await call(konnect, "DELETE", `${STRATEGIES}/${strategy.id}`)).body).toStrictEqual(
      problem(409, "Conflict", `Application auth strategy [${strategy.id}] is in use and cannot be deleted`),
    );
    await call(konnect, "DELETE", publicationPath(apiId, portalId));
    expect((await call(konnect, "GET", `${STRATEGIES}/${strategy.id}`)).body.active).toBe(false);
    expect((await call(konnect, "DELETE", `${STRATEGIES}/${strategy.id}`)).status).toBe(204);
  });

  it("moving a publication to another strategy frees the first one", async () => {
    const first = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const second = konnect.seedAuthStrategy({ ...KEY_AUTH_BODY, name: "second" });
    const { apiId, portalId } = seedPublicationTargets(konnect);
    await call(konnect, "PUT", publicationPath(apiId, portalId), { auth_strategy_ids: [first.id] });
    await call(konnect, "PUT", publicationPath(apiId, portalId), { auth_strategy_ids: [second.id] });
    expect((await call(konnect, "DELETE", `${STRATEGIES}/${first.id}`)).status).toBe(204);
    expect((await call(konnect, "DELETE", `${STRATEGIES}/${second.id}`)).status).toBe(409);
  });

  it("a portal default answers 409 with strategyDeleteWithPortalDefault conflict (default), and is not active", async () => {
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const { portalId } = seedPublicationTargets(konnect, {
      portal: { default_application_auth_strategy_id: strategy.id },
    });
    expect((await call(konnect, "GET", `${STRATEGIES}/${strategy.id}`)).body.active).toBe(false);
    expect((await call(konnect, "DELETE", `${STRATEGIES}/${strategy.id}`)).status).toBe(409);
    expect(konnect.portalDefault(portalId)).toBe(strategy.id);
  });

  it("clear deletes the strategy and nulls the portal default, bumping the portal's updated_at", async () => {
    konnect.setOptions({ strategyDeleteWithPortalDefault: "clear" });
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const { portalId } = seedPublicationTargets(konnect, {
      portal: { default_application_auth_strategy_id: strategy.id },
    });
    const before = (await call(konnect, "GET", `/v3/portals/${portalId}`)).body.updated_at as string;
    expect((await call(konnect, "DELETE", `${STRATEGIES}/${strategy.id}`)).status).toBe(204);
    const portal = await call(konnect, "GET", `/v3/portals/${portalId}`);
    expect(portal.body.default_application_auth_strategy_id).toBeNull();
    expect(portal.body.updated_at > before).toBe(true);
  });

  it("keep deletes the strategy and leaves the portal pointing at it", async () => {
    konnect.setOptions({ strategyDeleteWithPortalDefault: "keep" });
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const { portalId } = seedPublicationTargets(konnect, {
      portal: { default_application_auth_strategy_id: strategy.id },
    });
    expect((await call(konnect, "DELETE", `${STRATEGIES}/${strategy.id}`)).status).toBe(204);
    expect(konnect.portalDefault(portalId)).toBe(strategy.id);
  });

  it("a publication blocks the delete whatever strategyDeleteWithPortalDefault says", async () => {
    konnect.setOptions({ strategyDeleteWithPortalDefault: "clear" });
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const { apiId, portalId } = seedPublicationTargets(konnect);
    konnect.seedPublication(apiId, portalId, { auth_strategy_ids: [strategy.id] });
    expect((await call(konnect, "DELETE", `${STRATEGIES}/${strategy.id}`)).status).toBe(409);
  });
});

describe("faults and request log on the v3 routes", () => {
  it("applies faults by path pattern and logs every request with its region", async () => {
    const eu = seedPublicationTargets(konnect, { region: "eu" });
    konnect.injectFault({ method: "PUT", path: "/v3/apis/*/publications/*", status: 503, retryAfter: 1 });
    const path = publicationPath(eu.apiId, eu.portalId, "/eu");
    const faulted = await call(konnect, "PUT", path, {});
    expect([faulted.status, faulted.headers.get("retry-after")]).toStrictEqual([503, "1"]);
    expect(konnect.publications()).toStrictEqual([]);
    expect((await call(konnect, "PUT", path, {})).status).toBe(200);
    konnect.injectFault({ method: "PATCH", path: "/v3/portals/*", commitThenDrop: true });
    await expect(
      call(konnect, "PATCH", `/eu/v3/portals/${eu.portalId}`, { display_name: "Committed" }),
    ).rejects.toThrow();
    expect(konnect.get("portals", eu.portalId)).toMatchObject({ display_name: "Committed" });
    expect(konnect.requestLog().map((e) => [e.method, e.path, e.region, e.status])).toStrictEqual([
      ["PUT", path, "eu", 503],
      ["PUT", path, "eu", 200],
      ["PATCH", `/eu/v3/portals/${eu.portalId}`, "eu", 0],
    ]);
  });
});
