/**
 * The lifecycle steps of PortalDefaultAuthStrategy through its handlers (what the plugin host runs) against the
 * emulator: what each step leaves in Konnect, what it returns, and exactly which requests it sends (the API economy
 * floors: create = GET + PATCH, delete = GET + PATCH).
 */
import { deleteAuthStrategy } from "../../../provider/konnect";
import type {
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
} from "../../../provider/resources/portalDefaultAuthStrategy/args";
import { handlers } from "../../../provider/resources/runtime";
import { KEY_AUTH_BODY, oidcBody } from "../../../tools/emulator/testSupport";
import { providerLogLines } from "../support";
import { MISSING, useDevPortalHandlerTestbed } from "../devPortalSupport";

const { bed, takeRequests, where } = useDevPortalHandlerTestbed();

const portalDefault = handlers.portalDefaultAuthStrategy;

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
