/**
 * The input table of `konnect.DcrRequestCheck`: the Dev Portal application's credentials, the tenant, and what to
 * call. It holds no Konnect field (the check talks to Azure's token endpoint and the gateway, never to Konnect) and
 * no `region`. One row per input; the public argument types, `check`, diff and secret marking derive from it. Every
 * row updates: a change re-runs the check in place; none replaces, because the check leaves nothing behind that a
 * replacement would remove. Plain data: the program side reads it.
 */
import type { FieldTable } from "../../konnect/fieldTable";
import { UUID_PATTERN } from "../../konnect/ids";
import { HTTP_METHODS, TENANT_PATTERN } from "../../verify/inputRules";

/** Default time limit of the check, in seconds (its retries included). */
export const DEFAULT_CHECK_TIMEOUT_SECONDS = 120;

/** Longest time limit accepted, in seconds: an `up` that waits longer than an hour for one request is not a check. */
export const MAX_CHECK_TIMEOUT_SECONDS = 3600;

/** Every input of a request check. */
export const DCR_REQUEST_CHECK_INPUTS = {
  /**
   * Directory (tenant) GUID, or a domain such as `contoso.onmicrosoft.com`, where the application is registered: the
   * token comes from `<loginUrl>/<tenantId>/oauth2/token`. With a GUID, the token's issuer must name that tenant.
   * Changing it re-runs the check in place.
   */
  tenantId: {
    value: {
      kind: "text",
      max: 128,
      pattern: { regex: TENANT_PATTERN, message: "must be the directory (tenant) GUID or a domain" },
    },
    required: "required: the directory (tenant) GUID or domain of the application",
    effect: "update",
  },
  /**
   * Client id (a GUID) of the Dev Portal application (with Azure DCR: the Azure application's client id). The token's
   * `appid` claim must equal it. Changing it re-runs the check in place.
   */
  clientId: {
    value: { kind: "text", max: 64, pattern: { regex: UUID_PATTERN, message: "must be a GUID (the client id)" } },
    required: "required: the client id of the Dev Portal application",
    effect: "update",
  },
  /**
   * Client secret of the application (at least 8 characters, so it can be redacted). Always a Pulumi secret; never in
   * a message, a log line or a visible output. A new secret (a rotation) re-runs the check in place.
   */
  clientSecret: {
    value: { kind: "text", max: 1024 },
    required: "required: the client secret of the Dev Portal application",
    effect: "update",
    secret: true,
  },
  /**
   * Gateway URL of an API published with the DCR auth strategy (https; plain http only on loopback hosts). It is
   * called with the bearer token and must answer 2xx. Default: none, only the token and its claims are checked.
   * Changing it re-runs the check in place.
   */
  route: { value: { kind: "url", max: 2048 }, effect: "update" },
  /**
   * Resource (App ID URI) the token is requested for. Default `https://graph.microsoft.com`, as `npm run verify`
   * (every DCR application can get a Graph token; your API's App ID URI shows the token your gateway really gets).
   * Changing it re-runs the check in place (declaring the default changes nothing).
   */
  resource: { value: { kind: "text", max: 2048 }, effect: "update" },
  /**
   * HTTP method the route is called with: `GET` (default), `HEAD`, `POST`, `PUT`, `PATCH`, `DELETE` or `OPTIONS`.
   * Changing it re-runs the check in place (declaring the default changes nothing).
   */
  method: { value: { kind: "enum", values: HTTP_METHODS }, effect: "update" },
  /**
   * Azure AD login host, for sovereign clouds or local stand-ins. Default `https://login.microsoftonline.com`; https
   * only (plain http on loopback hosts), no query or fragment. Changing it re-runs the check in place (declaring the
   * default changes nothing).
   */
  loginUrl: { value: { kind: "url", max: 2048 }, effect: "update" },
  /**
   * How long the check may take, retries included, in whole seconds (1 to 3600; default 120). A failed token request
   * or gateway call is tried again with doubling waits (2, 4, 8, … s) while the next wait ends within the limit: a
   * new Azure secret takes seconds to work, a new registration takes time to reach the gateway. Each request waits
   * at most 20 s (or the limit, when shorter). Changing it re-runs the check in place (declaring the default changes
   * nothing).
   */
  timeoutSeconds: {
    value: { kind: "count", min: 1, max: MAX_CHECK_TIMEOUT_SECONDS },
    effect: "update",
  },
  /**
   * Any JSON value (a version, a timestamp, ids of what the check depends on): it is only compared, and any change
   * re-runs the check in place. Default: none.
   */
  triggers: { value: { kind: "json" }, effect: "update" },
} as const satisfies FieldTable;
