/**
 * The v3 client operations of API publications (PUT, GET, DELETE, list) against the emulator: wire mapping both ways,
 * the three meanings of `authStrategyIds` (absent, one id, null), strict requests and tolerant responses.
 */
import {
  apiPublicationListSchema,
  apiPublicationResponseSchema,
  deleteApiPublication,
  getApiPublication,
  listAllApiPublications,
  listApiPublications,
  putApiPublication,
  putApiPublicationRequestSchema,
} from "../../../provider/konnect/apiPublications/operations";
import { KonnectApiError, KonnectRequestError } from "../../../provider/konnect";
import { oidcBody, seedPublicationTargets } from "../../../tools/emulator/testSupport";
import { ISO, MISSING, requestLines, useClientTestbed } from "../support";

const bed = useClientTestbed();
const requests = () => requestLines(bed);

describe("API publications", () => {
  test("publish with one strategy, read it back, republish with other settings, unpublish", async () => {
    const strategy = bed.emulator.seedAuthStrategy(oidcBody());
    const { apiId, portalId } = seedPublicationTargets(bed.emulator);

    const created = await putApiPublication(bed.transport, apiId, portalId, {
      visibility: "public",
      authStrategyIds: [strategy.id],
      autoApproveRegistrations: true,
    });
    expect(created).toEqual({
      visibility: "public",
      authStrategyIds: [strategy.id],
      autoApproveRegistrations: true,
      warnings: [],
      createdAt: ISO,
      updatedAt: ISO,
    });
    expect(await getApiPublication(bed.transport, apiId, portalId)).toEqual(created);

    const replaced = await putApiPublication(bed.transport, apiId, portalId, { visibility: "private" });
    expect(replaced.visibility).toBe("private");
    expect(bed.emulator.getPublication(apiId, portalId)).toMatchObject({ visibility: "private" });

    await deleteApiPublication(bed.transport, apiId, portalId);
    expect(bed.emulator.getPublication(apiId, portalId)).toBeUndefined();
    expect(requests()).toEqual([
      `PUT /v3/apis/${apiId}/publications/${portalId} 200`,
      `GET /v3/apis/${apiId}/publications/${portalId} 200`,
      `PUT /v3/apis/${apiId}/publications/${portalId} 200`,
      `DELETE /v3/apis/${apiId}/publications/${portalId} 204`,
    ]);
  });

  test("authStrategyIds left out is not sent: Konnect applies the portal's default", async () => {
    const strategy = bed.emulator.seedAuthStrategy(oidcBody());
    const { apiId, portalId } = seedPublicationTargets(bed.emulator, {
      portal: { default_application_auth_strategy_id: strategy.id },
    });
    const published = await putApiPublication(bed.transport, apiId, portalId, {});
    expect(published.authStrategyIds).toEqual([strategy.id]);
    expect(published.visibility).toBe("private");
  });

  test("authStrategyIds null is sent as null: no application auth, even with a portal default", async () => {
    const strategy = bed.emulator.seedAuthStrategy(oidcBody());
    const { apiId, portalId } = seedPublicationTargets(bed.emulator, {
      portal: { default_application_auth_strategy_id: strategy.id },
    });
    const published = await putApiPublication(bed.transport, apiId, portalId, { authStrategyIds: null });
    expect(published.authStrategyIds).toBeNull();
    expect(bed.emulator.getPublication(apiId, portalId)).toMatchObject({ auth_strategy_ids: null });
  });

  test("the request body is exactly Kong's contract", () => {
    const schema = putApiPublicationRequestSchema();
    const id = "11111111-2222-4333-8444-555566667777";
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ authStrategyIds: null })).toEqual({ auth_strategy_ids: null });
    expect(schema.parse({ visibility: "public", authStrategyIds: [id], autoApproveRegistrations: false })).toEqual({
      visibility: "public",
      auth_strategy_ids: [id],
      auto_approve_registrations: false,
    });
  });

  test.each([
    [
      { authStrategyIds: [] },
      "authStrategyIds: must hold exactly one auth strategy id (use null for no application auth)",
    ],
    [
      { authStrategyIds: [MISSING, "11111111-2222-4333-8444-555566667777"] },
      "authStrategyIds: must hold at most one auth strategy id",
    ],
    [{ authStrategyIds: ["nope"] }, "authStrategyIds.0: must be a UUID"],
    [{ visibility: "internal" }, 'visibility: must be "public" or "private"'],
    [{ autoApproveRegistrations: "yes" }, "autoApproveRegistrations: must be true or false"],
    [{ entityType: "api" }, "unknown field(s) entityType"],
  ])("bad request %j is refused before anything is sent", async (request, issue) => {
    const { apiId, portalId } = seedPublicationTargets(bed.emulator);
    const attempt = putApiPublication(bed.transport, apiId, portalId, request as never);
    await expect(attempt).rejects.toThrow(KonnectRequestError);
    await expect(attempt).rejects.toThrow(`publish API ${apiId} to portal ${portalId}: invalid request: ${issue}`);
    expect(bed.emulator.requestLog()).toEqual([]);
  });

  test("ids that are not UUIDs are refused, naming the argument", async () => {
    await expect(getApiPublication(bed.transport, "api-1", "portal-1")).rejects.toThrow(
      'read publication of API api-1 in portal portal-1: invalid request: apiId: must be a UUID, got "api-1"; ' +
        'portalId: must be a UUID, got "portal-1"',
    );
    expect(bed.emulator.requestLog()).toEqual([]);
  });

  test("GET of an API not published there is a 404 KonnectApiError (isNotFound)", async () => {
    const { apiId, portalId } = seedPublicationTargets(bed.emulator);
    const error: unknown = await getApiPublication(bed.transport, apiId, portalId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KonnectApiError);
    expect((error as KonnectApiError).isNotFound).toBe(true);
    expect((error as KonnectApiError).message).toMatch(
      new RegExp(`^read publication of API ${apiId} in portal ${portalId}: 404 .*\\(trace kong:trace:\\d+\\)$`),
    );
  });

  test("publishing to an unknown portal is a 404 naming the operation", async () => {
    const { apiId } = seedPublicationTargets(bed.emulator);
    const error: unknown = await putApiPublication(bed.transport, apiId, MISSING, {}).catch((e: unknown) => e);
    expect((error as KonnectApiError).status).toBe(404);
    expect((error as KonnectApiError).operation).toBe(`publish API ${apiId} to portal ${MISSING}`);
  });

  test("a strategy that does not exist is Konnect's 400 with the wire field named", async () => {
    const { apiId, portalId } = seedPublicationTargets(bed.emulator);
    const error: unknown = await putApiPublication(bed.transport, apiId, portalId, {
      authStrategyIds: [MISSING],
    }).catch((e: unknown) => e);
    expect((error as KonnectApiError).status).toBe(400);
    expect((error as KonnectApiError).invalidParameters.map((p) => p.field)).toEqual([
      expect.stringMatching(/^auth_strategy_ids/),
    ]);
  });

  test("DELETE of a publication that does not exist is a 404 (callers treat it as done)", async () => {
    const { apiId, portalId } = seedPublicationTargets(bed.emulator);
    const error: unknown = await deleteApiPublication(bed.transport, apiId, portalId).catch((e: unknown) => e);
    expect((error as KonnectApiError).isNotFound).toBe(true);
  });

  test("PUT is retried on 503 and applied once", async () => {
    const { apiId, portalId } = seedPublicationTargets(bed.emulator);
    bed.emulator.injectFault({ method: "PUT", path: "/v3/apis/*/publications/*", status: 503 });
    const published = await putApiPublication(bed.transport, apiId, portalId, { visibility: "public" });
    expect(published.visibility).toBe("public");
    expect(bed.emulator.publications()).toHaveLength(1);
    expect(requests()).toEqual([
      `PUT /v3/apis/${apiId}/publications/${portalId} 503`,
      `PUT /v3/apis/${apiId}/publications/${portalId} 200`,
    ]);
  });

  test("list: filters by API, strategy and portal, over several pages", async () => {
    const strategy = bed.emulator.seedAuthStrategy(oidcBody());
    const portal = bed.emulator.seedPortal({ name: "p1" });
    const apis = Array.from({ length: 3 }, (_, i) => bed.emulator.seedApi({ name: `api-${i}`, version: "v1" }));
    for (const [i, api] of apis.entries()) {
      await putApiPublication(bed.transport, api.id, portal.id, i === 0 ? { authStrategyIds: [strategy.id] } : {});
    }
    const byApi = await listApiPublications(bed.transport, { filter: { api_id: apis[1]!.id } });
    expect(byApi.total).toBe(1);
    expect(byApi.data).toEqual([
      {
        apiId: apis[1]!.id,
        portalId: portal.id,
        entityType: "api",
        visibility: "private",
        authStrategyIds: null,
        autoApproveRegistrations: false,
        warnings: [],
        createdAt: ISO,
        updatedAt: ISO,
      },
    ]);
    const byStrategy = await listAllApiPublications(bed.transport, { filter: { auth_strategy_id: strategy.id } });
    expect(byStrategy.map((p) => p.apiId)).toEqual([apis[0]!.id]);
    const paged = await listApiPublications(bed.transport, { filter: { portal_id: portal.id }, pageSize: 2 });
    expect(paged).toMatchObject({ number: 1, size: 2, total: 3 });
    expect(paged.data).toHaveLength(2);
    const all = await listAllApiPublications(bed.transport, { filter: { portal_id: portal.id } });
    expect(all.map((p) => p.apiId).sort()).toEqual(apis.map((a) => a.id).sort());
  });

  test("responses are read tolerantly: unknown fields, API packages and new visibilities do not fail", () => {
    const wire = {
      visibility: "public",
      auth_strategy_ids: null,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      something_new: { nested: true },
    };
    expect(apiPublicationResponseSchema().parse(wire)).toEqual({
      visibility: "public",
      authStrategyIds: null,
      warnings: [],
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    });
    const page = apiPublicationListSchema().parse({
      data: [
        { ...wire, api_id: "a", portal_id: "p", entity_type: "api_package", auto_approve_registrations: true },
        { ...wire, api_id: "b", portal_id: "p", entity_type: "api", visibility: "unlisted", warnings: ["w"] },
      ],
      meta: { page: { number: 1, size: 10, total: 2 } },
    });
    expect(page.data.map((p) => [p.apiId, p.entityType, p.visibility, p.warnings])).toEqual([
      ["a", "api_package", "public", []],
      ["b", "api", "unlisted", ["w"]],
    ]);
  });
});
