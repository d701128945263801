/**
 * What a first-request check accepts, as plain data and small pure rules: the tenant, the HTTP methods, the default
 * login host and resource, and the URL rules. Read by `npm run verify`'s options and by the `DcrRequestCheck`
 * resource (its input table and `check`), so both accept the same values. No axios, no zod: the program side may load
 * the plain-data part.
 */

/** A directory (tenant) GUID or a domain such as `contoso.onmicrosoft.com`, as the login host accepts in its path. */
export const TENANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{0,127}$/;

/** HTTP methods the gateway route may be called with. */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Default login host (Azure public cloud). */
export const DEFAULT_LOGIN_URL = "https://login.microsoftonline.com";

/** Default resource: Microsoft Graph, as in Kong's Azure DCR guide (every DCR application can get a Graph token). */
export const DEFAULT_RESOURCE = "https://graph.microsoft.com";
