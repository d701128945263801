/**
 * The Konnect emulator: a stateful in-memory HTTP server on 127.0.0.1 that answers Konnect's v2 API for DCR
 * providers and application auth strategies, with regions, bearer auth, problem+json errors, faults, a rate limit
 * and a control API. Start one per test suite:
 *
 *   const konnect = await startKonnectEmulator();
 *   await fetch(`${konnect.url}/v2/dcr-providers`, { headers: { Authorization: "Bearer kpat_..." } });
 *   await konnect.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type Socket } from "node:net";
import { authenticate } from "./auth";
import {
  ControlError,
  type EmulatorControl,
  type SeedOptions,
  type StoredObject,
  handleControlRequest,
} from "./control";
import { secretFieldNames } from "./dcrConfigFields";
import { FaultQueue } from "./faults";
import { readBody, sendJson } from "./http";
import { defaultOptions, mergeOptions } from "./options";
import { ProblemError, invalidRequest, problemBody } from "./problem";
import { TokenBucket } from "./rateLimit";
import { RequestLog } from "./requestLog";
import { routeApiRequest } from "./router";
import { createAuthStrategy } from "./routes/authStrategies";
import { createDcrProvider } from "./routes/dcrProviders";
import { type EmulatorState } from "./state";
import { EmulatorStore, MonotonicClock } from "./store";
import {
  type EmulatorOptions,
  type FaultAction,
  type ObjectKind,
  REGIONS,
  type Region,
  type StoredAuthStrategy,
  type StoredDcrProvider,
} from "./types";

export type { EmulatorOptions, Fault, ObjectKind, Region, RequestLogEntry, VerifyBehavior } from "./types";
export type { EmulatorControl, SeedOptions, StoredObject } from "./control";

/** A running emulator: its address, its control surface and `close`. */
export interface KonnectEmulator extends EmulatorControl {
  /** Base URL clients use, e.g. `http://127.0.0.1:PORT` (API at `url + "/v2/dcr-providers"`). */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Base URL of a region's separate data store: `url + "/" + region`. */
  regionUrl(region: Region): string;
  /** Stops listening and destroys every open socket (hung requests included). */
  close(): Promise<void>;
}

/** Where a request path points: its region and the API path below the region prefix. */
interface RegionPath {
  region: Region;
  segments: string[];
  apiPath: string;
}

function splitRegion(pathname: string): RegionPath {
  const segments = pathname.split("/").slice(1);
  const first = segments[0];
  if (first !== undefined && (REGIONS as readonly string[]).includes(first)) {
    const rest = segments.slice(1);
    return { region: first as Region, segments: rest, apiPath: `/${rest.join("/")}` };
  }
  return { region: "us", segments, apiPath: pathname };
}

function retryAfterHeader(value: number | string | undefined): Record<string, string> {
  if (value === undefined) return {};
  // "http-date" stands for an HTTP date about two seconds ahead (second resolution, so 1-2 s of waiting).
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

/** Starts an emulator listening on `options.host` (127.0.0.1) and `options.port` (0 = a free port). */
export async function startKonnectEmulator(options: Partial<EmulatorOptions> = {}): Promise<KonnectEmulator> {
  const state: EmulatorState = {
    store: new EmulatorStore(),
    clock: new MonotonicClock(),
    options: { ...defaultOptions(), ...options },
    verifyCalls: new Map(),
  };
  const faults = new FaultQueue();
  const log = new RequestLog();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let bucket: TokenBucket | undefined;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function rateLimited(): boolean {
    const limits = state.options.rateLimit;
    if (limits === null) return false;
    if (bucket?.limits !== limits) bucket = new TokenBucket(limits);
    return !bucket.tryTake();
  }

  function findStrategy(id: string): StoredAuthStrategy {
    const strategy = state.store.find("application-auth-strategies", id) as StoredAuthStrategy | undefined;
    if (strategy === undefined) throw new ControlError(404, `auth strategy ${id} not found`);
    return strategy;
  }

  const control: EmulatorControl = {
    reset() {
      state.store.reset();
      state.verifyCalls.clear();
      log.clear();
      faults.clear();
    },
    seedDcrProvider(body: unknown, seedOptions: SeedOptions = {}) {
      return structuredClone(createDcrProvider(state, seedOptions.region ?? "us", body, seedOptions.id));
    },
    seedAuthStrategy(body: unknown, seedOptions: SeedOptions = {}) {
      return structuredClone(createAuthStrategy(state, seedOptions.region ?? "us", body, seedOptions.id));
    },
    storedSecrets(id: string) {
      const provider = state.store.find("dcr-providers", id) as StoredDcrProvider | undefined;
      if (provider === undefined) return undefined;
      const secrets: Record<string, string> = {};
      for (const name of secretFieldNames(provider.provider_type)) {
        const value = provider.dcr_config[name];
        if (typeof value === "string") secrets[name] = value;
      }
      return secrets;
    },
    requestLog: () => log.list(),
    clearRequestLog: () => log.clear(),
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    pendingFaults: () => faults.pending(),
    options: () => structuredClone(state.options),
    setOptions(partial) {
      const next = mergeOptions(state.options, partial);
      if (partial.verifyResult !== undefined || partial.verifyResultById !== undefined) state.verifyCalls.clear();
      state.options = next;
    },
    markStrategyInUse(id, inUse = true) {
      const strategy = findStrategy(id);
      state.store.putAuthStrategy({ ...strategy, in_use: inUse });
    },
    get: (kind: ObjectKind, id: string) => structuredClone(state.store.find(kind, id)),
    list: (kind: ObjectKind, region?: Region) => structuredClone(state.store.all(kind, region)),
    updateStored(kind: ObjectKind, id: string, patch: Record<string, unknown>): StoredObject {
      const current = state.store.find(kind, id);
      if (current === undefined) throw new ControlError(404, `${kind} ${id} not found`);
      if (
        (patch.id !== undefined && patch.id !== id) ||
        (patch.region !== undefined && patch.region !== current.region)
      ) {
        throw new ControlError(400, "updateStored cannot change id or region");
      }
      const next = { ...current, updated_at: state.clock.nowIso(), ...structuredClone(patch) };
      if (kind === "dcr-providers") state.store.putDcrProvider(next as StoredDcrProvider);
      else state.store.putAuthStrategy(next as StoredAuthStrategy);
      return structuredClone(next);
    },
  };

  async function handleControl(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const rawBody = await readBody(request);
    const segments = url.pathname.split("/").slice(2);
    const answer = handleControlRequest(control, request.method ?? "GET", segments, url.searchParams, rawBody);
    sendJson(response, answer.status, answer.body);
  }

  /** Applies a fault; returns the status it answered (0 = no answer), or undefined to carry on normally. */
  async function applyFault(
    fault: FaultAction,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<number | undefined> {
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

  async function answerApi(request: IncomingMessage, response: ServerResponse, url: URL, where: RegionPath) {
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
    let status: number;
    let body: unknown;
    let headers: Record<string, string> = {};
    try {
      authenticate(request.headers.authorization, method, state.options);
      const parsedBody = parseJsonBody(rawBody);
      const answer = routeApiRequest(
        { method, region: where.region, segments: where.segments, query: url.searchParams, body: parsedBody },
        state,
      );
      status = answer.status;
      body = answer.body;
    } catch (error) {
      const problem = error instanceof ProblemError ? error : new ProblemError(500, "Internal emulator error");
      status = problem.status;
      body = problem.body;
      headers = problem.headers;
    }
    if (fault !== undefined && "commitThenDrop" in fault) {
      request.socket.destroy();
      return 0;
    }
    sendJson(response, status, body, headers);
    return status;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const time = new Date().toISOString();
    const url = new URL(request.url ?? "/", "http://emulator");
    if (url.pathname === "/_emulator" || url.pathname.startsWith("/_emulator/")) {
      await handleControl(request, response, url);
      return;
    }
    const where = splitRegion(url.pathname);
    const status = await answerApi(request, response, url, where);
    log.add({
      method: request.method ?? "GET",
      path: request.url ?? "/",
      region: where.region,
      status,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      time,
    });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, problemBody(500, "Internal emulator error"));
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(state.options.port, state.options.host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("emulator did not get a TCP port");
  const url = `http://${state.options.host}:${address.port}`;

  return {
    ...control,
    url,
    port: address.port,
    regionUrl: (region: Region) => `${url}/${region}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
