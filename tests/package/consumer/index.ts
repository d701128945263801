/**
 * A user's program, written against the package name only: every exported resource and the component, the way a
 * project that installed the published tarball and its peers uses them. tests/package/consumer.test.ts copies it
 * into such a project, typechecks it there strictly and runs it through the plugin host against the Konnect emulator.
 * When the package exports a new resource, use it here too (the test names any exported resource class this program
 * does not register).
 *
 * Stack config: `consumer:apiId`, `consumer:secondApiId` and `consumer:portalId` (an existing portal and two APIs).
 */
import * as pulumi from "@pulumi/pulumi";
import {
  ApiPublication,
  AuthStrategy,
  AzureDcrAdminApp,
  AzureKonnectDcr,
  DcrProvider,
  PortalDefaultAuthStrategy,
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

export const componentStrategyId: pulumi.Output<string> = dcr.authStrategyId;
export const componentPublicationIds: pulumi.Output<string[]> = dcr.publicationIds;
export const clientSecret: pulumi.Output<string> = dcr.clientSecret;
export const directStrategyId: pulumi.Output<string> = strategy.id;
export const directPublicationId: pulumi.Output<string> = publication.id;
export const portalDefaultStrategyId: pulumi.Output<string> = portalDefault.appliedAuthStrategyId;
