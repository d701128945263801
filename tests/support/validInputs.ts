/**
 * Canonical valid inputs the tests share, instead of each file writing its own copy: an Azure AD DCR provider, an
 * OpenID Connect strategy as Kong's Azure guide configures it, a key-auth strategy. Each builder takes overrides; a
 * test that asserts a value passes it explicitly. Also the example ids (UUIDs) of Dev Portal objects the tests share.
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

/**
 * Example ids (UUIDs) of Dev Portal objects: two portals, a team, a developer, an auth strategy, an API, an application
 * and a registration.
 */
export const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
export const OTHER_PORTAL = "8810d5c4-d902-410b-992f-18b814155b53";
export const TEAM = "11111111-2222-4333-8444-555566667777";
export const DEV = "22222222-3333-4444-8555-666677778888";
export const STRATEGY = "33333333-4444-4555-8666-777788889999";
export const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
export const APP = "44444444-5555-4666-8777-88889999aaaa";
export const REG = "55555555-6666-4777-8888-9999aaaabbbb";

/** A DcrRequestCheck's inputs: the tenant, the client id and a client secret. */
export const requestCheckInputs = { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: "request-check-secret-0001" };
