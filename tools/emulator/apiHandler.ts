/**
 * One API request from arrival to answer: region prefix, injected fault, rate limit, latency, bearer auth, JSON body,
 * route, then the answer (or a dropped socket). Returns the status for the request log (0 = no answer sent).
 */
import { type IncomingMessage, type ServerResponse } from "node:http";
import { authenticate } from "./auth";
import { answerAfterCommit, type FaultQueue } from "./faults";
import { readBody, sendJson } from "./http";
import { ProblemError, invalidRequest, problemBody } from "./problem";
import { TokenBucket } from "./rateLimit";
import { routeApiRequest } from "./router";
import { type EmulatorState } from "./state";
import { type FaultAction, REGIONS, type Region } from "./types";

/** Where a request path points: its region and the API path below the region prefix. */
export interface RegionPath {
  region: Region;
  segments: string[];
  /** Path without region prefix, what fault patterns match: `/v2/dcr-providers/<id>`. */
  apiPath: string;
}

/** Splits an optional `/<region>` prefix off a path; unprefixed paths are region `us`. */
export function splitRegion(pathname: string): RegionPath {
  const segments = pathname.split("/").slice(1);
  const first = segments[0];
  if (first !== undefined && (REGIONS as readonly string[]).includes(first)) {
    const rest = segments.slice(1);
    return { region: first as Region, segments: rest, apiPath: `/${rest.join("/")}` };
  }
  return { region: "us", segments, apiPath: pathname };
}

/** The `Retry-After` header for a number of seconds, `"http-date"` (a date ~2 s ahead) or a verbatim string. */
export function retryAfterHeader(value: number | string | undefined): Record<string, string> {
  if (value === undefined) return {};
  // Second resolution: a date two seconds ahead means between one and two seconds of waiting.
  if (value === "http-date") return { "Retry-After": new Date(Date.now() + 2000).toUTCString() };
  return { "Retry-After": String(value) };
}

function parseJsonBody(raw: string): unknown {
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw invalidRequest([{ field: "body", rule: "invalid", reason: "must be valid JSON", source: "body" }]);
  }
}

/** What the API handler needs from the running emulator. */
export interface ApiHandlerDeps {
  state: EmulatorState;
  faults: FaultQueue;
  /** A delay that `close()` can cancel. */
  wait: (ms: number) => Promise<void>;
}

/** Answers API requests; returns the status sent (0 when the socket was dropped unanswered). */
export type ApiHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  where: RegionPath,
) => Promise<number>;

/** Builds the API request handler. */
export function createApiHandler({ state, faults, wait }: ApiHandlerDeps): ApiHandler {
  let bucket: TokenBucket | undefined;

  function rateLimited(): boolean {
    const limits = state.options.rateLimit;
    if (limits === null) return false;
    if (bucket?.limits !== limits) bucket = new TokenBucket(limits);
    return !bucket.tryTake();
  }

  /** Applies a fault; returns the status it answered (0 = no answer), or undefined to carry on normally. */
  async function applyFault(fault: FaultAction, request: IncomingMessage, response: ServerResponse) {
    if ("drop" in fault) {
      request.socket.destroy();
      return 0;
    }
    if ("hangMs" in fault) {
      // Hold until hangMs passes or the client gives up, whichever comes first.
      const clientGone = new Promise<void>((resolve) => request.socket.once("close", () => resolve()));
      await Promise.race([wait(fault.hangMs), clientGone]);
      request.socket.destroy();
      return 0;
    }
    if ("status" in fault) {
      sendJson(response, fault.status, fault.body ?? problemBody(fault.status), retryAfterHeader(fault.retryAfter));
      return fault.status;
    }
    if ("latencyMs" in fault) await wait(fault.latencyMs);
    return undefined;
  }

  function answer(method: string, authorization: string | undefined, url: URL, where: RegionPath, rawBody: string) {
    try {
      authenticate(authorization, method, state.options);
      const body = parseJsonBody(rawBody);
      const request = { method, region: where.region, segments: where.segments, query: url.searchParams, body };
      return { ...routeApiRequest(request, state), headers: {} };
    } catch (error) {
      const problem = error instanceof ProblemError ? error : new ProblemError(500, "Internal emulator error");
      return { status: problem.status, body: problem.body as unknown, headers: problem.headers };
    }
  }

  return async (request, response, url, where) => {
    const method = request.method ?? "GET";
    const fault = faults.take(method, where.apiPath);
    if (fault !== undefined) {
      const status = await applyFault(fault, request, response);
      if (status !== undefined) return status;
    }
    if (rateLimited()) {
      const retryAfter = state.options.rateLimit?.retryAfterSeconds ?? 1;
      sendJson(response, 429, problemBody(429, "API rate limit exceeded"), retryAfterHeader(retryAfter));
      return 429;
    }
    if (state.options.latencyMs > 0) await wait(state.options.latencyMs);
    const rawBody = await readBody(request);
    const result = answer(method, request.headers.authorization, url, where, rawBody);
    const afterCommit = await answerAfterCommit(fault, result, request, response);
    if (afterCommit !== undefined) return afterCommit;
    sendJson(response, result.status, result.body, result.headers);
    return result.status;
  };
}
