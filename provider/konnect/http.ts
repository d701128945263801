/**
 * The HTTP transport: one axios instance per connection with retries (axios-retry driven by ./retryPolicy), hard
 * wall-clock limits (see ./deadline), a cap on the answer's size, no redirects (the token never travels to another
 * host) and errors mapped to the client's own error types. Nothing here logs a token, a header or a body.
 */
import http from "node:http";
import https from "node:https";
import axios, { type AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from "axios";
import axiosRetry from "axios-retry";
import type { Connection } from "./connection";
import { attemptLimit, callDeadlineMs, type LimitKind } from "./deadline";
import { KonnectApiError, KonnectNetworkError, redactSecrets, type InvalidParameter } from "./errors";
import {
  DEFAULT_BACKOFF,
  RESPONSE_TOO_LARGE_CODE,
  nextRetryDelayMs,
  type BackoffSettings,
  type HttpMethod,
} from "./retryPolicy";

declare module "axios" {
  interface AxiosRequestConfig {
    /** Time the first attempt of this call started (ms since epoch). */
    konnectStartedAt?: number;
    /** Wait chosen by the retry policy for the next attempt. */
    konnectNextDelayMs?: number;
    /** Timer that aborts the current attempt at its hard limit. */
    konnectLimitTimer?: ReturnType<typeof setTimeout>;
    /** Which limit aborted the current attempt, if one did. */
    konnectCutBy?: LimitKind;
  }
}

/** Largest answer read, in bytes (1 MiB; a list page of 100 objects is far below it). */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Error code of an attempt cut by a hard time limit (the same code a socket timeout has). */
const TIMEOUT_CODE = "ETIMEDOUT";

/** One API call. */
export interface RequestSpec {
  /** What the call does, in words, for messages: `create DCR provider`. */
  operation: string;
  method: HttpMethod;
  /** Path below the base URL, starting with `/v2/`. */
  path: string;
  /** Query parameters (already in wire form, e.g. `filter[name][eq]`). */
  query?: Record<string, string | number>;
  /** JSON body. */
  body?: unknown;
  /** Secret values in the body, redacted from any error message. */
  secrets?: readonly string[];
}

/** A successful answer. */
export interface TransportResponse {
  status: number;
  data: unknown;
}

/** Sends requests to one Konnect base URL. */
export interface KonnectTransport {
  /** Base URL the transport talks to. */
  readonly baseUrl: string;
  /** Sends one call (retrying where safe) and returns the 2xx answer, or throws a Konnect error. */
  send(spec: RequestSpec): Promise<TransportResponse>;
}

/** Options of a transport beyond the connection. */
export interface TransportOptions {
  /** Receives one line per retry ("retrying …"); never receives secrets. */
  log?: (message: string) => void;
  /** Overrides parts of the backoff schedule (tests and benchmarks). */
  backoff?: Partial<Omit<BackoffSettings, "budgetMs">>;
  /** Source of randomness for jitter (tests). */
  random?: () => number;
}

const USER_AGENT = "pulumi-konnect-dcr";

/** Creates a transport for a resolved connection. */
export function createTransport(connection: Connection, options: TransportOptions = {}): KonnectTransport {
  const settings: BackoffSettings = { ...DEFAULT_BACKOFF, ...options.backoff, budgetMs: connection.retryBudgetMs };
  const random = options.random ?? Math.random;
  const instance = axios.create({
    baseURL: connection.baseUrl,
    maxRedirects: 0,
    maxContentLength: MAX_RESPONSE_BYTES,
    validateStatus: (status) => status >= 200 && status < 300,
    headers: {
      Authorization: `Bearer ${connection.token}`,
      Accept: "application/json, application/problem+json",
      "User-Agent": USER_AGENT,
    },
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({ keepAlive: true }),
    transitional: { clarifyTimeoutError: true },
  });
  // Every attempt gets its own abort signal, fired at the attempt's hard limit: axios's own timeout only notices an
  // idle socket, so an answer trickling in a byte at a time would otherwise never end.
  instance.interceptors.request.use((config: InternalAxiosRequestConfig) => {
    const now = Date.now();
    config.konnectStartedAt ??= now;
    const limit = attemptLimit(now, callDeadlineMs(config.konnectStartedAt, connection), connection.requestTimeoutMs);
    const controller = new AbortController();
    config.signal = controller.signal;
    config.konnectCutBy = undefined;
    config.konnectLimitTimer = setTimeout(() => {
      config.konnectCutBy = limit.kind;
      controller.abort();
    }, limit.ms);
    // The open socket keeps the process alive while the request runs; the timer alone must not.
    config.konnectLimitTimer.unref();
    return config;
  });
  // Registered before axios-retry, so its retry condition sees the translated error.
  instance.interceptors.response.use(
    (response) => {
      clearTimeout(response.config.konnectLimitTimer);
      return response;
    },
    (error: unknown) => {
      if (axios.isAxiosError(error) && error.config) {
        const config = error.config;
        clearTimeout(config.konnectLimitTimer);
        if (config.konnectCutBy !== undefined && axios.isCancel(error)) {
          error.code = TIMEOUT_CODE;
          // The spent signal must not reach axios-retry: an aborted signal makes it skip the wait before a retry.
          config.signal = undefined;
        } else if (!error.response && /maxContentLength/.test(error.message)) {
          error.code = RESPONSE_TOO_LARGE_CODE;
        }
      }
      throw error;
    },
  );
  axiosRetry(instance, {
    retries: settings.maxRetries,
    shouldResetTimeout: true,
    retryCondition: (error) => {
      const config = error.config;
      if (!config) return false;
      const retryNumber = (config["axios-retry"]?.retryCount ?? 0) + 1;
      const now = Date.now();
      const delay = nextRetryDelayMs(
        describeFailure(error),
        retryNumber,
        now - (config.konnectStartedAt ?? now),
        settings,
        now,
        random,
      );
      config.konnectNextDelayMs = delay;
      return delay !== undefined;
    },
    retryDelay: (_count, error) => error.config?.konnectNextDelayMs ?? 0,
    onRetry: (retryCount, error, config) => {
      const failure = describeFailure(error);
      const why = failure.status !== undefined ? `HTTP ${failure.status}` : (failure.code ?? "network error");
      const wait = ((config.konnectNextDelayMs ?? 0) / 1000).toFixed(1);
      options.log?.(
        `retrying ${failure.method} ${config.url ?? ""} after ${why} (retry ${retryCount}, waiting ${wait} s)`,
      );
    },
  });
  return {
    baseUrl: connection.baseUrl,
    send: (spec) => send(instance, connection, spec),
  };
}

async function send(instance: AxiosInstance, connection: Connection, spec: RequestSpec): Promise<TransportResponse> {
  try {
    const response = await instance.request({
      method: spec.method,
      url: spec.path,
      params: spec.query,
      // Serialized here, not by axios: axios drops object keys named "prototype" (and "__proto__") from the JSON it
      // builds, which would silently lose an extra OIDC plugin option of that name.
      ...(spec.body === undefined
        ? {}
        : { data: JSON.stringify(spec.body), headers: { "Content-Type": "application/json" } }),
    });
    return { status: response.status, data: response.data as unknown };
  } catch (error) {
    throw toKonnectError(error, spec, connection);
  }
}

function describeFailure(error: AxiosError): {
  method: HttpMethod;
  status?: number;
  code?: string;
  retryAfter?: string;
} {
  const method = (error.config?.method ?? "GET").toUpperCase() as HttpMethod;
  const header: unknown = error.response?.headers?.["retry-after"];
  return {
    method,
    status: error.response?.status,
    code: error.response ? undefined : error.code,
    retryAfter: typeof header === "string" ? header : undefined,
  };
}

/** Maps anything the request threw to a Konnect error whose message names the operation and never a secret. */
function toKonnectError(error: unknown, spec: RequestSpec, connection: Connection): Error {
  const secrets = [connection.token, ...(spec.secrets ?? [])];
  if (!axios.isAxiosError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new Error(redactSecrets(`${spec.operation}: ${message}`, secrets));
  }
  const attempts = (error.config?.["axios-retry"]?.retryCount ?? 0) + 1;
  const operation = attempts > 1 ? `${spec.operation} (gave up after ${attempts} attempts)` : spec.operation;
  const response = error.response;
  if (response) {
    if (response.status >= 300 && response.status < 400) {
      return new KonnectApiError(
        operation,
        response.status,
        "Unexpected redirect",
        "Konnect answered with a redirect, which is not followed so the token is never sent to another host; check the server URL",
        undefined,
        [],
        secrets,
      );
    }
    const problem = readProblem(response.data);
    return new KonnectApiError(
      operation,
      response.status,
      problem.title ?? (response.statusText || `HTTP ${response.status}`),
      problem.detail,
      problem.instance,
      problem.invalidParameters,
      secrets,
    );
  }
  const cutBy = error.code === TIMEOUT_CODE ? error.config?.konnectCutBy : undefined;
  return new KonnectNetworkError(operation, error.code, describeNetworkError(error.code, connection, cutBy));
}

function describeNetworkError(code: string | undefined, connection: Connection, cutBy: LimitKind | undefined): string {
  switch (code) {
    case "ETIMEDOUT":
    case "ECONNABORTED":
      return cutBy === "budget"
        ? `no complete answer from ${connection.baseUrl} before the call's time limit of ${connection.retryBudgetMs / 1000} s (retryBudgetSeconds) ran out; Konnect may or may not have applied the request`
        : `no complete answer from ${connection.baseUrl} within ${connection.requestTimeoutMs / 1000} s (requestTimeoutSeconds); Konnect may or may not have applied the request`;
    case RESPONSE_TOO_LARGE_CODE:
      return `the answer from ${connection.baseUrl} was larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB and was not read; Konnect may or may not have applied the request`;
    case "ECONNREFUSED":
      return `connection refused by ${connection.baseUrl}`;
    case "ECONNRESET":
    case "EPIPE":
      return `connection to ${connection.baseUrl} closed before Konnect answered; Konnect may or may not have applied the request`;
    case "ENOTFOUND":
    case "EAI_ADDRINFO":
    case "EAI_AGAIN":
      return `cannot resolve the host of ${connection.baseUrl}`;
    default:
      return `network error talking to ${connection.baseUrl}`;
  }
}

interface ProblemFields {
  title?: string;
  detail?: string;
  instance?: string;
  invalidParameters: InvalidParameter[];
}

/** Reads a problem+json body leniently: whatever fields are usable, never the raw body. */
function readProblem(data: unknown): ProblemFields {
  if (typeof data !== "object" || data === null) return { invalidParameters: [] };
  const body = data as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  const params = Array.isArray(body.invalid_parameters) ? (body.invalid_parameters as unknown[]) : [];
  return {
    title: text(body.title),
    detail: text(body.detail),
    instance: text(body.instance),
    invalidParameters: params.flatMap((p): InvalidParameter[] => {
      if (typeof p !== "object" || p === null) return [];
      const item = p as Record<string, unknown>;
      const field = text(item.field);
      if (!field) return [];
      return [
        {
          field,
          reason: text(item.reason) ?? "invalid",
          rule: text(item.rule),
          choices: Array.isArray(item.choices) ? (item.choices as unknown[]) : undefined,
        },
      ];
    }),
  };
}
