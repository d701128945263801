/**
 * Per-process context of the dynamic providers: the stack config `configure` received, and the Konnect transport
 * for a region. Lives only in the plugin host's memory (this module is loaded by package name, never serialized).
 * Connection settings are read at call time, so a changed environment or config applies at once.
 */
import {
  createTransport,
  resolveConnection,
  settingsFromStackConfig,
  type ConnectionSettings,
  type KonnectTransport,
  type TransportOptions,
} from "../konnect";

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

/** The transport for a resource, honouring its own region over the stack's, with the verification time limit. */
export function transportFor(region: string | undefined): {
  transport: KonnectTransport;
  region: string;
  verifyTimeoutMs: number;
} {
  const connection = resolveConnection({ stack: stackSettings, env: process.env, resourceRegion: region });
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
  return { transport, region: connection.region, verifyTimeoutMs: connection.verifyTimeoutMs };
}
