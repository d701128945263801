/**
 * Errors of the Konnect client. Every failure a user can see is one of these, with a message they can act on.
 * Raw axios errors never escape (they carry headers, the token and request bodies). Every text an error exposes
 * (message and fields, as `JSON.stringify` and `util.inspect` show them) is redacted and capped in length.
 */
import { MAX_MESSAGE_CHARS, MAX_SHOWN_CHARS, makeRedactor, truncateText, type Redactor } from "./redact";
import { NEVER_SENT_CODES, RETRYABLE_STATUSES, UNKNOWN_OUTCOME_STATUSES } from "./retryPolicy";

export { MIN_SECRET_LENGTH, describeReasons, makeRedactor, redactSecrets } from "./redact";

/** One entry of a problem+json `invalid_parameters` list. */
export interface InvalidParameter {
  /** Wire path of the field, e.g. `dcr_config.initial_client_id`. */
  field: string;
  /** Why it was rejected. */
  reason: string;
  /** Rule name such as `required`, `enum`, `max_length`, when Konnect gives one. */
  rule?: string;
  /** Allowed values for `enum` rules. */
  choices?: unknown[];
}

/** Most invalid parameters, and most choices of one parameter, kept in an error. */
export const MAX_SHOWN_ITEMS = 10;

/** Base class of every error the Konnect client throws. */
export abstract class KonnectError extends Error {
  abstract override readonly name: string;
}

/** What a failed Konnect API call reports: status, title, detail, trace instance and invalid parameters. */
export class KonnectApiError extends KonnectError {
  override readonly name = "KonnectApiError";

  /**
   * @param operation What was attempted, e.g. `create DCR provider`.
   * @param status HTTP status code.
   * @param title Problem title, e.g. `Invalid Request`.
   * @param detail Problem detail.
   * @param instance Konnect trace id (`kong:trace:<digits>`), useful to Kong support.
   * @param invalidParameters Fields Konnect rejected.
   * @param secrets Values to redact from the message and from every field.
   */
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly instance: string | undefined,
    readonly invalidParameters: readonly InvalidParameter[] = [],
    secrets: readonly string[] = [],
  ) {
    const redact = makeRedactor(secrets);
    const clean = (text: string) => truncateText(redact(text), MAX_SHOWN_CHARS);
    const params = cleanParameters(invalidParameters, clean);
    const cleanTitle = clean(title);
    const cleanDetail = detail === undefined ? undefined : clean(detail);
    const cleanInstance = instance === undefined ? undefined : clean(instance);
    super(
      truncateText(
        formatApiErrorMessage(clean(operation), status, cleanTitle, cleanDetail, cleanInstance, params),
        MAX_MESSAGE_CHARS,
      ),
    );
    // The fields are visible too (JSON.stringify, util.inspect): redact what Konnect may have echoed back.
    this.operation = clean(operation);
    this.title = cleanTitle;
    this.detail = cleanDetail;
    this.instance = cleanInstance;
    this.invalidParameters = params;
  }

  /** True for 404 Not Found. */
  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** True for 409 Conflict (for example deleting an object still in use). */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

/** Redacts and caps every string of the parameters (and keeps at most {@link MAX_SHOWN_ITEMS} of each list). */
function cleanParameters(params: readonly InvalidParameter[], clean: Redactor): InvalidParameter[] {
  const kept = params.slice(0, MAX_SHOWN_ITEMS).map((p): InvalidParameter => {
    const out: InvalidParameter = { field: clean(p.field), reason: clean(p.reason) };
    if (p.rule !== undefined) out.rule = clean(p.rule);
    if (p.choices !== undefined) {
      out.choices = p.choices.slice(0, MAX_SHOWN_ITEMS).map((c) => (typeof c === "string" ? clean(c) : cleanValue(c)));
      if (p.choices.length > MAX_SHOWN_ITEMS) out.choices.push(`… ${p.choices.length - MAX_SHOWN_ITEMS} more`);
    }
    return out;
  });
  if (params.length > MAX_SHOWN_ITEMS) {
    kept.push({ field: "…", reason: `${params.length - MAX_SHOWN_ITEMS} more invalid parameters not shown` });
  }
  return kept;
}

/** Choices are strings in Konnect's answers; anything else is kept only as a number, boolean or null. */
function cleanValue(value: unknown): unknown {
  return typeof value === "number" || typeof value === "boolean" || value === null ? value : "(not shown)";
}

function formatApiErrorMessage(
  operation: string,
  status: number,
  title: string,
  detail: string | undefined,
  instance: string | undefined,
  invalidParameters: readonly InvalidParameter[],
): string {
  let message = `${operation}: ${status} ${title}`;
  if (invalidParameters.length > 0) {
    message += ": " + invalidParameters.map(describeInvalidParameter).join("; ");
  } else if (detail && detail !== title) {
    message += ": " + detail;
  }
  if (instance) message += ` (trace ${instance})`;
  return message;
}

function describeInvalidParameter(p: InvalidParameter): string {
  const choices = p.choices && p.choices.length > 0 ? ` (one of ${p.choices.map(String).join(", ")})` : "";
  return `${p.field}: ${p.reason}${choices}`;
}

/** The request never produced a usable HTTP answer: connection refused or reset, DNS failure, timeout. */
export class KonnectNetworkError extends KonnectError {
  override readonly name = "KonnectNetworkError";

  /**
   * @param operation What was attempted.
   * @param code Node or axios error code, e.g. `ECONNRESET`, `ETIMEDOUT`.
   * @param description Short plain description of what happened.
   */
  constructor(
    readonly operation: string,
    readonly code: string | undefined,
    description: string,
  ) {
    super(`${operation}: ${description}${code ? ` (${code})` : ""}`);
  }

  /** True when the client gave up waiting (the server may still have acted on the request). */
  get isTimeout(): boolean {
    return this.code === "ECONNABORTED" || this.code === "ETIMEDOUT";
  }

  /** True when the request was certainly never sent (refused connection, unknown host). */
  get isNeverSent(): boolean {
    return NEVER_SENT_CODES.has(this.code ?? "");
  }
}

/** Konnect answered 2xx with a body that does not match the documented shape. */
export class KonnectResponseError extends KonnectError {
  override readonly name = "KonnectResponseError";

  /**
   * @param operation What was attempted.
   * @param issues Where the body differs from the expected shape (paths and reasons, never values).
   */
  constructor(
    readonly operation: string,
    readonly issues: readonly string[],
  ) {
    super(`${operation}: unexpected response from Konnect: ${issues.join("; ")}`);
  }
}

/** The connection settings are missing or invalid (token, server URL, region, time limits). */
export class KonnectConfigError extends KonnectError {
  override readonly name = "KonnectConfigError";
}

/** A request object failed the client's own validation before anything was sent. */
export class KonnectRequestError extends KonnectError {
  override readonly name = "KonnectRequestError";

  /**
   * @param operation What was attempted.
   * @param issues Each problem as `path: what is expected` (never the value).
   */
  constructor(
    readonly operation: string,
    readonly issues: readonly string[],
  ) {
    super(`${operation}: invalid request: ${issues.join("; ")}`);
  }
}

/** True for a Konnect 404 Not Found answer. */
export function isNotFound(error: unknown): error is KonnectApiError {
  return error instanceof KonnectApiError && error.status === 404;
}

/** True for a Konnect 409 Conflict answer (for example deleting an object still in use). */
export function isConflict(error: unknown): error is KonnectApiError {
  return error instanceof KonnectApiError && error.status === 409;
}

/**
 * True for a 4xx answer that asking again would not change: Konnect refused the request for good (429, a throttled
 * request, is excluded: it is retried).
 */
export function isRejected(error: unknown): error is KonnectApiError {
  return (
    error instanceof KonnectApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    !RETRYABLE_STATUSES.has(error.status)
  );
}

/**
 * True when Konnect may or may not have applied the request: no usable answer although the request may have been
 * sent (reset, timeout, unreadable answer), or a 5xx. False when it certainly was not applied (never sent, 4xx).
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (error instanceof KonnectNetworkError) return !error.isNeverSent;
  return error instanceof KonnectApiError && UNKNOWN_OUTCOME_STATUSES.has(error.status);
}
