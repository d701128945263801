/** The root stack with only `konnect:*` config: component defaults, every stack output, secrets kept secret. */
import type * as pulumi from "@pulumi/pulumi";
import { guidFrom, MOCK_DEFAULTS, reveal, TYPES, type AzureMocks } from "./azureMocks";
import { inspect, valueOf } from "./helpers";
import { runRootProgram, type RootOutputs } from "./rootProgram";

const TENANT = MOCK_DEFAULTS.tenantId;
let outputs: RootOutputs;
let mocks: AzureMocks;

beforeAll(async () => {
  jest.spyOn(Date, "now").mockReturnValue(Date.parse("2026-05-20T08:30:00Z"));
  ({ outputs, mocks } = await runRootProgram({ "konnect:token": "kpat_test", "konnect:region": "eu" }, [
    "konnect:token",
  ]));
  await Promise.all(Object.values(outputs).map((o) => valueOf(o as pulumi.Output<unknown>)));
});
afterAll(() => jest.restoreAllMocks());

test("creates the whole flow once: 5 Azure resources, a DCR provider and an auth strategy", () => {
  expect(mocks.errors).toEqual([]);
  expect(
    mocks.resources
      .filter((r) => r.custom)
      .map((r) => r.type)
      .sort(),
  ).toEqual(
    [
      TYPES.application,
      TYPES.servicePrincipal,
      TYPES.appRoleAssignment,
      TYPES.delegatedGrant,
      TYPES.applicationPassword,
      TYPES.dcrProvider,
      TYPES.authStrategy,
    ].sort(),
  );
  expect(mocks.get(TYPES.application, "azure-dcr-azure-app").inputs.displayName).toBe("Konnect DCR (dev)");
});

test("Konnect objects use the schema defaults", () => {
  const provider = reveal<Record<string, unknown>>(mocks.get(TYPES.dcrProvider, "azure-dcr-dcr-provider").inputs);
  const strategy = reveal<Record<string, unknown>>(mocks.get(TYPES.authStrategy, "azure-dcr-auth-strategy").inputs);
  expect([provider.name, provider.providerType, provider.region, provider.verify]).toEqual([
    "azure-dcr",
    "azureAd",
    undefined,
    undefined,
  ]);
  expect([strategy.name, strategy.displayName, strategy.openidConnect]).toEqual([
    "azure-dcr",
    "Microsoft Entra ID",
    {
      issuer: `https://sts.windows.net/${TENANT}`,
      credentialClaim: ["appid"],
      scopes: ["openid"],
      authMethods: ["client_credentials", "bearer", "session"],
    },
  ]);
});

test("stack outputs", async () => {
  const clientId = guidFrom("client:azure-dcr-azure-app");
  const strategyId = guidFrom(`${TYPES.authStrategy}:azure-dcr-auth-strategy`);
  expect(await valueOf(outputs.dcrProviderId)).toBe(guidFrom(`${TYPES.dcrProvider}:azure-dcr-dcr-provider`));
  expect(await valueOf(outputs.authStrategyId)).toBe(strategyId);
  expect(await inspect(outputs.issuer)).toEqual({ value: `https://sts.windows.net/${TENANT}`, secret: false });
  expect(await valueOf(outputs.tenantId)).toBe(TENANT);
  expect(await valueOf(outputs.clientId)).toBe(clientId);
  expect(await valueOf(outputs.secretEndDate)).toBe("2026-09-04T00:00:00Z");
  expect(await valueOf(outputs.adminConsentUrl)).toBe(
    `https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${clientId}`,
  );
  expect(await inspect(outputs.clientSecret)).toEqual({
    value: mocks.get(TYPES.applicationPassword, "azure-dcr-azure-secret").state.value,
    secret: true,
  });
  expect(await inspect(outputs.nextSteps)).toEqual({
    secret: false,
    value: [
      `1. Publish your APIs with this auth strategy (${strategyId}): pulumi config set --path 'publications[0]' '<apiId>/<portalId>', then pulumi up.`,
      "2. In the Dev Portal, open a published API, choose Use this API and create an application with this auth strategy; Konnect registers it in Azure AD.",
      `3. Get a v1 token for it: POST https://login.microsoftonline.com/${TENANT}/oauth2/token with grant_type=client_credentials, client_id, client_secret and resource=https://graph.microsoft.com (or npm run verify -- --tenant ... --route ...), or let every pulumi up do it: pulumi config set testApplicationPortalId <portalId>.`,
    ].join("\n"),
  });
});
