/**
 * The lifecycle steps of ApiPublication and PortalDefaultAuthStrategy through their handlers (what the plugin host
 * runs) against the emulator: what each step leaves in Konnect, what it returns, and exactly which requests it sends
 * (the API economy floors: create publication = GET + PUT, update = PUT, delete = DELETE; portal default create = GET
 * + PATCH, delete = GET + PATCH).
 */
import { createTransport, deleteAuthStrategy, resolveConnection, type KonnectTransport } from "../../provider/konnect";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "../../provider/resources/apiPublication/args";
import type {
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
} from "../../provider/resources/portalDefaultAuthStrategy/args";
import { handlers } from "../../provider/resources/runtime";
import { KEY_AUTH_BODY, oidcBody, seedPublicationTargets } from "../../tools/emulator/testSupport";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { TEST_TOKEN, providerLogLines, startProviderTestbed } from "../resources/support";

const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);
const MISSING = "0b0b0b0b-1111-4222-8333-444455556666";

let emulator: KonnectEmulator;
let transport: KonnectTransport;
beforeAll(async () => {
  emulator = await startProviderTestbed();
  transport = createTransport(resolveConnection({ stack: { token: TEST_TOKEN, serverUrl: `${emulator.url}/us` } }));
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  providerLogLines.splice(0);
});
const bed = {
  get emulator() {
    return emulator;
  },
  get transport() {
    return transport;
  },
};

/** Requests since the last call, as `METHOD status` (paths are checked where they matter). */
function takeRequests(): string[] {
  const list = bed.emulator.requestLog().map((e) => `${e.method} ${e.status}`);
  bed.emulator.clearRequestLog();
  return list;
}

const publication = handlers.apiPublication;
const portalDefault = handlers.portalDefaultAuthStrategy;
const where = () => ({ effectiveRegion: "us", serverUrl: `${emulator.url}/us` });

async function createPublication(inputs: ApiPublicationInputs) {
  return (await publication.create(inputs)) as { id: string; outs: ApiPublicationOutputs };
}
async function updatePublication(olds: ApiPublicationOutputs, news: ApiPublicationInputs) {
  return (await publication.update(`${news.apiId}/${news.portalId}`, olds, news)).outs as ApiPublicationOutputs;
}
async function readPublication(olds: ApiPublicationOutputs) {
  const read = await publication.read(`${olds.apiId}/${olds.portalId}`, olds);
  return read.props;
}
const deletePublication = (olds: ApiPublicationOutputs) => publication.delete(`${olds.apiId}/${olds.portalId}`, olds);
/** What the handlers' diff says (no API call). */
async function publicationDiff(olds: ApiPublicationOutputs, news: ApiPublicationInputs) {
  const diff = await publication.diff(`${news.apiId}/${news.portalId}`, olds, news);
  return { changes: diff.changes, replaces: diff.replaces };
}

async function createPortalDefault(inputs: PortalDefaultAuthStrategyInputs) {
  return (await portalDefault.create(inputs)) as { id: string; outs: PortalDefaultAuthStrategyOutputs };
}
async function updatePortalDefault(olds: PortalDefaultAuthStrategyOutputs, news: PortalDefaultAuthStrategyInputs) {
  return (await portalDefault.update(news.portalId, olds, news)).outs as PortalDefaultAuthStrategyOutputs;
}
async function readPortalDefault(olds: PortalDefaultAuthStrategyOutputs) {
  return (await portalDefault.read(olds.portalId, olds)).props;
}
const deletePortalDefault = (olds: PortalDefaultAuthStrategyOutputs) => portalDefault.delete(olds.portalId, olds);

describe("ApiPublication steps", () => {
  function setup(portal: Record<string, unknown> = {}) {
    const strategy = bed.emulator.seedAuthStrategy(oidcBody());
    const other = bed.emulator.seedAuthStrategy(oidcBody(undefined, {}));
    const targets = seedPublicationTargets(bed.emulator, { portal });
    return { strategyId: strategy.id, otherId: other.id, ...targets };
  }

  test("create publishes with GET + PUT; update is one PUT; delete one DELETE, and a second delete is done", async () => {
    const { strategyId, otherId, apiId, portalId } = setup();
    const created = await createPublication({
      apiId,
      portalId,
      authStrategyIds: [strategyId],
      visibility: "public",
    });
    expect(created).toEqual({
      id: `${apiId}/${portalId}`,
      outs: {
        apiId,
        portalId,
        authStrategyIds: [strategyId],
        visibility: "public",
        autoApproveRegistrations: false,
        warnings: [],
        createdAt: ISO,
        updatedAt: ISO,
        ...where(),
      },
    });
    expect(providerLogLines.join("\n")).not.toContain("existing publication");
    expect(takeRequests()).toEqual(["GET 404", "PUT 200"]);
    expect(bed.emulator.getPublication(apiId, portalId)).toMatchObject({
      auth_strategy_ids: [strategyId],
      visibility: "public",
    });

    const news = { apiId, portalId, authStrategyIds: [otherId] };
    expect(await publicationDiff(created.outs, news)).toEqual({ changes: true, replaces: [] });
    const updated = await updatePublication(created.outs, news);
    expect(takeRequests()).toEqual(["PUT 200"]);
    expect(updated).toMatchObject({ authStrategyIds: [otherId], visibility: "private" });
    expect(await publicationDiff(updated, news)).toEqual({ changes: false, replaces: [] });

    await deletePublication(updated);
    expect(takeRequests()).toEqual(["DELETE 204"]);
    expect(bed.emulator.getPublication(apiId, portalId)).toBeUndefined();
    await deletePublication(updated);
    expect(takeRequests()).toEqual(["DELETE 404"]);
  });

  test("F3: an equal existing publication is not taken over without adopt, and is left as it was", async () => {
    const { strategyId, apiId, portalId } = setup();
    bed.emulator.seedPublication(apiId, portalId, { auth_strategy_ids: [strategyId], visibility: "public" });
    await expect(
      createPublication({ apiId, portalId, authStrategyIds: [strategyId], visibility: "public" }),
    ).rejects.toThrow(
      `API ${apiId} is already published to portal ${portalId}, with the declared settings. A publication carries ` +
        "no labels",
    );
    expect(takeRequests()).toEqual(["GET 200"]);
    expect(bed.emulator.getPublication(apiId, portalId)).toMatchObject({
      auth_strategy_ids: [strategyId],
      visibility: "public",
    });
  });

  test("with adopt: true an equal existing publication is taken over with one GET", async () => {
    const { strategyId, apiId, portalId } = setup();
    bed.emulator.seedPublication(apiId, portalId, { auth_strategy_ids: [strategyId], visibility: "public" });
    const created = await createPublication({
      apiId,
      portalId,
      authStrategyIds: [strategyId],
      visibility: "public",
      adopt: true,
    });
    expect(providerLogLines).toContain(
      `konnect: API publication ${apiId}/${portalId}: existing publication taken over`,
    );
    expect(created.outs.authStrategyIds).toEqual([strategyId]);
    expect(takeRequests()).toEqual(["GET 200"]);
  });

  test("a different existing publication fails with the differences, and is left as it was", async () => {
    const { strategyId, otherId, apiId, portalId } = setup();
    bed.emulator.seedPublication(apiId, portalId, { auth_strategy_ids: [otherId], visibility: "public" });
    await expect(createPublication({ apiId, portalId, authStrategyIds: [strategyId] })).rejects.toThrow(
      `API ${apiId} is already published to portal ${portalId} with other settings ` +
        `(authStrategyIds: Konnect has ["${otherId}"], declared ["${strategyId}"]; ` +
        'visibility: Konnect has "public", declared "private"). To apply the declared settings, set adopt: true',
    );
    expect(takeRequests()).toEqual(["GET 200"]);
    expect(bed.emulator.getPublication(apiId, portalId)).toMatchObject({
      auth_strategy_ids: [otherId],
      visibility: "public",
    });
  });

  test("with adopt: true a different existing publication is overwritten with GET + PUT", async () => {
    const { strategyId, otherId, apiId, portalId } = setup();
    bed.emulator.seedPublication(apiId, portalId, { auth_strategy_ids: [otherId], visibility: "public" });
    const created = await createPublication({
      apiId,
      portalId,
      authStrategyIds: [strategyId],
      adopt: true,
    });
    expect(providerLogLines).toContain(
      `konnect: API publication ${apiId}/${portalId}: existing publication overwritten`,
    );
    expect(created.outs).toMatchObject({ authStrategyIds: [strategyId], visibility: "private", adopt: true });
    expect(takeRequests()).toEqual(["GET 200", "PUT 200"]);
  });

  test("authStrategyIds absent takes the portal default (not sent); [] is no application auth (null)", async () => {
    const { strategyId, apiId, portalId } = setup({ default_application_auth_strategy_id: undefined });
    bed.emulator.updateStored("portals", portalId, { default_application_auth_strategy_id: strategyId });
    const viaDefault = await createPublication({ apiId, portalId });
    expect(viaDefault.outs.authStrategyIds).toEqual([strategyId]);
    expect(await publicationDiff(viaDefault.outs, { apiId, portalId })).toEqual({ changes: false, replaces: [] });

    const noAuth = await updatePublication(viaDefault.outs, { apiId, portalId, authStrategyIds: [] });
    expect(noAuth.authStrategyIds).toEqual([]);
    expect(bed.emulator.getPublication(apiId, portalId)).toMatchObject({ auth_strategy_ids: null });
    expect(await publicationDiff(noAuth, { apiId, portalId, authStrategyIds: [] })).toEqual({
      changes: false,
      replaces: [],
    });
  });

  test("read shows drift made in the UI, and undefined once the publication is gone", async () => {
    const { strategyId, apiId, portalId } = setup();
    const { outs } = await createPublication({ apiId, portalId, authStrategyIds: [strategyId] });
    bed.emulator.updateStoredPublication(apiId, portalId, { visibility: "public", auto_approve_registrations: true });
    bed.emulator.clearRequestLog();
    const read = await readPublication(outs);
    expect(read).toEqual({ ...outs, visibility: "public", autoApproveRegistrations: true, updatedAt: ISO });
    expect(await publicationDiff(read!, { apiId, portalId, authStrategyIds: [strategyId] })).toEqual({
      changes: true,
      replaces: [],
    });
    await deletePublication(outs);
    bed.emulator.clearRequestLog();
    expect(await readPublication(outs)).toBeUndefined();
    expect(takeRequests()).toEqual(["GET 404"]);
  });

  test("publishing to a portal that does not exist fails with Konnect's 404, naming the call", async () => {
    const { apiId } = setup();
    await expect(createPublication({ apiId, portalId: MISSING })).rejects.toThrow(
      new RegExp(`^publish API ${apiId} to portal ${MISSING}: 404 `),
    );
  });

  test("the strategy cannot be deleted while the publication uses it (409); after delete it can", async () => {
    const { strategyId, apiId, portalId } = setup();
    const { outs } = await createPublication({ apiId, portalId, authStrategyIds: [strategyId] });
    await expect(deleteAuthStrategy(bed.transport, strategyId)).rejects.toThrow(/409/);
    await deletePublication(outs);
    await expect(deleteAuthStrategy(bed.transport, strategyId)).resolves.toBeUndefined();
  });
});

describe("PortalDefaultAuthStrategy steps", () => {
  function setup() {
    const ours = bed.emulator.seedAuthStrategy(oidcBody());
    const previous = bed.emulator.seedAuthStrategy(KEY_AUTH_BODY);
    const portal = bed.emulator.seedPortal({ name: "dev", default_application_auth_strategy_id: previous.id });
    bed.emulator.clearRequestLog();
    return { ours: ours.id, previous: previous.id, portalId: portal.id };
  }
  /** The portal lines the provider logged. */
  const lines = () => providerLogLines.filter((l) => l.startsWith("konnect: portal ")).map((l) => l.slice(9));

  test("create = GET + PATCH, recording the previous default; delete = GET + PATCH, putting it back", async () => {
    const { ours, previous, portalId } = setup();
    const created = await createPortalDefault({ portalId, authStrategyId: ours });
    expect(created).toEqual({
      id: portalId,
      outs: {
        portalId,
        authStrategyId: ours,
        appliedAuthStrategyId: ours,
        previousAuthStrategyId: previous,
        ...where(),
      },
    });
    expect(takeRequests()).toEqual(["GET 200", "PATCH 200"]);
    expect(bed.emulator.portalDefault(portalId)).toBe(ours);

    await deletePortalDefault(created.outs);
    expect(takeRequests()).toEqual(["GET 200", "PATCH 200"]);
    expect(bed.emulator.portalDefault(portalId)).toBe(previous);
    expect(lines()).toEqual([]);
  });

  test("a portal without a default gets none back", async () => {
    const { ours } = setup();
    const portal = bed.emulator.seedPortal({ name: "bare" });
    const { outs } = await createPortalDefault({ portalId: portal.id, authStrategyId: ours });
    expect(outs.previousAuthStrategyId).toBeNull();
    await deletePortalDefault(outs);
    expect(bed.emulator.portalDefault(portal.id)).toBeNull();
  });

  test("update is one PATCH and keeps the previous default", async () => {
    const { ours, previous, portalId } = setup();
    const other = bed.emulator.seedAuthStrategy(oidcBody());
    const { outs } = await createPortalDefault({ portalId, authStrategyId: ours });
    takeRequests();
    const updated = await updatePortalDefault(outs, { portalId, authStrategyId: other.id });
    expect(takeRequests()).toEqual(["PATCH 200"]);
    expect(updated).toEqual({
      portalId,
      authStrategyId: other.id,
      appliedAuthStrategyId: other.id,
      previousAuthStrategyId: previous,
      ...where(),
    });
    await deletePortalDefault(updated);
    expect(bed.emulator.portalDefault(portalId)).toBe(previous);
  });

  test("changed since by someone else: delete leaves it, removes only the record labels, and says so in the log", async () => {
    const { ours, portalId } = setup();
    const mine = await createPortalDefault({ portalId, authStrategyId: ours });
    const theirs = bed.emulator.seedAuthStrategy(oidcBody());
    bed.emulator.updateStored("portals", portalId, { default_application_auth_strategy_id: theirs.id });
    bed.emulator.clearRequestLog();

    // A refresh in between shows the drift, and delete still decides on the strategy this resource applied.
    const refreshed = await readPortalDefault(mine.outs);
    expect(refreshed).toEqual({ ...mine.outs, authStrategyId: theirs.id });
    takeRequests();
    await deletePortalDefault(refreshed!);
    expect(takeRequests()).toEqual(["GET 200", "PATCH 200"]);
    expect(bed.emulator.portalDefault(portalId)).toBe(theirs.id);
    expect(Object.keys((bed.emulator.get("portals", portalId) as { labels: object }).labels)).toEqual([]);
    expect(lines()).toEqual([
      `portal ${portalId}: default auth strategy left as is (strategy ${theirs.id}): it no longer points at ${ours}, which this resource set, so someone changed it since`,
    ]);
  });

  test.each([400, 404] as const)(
    "the previous strategy was deleted meanwhile (Konnect answers %i): the default is cleared",
    async (status) => {
      bed.emulator.setOptions({ unknownStrategyReferenceStatus: status });
      const { ours, previous, portalId } = setup();
      const { outs } = await createPortalDefault({ portalId, authStrategyId: ours });
      await deleteAuthStrategy(bed.transport, previous);
      bed.emulator.clearRequestLog();
      await deletePortalDefault(outs);
      expect(takeRequests()).toEqual(["GET 200", `PATCH ${status}`, "PATCH 200"]);
      expect(bed.emulator.portalDefault(portalId)).toBeNull();
      expect(lines()).toEqual([
        `portal ${portalId}: the previous default auth strategy ${previous} no longer exists; clearing the default instead`,
      ]);
    },
  );

  test("a portal that is gone: read is undefined and delete is done, both with one GET", async () => {
    const { ours } = setup();
    const state = {
      portalId: MISSING,
      authStrategyId: ours,
      appliedAuthStrategyId: ours,
      previousAuthStrategyId: null,
    };
    expect(await readPortalDefault(state)).toBeUndefined();
    await deletePortalDefault(state);
    expect(takeRequests()).toEqual(["GET 404", "GET 404"]);
  });

  test("the strategy cannot be deleted while it is the portal's default (409); after delete it can", async () => {
    const { ours, portalId } = setup();
    const { outs } = await createPortalDefault({ portalId, authStrategyId: ours });
    await expect(deleteAuthStrategy(bed.transport, ours)).rejects.toThrow(/409/);
    await deletePortalDefault(outs);
    await expect(deleteAuthStrategy(bed.transport, ours)).resolves.toBeUndefined();
  });
});
