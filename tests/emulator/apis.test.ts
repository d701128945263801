import { slugify } from "../../tools/emulator/apiSchema";
import {
  API_BODY,
  ISO_MS,
  UUID,
  call,
  invalidParameters,
  problem,
  seedPublicationTargets,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator({ options: { uniqueApiNameVersion: true } });

const APIS = "/v3/apis";
const MISSING = "00000000-0000-4000-8000-000000000000";

describe("create and get", () => {
  it("creates (201) with the response shape the spec requires and reads it back", async () => {
    const created = await call(konnect, "POST", APIS, { name: "myAPI", version: "v1" });
    expect(created.status).toBe(201);
    expect(created.body).toStrictEqual({
      id: UUID,
      name: "myAPI",
      version: "v1",
      current_version_summary: null,
      slug: "my-api-v1",
      api_spec_ids: [],
      portals: [],
      labels: {},
      created_at: ISO_MS,
      updated_at: created.body.created_at,
    });
    expect(await call(konnect, "GET", `${APIS}/${created.id}`)).toMatchObject({ status: 200, body: created.body });
  });

  it("stores description, slug, labels and attributes; version defaults to null; spec_content is not echoed", async () => {
    const created = await call(konnect, "POST", APIS, {
      name: "Orders",
      description: "Orders of the shop",
      slug: "orders_custom",
      labels: { env: "test" },
      attributes: { owner: ["team-a"] },
      spec_content: "openapi: 3.0.0",
      portals: [],
    });
    expect(created.body).toStrictEqual({
      id: UUID,
      name: "Orders",
      description: "Orders of the shop",
      version: null,
      current_version_summary: null,
      slug: "orders_custom",
      api_spec_ids: [],
      portals: [],
      labels: { env: "test" },
      attributes: { owner: ["team-a"] },
      created_at: ISO_MS,
      updated_at: ISO_MS,
    });
  });

  it.each([
    ["myAPI", "v1", "my-api-v1"],
    ["Orders API", null, "orders-api"],
    ["  Billing / Invoices  ", "2.0", "billing-invoices-2-0"],
  ])("slugify(%j, %j) is %j", (name, version, slug) => {
    expect(slugify(name, version)).toBe(slug);
  });

  it("GET answers 404 for an unknown id and for an API of another region", async () => {
    const created = await call(konnect, "POST", `/eu${APIS}`, API_BODY);
    expect((await call(konnect, "GET", `${APIS}/${MISSING}`)).body).toStrictEqual(
      problem(404, "Not Found", "Not Found"),
    );
    expect((await call(konnect, "GET", `${APIS}/${created.id}`)).status).toBe(404);
    expect((await call(konnect, "GET", `/eu${APIS}/${created.id}`)).status).toBe(200);
  });

  it("answers 405 for operations not emulated", async () => {
    expect((await call(konnect, "GET", APIS)).status).toBe(405);
    const remove = await call(konnect, "DELETE", `${APIS}/${MISSING}`);
    expect([remove.status, remove.headers.get("allow")]).toStrictEqual([405, "GET"]);
    expect((await call(konnect, "GET", `${APIS}/${MISSING}/versions`)).status).toBe(404);
  });

  it("lists the portals the API is published to, in publication order", async () => {
    const { apiId, portalId } = seedPublicationTargets(konnect);
    const second = konnect.seedPortal({ name: "second", display_name: "Second" });
    konnect.seedPublication(apiId, second.id);
    konnect.seedPublication(apiId, portalId);
    expect((await call(konnect, "GET", `${APIS}/${apiId}`)).body.portals).toStrictEqual([
      { id: second.id, name: "second", display_name: "Second" },
      { id: portalId, name: "developer-portal", display_name: "Developer Portal" },
    ]);
  });
});

describe("validation", () => {
  it.each<[string, unknown, object[]]>([
    ["a missing name", {}, [{ field: "name", rule: "required", reason: "is a required field", source: "body" }]],
    [
      "an empty name (the spec's example)",
      { name: "" },
      [{ field: "name", rule: "min_length", minimum: 1, reason: "must have at least 1 characters", source: "body" }],
    ],
    [
      "an unknown property and a bad slug",
      { name: "a", nope: 1, slug: "has space" },
      [
        { field: "nope", rule: "unknown_property", reason: "is an unknown property", source: "body" },
        { field: "slug", rule: "matches_regex", reason: "must match pattern ^[\\w-]+$", source: "body" },
      ],
    ],
    [
      "an empty version, a non-string description and array attributes",
      { name: "a", version: "", description: 5, attributes: [] },
      [
        { field: "description", rule: "is_string", reason: "must be a string", source: "body" },
        { field: "version", rule: "min_length", minimum: 1, reason: "must have at least 1 characters", source: "body" },
        { field: "attributes", rule: "is_object", reason: "must be an object", source: "body" },
      ],
    ],
  ])("create answers 400 for %s", async (_, body, expected) => {
    const answer = await call(konnect, "POST", APIS, body);
    expect(answer.body).toStrictEqual(invalidParameters(expected));
    expect(konnect.list("apis")).toStrictEqual([]);
  });

  it("answers a duplicate name + version with 409, or allows it with uniqueApiNameVersion false", async () => {
    expect((await call(konnect, "POST", APIS, API_BODY)).status).toBe(201);
    expect((await call(konnect, "POST", APIS, API_BODY)).body).toStrictEqual(
      problem(409, "Conflict", "An API named [Orders API] version [v1] already exists"),
    );
    expect((await call(konnect, "POST", APIS, { ...API_BODY, version: "v2" })).status).toBe(201);
    expect((await call(konnect, "POST", `/eu${APIS}`, API_BODY)).status).toBe(201);
    konnect.setOptions({ uniqueApiNameVersion: false });
    expect((await call(konnect, "POST", APIS, API_BODY)).status).toBe(201);
  });
});
