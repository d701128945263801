/**
 * The whole life of ApiPublication through its serialized provider object, in process against the emulator: check,
 * create, a no-op diff without API calls, preview with unknown values, update, refresh showing drift, delete, and the
 * region of the resource.
 */
import { apiPublicationProvider } from "../../../provider/resources/apiPublication/resource";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "../../../provider/resources/apiPublication/args";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { KEY_AUTH_BODY, oidcBody, seedPublicationTargets } from "../../../tools/emulator/testSupport";
import { callShapes, providerLogLines, useProviderTestbed } from "../support";
import { CODE } from "../devPortalSupport";

const publication = apiPublicationProvider;
const emulator = useProviderTestbed();

async function checkedPublication(inputs: Record<string, unknown>): Promise<ApiPublicationInputs> {
  const result = await publication.check!({} as never, { ...inputs, ...CODE } as never);
  expect(result.failures).toEqual([]);
  return result.inputs!;
}

describe("ApiPublication through its provider", () => {
  test("create, no-op diff, change visibility, move the strategy, refresh, delete", async () => {
    const strategy = emulator.seedAuthStrategy(oidcBody(), { region: "eu" });
    const other = emulator.seedAuthStrategy(oidcBody(), { region: "eu" });
    const { apiId, portalId } = seedPublicationTargets(emulator, { region: "eu" });
    emulator.clearRequestLog();

    const inputs = await checkedPublication({ apiId, portalId, authStrategyIds: [strategy.id], region: "eu" });
    const created = await publication.create(inputs);
    expect(created.id).toBe(`${apiId}/${portalId}`);
    expect(callShapes(emulator)).toEqual([
      "GET /v3/apis/{id}/publications/{id}",
      "PUT /v3/apis/{id}/publications/{id}",
    ]);
    expect(emulator.requestLog().every((e) => e.region === "eu")).toBe(true);
    const outs = created.outs as ApiPublicationOutputs;
    emulator.clearRequestLog();

    expect(await publication.diff!(created.id, { ...outs, ...CODE }, inputs)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: true,
    });
    expect(emulator.requestLog()).toEqual([]);

    const publicNews = await checkedPublication({
      apiId,
      portalId,
      authStrategyIds: [other.id],
      visibility: "public",
      region: "eu",
    });
    expect(await publication.diff!(created.id, { ...outs, ...CODE }, publicNews)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: true,
    });
    const updated = await publication.update!(created.id, { ...outs, ...CODE }, publicNews);
    expect(callShapes(emulator)).toEqual(["PUT /v3/apis/{id}/publications/{id}"]);
    expect(updated.outs).toMatchObject({ authStrategyIds: [other.id], visibility: "public" });
    expect(emulator.getPublication(apiId, portalId)).toMatchObject({
      auth_strategy_ids: [other.id],
      visibility: "public",
    });

    emulator.updateStoredPublication(apiId, portalId, { visibility: "private" });
    emulator.clearRequestLog();
    const read = await publication.read!(created.id, updated.outs);
    expect(read.props).toMatchObject({ visibility: "private" });
    expect(read.inputs).toEqual({
      apiId,
      portalId,
      authStrategyIds: [other.id],
      visibility: "private",
      autoApproveRegistrations: false,
      region: "eu",
    });

    emulator.clearRequestLog();
    await publication.delete!(created.id, read.props as ApiPublicationOutputs);
    expect(callShapes(emulator)).toEqual(["DELETE /v3/apis/{id}/publications/{id}"]);
    expect(await publication.read!(created.id, read.props as ApiPublicationOutputs)).toEqual({});
  });

  test("preview: unknown ids are accepted by check and replace in diff; an unknown strategy updates", async () => {
    const strategy = emulator.seedAuthStrategy(oidcBody());
    const { apiId, portalId } = seedPublicationTargets(emulator);
    const { outs, id } = await publication.create(
      await checkedPublication({ apiId, portalId, authStrategyIds: [strategy.id] }),
    );
    emulator.clearRequestLog();
    const olds = { ...(outs as ApiPublicationOutputs), ...CODE };
    const unknownPortal = await checkedPublication({ apiId, portalId: UNKNOWN, authStrategyIds: [strategy.id] });
    expect(await publication.diff!(id, olds, unknownPortal)).toEqual({
      changes: true,
      replaces: ["portalId"],
      deleteBeforeReplace: true,
    });
    const unknownStrategy = await checkedPublication({ apiId, portalId, authStrategyIds: [UNKNOWN] });
    expect(await publication.diff!(id, olds, unknownStrategy)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: true,
    });
    expect(emulator.requestLog()).toEqual([]);
  });

  test("check names the property of bad input", async () => {
    const result = await publication.check!(
      {} as never,
      { apiId: "orders", portalId: UNKNOWN, visibility: "internal" } as never,
    );
    expect(result.failures).toEqual([
      { property: "apiId", reason: "must be a UUID" },
      { property: "visibility", reason: 'must be "public" or "private"' },
    ]);
  });

  test("Konnect's informational warnings reach the outputs and the provider log", async () => {
    const { apiId, portalId } = seedPublicationTargets(emulator);
    const { id, outs } = await publication.create(await checkedPublication({ apiId, portalId }));
    const answer = {
      visibility: "public",
      auth_strategy_ids: null,
      auto_approve_registrations: false,
      warnings: ["auto_approve_registrations is ignored for ACE"],
      created_at: "2026-05-20T08:30:00.000Z",
      updated_at: "2026-05-20T08:31:00.000Z",
    };
    emulator.injectFault({ method: "PUT", path: "/v3/apis/*/publications/*", status: 200, body: answer });
    const updated = await publication.update!(
      id,
      outs as ApiPublicationOutputs,
      await checkedPublication({ apiId, portalId, visibility: "public" }),
    );
    expect(updated.outs).toMatchObject({ warnings: ["auto_approve_registrations is ignored for ACE"] });
    expect(providerLogLines).toContain(
      `konnect: API publication ${id}: Konnect warns: auto_approve_registrations is ignored for ACE`,
    );
  });

  test.each<[string, (portalId: string, next: string) => void, "moved" | "cleared"]>([
    [
      "moved in the UI",
      (portalId, next) => emulator.updateStored("portals", portalId, { default_application_auth_strategy_id: next }),
      "moved",
    ],
    [
      "cleared in the UI",
      (portalId) => emulator.updateStored("portals", portalId, { default_application_auth_strategy_id: null }),
      "cleared",
    ],
  ])(
    "F2: without authStrategyIds, a settings update keeps the strategy in effect (the portal default %s)",
    async (_label, change) => {
      const first = emulator.seedAuthStrategy(KEY_AUTH_BODY);
      const second = emulator.seedAuthStrategy(oidcBody());
      const { apiId, portalId } = seedPublicationTargets(emulator);
      emulator.updateStored("portals", portalId, { default_application_auth_strategy_id: first.id });
      const created = await publication.create(await checkedPublication({ apiId, portalId, visibility: "private" }));
      expect(created.outs).toMatchObject({ authStrategyIds: [first.id] });
      change(portalId, second.id);

      const news = await checkedPublication({ apiId, portalId, visibility: "public" });
      const olds = { ...(created.outs as ApiPublicationOutputs), ...CODE };
      expect(await publication.diff!(created.id, olds, news)).toMatchObject({ changes: true, replaces: [] });
      emulator.clearRequestLog();
      const updated = await publication.update!(created.id, olds, news);
      expect(callShapes(emulator)).toEqual(["PUT /v3/apis/{id}/publications/{id}"]);
      expect(emulator.getPublication(apiId, portalId)).toMatchObject({
        visibility: "public",
        auth_strategy_ids: [first.id],
      });
      expect(updated.outs).toMatchObject({ authStrategyIds: [first.id], visibility: "public" });
    },
  );

  test("F2: without authStrategyIds, a publication Konnect gave no application auth keeps none on update", async () => {
    const strategy = emulator.seedAuthStrategy(KEY_AUTH_BODY);
    const { apiId, portalId } = seedPublicationTargets(emulator);
    const created = await publication.create(await checkedPublication({ apiId, portalId }));
    expect(created.outs).toMatchObject({ authStrategyIds: [] });
    emulator.updateStored("portals", portalId, { default_application_auth_strategy_id: strategy.id });
    const olds = { ...(created.outs as ApiPublicationOutputs), ...CODE };
    await publication.update!(created.id, olds, await checkedPublication({ apiId, portalId, visibility: "public" }));
    expect(emulator.getPublication(apiId, portalId)).toMatchObject({ visibility: "public", auth_strategy_ids: null });
  });

  test("taking over an equal publication (adopt) is logged", async () => {
    const { apiId, portalId } = seedPublicationTargets(emulator);
    emulator.seedPublication(apiId, portalId, { visibility: "public" });
    await publication.create(await checkedPublication({ apiId, portalId, visibility: "public", adopt: true }));
    expect(providerLogLines).toContain(
      `konnect: API publication ${apiId}/${portalId}: existing publication taken over`,
    );
  });
});
