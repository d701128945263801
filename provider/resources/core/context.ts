/**
 * Per-process context of the dynamic providers: the stack config `configure` received, and the Konnect transport
 * for a region. Lives only in the plugin host's memory (this module is loaded by package name, never serialized).
 * Connection settings are read at call time, so a changed environment or config applies at once.
 */
import {
  createTransport,
  resolveConnection,
  resolveRegion,
  settingsFromStackConfig,
  type ConnectionSettings,
  type KonnectTransport,
  type TransportOptions,
  validateServerUrl,
} from "../../konnect";

let stackSettings: ConnectionSettings = {};
let transportOptions: TransportOptions = {};
const transports = new Map<string, KonnectTransport>();

/** Stores the `konnect:*` stack config handed to the provider's `configure`. */
export function configureFromStack(config: { get(key: string): string | undefined }): Promise<void> {
  stackSettings = settingsFromStackConfig(config);
  transports.clear();
  return Promise.resolve();
}

/** Replaces the stack settings directly (tools and tests that call `providers.*` without the plugin host). */
export function setStackSettings(settings: ConnectionSettings): void {
  stackSettings = { ...settings };
  transports.clear();
}

/** Overrides transport options such as the backoff schedule (tests and benchmarks). */
export function setTransportOptions(options: TransportOptions): void {
  transportOptions = { ...options };
  transports.clear();
}

/** First wait before a create whose outcome was unknown is tried again. */
export function createRetryDelayMs(): number {
  return transportOptions.backoff?.initialDelayMs ?? 1000;
}

let logSink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

/** Writes one progress line to the provider log (stderr; the engine relays it). Never pass secrets here. */
export function providerLog(message: string): void {
  logSink(`konnect: ${message}`);
}

/** Redirects provider log lines (tests and tools that collect them). */
export function setProviderLogSink(sink: (line: string) => void): void {
  logSink = sink;
}

/**
 * The transport for a resource, honouring its own region over the stack's, with the verification time limit.
 * `recordedServerUrl` (the base URL recorded in an existing object's outputs) replaces the configured one: refresh
 * and delete go where the object was created. It is checked like `konnect:serverUrl` (https, or http on loopback).
 */
export function transportFor(
  region: string | undefined,
  recordedServerUrl?: string,
): {
  transport: KonnectTransport;
  region: string;
  serverUrl: string;
  verifyTimeoutMs: number;
} {
  const resolved = resolveConnection({ stack: stackSettings, env: process.env, resourceRegion: region });
  const connection =
    recordedServerUrl === undefined
      ? resolved
      : { ...resolved, baseUrl: validateServerUrl(recordedServerUrl, "serverUrl recorded in state") };
  const key = JSON.stringify([
    connection.baseUrl,
    connection.token,
    connection.requestTimeoutMs,
    connection.retryBudgetMs,
  ]);
  let transport = transports.get(key);
  if (!transport) {
    transport = createTransport(connection, { log: providerLog, ...transportOptions });
    transports.set(key, transport);
  }
  return {
    transport,
    region: connection.region,
    serverUrl: connection.baseUrl,
    verifyTimeoutMs: connection.verifyTimeoutMs,
  };
}

/** The region a resource declaring `region` (or nothing) goes to under the current stack config and environment. */
export function effectiveRegion(region: string | undefined): string {
  return resolveRegion({ stack: stackSettings, env: process.env, resourceRegion: region });
}
