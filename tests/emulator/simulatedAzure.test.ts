/**
 * Simulated Azure (tools/standins/simulatedAzure.ts): mocked azuread steps mirrored into the emulator's IdP, so that
 * Konnect's link check sees who owns a client (a service principal owner counts as its application), the token
 * endpoint sees the secrets, and deletes of clients already gone fail like azuread's, with refresh finding them gone.
 */
import { secret, type PropertyMap } from "../../tools/engine/encoding";
import type { SimulatedStep } from "../../tools/engine/engineLite";
import { simulatedAzure } from "../../tools/standins/simulatedAzure";
import { seedDcrTargets, useEmulator } from "../../tools/emulator/testSupport";

const konnect = useEmulator();

const TENANT = "tenant";
const DEPLOYER = "b0a8c6f2-1d3e-4f5a-9b7c-2e4d6f8a0c1e";
const ADMIN_SP = "6b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
const CLIENT_OBJECT = "7c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const CLIENT_ID = "9e8d7c6b-5a49-4382-a716-0f1e2d3c4b5a";
const SECRET = "abc8Q~simulated-secret-value-0123456789";

const step = (op: SimulatedStep["op"], type: string, inputs: PropertyMap, outputs: PropertyMap): SimulatedStep => ({
  op,
  urn: `urn:pulumi:dev::p::${type}::x`,
  type,
  inputs,
  outputs,
});
const APP = "azuread:index/application:Application";
const SP = "azuread:index/servicePrincipal:ServicePrincipal";
const PASSWORD = "azuread:index/applicationPassword:ApplicationPassword";

/** The admin SP (client id `client-a`, the seeded provider's initial client) and a test client owned by it. */
async function mirrorTestClient(owners: string[]) {
  const azure = simulatedAzure(konnect, { tenantId: TENANT });
  await azure.apply!(step("same", SP, { clientId: "client-a" }, { objectId: ADMIN_SP }));
  const appInputs = { displayName: "test client", owners };
  const appOutputs = { objectId: CLIENT_OBJECT, clientId: CLIENT_ID };
  await azure.apply!(step("create", APP, appInputs, appOutputs));
  const passwordInputs = { applicationId: `/applications/${CLIENT_OBJECT}` };
  await azure.apply!(step("create", PASSWORD, passwordInputs, { value: secret(SECRET) }));
  return { azure, appInputs, appOutputs, passwordInputs };
}

describe("simulated Azure in the emulator's IdP", () => {
  test("an application owned by the admin app's service principal is a client Konnect can link", async () => {
    const { azure } = await mirrorTestClient([DEPLOYER, ADMIN_SP]);
    expect(konnect.getIdpClient(CLIENT_ID)).toMatchObject({
      client_id: CLIENT_ID,
      tenant_id: TENANT,
      display_name: "test client",
      owners: [DEPLOYER, "client-a"],
      created_by: "control",
    });
    expect(konnect.checkIdpSecret(CLIENT_ID, SECRET, TENANT)).toMatchObject({ ok: true });
    expect(azure.events).toEqual([`registered ${CLIENT_ID}`, `secret added to ${CLIENT_ID}`]);
    const t = seedDcrTargets(konnect);
    const linked = konnect.seedApplication(t.portalId, {
      name: "test",
      auth_strategy_id: t.strategyId,
      owner: { type: "team", id: t.teamId },
      dcr_client_id: CLIENT_ID,
    });
    expect(linked.client_id).toBe(CLIENT_ID);
  });

  test("one owned by the deployer only is refused by Konnect's link check", async () => {
    await mirrorTestClient([DEPLOYER]);
    const t = seedDcrTargets(konnect);
    expect(() =>
      konnect.seedApplication(t.portalId, {
        name: "test",
        auth_strategy_id: t.strategyId,
        owner: { type: "team", id: t.teamId },
        dcr_client_id: CLIENT_ID,
      }),
    ).toThrow(expect.objectContaining({ status: 400 }) as Error);
  });

  test("a rotated password adds a usable secret; deletes and reads follow the IdP", async () => {
    const { azure, appInputs, appOutputs, passwordInputs } = await mirrorTestClient([ADMIN_SP]);
    const rotated = "xyz8Q~rotated-secret-value-9876543210abc";
    await azure.apply!(step("replace", PASSWORD, passwordInputs, { value: secret(rotated) }));
    expect(konnect.checkIdpSecret(CLIENT_ID, rotated, TENANT)).toMatchObject({ ok: true });
    // Gone behind the stack's back (Konnect deleted the linked client): deletes fail like azuread's, reads say gone.
    konnect.deleteIdpClient(CLIENT_ID);
    const app = step("delete", APP, appInputs, appOutputs);
    expect(() => azure.apply!(app)).toThrow(
      `Retrieving Application with object ID "${CLIENT_OBJECT}": Application was not found`,
    );
    expect(() => azure.apply!(step("delete", PASSWORD, passwordInputs, {}))).toThrow(
      `Retrieving Application with object ID "${CLIENT_OBJECT}": Application was not found`,
    );
    expect(azure.read!({ ...app })).toBe("gone");
    expect(azure.read!(step("same", PASSWORD, passwordInputs, {}))).toBe("gone");
    // A later create or update of the same application does not bring it back; only a create registers.
    await azure.apply!(step("update", APP, appInputs, appOutputs));
    expect(konnect.getIdpClient(CLIENT_ID)).toBeUndefined();
  });

  test("a delete of an existing application removes its client; consent resources pass", async () => {
    const { azure, appInputs, appOutputs } = await mirrorTestClient([ADMIN_SP]);
    await azure.apply!(step("create", "azuread:index/appRoleAssignment:AppRoleAssignment", {}, {}));
    await azure.apply!(step("delete", APP, appInputs, appOutputs));
    expect(konnect.getIdpClient(CLIENT_ID)).toBeUndefined();
    expect(azure.events.at(-1)).toBe(`deleted ${CLIENT_ID}`);
  });
});
