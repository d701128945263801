/**
 * The lifecycle steps of PortalApplication through its handlers (what the plugin host runs) against the emulator:
 * what each step leaves in Konnect, what it returns, and exactly which requests it sends (the API economy floors:
 * create = list + POST, an owner change = 1 PATCH, refresh = 1 GET, delete = 1 DELETE, a no-op = 0), plus the paths
 * around them: 404 = gone, a 409 explained or found, adoption, interrupted creates found again.
 */
import { CREATION_LABEL_KEY, baseCreationKey } from "../../../provider/resources/core/creationKey";
import type {
  PortalApplicationInputs,
  PortalApplicationOutputs,
} from "../../../provider/resources/portalApplication/args";
import { DEVELOPER_BODY } from "../../../tools/emulator/testSupport";
import { providerLogLines } from "../support";
import { ISO, app, diffAndUpdate, usePortalMembersTestbed } from "../portalMembersSupport";

const { emulator, targets, takeRequests, where } = usePortalMembersTestbed();

const APP_KEY = baseCreationKey({
  urn: "urn:pulumi:dev::project::pulumi-nodejs:dynamic/konnect:PortalApplication::orders-client",
  organization: "",
});

const APPS = "/v3/portals/{id}/applications";

async function createApp(inputs: PortalApplicationInputs) {
  return (await app.create(inputs)) as { id: string; outs: PortalApplicationOutputs };
}

describe("PortalApplication", () => {
  const declared = (): PortalApplicationInputs & { __creationKey: string } => ({
    portalId: targets.portalId,
    name: "Orders client",
    labels: { env: "dev" },
    authStrategyId: targets.strategyId,
    owner: { teamId: targets.teamId },
    __creationKey: APP_KEY,
  });

  test("create = 1 list + 1 POST with the creation key; owner = 1 PATCH; refresh = 1 GET; delete = 1 DELETE", async () => {
    const created = await createApp(declared());
    expect(takeRequests()).toEqual([`GET ${APPS} 200`, `POST ${APPS} 201`]);
    const stored = emulator.get("applications", created.id)!;
    expect(stored.labels).toEqual({ env: "dev", [CREATION_LABEL_KEY]: APP_KEY });
    expect(created.outs).toEqual({
      ...declared(),
      clientId: stored.client_id,
      dcrProviderId: targets.dcrProviderId,
      grantedScopes: ["openid"],
      registrationCount: 0,
      createdAt: ISO,
      updatedAt: ISO,
      ...where(),
    });
    // Konnect made the IdP client; its secret is nowhere (Konnect never returns one).
    expect(emulator.getIdpClient(stored.client_id!)).toMatchObject({ owners: [targets.adminClientId] });

    const unchanged = await diffAndUpdate(app, created.id, created.outs, declared());
    expect([unchanged.changes, takeRequests()]).toEqual([false, []]);

    const developer = emulator.seedDeveloper(targets.portalId, DEVELOPER_BODY);
    emulator.clearRequestLog();
    const moved = await diffAndUpdate(app, created.id, created.outs, {
      ...declared(),
      owner: { developerId: developer.id },
    });
    expect([moved.changes, moved.replaces, takeRequests()]).toEqual([true, [], [`PATCH ${APPS}/{id} 200`]]);
    expect(emulator.get("applications", created.id)?.owner).toEqual({ type: "developer", id: developer.id });
    expect(moved.outs.owner).toEqual({ developerId: developer.id });
    expect((moved.outs as { __creationKey?: string }).__creationKey).toBe(APP_KEY);

    const read = await app.read(created.id, moved.outs);
    expect(takeRequests()).toEqual([`GET ${APPS}/{id} 200`]);
    expect(read.props).toEqual(moved.outs);

    await app.delete(created.id, moved.outs);
    expect(takeRequests()).toEqual([`DELETE ${APPS}/{id} 204`]);
    await app.delete(created.id, moved.outs);
    expect(takeRequests()).toEqual([`DELETE ${APPS}/{id} 404`]);
    expect(await app.read(created.id, moved.outs)).toEqual({});
  });

  test("an application an earlier attempt made is found by its creation key: 1 list, no POST, still one", async () => {
    const earlier = emulator.seedApplication(targets.portalId, {
      name: "Orders client",
      labels: { env: "dev", [CREATION_LABEL_KEY]: APP_KEY },
      auth_strategy_id: targets.strategyId,
      owner: { type: "team", id: targets.teamId },
    });
    emulator.clearRequestLog();
    const created = await createApp(declared());
    expect(created.id).toBe(earlier.id);
    expect(takeRequests()).toEqual([`GET ${APPS} 200`]);
    expect(emulator.list("applications")).toHaveLength(1);
  });

  test("a POST whose answer is lost is recovered by the key in the same call: still one application", async () => {
    emulator.injectFault({ method: "POST", path: APPS.replace("{id}", "*"), commitThenDrop: true });
    const created = await createApp(declared());
    expect(takeRequests()).toEqual([`GET ${APPS} 200`, `POST ${APPS} 0`, `GET ${APPS} 200`]);
    expect(emulator.list("applications").map((a) => a.id)).toEqual([created.id]);
    expect(providerLogLines).toContain(
      "konnect: the create was applied although its answer was lost; using the object it made",
    );
  });

  test("adopt = 1 GET + 1 PATCH of the owner; a difference Konnect cannot change fails naming it", async () => {
    const developer = emulator.seedDeveloper(targets.portalId, DEVELOPER_BODY);
    const existing = emulator.seedApplication(targets.portalId, {
      name: "Orders client",
      labels: { env: "dev", other: "kept" },
      auth_strategy_id: targets.strategyId,
      owner: { type: "developer", id: developer.id },
    });
    emulator.clearRequestLog();
    const adopted = await createApp({ ...declared(), adopt: existing.id });
    expect(adopted.id).toBe(existing.id);
    expect(takeRequests()).toEqual([`GET ${APPS}/{id} 200`, `PATCH ${APPS}/{id} 200`]);
    expect(emulator.get("applications", existing.id)).toMatchObject({
      owner: { type: "team", id: targets.teamId },
      labels: { env: "dev", other: "kept" },
    });

    await expect(createApp({ ...declared(), name: "Orders", adopt: existing.id })).rejects.toThrow(
      'name: Konnect has "Orders client", declared "Orders"',
    );
    expect(takeRequests()).toEqual([`GET ${APPS}/{id} 200`]);
  });

  test("dcrClientId links an existing IdP client; one the DCR provider cannot reach is a 400 naming dcrClientId", async () => {
    const client = emulator.registerIdpClient({ owners: [targets.adminClientId], tenant_id: targets.tenantId });
    const linked = await createApp({ ...declared(), dcrClientId: client.client_id });
    expect(linked.outs).toMatchObject({ dcrClientId: client.client_id, clientId: client.client_id });
    expect(emulator.get("applications", linked.id)?.idp_client).toBe("linked");

    const foreign = emulator.registerIdpClient({ owners: ["someone-else"], tenant_id: targets.tenantId });
    takeRequests();
    const refused = createApp({ ...declared(), name: "Other client", dcrClientId: foreign.client_id });
    await expect(refused).rejects.toThrow(/dcrClientId: client \[.*\] does not resolve/);
    expect(takeRequests()).toEqual([`GET ${APPS} 200`, `POST ${APPS} 400`]);
  });

  test("a 400 on the owner names the declared owner input, owner.teamId", async () => {
    const cannotOwn = emulator.seedTeam(targets.portalId, { name: "Readers", can_own_applications: false });
    const refused = createApp({ ...declared(), owner: { teamId: cannotOwn.id } });
    await expect(refused).rejects.toThrow(/owner\.teamId: team \[.*\] cannot own applications/);
    await expect(refused).rejects.not.toThrow(/owner\.id:/);
  });
});
