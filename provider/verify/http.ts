/**
 * The one axios instance of the tool: never throws on HTTP status, follows no redirects (credentials must not be
 * forwarded to another host), bypasses proxies for loopback hosts, and turns transport failures into a short
 * description that never includes request data (axios errors carry the request config, form body included).
 */
import * as http from "node:http";
import * as https from "node:https";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";

/** Hosts for which plain http is accepted and proxies are bypassed. */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** True when the URL points at this machine. */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}

/** Per-request timeout. */
const TIMEOUT_MS = 20_000;

/** Creates the HTTP client (no keep-alive: a one-shot tool should not hold sockets open after its last call). */
export function createHttp(): AxiosInstance {
  return axios.create({
    timeout: TIMEOUT_MS,
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: "text",
    httpAgent: new http.Agent({ keepAlive: false }),
    httpsAgent: new https.Agent({ keepAlive: false }),
  });
}

/** Outcome of one HTTP exchange. */
export type Exchange = { ok: true; response: AxiosResponse<string> } | { ok: false; reason: string };

/** Sends a request; transport failures (DNS, refused, TLS, timeout) become a reason naming only the host and code. */
export async function send(
  http: AxiosInstance,
  request: { method: string; url: URL; headers: Record<string, string>; data?: string },
): Promise<Exchange> {
  try {
    const response = await http.request<string>({
      method: request.method,
      url: request.url.toString(),
      headers: request.headers,
      data: request.data,
      proxy: isLoopback(request.url) ? false : undefined,
      transformResponse: (d: unknown) => d,
    });
    return { ok: true, response };
  } catch (e) {
    const code = axios.isAxiosError(e) ? (e.code ?? "ERROR") : "ERROR";
    return { ok: false, reason: `could not reach ${request.url.host} (${code})` };
  }
}
