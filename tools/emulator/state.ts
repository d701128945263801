/**
 * What a route sees: the parsed request, and the emulator state it reads and writes.
 */
import { type IdpRegistry } from "./idp";
import { type EmulatorStore, type MonotonicClock } from "./store";
import { type EmulatorOptions, type Region } from "./types";

/** An API request after region and body parsing. */
export interface ApiRequest {
  method: string;
  region: Region;
  /** Path segments after the region prefix: `["v2", "dcr-providers", "<id>"]`. */
  segments: string[];
  query: URLSearchParams;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
}

/** A successful answer (errors are thrown as `ProblemError`). */
export interface ApiResponse {
  status: number;
  /** JSON body; left out for 204. */
  body?: unknown;
}

/** The mutable state shared by routes, control API and in-process control. */
export interface EmulatorState {
  store: EmulatorStore;
  clock: MonotonicClock;
  options: EmulatorOptions;
  /** Verify calls seen per DCR provider id (drives `fail-then-succeed`). */
  verifyCalls: Map<string, number>;
  /** The emulated identity provider DCR applications create or link clients in. */
  idp: IdpRegistry;
}
