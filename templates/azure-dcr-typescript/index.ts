/**
 * Kong Konnect Dev Portal Dynamic Client Registration with Azure AD (Entra ID): an Azure app registration Konnect
 * signs in with (Microsoft Graph permissions, admin consent, a client secret that rotates), a Konnect DCR provider and
 * an auth strategy that uses it, and your existing APIs published in your Dev Portal with that strategy.
 * README.md says what each setting does.
 */
import * as pulumi from "@pulumi/pulumi";
import { AzureKonnectDcr, type AzureKonnectDcrPublication } from "pulumi-konnect-dcr";

const config = new pulumi.Config();

const dcr = new AzureKonnectDcr("azure-dcr", {
  authStrategyDisplayName: config.get("authStrategyDisplayName"),
  // pulumi config set --path 'publications[0].apiId' <API id>; ... 'publications[0].portalId' <portal id>
  publications: config.getObject<AzureKonnectDcrPublication[]>("publications") ?? [],
  // Portal ids whose default auth strategy becomes this one (the previous default comes back on destroy).
  defaultForPortals: config.getObject<string[]>("defaultForPortals") ?? [],
});

/** Konnect id of the auth strategy; developers pick it when they create an application in the Dev Portal. */
export const authStrategyId = dcr.authStrategyId;
/** Konnect id of the DCR provider. */
export const dcrProviderId = dcr.dcrProviderId;
/** The Azure v1 issuer Konnect trusts (https://sts.windows.net/<tenant>). */
export const issuer = dcr.issuer;
/** Client id of the Azure app Konnect signs in with. */
export const clientId = dcr.clientId;
/** Its client secret (a Pulumi secret: `pulumi stack output clientSecret --show-secrets`). */
export const clientSecret = dcr.clientSecret;
/** The API publications, as `<apiId>/<portalId>`. */
export const publicationIds = dcr.publicationIds;
/** Where a tenant admin grants consent by hand, if you turned consent as code off. */
export const adminConsentUrl = dcr.adminConsentUrl;
