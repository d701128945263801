/**
 * Client-credentials token request against the Azure AD **v1** token endpoint,
 * `POST <login>/<tenant>/oauth2/token` with `grant_type, client_id, client_secret, resource` (v1 takes `resource`,
 * not `scope`). The version of the access token is decided by the resource's manifest, not by the endpoint.
 */
import type { AxiosInstance } from "axios";
import { truncateText } from "../konnect/redact";
import { send } from "./http";

/** What the token request needs. */
export interface TokenRequest {
  /** Login host, e.g. `https://login.microsoftonline.com`. */
  loginUrl: URL;
  /** Tenant GUID or domain. */
  tenant: string;
  /** Client id of the portal application. */
  clientId: string;
  /** Its secret. */
  clientSecret: string;
  /** Resource (App ID URI) the token is for. */
  resource: string;
  /** Hard limit on the exchange, in milliseconds. */
  timeoutMs?: number;
}

/** Result of the token request; failures carry Azure's error code and first description line. */
export type TokenResult =
  | { ok: true; accessToken: string; endpoint: string }
  | { ok: false; endpoint: string; status?: number; error: string; description?: string };

/** The v1 token endpoint for a tenant: `/<tenant>/oauth2/token` below the login URL's path (query and fragment dropped). */
export function tokenEndpoint(loginUrl: URL, tenant: string): URL {
  const url = new URL(loginUrl.origin);
  url.pathname = `${loginUrl.pathname.replace(/\/+$/, "")}/${encodeURIComponent(tenant)}/oauth2/token`;
  return url;
}

/** Reads a JSON object body, or undefined. */
function jsonObject(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Requests an access token. Never includes the secret in the result. */
export async function requestToken(http: AxiosInstance, req: TokenRequest): Promise<TokenResult> {
  const url = tokenEndpoint(req.loginUrl, req.tenant);
  const endpoint = url.toString();
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: req.clientId,
    client_secret: req.clientSecret,
    resource: req.resource,
  });
  const exchange = await send(http, {
    method: "POST",
    url,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    data: form.toString(),
    timeoutMs: req.timeoutMs,
  });
  if (!exchange.ok) return { ok: false, endpoint, error: exchange.reason };
  const { status, data } = exchange.response;
  const body = jsonObject(data);
  const token = body?.["access_token"];
  if (status === 200 && typeof token === "string" && token !== "") return { ok: true, accessToken: token, endpoint };
  const error =
    typeof body?.["error"] === "string"
      ? truncateText(body["error"])
      : status === 200
        ? "no access_token in the response"
        : `HTTP ${status}`;
  const rawDescription = body?.["error_description"];
  const firstLine = typeof rawDescription === "string" ? rawDescription.split(/\r?\n/)[0] : undefined;
  const description = firstLine === undefined ? undefined : truncateText(firstLine);
  return description === undefined
    ? { ok: false, endpoint, status, error }
    : { ok: false, endpoint, status, error, description };
}
