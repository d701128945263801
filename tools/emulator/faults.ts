/**
 * Injected faults: each matches a method and a region-agnostic path pattern (`*` = one segment) and applies to the
 * next `times` matching requests, first injected first. See `FaultAction` in types.ts for the kinds.
 */
import { type IncomingMessage, type ServerResponse } from "node:http";
import { type Fault, type FaultAction, type MalformedAnswer } from "./types";

/** A fault still waiting for requests, with how many it will still affect. */
export type PendingFault = Fault & { remaining: number };

interface QueuedFault {
  fault: Fault;
  method: string | undefined;
  pattern: RegExp;
  remaining: number;
}

const ACTION_KEYS = [
  "status",
  "latencyMs",
  "drop",
  "commitThenDrop",
  "hangMs",
  "commitThenHold",
  "commitThenMalformed",
] as const;

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
  if ((action === "drop" || action === "commitThenDrop" || action === "commitThenHold") && fault[action] !== true) {
    throw new Error(`fault.${action} must be true`);
  }
  if (action === "commitThenMalformed") checkMalformedAnswer(fault.commitThenMalformed);
  return fault as unknown as Fault;
}

function checkMalformedAnswer(value: unknown): void {
  const problem = "fault.commitThenMalformed must be {raw, contentType?} or {set?, omit?}";
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(problem);
  const answer = value as Record<string, unknown>;
  const keys = Object.keys(answer);
  if ("raw" in answer) {
    if (typeof answer.raw !== "string" || !keys.every((k) => k === "raw" || k === "contentType"))
      throw new Error(problem);
    if (answer.contentType !== undefined && typeof answer.contentType !== "string") throw new Error(problem);
    return;
  }
  if (!keys.every((k) => k === "set" || k === "omit")) throw new Error(problem);
  const set = answer.set;
  if (set !== undefined && (typeof set !== "object" || set === null || Array.isArray(set))) throw new Error(problem);
  const omit = answer.omit;
  if (omit !== undefined && !(Array.isArray(omit) && omit.every((k) => typeof k === "string"))) {
    throw new Error(problem);
  }
}

/** The body and content type a {@link MalformedAnswer} turns a real JSON answer into. */
export function malformedBody(answer: MalformedAnswer, real: unknown): { text: string; contentType: string } {
  if ("raw" in answer) return { text: answer.raw, contentType: answer.contentType ?? "text/html" };
  const object = typeof real === "object" && real !== null ? { ...(real as Record<string, unknown>) } : {};
  for (const key of answer.omit ?? []) delete object[key];
  return { text: JSON.stringify({ ...object, ...(answer.set ?? {}) }), contentType: "application/json" };
}

/**
 * Finishes a request that was applied under a fault that acts after the commit. Returns the status sent (0 when the
 * socket was closed unanswered), or undefined when the fault does not act after the commit (answer normally).
 */
export async function answerAfterCommit(
  fault: FaultAction | undefined,
  result: { status: number; body?: unknown },
  request: IncomingMessage,
  response: ServerResponse,
): Promise<number | undefined> {
  if (fault === undefined) return undefined;
  if ("commitThenDrop" in fault) {
    request.socket.destroy();
    return 0;
  }
  if ("commitThenHold" in fault) {
    if (!request.socket.destroyed) {
      await new Promise<void>((resolve) => request.socket.once("close", () => resolve()));
    }
    return 0;
  }
  if ("commitThenMalformed" in fault) {
    const { text, contentType } = malformedBody(fault.commitThenMalformed, result.body);
    response.writeHead(result.status, {
      "Content-Type": contentType,
      "Content-Length": String(Buffer.byteLength(text)),
    });
    response.end(text);
    return result.status;
  }
  return undefined;
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
