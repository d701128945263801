/** URLs derived from a tenant (and client) id. Built with `pulumi.interpolate`, never template literals on Outputs. */
import * as pulumi from "@pulumi/pulumi";

/** OAuth v1 issuer of a tenant, `https://sts.windows.net/<tenantId>`, without the trailing slash Konnect rejects. */
export function azureV1Issuer(tenantId: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.interpolate`https://sts.windows.net/${tenantId}`;
}

/** Where a tenant admin grants the application's requested permissions by hand. */
export function adminConsentUrl(tenantId: pulumi.Input<string>, clientId: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.interpolate`https://login.microsoftonline.com/${tenantId}/adminconsent?client_id=${clientId}`;
}
