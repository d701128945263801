/**
 * The URL rules every place that takes a URL shares, written once: the stack's `konnect:serverUrl`, the first-request
 * check's URLs (the verify CLI's options, `DcrRequestCheck`), and the URLs resources send to Konnect (a DCR provider's
 * `issuer` and `dcrConfig.dcrBaseUrl`, an OIDC strategy's `openidConnect.issuer`). Plain data and functions (no zod, no axios), so any layer may load it.
 * Messages name the rule, never the value: a URL that breaks the credentials rule holds a secret.
 */

/**
 * True when the URL carries credentials (`https://user:password@host`, or a user name alone). The one credentials
 * rule of the package: such a URL puts a secret wherever the URL goes (Konnect, outputs, state, logs).
 */
export function hasCredentials(url: URL): boolean {
  return url.username !== "" || url.password !== "";
}

/**
 * True when the URL text has a query (`?…`) or a fragment (`#…`), empty ones included (`https://host/?`): in an
 * absolute http(s) URL, `?` and `#` can only start one of them.
 */
export function hasQueryOrFragment(text: string): boolean {
  return /[?#]/.test(text);
}

/**
 * The text of a URL with anything between `//` and the authority's last `@` replaced by `…`, for a message that has
 * to show a URL (or a text meant as one, which may not parse): `https://user:pw@host` becomes `https://…@host`.
 */
export function withoutUserInfo(text: string): string {
  return text.replace(/\/\/[^/?#]*@/, "//…@");
}

/** Why a URL with credentials is refused (see {@link hasCredentials}): the short form, for URLs Konnect is not given. */
export const CREDENTIALS_REASON = "must not contain credentials";

/** Why a resource refuses a URL with credentials that it sends to Konnect (see {@link hasCredentials}). */
export const URL_CREDENTIALS_REASON =
  "must not contain a user name or password (user:password@host): the URL is sent to Konnect and kept in plain " +
  "text in outputs and state; put secrets in the secret fields (dcrConfig)";

/**
 * Why a resource refuses a URL with a query or fragment: Konnect appends paths to it (OpenID discovery's
 * `/.well-known/openid-configuration` to an issuer, the DCR handler's `/{applicationId}…` endpoints to a DCR base
 * URL), which a query or fragment would swallow.
 */
export const URL_QUERY_REASON =
  "must not contain a query (?…) or fragment (#…): Konnect appends paths to this URL (OpenID discovery to an " +
  "issuer, the DCR handler's endpoints to a DCR base URL)";

/**
 * Why a URL is not acceptable beyond being an absolute http(s) URL, or undefined: credentials, then (when `base`: a URL
 * Konnect is given and appends paths to, an issuer or a DCR base URL) a query or fragment. A text that does not parse
 * as a URL is left to the caller's URL check.
 */
export function endpointUrlProblem(text: string, base: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (hasCredentials(url)) return base ? URL_CREDENTIALS_REASON : CREDENTIALS_REASON;
  if (base && hasQueryOrFragment(text)) return URL_QUERY_REASON;
  return undefined;
}
