/**
 * Injected faults: each matches a method and a region-agnostic path pattern (`*` = one segment) and applies to the
 * next `times` matching requests, first injected first. See `FaultAction` in types.ts for the kinds.
 */
import { type Fault, type FaultAction } from "./types";

/** A fault still waiting for requests, with how many it will still affect. */
export type PendingFault = Fault & { remaining: number };

interface QueuedFault {
  fault: Fault;
  method: string | undefined;
  pattern: RegExp;
  remaining: number;
}

const ACTION_KEYS = ["status", "latencyMs", "drop", "commitThenDrop", "hangMs"] as const;

function compilePath(path: string): RegExp {
  const parts = path.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[^/]+")}$`);
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * Checks a fault (from code or from JSON) and returns it in canonical form; throws an Error naming the problem.
 * Over JSON, `times` may be the string "Infinity".
 */
export function normalizeFault(input: unknown): Fault {
  if (typeof input !== "object" || input === null) throw new Error("a fault must be an object");
  const fault = { ...(input as Record<string, unknown>) };
  if (typeof fault.path !== "string" || !fault.path.startsWith("/")) throw new Error("fault.path must start with /");
  if (fault.method !== undefined && typeof fault.method !== "string") throw new Error("fault.method must be a string");
  if (fault.times === "Infinity") fault.times = Infinity;
  if (fault.times !== undefined && !(typeof fault.times === "number" && fault.times >= 1)) {
    throw new Error("fault.times must be a number >= 1 or Infinity");
  }
  const actions = ACTION_KEYS.filter((key) => fault[key] !== undefined);
  if (actions.length !== 1) throw new Error(`a fault needs exactly one of: ${ACTION_KEYS.join(", ")}`);
  const action = actions[0];
  if (action === "status" && !(Number.isInteger(fault.status) && (fault.status as number) >= 100)) {
    throw new Error("fault.status must be an HTTP status code");
  }
  if ((action === "latencyMs" || action === "hangMs") && !isNonNegativeNumber(fault[action])) {
    throw new Error(`fault.${action} must be a number of milliseconds`);
  }
  if ((action === "drop" || action === "commitThenDrop") && fault[action] !== true) {
    throw new Error(`fault.${action} must be true`);
  }
  return fault as unknown as Fault;
}

/** The faults waiting to fire. */
export class FaultQueue {
  private queue: QueuedFault[] = [];

  /** Adds a fault (validated by `normalizeFault`). */
  add(input: Fault): void {
    const fault = normalizeFault(input);
    this.queue.push({
      fault,
      method: fault.method?.toUpperCase(),
      pattern: compilePath(fault.path),
      remaining: fault.times ?? 1,
    });
  }

  /** Takes the action of the first fault matching a request (consuming one of its `times`), if any. */
  take(method: string, path: string): FaultAction | undefined {
    const index = this.queue.findIndex((q) => (q.method === undefined || q.method === method) && q.pattern.test(path));
    const queued = this.queue[index];
    if (queued === undefined) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.queue.splice(index, 1);
    return queued.fault;
  }

  /** Forgets every fault. */
  clear(): void {
    this.queue = [];
  }

  /** The faults still waiting. */
  pending(): PendingFault[] {
    return this.queue.map((q) => ({ ...q.fault, remaining: q.remaining }));
  }
}
