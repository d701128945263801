/**
 * Bring your own Azure AD application: someone with the right Azure roles created it (single tenant, Graph
 * `Application.ReadWrite.OwnedBy` with admin consent, a client secret); this stack only wires it into Konnect.
 *
 *   pulumi config set tenantId <guid>; pulumi config set clientId <guid>
 *   pulumi config set --secret clientSecret <secret>; pulumi config set --secret konnect:token <token>
 */
import * as pulumi from "@pulumi/pulumi";
import { AzureKonnectDcr } from "pulumi-konnect-dcr";

const config = new pulumi.Config();

const dcr = new AzureKonnectDcr("byo-azure", {
  existingApplication: {
    tenantId: config.require("tenantId"),
    clientId: config.require("clientId"),
    clientSecret: config.requireSecret("clientSecret"),
  },
  authStrategyDisplayName: "Contoso Entra ID",
  labels: { team: "platform" },
});

export const dcrProviderId = dcr.dcrProviderId;
export const authStrategyId = dcr.authStrategyId;
export const issuer = dcr.issuer;
/** Open this once if the application's Graph permissions have no admin consent yet. */
export const adminConsentUrl = dcr.adminConsentUrl;
