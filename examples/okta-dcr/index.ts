/**
 * Okta DCR: Konnect registers developer applications in Okta with an API token; the auth strategy validates Okta
 * access tokens and identifies the application by a custom claim (set to `app.clientId` in Okta).
 *
 *   pulumi config set oktaIssuer https://example.okta.com/oauth2/default
 *   pulumi config set --secret oktaApiToken <token>; pulumi config set --secret konnect:token <token>
 */
import * as pulumi from "@pulumi/pulumi";
import { AuthStrategy, DcrProvider } from "pulumi-konnect-dcr";

const config = new pulumi.Config();
const issuer = config.require("oktaIssuer");
const labels = { "managed-by": "pulumi" };

const provider = new DcrProvider("okta-dcr", {
  name: "okta-dcr",
  providerType: "okta",
  issuer,
  labels: { ...labels },
  dcrConfig: { dcrToken: config.requireSecret("oktaApiToken") },
});

const strategy = new AuthStrategy("okta-oidc", {
  name: "okta-oidc",
  displayName: "Okta",
  strategyType: "openid_connect",
  openidConnect: {
    issuer,
    credentialClaim: [config.get("credentialClaim") ?? "client_id"],
    // Okta: avoid `openid` with client credentials; an empty list lets Konnect default it.
    scopes: [],
    authMethods: ["client_credentials", "bearer", "session"],
  },
  dcrProviderId: provider.id,
  labels: { ...labels },
});

export const dcrProviderId = provider.id;
export const authStrategyId = strategy.id;
