/**
 * Upgrade fixture program: the resource variants no other scenario program declares, written against the package's
 * public surface as a user's program is. An `okta` DCR provider (DCR token, labels) with a linked openid_connect
 * strategy (`scopes: []`, as examples/okta-dcr); an `http` DCR provider (bridge URL, API key, flags, labels,
 * `verify: false` declared) with a linked openid_connect strategy (extra plugin options); a `kongIdentity` DCR
 * provider; a key_auth strategy with key names, ttl and labels (as examples/key-auth); and three publications in one
 * portal: with the strategy (`[id]`, public, auto approval), with no application auth (`[]`), and with the portal's
 * default (`authStrategyIds` absent).
 *
 * Frozen once a state is recorded with it (the fixture stores its sha256): a new variant goes into a new program.
 */
import * as pulumi from "@pulumi/pulumi";
import { ApiPublication, AuthStrategy, DcrProvider } from "pulumi-konnect-dcr";

/**
 * Runs the program. Config `variants:portalId`, `variants:apiIds` (three ids), secrets `variants:oktaApiToken` and
 * `variants:httpApiKey`.
 */
export default function program() {
  const config = new pulumi.Config("variants");
  const portalId = config.require("portalId");
  const [ordersApi, billingApi, statusApi] = config.requireObject<[string, string, string]>("apiIds");
  const labels = { "managed-by": "pulumi" };

  const okta = new DcrProvider("okta", {
    name: "variants-okta",
    providerType: "okta",
    issuer: "https://example.okta.com/oauth2/default",
    labels: { ...labels },
    dcrConfig: { dcrToken: config.requireSecret("oktaApiToken") },
  });
  const oktaOidc = new AuthStrategy("okta-oidc", {
    name: "variants-okta-oidc",
    displayName: "Okta",
    strategyType: "openid_connect",
    openidConnect: {
      issuer: "https://example.okta.com/oauth2/default",
      credentialClaim: ["client_id"],
      scopes: [],
      authMethods: ["client_credentials", "bearer", "session"],
    },
    dcrProviderId: okta.id,
    labels: { ...labels },
  });
  const apiKeys = new AuthStrategy("api-keys", {
    name: "variants-api-keys",
    displayName: "API key",
    strategyType: "key_auth",
    keyAuth: { keyNames: ["apikey", "x-api-key"], ttl: { value: 90, unit: "days" } },
    labels: { ...labels },
  });

  const bridge = new DcrProvider("http-bridge", {
    name: "variants-http-bridge",
    displayName: "Partner DCR bridge",
    providerType: "http",
    issuer: "https://idp.example.com/realms/partners",
    dcrConfig: {
      dcrBaseUrl: "https://dcr-bridge.example.com/v1",
      apiKey: config.requireSecret("httpApiKey"),
      disableEventHooks: true,
      allowMultipleCredentials: true,
    },
    labels: { team: "platform", "cost-center": "cc-1234" },
    verify: false,
  });
  const kongIdentity = new DcrProvider("kong-identity", {
    name: "variants-kong-identity",
    providerType: "kongIdentity",
    issuer: "https://identity.example.com/auth/v1",
  });
  const partnerLogin = new AuthStrategy("partner-login", {
    name: "variants-partner-login",
    displayName: "Partner login",
    strategyType: "openid_connect",
    openidConnect: {
      issuer: "https://idp.example.com/realms/partners",
      credentialClaim: ["client_id"],
      scopes: ["openid", "email"],
      authMethods: ["client_credentials", "bearer"],
      additionalProperties: { cache_tokens: false, leeway: 30 },
    },
    dcrProviderId: bridge.id,
    labels: { team: "platform" },
  });

  const orders = new ApiPublication("orders", {
    apiId: ordersApi,
    portalId,
    authStrategyIds: [partnerLogin.id],
    visibility: "public",
    autoApproveRegistrations: true,
  });
  const billing = new ApiPublication("billing", { apiId: billingApi, portalId, authStrategyIds: [] });
  const status = new ApiPublication("status", { apiId: statusApi, portalId });

  return {
    dcrProviderIds: [okta.id, bridge.id, kongIdentity.id],
    authStrategyIds: [oktaOidc.id, apiKeys.id, partnerLogin.id],
    publications: [orders.id, billing.id, status.id],
  };
}
