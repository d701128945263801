/**
 * Canonical valid inputs the tests share, instead of each file writing its own copy: an Azure AD DCR provider, an
 * OpenID Connect strategy as Kong's Azure guide configures it, a key-auth strategy. Each builder takes overrides; a
 * test that asserts a value passes it explicitly.
 */
import type { AuthStrategyInputs, DcrProviderInputs } from "../../provider";

/** A directory (tenant) id. */
export const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
/** The tenant's OAuth v1 issuer (what Konnect's Azure DCR accepts). */
export const ISSUER = `https://sts.windows.net/${TENANT}`;
/** An Application (client) id. */
export const CLIENT_ID = "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5";

/** An azureAd DCR provider with an initial client id and secret. */
export function azureDcrInputs(overrides: Partial<DcrProviderInputs> = {}): DcrProviderInputs {
  return {
    name: "azure-dcr",
    providerType: "azureAd",
    issuer: ISSUER,
    dcrConfig: { initialClientId: CLIENT_ID, initialClientSecret: "azure-client-secret-0001" },
    ...overrides,
  };
}

/** An OpenID Connect strategy for Azure DCR: credential claim `appid`, the guide's auth methods. */
export function oidcStrategyInputs(overrides: Partial<AuthStrategyInputs> = {}): AuthStrategyInputs {
  return {
    name: "azure-dcr-strategy",
    displayName: "Azure DCR",
    strategyType: "openid_connect",
    openidConnect: {
      issuer: ISSUER,
      credentialClaim: ["appid"],
      scopes: ["openid"],
      authMethods: ["client_credentials", "bearer", "session"],
    },
    ...overrides,
  };
}

/** A key-auth strategy. */
export function keyAuthStrategyInputs(overrides: Partial<AuthStrategyInputs> = {}): AuthStrategyInputs {
  return {
    name: "keys",
    displayName: "Keys",
    strategyType: "key_auth",
    keyAuth: { keyNames: ["apikey"] },
    ...overrides,
  };
}
