import {
  ISO_MS,
  KEY_AUTH_BODY,
  PORTAL_BODY,
  UUID,
  call,
  invalidParameters,
  problem,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator({
  options: {
    unknownStrategyReferenceStatus: 400,
    uniquePortalNames: true,
    portalKeyAuthStrategy: "none",
    labelPatchMode: "merge",
    readOnlyTokens: [],
  },
});

const PORTALS = "/v3/portals";
const MISSING = "00000000-0000-4000-8000-000000000000";
const DOMAIN = expect.stringMatching(/^[0-9a-f]{12}\.us\.portal\.konghq\.com$/);

describe("create and get", () => {
  it("creates (201) with the spec's defaults for every field left out and reads it back", async () => {
    const created = await call(konnect, "POST", PORTALS, { name: "dev" });
    expect(created.status).toBe(201);
    expect(created.body).toStrictEqual({
      id: UUID,
      name: "dev",
      display_name: "dev",
      description: null,
      authentication_enabled: true,
      rbac_enabled: false,
      sipr_enabled: false,
      default_api_visibility: "private",
      default_page_visibility: "private",
      default_application_auth_strategy_id: null,
      auto_approve_developers: false,
      auto_approve_applications: false,
      default_domain: DOMAIN,
      canonical_domain: created.body.default_domain,
      labels: {},
      notifications_developer_pii_visibility_enabled: false,
      created_at: ISO_MS,
      updated_at: created.body.created_at,
    });
    const read = await call(konnect, "GET", `${PORTALS}/${created.id}`);
    expect(read).toMatchObject({ status: 200, body: created.body });
  });

  it("stores every writable field sent, ignores read-only ones and drops null label values", async () => {
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const created = await call(konnect, "POST", PORTALS, {
      name: "full",
      display_name: "Full Portal",
      description: "All fields",
      authentication_enabled: false,
      rbac_enabled: true,
      sipr_enabled: true,
      default_api_visibility: "public",
      default_page_visibility: "public",
      default_application_auth_strategy_id: strategy.id,
      auto_approve_developers: true,
      auto_approve_applications: true,
      notifications_developer_pii_visibility_enabled: true,
      labels: { env: "test", gone: null },
      id: MISSING,
      created_at: "2020-01-01T00:00:00.000Z",
      default_domain: "mine.example.com",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "full",
      display_name: "Full Portal",
      description: "All fields",
      authentication_enabled: false,
      rbac_enabled: true,
      sipr_enabled: true,
      default_api_visibility: "public",
      default_page_visibility: "public",
      default_application_auth_strategy_id: strategy.id,
      auto_approve_developers: true,
      auto_approve_applications: true,
      notifications_developer_pii_visibility_enabled: true,
      labels: { env: "test" },
      default_domain: DOMAIN,
    });
    expect(created.id).not.toBe(MISSING);
    expect(created.body.created_at).not.toBe("2020-01-01T00:00:00.000Z");
  });

  it.each([
    ["an unknown id", `${PORTALS}/${MISSING}`],
    ["a portal of another region", "eu"],
  ])("GET answers 404 for %s", async (_, target) => {
    const created = await call(konnect, "POST", PORTALS, PORTAL_BODY);
    const path = target === "eu" ? `/eu${PORTALS}/${created.id}` : target;
    expect((await call(konnect, "GET", path)).body).toStrictEqual(problem(404, "Not Found", "Not Found"));
  });

  it("keeps regions apart: same name in two regions, each visible only in its own", async () => {
    const us = await call(konnect, "POST", PORTALS, PORTAL_BODY);
    const eu = await call(konnect, "POST", `/eu${PORTALS}`, PORTAL_BODY);
    expect([us.status, eu.status]).toStrictEqual([201, 201]);
    expect(eu.body.default_domain).toMatch(/\.eu\.portal\.konghq\.com$/);
    expect((await call(konnect, "GET", `/eu${PORTALS}/${eu.id}`)).status).toBe(200);
    expect((await call(konnect, "GET", `${PORTALS}/${eu.id}`)).status).toBe(404);
  });

  it("answers 405 for operations not emulated and the malformed-id status for a non-UUID id", async () => {
    const put = await call(konnect, "PUT", PORTALS, PORTAL_BODY);
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    const remove = await call(konnect, "DELETE", `${PORTALS}/${MISSING}`);
    expect(remove.status).toBe(405);
    expect(remove.headers.get("allow")).toBe("GET, PATCH");
    expect((await call(konnect, "GET", `${PORTALS}/not-a-uuid`)).status).toBe(404);
    konnect.setOptions({ malformedIdStatus: 400 });
    expect((await call(konnect, "GET", `${PORTALS}/not-a-uuid`)).body).toStrictEqual(
      invalidParameters([{ field: "portalId", rule: "is_uuid", reason: "must be a valid UUID", source: "path" }]),
    );
    konnect.setOptions({ malformedIdStatus: 404 });
  });

  it("needs a token and refuses writes to read-only tokens", async () => {
    expect((await call(konnect, "POST", PORTALS, PORTAL_BODY, { token: null })).status).toBe(401);
    konnect.setOptions({ readOnlyTokens: ["kpat_readOnlyTokenAbcdefghij"] });
    const readOnly = { token: "kpat_readOnlyTokenAbcdefghij" };
    expect((await call(konnect, "POST", PORTALS, PORTAL_BODY, readOnly)).status).toBe(403);
  });
});

describe("list", () => {
  it("lists the region's portals in pages, filtered by the default strategy, by name, and sorted", async () => {
    const strategy = await call(konnect, "POST", "/v2/application-auth-strategies", KEY_AUTH_BODY);
    const a = await call(konnect, "POST", PORTALS, {
      name: "b-portal",
      default_application_auth_strategy_id: strategy.id,
    });
    const b = await call(konnect, "POST", PORTALS, { name: "a-portal" });
    await call(konnect, "POST", `/eu${PORTALS}`, { name: "elsewhere" });
    const all = await call(konnect, "GET", PORTALS);
    expect(all.status).toBe(200);
    expect((all.body.data as { id: string }[]).map((p) => p.id)).toStrictEqual([a.id, b.id]);
    expect(all.body.meta).toStrictEqual({ page: { number: 1, size: 10, total: 2 } });
    expect(all.body.data[0]).toStrictEqual((await call(konnect, "GET", `${PORTALS}/${a.id}`)).body);
    const byDefault = await call(
      konnect,
      "GET",
      `${PORTALS}?filter[default_application_auth_strategy_id][eq]=${strategy.id}`,
    );
    expect((byDefault.body.data as { name: string }[]).map((p) => p.name)).toStrictEqual(["b-portal"]);
    const byName = await call(konnect, "GET", `${PORTALS}?filter[name]=a-portal`);
    expect((byName.body.data as { id: string }[]).map((p) => p.id)).toStrictEqual([b.id]);
    const sorted = await call(konnect, "GET", `${PORTALS}?sort=name`);
    expect((sorted.body.data as { name: string }[]).map((p) => p.name)).toStrictEqual(["a-portal", "b-portal"]);
    const flag = await call(konnect, "GET", `${PORTALS}?filter[rbac_enabled]=false&page[size]=1`);
    expect(flag.body.meta).toStrictEqual({ page: { number: 1, size: 1, total: 2 } });
    const bad = await call(konnect, "GET", `${PORTALS}?filter[colour]=red`);
    expect(bad.status).toBe(400);
  });
});

describe("validation", () => {
  it.each<[string, unknown, object[]]>([
    ["a missing name", {}, [{ field: "name", rule: "required", reason: "is a required field", source: "body" }]],
    [
      "an unknown property",
      { name: "p", my_property: 1 },
      [{ field: "my_property", rule: "unknown_property", reason: "is an unknown property", source: "body" }],
    ],
    [
      "an empty name and a too long description",
      { name: "", description: "d".repeat(513) },
      [
        { field: "name", rule: "min_length", minimum: 1, reason: "must have at least 1 characters", source: "body" },
        {
          field: "description",
          rule: "max_length",
          maximum: 512,
          reason: "must not have more than 512 characters",
          source: "body",
        },
      ],
    ],
    [
      "non-boolean flags",
      { name: "p", authentication_enabled: "yes", rbac_enabled: 1, auto_approve_applications: null },
      [
        { field: "authentication_enabled", rule: "is_boolean", reason: "must be a boolean", source: "body" },
        { field: "rbac_enabled", rule: "is_boolean", reason: "must be a boolean", source: "body" },
        { field: "auto_approve_applications", rule: "is_boolean", reason: "must be a boolean", source: "body" },
      ],
    ],
    [
      "a bad visibility, a null display_name and a non-UUID default strategy",
      { name: "p", default_api_visibility: "hidden", display_name: null, default_application_auth_strategy_id: "x" },
      [
        { field: "display_name", rule: "is_string", reason: "must be a string", source: "body" },
        {
          field: "default_api_visibility",
          rule: "enum",
          choices: ["public", "private"],
          reason: "must be one of: public, private",
          source: "body",
        },
        {
          field: "default_application_auth_strategy_id",
          rule: "is_uuid",
          reason: "must be a valid UUID",
          source: "body",
        },
      ],
    ],
    [
      "a reserved label key",
      { name: "p", labels: { kong_x: "a" } },
      [
        {
          field: "labels.kong_x",
          rule: "is_label",
          reason: 'label keys cannot start with "kong", "konnect", "mesh", "kic", or "_"',
          source: "body",
        },
      ],
    ],
  ])("create answers 400 for %s", async (_, body, expected) => {
    const answer = await call(konnect, "POST", PORTALS, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toStrictEqual(invalidParameters(expected));
    expect(konnect.list("portals")).toStrictEqual([]);
  });

  it("answers a body that is not an object with 400", async () => {
    expect((await call(konnect, "POST", PORTALS, [1])).body).toStrictEqual(
      invalidParameters([{ field: "body", rule: "is_object", reason: "must be an object", source: "body" }]),
    );
  });

  it("answers an unknown default strategy with 400 missing_reference, or 404 by option", async () => {
    const body = { name: "p", default_application_auth_strategy_id: MISSING };
    expect((await call(konnect, "POST", PORTALS, body)).body).toStrictEqual(
      invalidParameters([
        {
          field: "default_application_auth_strategy_id",
          rule: "missing_reference",
          reason: `application auth strategy [${MISSING}] does not exist`,
          source: "body",
        },
      ]),
    );
    konnect.setOptions({ unknownStrategyReferenceStatus: 404 });
    expect((await call(konnect, "POST", PORTALS, body)).body).toStrictEqual(
      problem(404, "Not Found", `application auth strategy [${MISSING}] does not exist`),
    );
    const euStrategy = konnect.seedAuthStrategy(KEY_AUTH_BODY, { region: "eu" });
    const crossRegion = { name: "p", default_application_auth_strategy_id: euStrategy.id };
    expect((await call(konnect, "POST", PORTALS, crossRegion)).status).toBe(404);
    expect(konnect.list("portals")).toStrictEqual([]);
  });

  it("answers a duplicate name with 409 (create and rename), or allows it with uniquePortalNames false", async () => {
    const first = await call(konnect, "POST", PORTALS, PORTAL_BODY);
    const duplicate = await call(konnect, "POST", PORTALS, PORTAL_BODY);
    expect(duplicate.body).toStrictEqual(
      problem(409, "Conflict", `A portal named [${PORTAL_BODY.name}] already exists`),
    );
    const second = await call(konnect, "POST", PORTALS, { name: "second" });
    expect((await call(konnect, "PATCH", `${PORTALS}/${second.id}`, { name: PORTAL_BODY.name })).status).toBe(409);
    expect((await call(konnect, "PATCH", `${PORTALS}/${first.id}`, { name: PORTAL_BODY.name })).status).toBe(200);
    konnect.setOptions({ uniquePortalNames: false });
    expect((await call(konnect, "POST", PORTALS, PORTAL_BODY)).status).toBe(201);
  });
});

describe("PATCH", () => {
  it("changes only the fields sent, bumps updated_at and keeps created_at", async () => {
    const created = await call(konnect, "POST", PORTALS, { ...PORTAL_BODY, labels: { env: "test", team: "a" } });
    const patched = await call(konnect, "PATCH", `${PORTALS}/${created.id}`, {
      display_name: "Renamed",
      description: "now described",
      auto_approve_applications: true,
      rbac_enabled: true,
      labels: { team: null, owner: "b" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toStrictEqual({
      ...created.body,
      display_name: "Renamed",
      description: "now described",
      auto_approve_applications: true,
      rbac_enabled: true,
      labels: { env: "test", owner: "b" },
      updated_at: ISO_MS,
    });
    expect(patched.body.updated_at > created.body.updated_at).toBe(true);
    expect((await call(konnect, "GET", `${PORTALS}/${created.id}`)).body).toStrictEqual(patched.body);
  });

  it("labels follow labelPatchMode and labels: null clears them", async () => {
    const created = await call(konnect, "POST", PORTALS, { ...PORTAL_BODY, labels: { a: "1", b: "2" } });
    konnect.setOptions({ labelPatchMode: "replace" });
    const replaced = await call(konnect, "PATCH", `${PORTALS}/${created.id}`, { labels: { c: "3" } });
    expect(replaced.body.labels).toStrictEqual({ c: "3" });
    const cleared = await call(konnect, "PATCH", `${PORTALS}/${created.id}`, { labels: null });
    expect(cleared.body.labels).toStrictEqual({});
  });

  it("sets, moves and clears default_application_auth_strategy_id", async () => {
    const first = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const second = konnect.seedAuthStrategy({ ...KEY_AUTH_BODY, name: "second" });
    const created = await call(konnect, "POST", PORTALS, PORTAL_BODY);
    const path = `${PORTALS}/${created.id}`;
    const set = await call(konnect, "PATCH", path, { default_application_auth_strategy_id: first.id });
    expect(set.body.default_application_auth_strategy_id).toBe(first.id);
    const moved = await call(konnect, "PATCH", path, { default_application_auth_strategy_id: second.id });
    expect(moved.body.default_application_auth_strategy_id).toBe(second.id);
    expect(konnect.portalDefault(created.id)).toBe(second.id);
    const cleared = await call(konnect, "PATCH", path, { default_application_auth_strategy_id: null });
    expect(cleared.body.default_application_auth_strategy_id).toBeNull();
    expect(konnect.portalDefault(created.id)).toBeNull();
  });

  it("validates like create (nothing required) and refuses an unknown default strategy", async () => {
    const created = await call(konnect, "POST", PORTALS, PORTAL_BODY);
    const path = `${PORTALS}/${created.id}`;
    expect((await call(konnect, "PATCH", path, {})).status).toBe(200);
    expect((await call(konnect, "PATCH", path, { auto_approve_developers: "no" })).body).toStrictEqual(
      invalidParameters([
        { field: "auto_approve_developers", rule: "is_boolean", reason: "must be a boolean", source: "body" },
      ]),
    );
    const unknown = await call(konnect, "PATCH", path, { default_application_auth_strategy_id: MISSING });
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalid_parameters[0].rule).toBe("missing_reference");
    expect(konnect.portalDefault(created.id)).toBeNull();
    expect((await call(konnect, "PATCH", `${PORTALS}/${MISSING}`, {})).status).toBe(404);
  });
});

describe("portalKeyAuthStrategy", () => {
  it("none (default) creates no strategy", async () => {
    await call(konnect, "POST", PORTALS, PORTAL_BODY);
    expect(konnect.list("application-auth-strategies")).toStrictEqual([]);
  });

  it("create adds a key-auth strategy in the portal's region without making it the default", async () => {
    konnect.setOptions({ portalKeyAuthStrategy: "create" });
    const created = await call(konnect, "POST", `/eu${PORTALS}`, PORTAL_BODY);
    expect(konnect.list("application-auth-strategies", "eu")).toMatchObject([
      { strategy_type: "key_auth", name: "developer-portal key auth" },
    ]);
    expect(created.body.default_application_auth_strategy_id).toBeNull();
  });

  it("create-and-default makes it the default unless the body names one", async () => {
    konnect.setOptions({ portalKeyAuthStrategy: "create-and-default" });
    const created = await call(konnect, "POST", PORTALS, PORTAL_BODY);
    const [strategy] = konnect.list("application-auth-strategies");
    expect(created.body.default_application_auth_strategy_id).toBe(strategy?.id);
    const own = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const named = await call(konnect, "POST", PORTALS, { name: "other", default_application_auth_strategy_id: own.id });
    expect(named.body.default_application_auth_strategy_id).toBe(own.id);
    const explicitNull = await call(konnect, "POST", PORTALS, {
      name: "none",
      default_application_auth_strategy_id: null,
    });
    expect(explicitNull.body.default_application_auth_strategy_id).toBeNull();
  });
});
