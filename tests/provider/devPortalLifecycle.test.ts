/**
 * The whole life of ApiPublication and PortalDefaultAuthStrategy through their serialized provider objects, in
 * process against the emulator: check, create, a no-op diff without API calls, preview with unknown values, update,
 * refresh showing drift, delete, and the region of the resource.
 */
import { apiPublicationProvider } from "../../provider/resources/apiPublication/resource";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "../../provider/resources/apiPublication/args";
import { portalDefaultAuthStrategyProvider } from "../../provider/resources/portalDefaultAuthStrategy/resource";
import type {
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
} from "../../provider/resources/portalDefaultAuthStrategy/args";
import { UNKNOWN } from "../../provider/resources/core/unknowns";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { KEY_AUTH_BODY, oidcBody, seedPublicationTargets } from "../../tools/emulator/testSupport";
import { callShapes, providerLogLines, startProviderTestbed } from "../resources/support";

const publication = apiPublicationProvider;
const portalDefault = portalDefaultAuthStrategyProvider;
const CODE = { __provider: "code-v1" };

let emulator: KonnectEmulator;
beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  providerLogLines.splice(0);
});

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

describe("PortalDefaultAuthStrategy through its provider", () => {
  async function checked(inputs: Record<string, unknown>): Promise<PortalDefaultAuthStrategyInputs> {
    const result = await portalDefault.check!({} as never, { ...inputs, ...CODE } as never);
    expect(result.failures).toEqual([]);
    return result.inputs!;
  }

  test("create, no-op diff, drift seen by refresh put back by update, delete restores the previous default", async () => {
    const ours = emulator.seedAuthStrategy(oidcBody());
    const previous = emulator.seedAuthStrategy(KEY_AUTH_BODY);
    const portal = emulator.seedPortal({ name: "dev", default_application_auth_strategy_id: previous.id });
    emulator.clearRequestLog();

    const inputs = await checked({ portalId: portal.id, authStrategyId: ours.id });
    const created = await portalDefault.create(inputs);
    expect(created.id).toBe(portal.id);
    expect(callShapes(emulator)).toEqual(["GET /v3/portals/{id}", "PATCH /v3/portals/{id}"]);
    const outs = created.outs as PortalDefaultAuthStrategyOutputs;
    expect(outs.previousAuthStrategyId).toBe(previous.id);
    emulator.clearRequestLog();

    expect(await portalDefault.diff!(created.id, { ...outs, ...CODE }, inputs)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: true,
    });
    expect(emulator.requestLog()).toEqual([]);

    emulator.updateStored("portals", portal.id, { default_application_auth_strategy_id: null });
    const read = await portalDefault.read!(created.id, outs);
    expect(read.props).toEqual({ ...outs, authStrategyId: null });
    expect(read.inputs).toEqual({ portalId: portal.id, authStrategyId: ours.id });
    const drifted = read.props as PortalDefaultAuthStrategyOutputs;
    expect((await portalDefault.diff!(created.id, { ...drifted, ...CODE }, inputs)).changes).toBe(true);
    emulator.clearRequestLog();
    const updated = await portalDefault.update!(created.id, drifted, inputs);
    expect(callShapes(emulator)).toEqual(["PATCH /v3/portals/{id}"]);
    expect(emulator.portalDefault(portal.id)).toBe(ours.id);

    emulator.clearRequestLog();
    await portalDefault.delete!(created.id, updated.outs as PortalDefaultAuthStrategyOutputs);
    expect(callShapes(emulator)).toEqual(["GET /v3/portals/{id}", "PATCH /v3/portals/{id}"]);
    expect(emulator.portalDefault(portal.id)).toBe(previous.id);
  });

  test("delete after someone else changed the default leaves it, removes the record and logs why", async () => {
    const ours = emulator.seedAuthStrategy(oidcBody());
    const theirs = emulator.seedAuthStrategy(oidcBody());
    const portal = emulator.seedPortal({ name: "dev", labels: { team: "portal-admins" } });
    const { id, outs } = await portalDefault.create(await checked({ portalId: portal.id, authStrategyId: ours.id }));
    emulator.updateStored("portals", portal.id, { default_application_auth_strategy_id: theirs.id });
    emulator.clearRequestLog();
    await portalDefault.delete!(id, outs as PortalDefaultAuthStrategyOutputs);
    expect(callShapes(emulator)).toEqual(["GET /v3/portals/{id}", "PATCH /v3/portals/{id}"]);
    expect(emulator.portalDefault(portal.id)).toBe(theirs.id);
    expect(labelsOf(portal.id)).toEqual({ team: "portal-admins" });
    expect(providerLogLines.filter((l) => l.includes("left as is"))).toHaveLength(1);
  });

  test("the previous default is recorded on the portal by the PATCH that replaces it; delete removes the record", async () => {
    const ours = emulator.seedAuthStrategy(oidcBody());
    const previous = emulator.seedAuthStrategy(KEY_AUTH_BODY);
    const portal = emulator.seedPortal({
      name: "dev",
      default_application_auth_strategy_id: previous.id,
      labels: { team: "portal-admins" },
    });
    emulator.clearRequestLog();
    const { id, outs } = await portalDefault.create(await checked({ portalId: portal.id, authStrategyId: ours.id }));
    expect(callShapes(emulator)).toEqual(["GET /v3/portals/{id}", "PATCH /v3/portals/{id}"]);
    expect(labelsOf(portal.id)).toEqual({
      team: "portal-admins",
      "pulumi-default-previous": previous.id,
      "pulumi-default-applied": ours.id,
    });
    await portalDefault.delete!(id, outs as PortalDefaultAuthStrategyOutputs);
    expect(emulator.portalDefault(portal.id)).toBe(previous.id);
    expect(labelsOf(portal.id)).toEqual({ team: "portal-admins" });
  });

  test("F1a: codifying the default the portal has (no change) is undone by nothing: delete keeps it", async () => {
    const existing = emulator.seedAuthStrategy(KEY_AUTH_BODY);
    const portal = emulator.seedPortal({ name: "dev", default_application_auth_strategy_id: existing.id });
    const { id, outs } = await portalDefault.create(
      await checked({ portalId: portal.id, authStrategyId: existing.id }),
    );
    expect(outs).toMatchObject({ appliedAuthStrategyId: existing.id, previousAuthStrategyId: existing.id });
    emulator.clearRequestLog();
    await portalDefault.delete!(id, outs as PortalDefaultAuthStrategyOutputs);
    expect(emulator.portalDefault(portal.id)).toBe(existing.id);
    expect(labelsOf(portal.id)).toEqual({});
    // The PATCH removed the record and did not touch the default.
    expect(callShapes(emulator)).toEqual(["GET /v3/portals/{id}", "PATCH /v3/portals/{id}"]);
  });

  test("an update whose state was never written: delete still finds what to put back (the portal's record)", async () => {
    const first = emulator.seedAuthStrategy(oidcBody());
    const second = emulator.seedAuthStrategy(oidcBody());
    const original = emulator.seedAuthStrategy(KEY_AUTH_BODY);
    const portal = emulator.seedPortal({ name: "dev", default_application_auth_strategy_id: original.id });
    const created = await portalDefault.create(await checked({ portalId: portal.id, authStrategyId: first.id }));
    const state = created.outs as PortalDefaultAuthStrategyOutputs;
    // The update's PATCH lands; its outputs never reach the state.
    await portalDefault.update!(created.id, state, await checked({ portalId: portal.id, authStrategyId: second.id }));
    expect(emulator.portalDefault(portal.id)).toBe(second.id);
    const refreshed = await portalDefault.read!(created.id, state);
    expect(refreshed.props).toMatchObject({ appliedAuthStrategyId: second.id, previousAuthStrategyId: original.id });
    expect(refreshed.inputs).toMatchObject({ authStrategyId: second.id });
    await portalDefault.delete!(created.id, state);
    expect(emulator.portalDefault(portal.id)).toBe(original.id);
    expect(labelsOf(portal.id)).toEqual({});
  });

  test("a state written before the record (no labels on the portal) restores from the state as before", async () => {
    const ours = emulator.seedAuthStrategy(oidcBody());
    const previous = emulator.seedAuthStrategy(KEY_AUTH_BODY);
    const portal = emulator.seedPortal({ name: "dev", default_application_auth_strategy_id: ours.id });
    const state: PortalDefaultAuthStrategyOutputs = {
      portalId: portal.id,
      authStrategyId: ours.id,
      appliedAuthStrategyId: ours.id,
      previousAuthStrategyId: previous.id,
    };
    const read = await portalDefault.read!(portal.id, state);
    expect(read.props).toMatchObject(state);
    emulator.clearRequestLog();
    await portalDefault.delete!(portal.id, state);
    expect(callShapes(emulator)).toEqual(["GET /v3/portals/{id}", "PATCH /v3/portals/{id}"]);
    expect(emulator.portalDefault(portal.id)).toBe(previous.id);
  });
});

/** The labels of a stored portal. */
function labelsOf(portalId: string): Record<string, string> {
  return (emulator.get("portals", portalId) as { labels: Record<string, string> }).labels;
}
