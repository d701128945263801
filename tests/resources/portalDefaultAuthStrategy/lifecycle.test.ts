/**
 * The whole life of PortalDefaultAuthStrategy through its serialized provider object, in process against the
 * emulator: check, create, a no-op diff without API calls, preview with unknown values, update, refresh showing drift,
 * delete, and the region of the resource.
 */
import { portalDefaultAuthStrategyProvider } from "../../../provider/resources/portalDefaultAuthStrategy/resource";
import type {
  PortalDefaultAuthStrategyInputs,
  PortalDefaultAuthStrategyOutputs,
} from "../../../provider/resources/portalDefaultAuthStrategy/args";
import { KEY_AUTH_BODY, oidcBody } from "../../../tools/emulator/testSupport";
import { callShapes, providerLogLines, useProviderTestbed } from "../support";
import { CODE } from "../devPortalSupport";

const portalDefault = portalDefaultAuthStrategyProvider;
const emulator = useProviderTestbed();

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
