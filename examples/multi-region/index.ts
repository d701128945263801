/**
 * Two Konnect regions, one Azure AD application: Konnect objects are regional, the Azure app is not. Each region gets
 * its own DCR provider and auth strategy fed by the same client id and secret; a secret rotation updates both regions
 * in the same `pulumi up`, and both wait for admin consent (the admin app's secret resolves after consent).
 */
import * as pulumi from "@pulumi/pulumi";
import { AzureDcrAdminApp, AzureKonnectDcr, type KonnectRegion } from "pulumi-konnect-dcr";

const config = new pulumi.Config();
const regions = config.getObject<KonnectRegion[]>("regions") ?? ["us", "eu"];

const app = new AzureDcrAdminApp("konnect-dcr", { displayName: "Konnect DCR (all regions)" });

const perRegion = regions.map(
  (region) =>
    new AzureKonnectDcr(`azure-dcr-${region}`, {
      existingApplication: { tenantId: app.tenantId, clientId: app.clientId, clientSecret: app.clientSecret },
      region,
      labels: { region },
    }),
);

export const clientId = app.clientId;
export const issuer = app.issuer;
export const authStrategyIds = Object.fromEntries(regions.map((r, i) => [r, perRegion[i]?.authStrategyId]));
