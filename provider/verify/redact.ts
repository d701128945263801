/**
 * Last line of defence for output: replaces every known secret value (client secret, access token, Basic
 * credentials) in a text before it is printed. The tool never puts them in messages in the first place.
 */

/** Replaces secret values in text. */
export type Redactor = (text: string) => string;

/** Placeholder printed instead of a secret value. */
export const REDACTED = "[redacted]";

/** A redactor for the given values (empty and very short values are ignored: they would mangle normal text). */
export function makeRedactor(values: readonly (string | undefined)[]): Redactor {
  const secrets = values.filter((v): v is string => typeof v === "string" && v.length >= 4);
  secrets.sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}
