/**
 * A user's program, written against the package name only: every exported resource and the component, the way a
 * project that installed the published tarball and its peers uses them. tests/package/consumer.test.ts copies it
 * into such a project, typechecks it there strictly and runs it through the plugin host against the Konnect emulator.
 * When the package exports a new resource, use it here too (the test names any exported resource class this program
 * does not register).
 *
 * Stack config: `consumer:apiId`, `consumer:secondApiId` and `consumer:portalId` (an existing portal and two APIs);
 * for the request check `consumer:tenantId`, `consumer:checkClientId`, `consumer:checkClientSecret` (a secret) and
 * `consumer:loginUrl` (a token endpoint standing in for Azure's).
 */
import * as pulumi from "@pulumi/pulumi";
import {
  ApiPublication,
  AuthStrategy,
  AzureDcrAdminApp,
  AzureDcrTestClient,
  AzureKonnectDcr,
  ApplicationRegistration,
  DcrProvider,
  DcrRequestCheck,
  PortalApplication,
  PortalDefaultAuthStrategy,
  PortalTeam,
  type AzureKonnectDcrArgs,
  type KonnectRegion,
} from "pulumi-konnect-dcr";

const config = new pulumi.Config();
const portalId = config.require("portalId");
const region: KonnectRegion = "us";

// The whole flow in one component: Azure app, consent, rotating secret, DCR provider, strategy, one publication.
const flow: AzureKonnectDcrArgs = {
  region,
  labels: { team: "platform" },
  publications: [{ apiId: config.require("apiId"), portalId, visibility: "public" }],
};
const dcr = new AzureKonnectDcr("azure-dcr", flow);

// The same pieces declared one by one: an admin app feeding a DCR provider, its strategy, a publication and the
// portal's default strategy.
const app = new AzureDcrAdminApp("direct-app", { displayName: "Konnect DCR (direct)" });
const provider = new DcrProvider("direct-dcr", {
  name: "direct-dcr",
  providerType: "azureAd",
  issuer: app.issuer,
  dcrConfig: { initialClientId: app.clientId, initialClientSecret: app.clientSecret },
});
const strategy = new AuthStrategy("direct-strategy", {
  name: "direct-strategy",
  displayName: "Microsoft Entra ID (direct)",
  strategyType: "openid_connect",
  openidConnect: { issuer: provider.issuer, credentialClaim: ["appid"], scopes: ["openid"], authMethods: ["bearer"] },
  dcrProviderId: provider.id,
});
const publication = new ApiPublication("direct-publication", {
  apiId: config.require("secondApiId"),
  portalId,
  authStrategyIds: [strategy.id],
});
const portalDefault = new PortalDefaultAuthStrategy("portal-default", { portalId, authStrategyId: strategy.id });

// The Dev Portal's last steps: a team owning an application that uses the direct strategy, registered for the API
// published with it, and a request check of an application's credentials (a token from the login URL).
const team = new PortalTeam("partners", { portalId, name: "Partners", canOwnApplications: true });
const application = new PortalApplication("orders-client", {
  portalId,
  name: "Orders client",
  authStrategyId: strategy.id,
  owner: { teamId: team.id },
});
const registration = new ApplicationRegistration("orders", {
  portalId,
  applicationId: application.id,
  apiId: publication.apiId,
});
const requestCheck = new DcrRequestCheck("first-request", {
  tenantId: config.require("tenantId"),
  clientId: config.require("checkClientId"),
  clientSecret: config.requireSecret("checkClientSecret"),
  loginUrl: config.require("loginUrl"),
});

// The Azure client a Dev Portal application links with `dcrClientId` (what the component's `testApplication` makes),
// owned by the admin app's service principal so that Konnect can reach it.
const testClient = new AzureDcrTestClient("direct-test-client", {
  adminServicePrincipalObjectId: app.servicePrincipalObjectId,
  tenantId: app.tenantId,
});

export const componentStrategyId: pulumi.Output<string> = dcr.authStrategyId;
export const componentPublicationIds: pulumi.Output<string[]> = dcr.publicationIds;
export const clientSecret: pulumi.Output<string> = dcr.clientSecret;
export const directStrategyId: pulumi.Output<string> = strategy.id;
export const directPublicationId: pulumi.Output<string> = publication.id;
export const portalDefaultStrategyId: pulumi.Output<string> = portalDefault.appliedAuthStrategyId;
export const teamId: pulumi.Output<string> = team.id;
export const registrationStatus: pulumi.Output<string> = registration.status;
export const checkClaims = requestCheck.claims;
export const testClientId: pulumi.Output<string> = testClient.clientId;
export const testClientOwners: pulumi.Output<string[]> = testClient.owners;
export const adminServicePrincipalObjectId: pulumi.Output<string> = app.servicePrincipalObjectId;
