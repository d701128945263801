/**
 * The v3 client operations of a portal's default application auth strategy (GET, PATCH) against the emulator: wire
 * mapping both ways, strict requests and tolerant responses.
 */
import { KonnectApiError } from "../../../provider/konnect";
import {
  getPortal,
  portalResponseSchema,
  patchPortalDefault,
  setPortalDefaultAuthStrategy,
} from "../../../provider/konnect/portals/operations";
import { KEY_AUTH_BODY, oidcBody } from "../../../tools/emulator/testSupport";
import { ISO, MISSING, requestLines, useClientTestbed } from "../support";

const bed = useClientTestbed();
const requests = () => requestLines(bed);

describe("portal default application auth strategy", () => {
  test("read, set, clear: the PATCH touches only the default strategy", async () => {
    const strategy = bed.emulator.seedAuthStrategy(oidcBody());
    const portal = bed.emulator.seedPortal({ name: "dev", display_name: "Dev", auto_approve_applications: true });

    expect(await getPortal(bed.transport, portal.id)).toEqual({
      id: portal.id,
      name: "dev",
      defaultApplicationAuthStrategyId: null,
      labels: {},
      createdAt: ISO,
      updatedAt: ISO,
    });
    const set = await setPortalDefaultAuthStrategy(bed.transport, portal.id, strategy.id);
    expect(set.defaultApplicationAuthStrategyId).toBe(strategy.id);
    expect(bed.emulator.portalDefault(portal.id)).toBe(strategy.id);
    expect(bed.emulator.get("portals", portal.id)).toMatchObject({
      display_name: "Dev",
      auto_approve_applications: true,
    });

    const cleared = await setPortalDefaultAuthStrategy(bed.transport, portal.id, null);
    expect(cleared.defaultApplicationAuthStrategyId).toBeNull();
    expect(bed.emulator.portalDefault(portal.id)).toBeNull();
    expect(requests()).toEqual([
      `GET /v3/portals/${portal.id} 200`,
      `PATCH /v3/portals/${portal.id} 200`,
      `PATCH /v3/portals/${portal.id} 200`,
    ]);
  });

  test("a key-auth default Konnect created with the portal is read as any other id", async () => {
    bed.emulator.setOptions({ portalKeyAuthStrategy: "create-and-default" });
    const portal = bed.emulator.seedPortal({ name: "private" });
    const current = await getPortal(bed.transport, portal.id);
    expect(current.defaultApplicationAuthStrategyId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(bed.emulator.get("application-auth-strategies", current.defaultApplicationAuthStrategyId!)).toMatchObject({
      strategy_type: KEY_AUTH_BODY.strategy_type,
    });
  });

  test("an unknown portal is a 404; a strategy id that is not a UUID is refused before sending", async () => {
    const error: unknown = await getPortal(bed.transport, MISSING).catch((e: unknown) => e);
    expect((error as KonnectApiError).isNotFound).toBe(true);
    const portal = bed.emulator.seedPortal({ name: "dev" });
    bed.emulator.clearRequestLog();
    await expect(setPortalDefaultAuthStrategy(bed.transport, portal.id, "strategy-1")).rejects.toThrow(
      `set the default auth strategy of portal ${portal.id} to strategy-1: invalid request: ` +
        "defaultApplicationAuthStrategyId: must be a UUID",
    );
    expect(bed.emulator.requestLog()).toEqual([]);
  });

  test("a strategy that does not exist is Konnect's answer, named", async () => {
    const portal = bed.emulator.seedPortal({ name: "dev" });
    const error: unknown = await setPortalDefaultAuthStrategy(bed.transport, portal.id, MISSING).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KonnectApiError);
    expect((error as KonnectApiError).status).toBe(400);
    expect((error as KonnectApiError).invalidParameters.map((p) => p.field)).toEqual([
      "default_application_auth_strategy_id",
    ]);
  });

  test("portal responses are read tolerantly", () => {
    expect(
      portalResponseSchema().parse({
        id: "p",
        name: "n",
        default_application_auth_strategy_id: null,
        created_at: "c",
        updated_at: "u",
        a_field_konnect_adds_later: 1,
        labels: { x: "y" },
      }),
    ).toEqual({
      id: "p",
      name: "n",
      defaultApplicationAuthStrategyId: null,
      labels: { x: "y" },
      createdAt: "c",
      updatedAt: "u",
    });
    expect(
      portalResponseSchema().parse({
        id: "p",
        name: "n",
        default_application_auth_strategy_id: null,
        created_at: "c",
        updated_at: "u",
      }).labels,
    ).toEqual({});
  });

  test("one PATCH sets the default and names labels: a value sets a key, null removes it, others stay", async () => {
    const strategy = bed.emulator.seedAuthStrategy(oidcBody());
    const portal = bed.emulator.seedPortal({ name: "dev", labels: { team: "a", old: "x" } });
    const set = await patchPortalDefault(bed.transport, portal.id, {
      defaultApplicationAuthStrategyId: strategy.id,
      labels: { mine: "1", old: null },
    });
    expect(set).toMatchObject({ defaultApplicationAuthStrategyId: strategy.id, labels: { team: "a", mine: "1" } });
    const labelsOnly = await patchPortalDefault(bed.transport, portal.id, { labels: { mine: null } });
    expect(labelsOnly).toMatchObject({ defaultApplicationAuthStrategyId: strategy.id, labels: { team: "a" } });
    bed.emulator.clearRequestLog();
    await expect(
      patchPortalDefault(bed.transport, portal.id, { labels: { "kong-owned": "1", ok: "not ok!" } }),
    ).rejects.toThrow(
      `update the labels of portal ${portal.id}: invalid request: labels.kong-owned: label keys must not start ` +
        'with "kong"',
    );
    expect(bed.emulator.requestLog()).toEqual([]);
  });
});
