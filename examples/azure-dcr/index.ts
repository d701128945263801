/**
 * The root stack (`Pulumi.yaml` at the repository root): Azure AD app registration wired to Konnect DCR, and on to
 * the Dev Portal (API publications, portal defaults), configured only from stack config. See
 * examples/azure-dcr/README.md.
 *
 *   pulumi config set --secret konnect:token        # or export KONNECT_TOKEN
 *   pulumi config set konnect:region eu             # default us
 *   pulumi up
 */
import "./buildCheck"; // first: stop before a stale dist/ of this repository is loaded
import * as pulumi from "@pulumi/pulumi";
import { AzureKonnectDcr, type GraphPermissionName, type GraphPermissionPreset } from "pulumi-konnect-dcr";
import { parsePublications, parseTestApplication } from "./devPortalConfig";

const config = new pulumi.Config();
const stack = pulumi.getStack();
const grantAdminConsent = config.getBoolean("grantAdminConsent") ?? true;
const publications = parsePublications(config.getObject<unknown[]>("publications"));
const defaultForPortals = config.getObject<string[]>("defaultForPortals") ?? [];
const testApplication = parseTestApplication({
  portalId: config.get("testApplicationPortalId"),
  apiIds: config.getObject<unknown[]>("testApplicationApiIds"),
  owner: config.get("testApplicationOwner"),
  name: config.get("testApplicationName"),
  route: config.get("testApplicationRoute"),
  resource: config.get("testApplicationResource"),
  loginUrl: config.get("testApplicationLoginUrl"),
  timeoutSeconds: config.getNumber("testApplicationTimeoutSeconds"),
});

const dcr = new AzureKonnectDcr("azure-dcr", {
  applicationDisplayName: config.get("applicationDisplayName") ?? `Konnect DCR (${stack})`,
  graphPermissionPreset: config.get<GraphPermissionPreset>("graphPermissionPreset"),
  graphPermissions: config.getObject<GraphPermissionName[]>("graphPermissions"),
  grantAdminConsent,
  secretLifetimeDays: config.getNumber("secretLifetimeDays"),
  secretRotationDays: config.getNumber("secretRotationDays"),
  secretEndDate: config.get("secretEndDate"),
  secretRotationKey: config.get("secretRotationKey"),
  dcrProviderName: config.get("dcrProviderName"),
  dcrProviderDisplayName: config.get("dcrProviderDisplayName"),
  authStrategyName: config.get("authStrategyName"),
  authStrategyDisplayName: config.get("authStrategyDisplayName"),
  scopes: config.getObject<string[]>("scopes"),
  authMethods: config.getObject<string[]>("authMethods"),
  verify: config.getBoolean("verify"),
  publications,
  defaultForPortals,
  ...(testApplication === undefined ? {} : { testApplication }),
});

/** Konnect id of the DCR provider. */
export const dcrProviderId = dcr.dcrProviderId;
/** Konnect id of the auth strategy the stack's API publications and portal defaults use. */
export const authStrategyId = dcr.authStrategyId;
/** The stack's API publications, as `<apiId>/<portalId>`. */
export const publicationIds = dcr.publicationIds;
/** OAuth v1 issuer both Konnect objects use. */
export const issuer = dcr.issuer;
/** Directory (tenant) id. */
export const tenantId = dcr.tenantId;
/** Client id of the application Konnect signs in with. */
export const clientId = dcr.clientId;
/** Its client secret (secret: `pulumi stack output clientSecret --show-secrets`). */
export const clientSecret = dcr.clientSecret;
/** Expiry of the current client secret. */
export const secretEndDate = dcr.secretEndDate;
/** Where a tenant admin grants consent by hand. */
export const adminConsentUrl = dcr.adminConsentUrl;
/** Konnect id of the test application (`testApplicationPortalId`), once its request check passed. */
export const testApplicationId = dcr.testApplicationId;
/** Client id of the test application's Azure client. */
export const testClientId = dcr.testClientId;
/** Its client secret (secret: `pulumi stack output testClientSecret --show-secrets`). */
export const testClientSecret = dcr.testClientSecret;
/** What a portal admin does next. */
export const nextSteps = pulumi
  .all([dcr.authStrategyId, dcr.adminConsentUrl, dcr.tenantId, dcr.testApplicationId])
  .apply(([strategyId, consentUrl, tenant, testId]) =>
    [
      ...(grantAdminConsent ? [] : [`Grant admin consent (Privileged Role Administrator): ${consentUrl}`]),
      ...(publications.length > 0
        ? []
        : [
            `Publish your APIs with this auth strategy (${strategyId}): ` +
              "pulumi config set --path 'publications[0]' '<apiId>/<portalId>', then pulumi up" +
              (defaultForPortals.length > 0
                ? "; APIs published in the portals of defaultForPortals without a strategy get it too."
                : "."),
          ]),
      ...(testId === undefined
        ? [
            "In the Dev Portal, open a published API, choose Use this API and create an application with this auth " +
              "strategy; Konnect registers it in Azure AD.",
            `Get a v1 token for it: POST https://login.microsoftonline.com/${tenant}/oauth2/token with ` +
              "grant_type=client_credentials, client_id, client_secret and resource=https://graph.microsoft.com " +
              "(or npm run verify -- --tenant ... --route ...), or let every pulumi up do it: " +
              "pulumi config set testApplicationPortalId <portalId>.",
          ]
        : [
            `DCR works: the test application ${testId} got a v1 token` +
              (testApplication?.route === undefined ? "" : " and called the gateway route") +
              " in this up (its client: pulumi stack output testClientId). Developers can now create applications " +
              "in the Dev Portal (Use this API).",
          ]),
    ]
      .map((step, i) => `${i + 1}. ${step}`)
      .join("\n"),
  );
