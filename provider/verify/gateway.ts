/**
 * One call of the gateway route with a given `Authorization` header. Only the status and the headers that explain
 * a rejection are kept; the body is dropped (echo endpoints would return the credentials).
 */
import type { AxiosInstance } from "axios";
import { truncateText } from "../konnect/redact";
import { send } from "./http";

/** What came back from the gateway. */
export type GatewayResult =
  { ok: true; status: number; wwwAuthenticate?: string; location?: string } | { ok: false; reason: string };

/** Calls the route with the given authorization header value. */
export async function callRoute(
  http: AxiosInstance,
  route: URL,
  method: string,
  authorization: string,
  timeoutMs?: number,
): Promise<GatewayResult> {
  const exchange = await send(http, { method, url: route, headers: { Authorization: authorization }, timeoutMs });
  if (!exchange.ok) return exchange;
  const headers = exchange.response.headers as Record<string, unknown>;
  const result: GatewayResult = { ok: true, status: exchange.response.status };
  const challenge = headers["www-authenticate"];
  if (typeof challenge === "string") result.wwwAuthenticate = truncateText(challenge);
  const location = headers["location"];
  if (typeof location === "string") result.location = truncateText(location);
  return result;
}
