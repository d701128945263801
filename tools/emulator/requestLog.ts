/**
 * The API request log: method, path, region, status, duration and time of each request, never bodies or headers.
 * It keeps the newest `REQUEST_LOG_LIMIT` entries so a long-running CLI emulator does not grow without bound.
 */
import { type RequestLogEntry } from "./types";

/** Entries kept before the oldest are dropped. */
export const REQUEST_LOG_LIMIT = 100_000;

/** An append-only list of requests. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  /** Records one request. */
  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > REQUEST_LOG_LIMIT * 1.1) this.entries = this.entries.slice(-REQUEST_LOG_LIMIT);
  }

  /** A copy of the entries, oldest first. */
  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries = [];
  }
}
