/**
 * The HTTP transport: one axios instance per connection with retries (its own loop, driven by ./retryPolicy), hard
 * wall-clock limits (see ./deadline), a cap on the answer's size, no redirects (the token never travels to another
 * host) and errors mapped to the client's own error types. Nothing here logs a token, a header or a body.
 */
import http from "node:http";
import https from "node:https";
import axios, { type AxiosError, type AxiosInstance, type AxiosRequestConfig, type GenericAbortSignal } from "axios";
import type { Connection } from "./connection";
import { attemptLimit, callDeadlineMs, type LimitKind } from "./deadline";
import { KonnectApiError, KonnectNetworkError, redactSecrets, type InvalidParameter } from "./errors";
import {
  DEFAULT_BACKOFF,
  RESPONSE_TOO_LARGE_CODE,
  nextRetryDelayMs,
  sleep,
  type BackoffSettings,
  type FailedAttempt,
  type HttpMethod,
} from "./retryPolicy";

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

/** The header of a JSON body (axios copies it into each request's own headers). */
const JSON_CONTENT: Readonly<Record<string, string>> = Object.freeze({ "Content-Type": "application/json" });

/** Creates a transport for a resolved connection. */
export function createTransport(connection: Connection, options: TransportOptions = {}): KonnectTransport {
  const settings: BackoffSettings = { ...DEFAULT_BACKOFF, ...options.backoff, budgetMs: connection.retryBudgetMs };
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
  const context: SendContext = {
    instance,
    connection,
    settings,
    random: options.random ?? Math.random,
    log: options.log,
  };
  return {
    baseUrl: connection.baseUrl,
    send: (spec) => send(context, spec),
  };
}

/** What every call of one transport shares. */
interface SendContext {
  instance: AxiosInstance;
  connection: Connection;
  settings: BackoffSettings;
  random: () => number;
  log: ((message: string) => void) | undefined;
}

/**
 * The hard limit of one attempt, as the abort signal axios takes (its `GenericAbortSignal`): one timer that, at the
 * attempt's limit, makes axios drop the request. axios's own `timeout` only notices an idle socket, so an answer
 * trickling in a byte at a time would otherwise never end. Lighter than an `AbortController` per attempt; axios
 * subscribes one listener and removes it when the attempt ends.
 */
class AttemptLimit implements GenericAbortSignal {
  aborted = false;
  /** Which limit cut the attempt, once the timer fired. */
  cutBy: LimitKind | undefined;
  private listener: (() => void) | undefined;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    ms: number,
    private readonly kind: LimitKind,
  ) {
    this.timer = setTimeout(fireLimit, ms, this);
    // The open socket keeps the process alive while the request runs; the timer alone must not.
    this.timer.unref();
  }

  addEventListener(_type: "abort", listener: () => void): void {
    this.listener = listener;
  }

  removeEventListener(_type: "abort", listener: () => void): void {
    if (this.listener === listener) this.listener = undefined;
  }

  /** The attempt ran out of time: axios is told to drop it. */
  fire(): void {
    this.aborted = true;
    this.cutBy = this.kind;
    const listener = this.listener;
    this.listener = undefined;
    listener?.();
  }

  /** The attempt ended: the timer is not needed. */
  clear(): void {
    clearTimeout(this.timer);
  }
}

function fireLimit(limit: AttemptLimit): void {
  limit.fire();
}

/**
 * One call: attempts until one succeeds, the retry policy gives up, or the call's deadline leaves no time. Every
 * attempt runs under its own hard limit (the request timeout, or what is left of the deadline when that is less).
 */
async function send(context: SendContext, spec: RequestSpec): Promise<TransportResponse> {
  const { instance, connection, settings } = context;
  const config: AxiosRequestConfig = { method: spec.method, url: spec.path, params: spec.query };
  if (spec.body !== undefined) {
    // Serialized here, not by axios: axios drops object keys named "prototype" (and "__proto__") from the JSON it
    // builds, which would silently lose an extra OIDC plugin option of that name.
    try {
      config.data = JSON.stringify(spec.body);
    } catch (error) {
      // A body JSON cannot hold (a BigInt, a cycle): failed like any other error of the call, named and redacted.
      throw toKonnectError(error, spec, connection, 1);
    }
    config.headers = JSON_CONTENT;
  }
  const startedAt = Date.now();
  const deadline = callDeadlineMs(startedAt, connection);
  for (let attempt = 1; ; attempt++) {
    const attemptStart = attempt === 1 ? startedAt : Date.now();
    const { ms, kind } = attemptLimit(attemptStart, deadline, connection.requestTimeoutMs);
    const limit = new AttemptLimit(ms, kind);
    config.signal = limit;
    let failure: unknown;
    try {
      const response = await instance.request(config);
      return { status: response.status, data: response.data as unknown };
    } catch (error) {
      failure = error;
    } finally {
      limit.clear();
    }
    if (!axios.isAxiosError(failure) || !failure.config) throw toKonnectError(failure, spec, connection, attempt);
    if (limit.cutBy !== undefined && axios.isCancel(failure)) {
      failure.code = TIMEOUT_CODE;
    } else if (!failure.response && /maxContentLength/.test(failure.message)) {
      failure.code = RESPONSE_TOO_LARGE_CODE;
    }
    const described = describeFailure(failure, spec.method);
    const now = Date.now();
    const delay = nextRetryDelayMs(described, attempt, now - startedAt, settings, now, context.random);
    if (delay === undefined) throw toKonnectError(failure, spec, connection, attempt, limit.cutBy);
    const why = described.status !== undefined ? `HTTP ${described.status}` : (described.code ?? "network error");
    context.log?.(
      `retrying ${described.method} ${spec.path} after ${why} (retry ${attempt}, waiting ${(delay / 1000).toFixed(1)} s)`,
    );
    await sleep(delay);
  }
}

function describeFailure(error: AxiosError, method: HttpMethod): FailedAttempt {
  const header: unknown = error.response?.headers?.["retry-after"];
  return {
    method,
    status: error.response?.status,
    code: error.response ? undefined : error.code,
    retryAfter: typeof header === "string" ? header : undefined,
  };
}

/** Maps anything the request threw to a Konnect error whose message names the operation and never a secret. */
function toKonnectError(
  error: unknown,
  spec: RequestSpec,
  connection: Connection,
  attempts: number,
  cutBy?: LimitKind,
): Error {
  const secrets = [connection.token, ...(spec.secrets ?? [])];
  if (!axios.isAxiosError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new Error(redactSecrets(`${spec.operation}: ${message}`, secrets));
  }
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
  return new KonnectNetworkError(
    operation,
    error.code,
    describeNetworkError(error.code, connection, error.code === TIMEOUT_CODE ? cutBy : undefined),
  );
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
