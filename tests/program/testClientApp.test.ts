/**
 * AzureDcrTestClient under setMocks: the client a Dev Portal test application links (`dcr_client_id`) is single
 * tenant with v1 tokens, owned by the deployer and by the DCR admin app's service principal (so Konnect reaches it with
 * Application.ReadWrite.OwnedBy), has its service principal and a secret on the admin secret's schedule, and refuses
 * a missing or malformed owner and a tenant that differs from the DCR provider's.
 */
import { AzureDcrAdminApp, AzureDcrTestClient, type AzureDcrTestClientArgs } from "../../provider/azure";
import { sameTenant } from "../../provider/azure/testClientApp";
import { guidFrom, MOCK_DEFAULTS, TYPES } from "./azureMocks";
import { captureOptions, inspect, useAzureMocks, valueOf } from "./helpers";

const NOW = Date.parse("2026-05-20T08:30:00Z");
// 90-day windows from the epoch: 2026-05-20 lies in the window starting 2026-03-08; + 180 days = 2026-09-04.
const WINDOW_START = "2026-03-08T00:00:00Z";
const END_DATE = "2026-09-04T00:00:00Z";
const ADMIN_SP = "6b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
const OTHER_OWNER = "0e9d8c7b-6a59-4483-9726-15f4e3d2c1b0";
const { deployerObjectId: DEPLOYER, tenantId: TENANT } = MOCK_DEFAULTS;

const env = useAzureMocks(NOW);

async function build(name: string, args: AzureDcrTestClientArgs) {
  const client = new AzureDcrTestClient(name, args);
  await Promise.all([valueOf(client.clientSecret), valueOf(client.urn), valueOf(client.secretEndDate)]);
  return client;
}

describe("AzureDcrTestClient", () => {
  test("one application, service principal and secret, named from the component", async () => {
    await build("tc", { adminServicePrincipalObjectId: ADMIN_SP });
    const mine = env.m.resources.filter((r) => r.name === "tc" || r.name.startsWith("tc-"));
    expect(mine.map((r) => [r.type, r.name]).sort()).toEqual(
      [
        ["pulumi-konnect-dcr:azure:AzureDcrTestClient", "tc"],
        [TYPES.application, "tc-app"],
        [TYPES.servicePrincipal, "tc-sp"],
        [TYPES.applicationPassword, "tc-secret"],
      ].sort(),
    );
  });

  test("single tenant, v1 tokens, owned by the deployer and the admin app's service principal (app and SP)", async () => {
    await build("own", { adminServicePrincipalObjectId: ADMIN_SP, owners: [OTHER_OWNER, DEPLOYER] });
    expect(env.m.get(TYPES.application, "own-app").inputs).toEqual({
      displayName: "Konnect DCR test client (own)",
      notes: "Kong Konnect Dev Portal DCR test application client, managed by Pulumi (pulumi-konnect-dcr).",
      signInAudience: "AzureADMyOrg",
      owners: [DEPLOYER, ADMIN_SP, OTHER_OWNER],
      api: { requestedAccessTokenVersion: 1 },
    });
    expect(env.m.get(TYPES.servicePrincipal, "own-sp").inputs).toEqual({
      clientId: guidFrom("client:own-app"),
      owners: [DEPLOYER, ADMIN_SP, OTHER_OWNER],
    });
  });

  test("the secret is on the same schedule as the admin app's: same end date and rotation trigger", async () => {
    const settings = { secretRotationKey: "leak-2026-05" };
    await build("sched", { adminServicePrincipalObjectId: ADMIN_SP, ...settings });
    const admin = new AzureDcrAdminApp("sched-admin", settings);
    await valueOf(admin.clientSecret);
    const test = env.m.get(TYPES.applicationPassword, "sched-secret").inputs;
    const adminSecret = env.m.get(TYPES.applicationPassword, "sched-admin-secret").inputs;
    expect(test).toEqual({
      applicationId: `/applications/${guidFrom("application:sched-app")}`,
      displayName: "konnect-dcr-test",
      endDate: END_DATE,
      rotateWhenChanged: { rotationWindow: WINDOW_START, rotationKey: "leak-2026-05" },
    });
    expect([test.endDate, test.rotateWhenChanged]).toEqual([adminSecret.endDate, adminSecret.rotateWhenChanged]);
  });

  test("a fixed end date and the other schedule settings behave as the admin app's", async () => {
    await build("fixed", { adminServicePrincipalObjectId: ADMIN_SP, secretEndDate: "2027-01-31T00:00:00Z" });
    expect(env.m.get(TYPES.applicationPassword, "fixed-secret").inputs).toEqual({
      applicationId: `/applications/${guidFrom("application:fixed-app")}`,
      displayName: "konnect-dcr-test",
      endDate: "2027-01-31T00:00:00Z",
    });
    expect(
      () =>
        new AzureDcrTestClient("both", {
          adminServicePrincipalObjectId: ADMIN_SP,
          secretEndDate: "2027-01-31T00:00:00Z",
          secretRotationDays: 30,
        }),
    ).toThrow("secretEndDate: cannot be combined with secretLifetimeDays or secretRotationDays");
  });

  test("outputs: client id, tenant, the secret only as a secret, owners", async () => {
    const client = await build("outs", { adminServicePrincipalObjectId: ADMIN_SP, tenantId: TENANT.toUpperCase() });
    const password = env.m.get(TYPES.applicationPassword, "outs-secret");
    expect(await inspect(client.clientSecret)).toEqual({ value: password.state.value, secret: true });
    expect(await valueOf(client.clientId)).toBe(guidFrom("client:outs-app"));
    expect(await valueOf(client.tenantId)).toBe(TENANT);
    expect(await valueOf(client.servicePrincipalObjectId)).toBe(guidFrom("servicePrincipal:outs-sp"));
    expect(await valueOf(client.owners)).toEqual([DEPLOYER, ADMIN_SP]);
  });

  test.each([
    ["absent", undefined],
    ["not a GUID", "not-a-guid"],
  ])("refuses an admin service principal that is %s, before any child", (_label, value) => {
    const { transformation, captured } = captureOptions();
    expect(
      () =>
        new AzureDcrTestClient(
          "bad-admin",
          { adminServicePrincipalObjectId: value as unknown as string },
          {
            transformations: [transformation],
          },
        ),
    ).toThrow("adminServicePrincipalObjectId: must be the object id (a GUID) of the DCR admin app's service principal");
    expect(captured.map((c) => c.name)).toEqual(["bad-admin"]);
  });

  test("a tenant other than the deployer's is refused naming both (it fails the application's owners)", () => {
    const other = "3c2b1a09-8f7e-4d6c-9b5a-493827160504";
    expect(sameTenant(TENANT, TENANT.toUpperCase())).toBe(TENANT);
    expect(() => sameTenant(TENANT, other)).toThrow(
      `tenantId: the DCR provider's issuer names tenant ${other}, but the azuread provider deploys to tenant ${TENANT}; Konnect can only link a client of its own tenant`,
    );
  });
});
