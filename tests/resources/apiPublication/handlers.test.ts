/**
 * The lifecycle steps of ApiPublication through its handlers (what the plugin host runs) against the emulator: what
 * each step leaves in Konnect, what it returns, and exactly which requests it sends (the API economy floors: create =
 * GET + PUT, update = PUT, delete = DELETE).
 */
import { deleteAuthStrategy } from "../../../provider/konnect";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "../../../provider/resources/apiPublication/args";
import { handlers } from "../../../provider/resources/runtime";
import { oidcBody, seedPublicationTargets } from "../../../tools/emulator/testSupport";
import { providerLogLines } from "../support";
import { ISO, MISSING, useDevPortalHandlerTestbed } from "../devPortalSupport";

const { bed, takeRequests, where } = useDevPortalHandlerTestbed();

const publication = handlers.apiPublication;

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
