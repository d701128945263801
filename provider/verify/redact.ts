/**
 * Last line of defence for output: replaces every known secret value (client secret, access token, Basic
 * credentials), also URL-encoded, form-encoded or JSON-escaped as a server may echo it, in a text before it is
 * printed. The tool never puts them in messages in the first place. The rules are the package's own
 * (`provider/konnect/redact.ts`), so the marker is the same `[secret]` everywhere.
 */
export { makeRedactor, type Redactor } from "../konnect/redact";
