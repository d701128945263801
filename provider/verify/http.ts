/**
 * The one axios instance of the tool: never throws on HTTP status, follows no redirects (credentials must not be
 * forwarded to another host), bypasses proxies for loopback hosts, reads at most 1 MiB of an answer, ends every
 * exchange at a hard wall-clock limit (an answer trickling in byte by byte included), and turns transport failures
 * into a short description that never includes request data (axios errors carry the request config, form body
 * included).
 */
import * as http from "node:http";
import * as https from "node:https";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { isLoopbackHost } from "../konnect/connection";

/** True when the URL points at this machine (the package's one loopback rule: localhost, 127.0.0.0/8, ::1). */
export function isLoopback(url: URL): boolean {
  return isLoopbackHost(url.hostname);
}

/** Default hard limit on one exchange (connect to last byte), in milliseconds; `--timeout` overrides it. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Largest answer read, in bytes. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** Creates the HTTP client (no keep-alive: a one-shot tool should not hold sockets open after its last call). */
export function createHttp(): AxiosInstance {
  return axios.create({
    maxRedirects: 0,
    maxContentLength: MAX_ANSWER_BYTES,
    validateStatus: () => true,
    responseType: "text",
    httpAgent: new http.Agent({ keepAlive: false }),
    httpsAgent: new https.Agent({ keepAlive: false }),
  });
}

/** Outcome of one HTTP exchange. */
export type Exchange = { ok: true; response: AxiosResponse<string> } | { ok: false; reason: string };

/** One request of the tool. */
export interface ExchangeRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  data?: string;
  /** Hard limit on the whole exchange, in milliseconds (default {@link DEFAULT_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/**
 * Sends a request; transport failures (DNS, refused, TLS, time limit, oversized answer) become a reason naming only
 * the host and what happened.
 */
export async function send(http: AxiosInstance, request: ExchangeRequest): Promise<Exchange> {
  const limitMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limitMs);
  try {
    const response = await http.request<string>({
      method: request.method,
      url: request.url.toString(),
      headers: request.headers,
      data: request.data,
      signal: controller.signal,
      proxy: isLoopback(request.url) ? false : undefined,
      transformResponse: (d: unknown) => d,
    });
    return { ok: true, response };
  } catch (e) {
    const host = request.url.host;
    if (timedOut)
      return { ok: false, reason: `no complete answer from ${host} within ${limitMs / 1000} s (--timeout)` };
    if (axios.isAxiosError(e) && !e.response && /maxContentLength/.test(e.message)) {
      return { ok: false, reason: `the answer from ${host} was larger than 1 MiB and was not read` };
    }
    const code = axios.isAxiosError(e) ? (e.code ?? "ERROR") : "ERROR";
    return { ok: false, reason: `could not reach ${host} (${code})` };
  } finally {
    clearTimeout(timer);
  }
}
