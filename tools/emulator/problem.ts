/**
 * Konnect's `application/problem+json` errors: `{status, title, instance: "kong:trace:<digits>", detail}` plus
 * `invalid_parameters` on a 400. Route code throws `ProblemError`; the server turns it into a response.
 */
import { randomInt } from "node:crypto";

/** One entry of `invalid_parameters` (standard, min/max length, choice or dependent item). */
export interface InvalidParameter {
  field: string;
  reason: string;
  rule?: string | null;
  source?: string;
  minimum?: number;
  maximum?: number;
  choices?: unknown[];
}

/** The JSON body of a Konnect error. */
export interface ProblemBody {
  status: number;
  title: string;
  instance: string;
  detail: string;
  invalid_parameters?: InvalidParameter[];
}

const TITLES: Record<number, string> = {
  400: "Invalid Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The title Konnect uses for a status (`"Error"` for codes it has none for). */
export function titleFor(status: number): string {
  return TITLES[status] ?? "Error";
}

/** A fresh correlation id in Konnect's format, `kong:trace:` plus 19 digits. */
export function traceInstance(): string {
  const digits = String(randomInt(1, 10)) + String(randomInt(0, 1e9)).padStart(9, "0");
  return `kong:trace:${digits}${String(randomInt(0, 1e9)).padStart(9, "0")}`;
}

/** Builds a problem body; `detail` defaults to the title. */
export function problemBody(status: number, detail?: string, invalidParameters?: InvalidParameter[]): ProblemBody {
  const title = titleFor(status);
  const body: ProblemBody = { status, title, instance: traceInstance(), detail: detail ?? title };
  if (invalidParameters !== undefined) body.invalid_parameters = invalidParameters;
  return body;
}

/** An error a route throws to answer with a problem+json body. */
export class ProblemError extends Error {
  /** The body to send. */
  readonly body: ProblemBody;
  /** Extra response headers (e.g. `Allow`). */
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    detail?: string,
    invalidParameters?: InvalidParameter[],
    headers?: Record<string, string>,
  ) {
    super(detail ?? titleFor(status));
    this.body = problemBody(status, detail, invalidParameters);
    this.headers = headers ?? {};
  }

  /** The HTTP status. */
  get status(): number {
    return this.body.status;
  }
}

/** A 400 `Invalid Parameters` problem. */
export function invalidRequest(invalidParameters: InvalidParameter[]): ProblemError {
  return new ProblemError(400, "Invalid Parameters", invalidParameters);
}

/** A 404 `Not Found` problem. */
export function notFound(): ProblemError {
  return new ProblemError(404, "Not Found");
}
