/** The root stack driven by project config: every key reaches the component, and manual consent changes next steps. */
import type * as pulumi from "@pulumi/pulumi";
import { guidFrom, MOCK_DEFAULTS, reveal, TYPES, type AzureMocks } from "./azureMocks";
import { valueOf } from "./helpers";
import { runRootProgram, type RootOutputs } from "./rootProgram";

let outputs: RootOutputs;
let mocks: AzureMocks;

beforeAll(async () => {
  ({ outputs, mocks } = await runRootProgram(
    {
      "konnect:token": "kpat_test",
      applicationDisplayName: "Konnect DCR prod",
      graphPermissionPreset: "none",
      graphPermissions: '["User.Read","Application.ReadWrite.OwnedBy","Application.Read.All"]',
      grantAdminConsent: "false",
      secretEndDate: "2027-01-31T00:00:00Z",
      secretRotationKey: "2026-q2",
      dcrProviderName: "Azure DCR Provider",
      dcrProviderDisplayName: "Azure",
      authStrategyName: "Azure DCR Auth Strategy",
      authStrategyDisplayName: "Contoso employees",
      scopes: '["openid","email"]',
      authMethods: '["client_credentials","bearer"]',
      verify: "true",
    },
    ["konnect:token"],
    "prod",
  ));
  await Promise.all(Object.values(outputs).map((o) => valueOf(o as pulumi.Output<unknown>)));
});

test("Azure side follows the config: explicit permissions, no consent resources, fixed end date with a key", () => {
  expect(mocks.errors).toEqual([]);
  const app = mocks.get(TYPES.application, "azure-dcr-azure-app");
  expect(app.inputs.displayName).toBe("Konnect DCR prod");
  expect(app.inputs.requiredResourceAccesses).toEqual([
    {
      resourceAppId: "00000003-0000-0000-c000-000000000000",
      resourceAccesses: [
        { id: "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30", type: "Role" },
        { id: "18a4783c-866b-4cc7-a460-3d5e5662c884", type: "Role" },
        { id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d", type: "Scope" },
      ],
    },
  ]);
  expect(mocks.ofType(TYPES.appRoleAssignment)).toEqual([]);
  expect(mocks.ofType(TYPES.delegatedGrant)).toEqual([]);
  expect(mocks.get(TYPES.applicationPassword, "azure-dcr-azure-secret").inputs).toEqual({
    applicationId: `/applications/${guidFrom("application:azure-dcr-azure-app")}`,
    displayName: "konnect-dcr",
    endDate: "2027-01-31T00:00:00Z",
    rotateWhenChanged: { rotationKey: "2026-q2" },
  });
});

test("Konnect side follows the config", () => {
  const provider = reveal<Record<string, unknown>>(mocks.get(TYPES.dcrProvider, "azure-dcr-dcr-provider").inputs);
  const strategy = reveal<Record<string, unknown>>(mocks.get(TYPES.authStrategy, "azure-dcr-auth-strategy").inputs);
  expect([provider.name, provider.displayName, provider.verify]).toEqual(["Azure DCR Provider", "Azure", true]);
  expect([strategy.name, strategy.displayName, strategy.openidConnect]).toEqual([
    "Azure DCR Auth Strategy",
    "Contoso employees",
    {
      issuer: `https://sts.windows.net/${MOCK_DEFAULTS.tenantId}`,
      credentialClaim: ["appid"],
      scopes: ["openid", "email"],
      authMethods: ["client_credentials", "bearer"],
    },
  ]);
});

test("next steps start with the admin consent URL when consent is manual", async () => {
  const steps = await valueOf(outputs.nextSteps);
  const consentUrl = await valueOf(outputs.adminConsentUrl);
  expect(steps.split("\n")[0]).toBe(`1. Grant admin consent (Privileged Role Administrator): ${consentUrl}`);
  expect(steps.split("\n")).toHaveLength(4);
  expect(await valueOf(outputs.secretEndDate)).toBe("2027-01-31T00:00:00Z");
});
