/**
 * Errors of the Konnect client. Every failure a user can see is one of these, with a message they can act on.
 * Raw axios errors never escape (they carry headers, the token and request bodies).
 */

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

/** Replaces every occurrence of the given secret values with `[secret]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("[secret]");
  }
  return out;
}

/** What a failed Konnect API call reports: status, title, detail, trace instance and invalid parameters. */
export class KonnectApiError extends Error {
  override readonly name = "KonnectApiError";

  /**
   * @param operation What was attempted, e.g. `create DCR provider`.
   * @param status HTTP status code.
   * @param title Problem title, e.g. `Invalid Request`.
   * @param detail Problem detail.
   * @param instance Konnect trace id (`kong:trace:<digits>`), useful to Kong support.
   * @param invalidParameters Fields Konnect rejected.
   * @param secrets Values to redact from the message.
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
    super(redactSecrets(formatApiErrorMessage(operation, status, title, detail, instance, invalidParameters), secrets));
    // The fields are visible too (JSON.stringify, util.inspect): redact what Konnect may have echoed back.
    this.title = redactSecrets(title, secrets);
    this.detail = detail === undefined ? undefined : redactSecrets(detail, secrets);
    this.invalidParameters = invalidParameters.map((p) => ({ ...p, reason: redactSecrets(p.reason, secrets) }));
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

/** The request never produced an HTTP answer: connection refused or reset, DNS failure, or timeout. */
export class KonnectNetworkError extends Error {
  override readonly name = "KonnectNetworkError";

  /**
   * @param operation What was attempted.
   * @param code Node or axios error code, e.g. `ECONNRESET`, `ECONNABORTED`.
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
}

/** Konnect answered 2xx with a body that does not match the documented shape. */
export class KonnectResponseError extends Error {
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

/** The connection settings are missing or invalid (token, server URL, region). */
export class KonnectConfigError extends Error {
  override readonly name = "KonnectConfigError";
}

/** A request object failed the client's own validation before anything was sent. */
export class KonnectRequestError extends Error {
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
