/**
 * Redaction of secret values (Konnect token, client secrets, DCR tokens, API keys) from any text a user may see:
 * error messages and their fields, failure reasons Konnect echoes back, and the verify tool's report. A secret is
 * caught as typed and in the forms a server may echo it: URL-encoded, form-encoded and JSON-escaped.
 */

/** What a secret value is replaced with, everywhere in the package. */
export const SECRET_MARKER = "[secret]";

/**
 * Shortest secret `check` should accept. Every secret at least this long is redacted; a shorter one could not be
 * told apart from ordinary text in messages (redacting `ab` would mangle every message that contains those letters).
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * Values shorter than this are never redacted (they would mangle ordinary text). Lower than
 * {@link MIN_SECRET_LENGTH}, so a short value that did not go through `check` (a Konnect token, a CLI secret) is
 * still caught from four characters on.
 */
export const MIN_REDACTED_LENGTH = 4;

/** Replaces secret values in a text. */
export type Redactor = (text: string) => string;

/** `application/x-www-form-urlencoded` encoding of a value, as `URLSearchParams` (and most servers) write it. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/** A JSON string body without its quotes; `asciiOnly` also escapes non-ASCII characters as `\uXXXX`. */
function jsonEscape(value: string, asciiOnly: boolean): string {
  const json = JSON.stringify(value).slice(1, -1);
  if (!asciiOnly) return json;
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The forms in which a secret may come back: as is, URL-encoded, form-encoded, and JSON-escaped (with or without
 * `\uXXXX` for non-ASCII characters and `\/` for slashes, as different JSON writers do).
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret, encodeURIComponent(secret), encodeURI(secret), formEncode(secret)]);
  for (const asciiOnly of [false, true]) {
    const json = jsonEscape(secret, asciiOnly);
    forms.add(json);
    forms.add(json.replace(/\//g, "\\/"));
  }
  return [...forms];
}

/** A pattern for one form: regex characters escaped, percent-escape hex digits matched in either case. */
function formPattern(form: string): string {
  return form
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/%([0-9A-Fa-f])([0-9A-Fa-f])/g, (_m, a: string, b: string) => `%${hexClass(a)}${hexClass(b)}`);
}

function hexClass(digit: string): string {
  return /[0-9]/.test(digit) ? digit : `[${digit.toLowerCase()}${digit.toUpperCase()}]`;
}

/**
 * A redactor for the given values: every secret of at least {@link MIN_REDACTED_LENGTH} characters, in every form
 * of {@link secretForms}, becomes {@link SECRET_MARKER}. Longer values are replaced first, so a secret that contains
 * another is removed whole.
 */
export function makeRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret.length < MIN_REDACTED_LENGTH) continue;
    for (const form of secretForms(secret)) forms.add(form);
  }
  if (forms.size === 0) return (text) => text;
  const pattern = new RegExp(
    [...forms]
      .sort((a, b) => b.length - a.length)
      .map(formPattern)
      .join("|"),
    "g",
  );
  return (text) => text.replace(pattern, SECRET_MARKER);
}

/** Replaces every secret value (in every echoed form) in `text` with {@link SECRET_MARKER}. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  return makeRedactor(secrets)(text);
}

/** Most characters of one text taken from a response (a title, a detail, a reason) kept in an error. */
export const MAX_SHOWN_CHARS = 500;

/** Most characters of a whole error message built from a response. */
export const MAX_MESSAGE_CHARS = 4000;

/** Cuts a text to `max` characters, saying how much was left out. */
export function truncateText(text: string, max: number = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters not shown)`;
}

/** Most reasons of one list (for example `/verify` failure reasons) shown in a message. */
export const MAX_SHOWN_REASONS = 10;

/**
 * Reasons Konnect gave (for example the `errors` of a failed `/verify`, which may echo the IdP client secret) as
 * one line for a message: each redacted and cut at {@link MAX_SHOWN_CHARS}, at most {@link MAX_SHOWN_REASONS} of
 * them, joined with `; `; `no reason given` when there is none.
 */
export function describeReasons(reasons: readonly string[], secrets: readonly (string | undefined)[]): string {
  if (reasons.length === 0) return "no reason given";
  const redact = makeRedactor(secrets);
  const shown = reasons.slice(0, MAX_SHOWN_REASONS).map((reason) => truncateText(redact(reason)));
  if (reasons.length > MAX_SHOWN_REASONS) shown.push(`${reasons.length - MAX_SHOWN_REASONS} more not shown`);
  return shown.join("; ");
}
