/**
 * The Konnect emulator: a stateful in-memory HTTP server on 127.0.0.1 that answers Konnect's v2 API for DCR
 * providers and application auth strategies and the v3 subset for portals, APIs, API publications and a portal's
 * teams, developers, applications and registrations (with an emulated IdP behind DCR applications), with regions,
 * bearer auth, problem+json errors, faults, a rate limit and a control API. Start one per test suite:
 *
 *   const konnect = await startKonnectEmulator();
 *   await fetch(`${konnect.url}/v2/dcr-providers`, { headers: { Authorization: "Bearer kpat_..." } });
 *   await konnect.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type Socket } from "node:net";
import { createApiHandler, splitRegion } from "./apiHandler";
import { type EmulatorControl, handleControlRequest } from "./control";
import { FaultQueue } from "./faults";
import { readBody, sendJson } from "./http";
import { IdpRegistry } from "./idp";
import { createEmulatorControl } from "./inProcessControl";
import { defaultOptions, mergeStartOptions } from "./options";
import { problemBody } from "./problem";
import { RequestLog } from "./requestLog";
import { type EmulatorState } from "./state";
import { EmulatorStore, MonotonicClock } from "./store";
import { type EmulatorOptions, type Region } from "./types";

export type { EmulatorOptions, NamedObjectKind, ObjectKind, Region, RequestLogEntry, StoredPublication } from "./types";
export type { EmulatorControl, StoredObject } from "./control";

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

/** Starts an emulator listening on `options.host` (127.0.0.1) and `options.port` (0 = a free port). */
export async function startKonnectEmulator(options: Partial<EmulatorOptions> = {}): Promise<KonnectEmulator> {
  const state: EmulatorState = {
    store: new EmulatorStore(),
    clock: new MonotonicClock(),
    options: mergeStartOptions(defaultOptions(), options),
    verifyCalls: new Map(),
    idp: new IdpRegistry(),
  };
  const faults = new FaultQueue();
  const log = new RequestLog();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  const control = createEmulatorControl(state, faults, log);
  const answerApi = createApiHandler({ state, faults, wait });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const time = new Date().toISOString();
    const url = new URL(request.url ?? "/", "http://emulator");
    if (url.pathname === "/_emulator" || url.pathname.startsWith("/_emulator/")) {
      const rawBody = await readBody(request);
      const segments = url.pathname.split("/").slice(2);
      const answer = handleControlRequest(control, request.method ?? "GET", segments, url.searchParams, rawBody);
      sendJson(response, answer.status, answer.body);
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
