/**
 * Sample request bodies and a token for the emulator, free of test-runner globals, so that tests, the engine
 * scenarios and the bench (which runs outside jest) share them.
 */

/** A well-formed personal access token. */
export const TOKEN = "kpat_testTokenAbcdefghijklmnop";

/** Sample create bodies, one per DCR provider type. */
export const DCR_BODIES = {
  azureAd: {
    name: "azure",
    display_name: "Azure",
    provider_type: "azureAd",
    issuer: "https://sts.windows.net/tenant",
    dcr_config: { initial_client_id: "client-a", initial_client_secret: "secret-a" },
  },
  auth0: {
    name: "auth0",
    provider_type: "auth0",
    issuer: "https://tenant.auth0.com/api/v2/",
    dcr_config: { initial_client_id: "client-b", initial_client_secret: "secret-b" },
  },
  curity: {
    name: "curity",
    provider_type: "curity",
    issuer: "https://curity.example.com/oauth",
    dcr_config: { initial_client_id: "client-c", initial_client_secret: "secret-c" },
  },
  okta: {
    name: "okta",
    provider_type: "okta",
    issuer: "https://tenant.okta.com/oauth2/default",
    dcr_config: { dcr_token: "okta-token" },
  },
  http: {
    name: "http",
    provider_type: "http",
    issuer: "https://issuer.example.com",
    dcr_config: {
      dcr_base_url: "https://dcr.example.com/v1/dcr",
      api_key: "gYmrbDfu_7PTsZWH",
      disable_event_hooks: true,
    },
  },
  kongIdentity: {
    name: "kong identity",
    provider_type: "kongIdentity",
    issuer: "https://sliver.identity.us.konghq.com/",
  },
} as const;

/** A key-auth strategy create body. */
export const KEY_AUTH_BODY = {
  name: "key auth",
  display_name: "API Key",
  strategy_type: "key_auth",
  configs: { "key-auth": { key_names: ["apikey"] } },
};

/** An OIDC strategy create body, optionally linked to a DCR provider. */
export function oidcBody(dcrProviderId?: string, extra: Record<string, unknown> = {}) {
  return {
    name: "oidc",
    display_name: "Client Credentials",
    strategy_type: "openid_connect",
    configs: {
      "openid-connect": {
        issuer: "https://sts.windows.net/tenant",
        credential_claim: ["appid"],
        scopes: ["openid"],
        auth_methods: ["client_credentials", "bearer"],
        ...extra,
      },
    },
    ...(dcrProviderId === undefined ? {} : { dcr_provider_id: dcrProviderId }),
  };
}

/** A portal create body (`POST /v3/portals`, `seedPortal`). */
export const PORTAL_BODY = { name: "developer-portal", display_name: "Developer Portal" };

/** An API create body (`POST /v3/apis`, `seedApi`). */
export const API_BODY = { name: "Orders API", version: "v1" };

/** A team create body (`POST /v3/portals/{portalId}/teams`, `seedTeam`) for a team that may own applications. */
export const TEAM_BODY = {
  name: "IDM - Developers",
  description: "The Identity Management (IDM) API team.",
  can_own_applications: true,
};

/** A developer create body (`POST /v3/portals/{portalId}/developers`, `seedDeveloper`). */
export const DEVELOPER_BODY = { email: "developer@example.com", full_name: "Jane Dev", status: "approved" };
