/**
 * The URL rules of a first-request check, shared by `npm run verify`'s options and the `DcrRequestCheck` resource's
 * `check`: https, or plain http on loopback only (the client secret and the token travel in these requests), and
 * never credentials in the URL.
 */
import { isLoopbackHost } from "../konnect/connection";

/**
 * Why `url` cannot be used (a reason without the option's name: `must be an https URL`), or undefined. `allowHttp`
 * accepts plain http on any host (the CLI's `--insecure-http`).
 */
export function urlProblem(url: URL, allowHttp: boolean): string | undefined {
  if (url.username !== "" || url.password !== "") return "must not contain credentials";
  if (url.protocol === "https:") return undefined;
  if (url.protocol === "http:" && (isLoopbackHost(url.hostname) || allowHttp)) return undefined;
  return url.protocol === "http:"
    ? "must use https (http is accepted only for loopback hosts: localhost, 127.0.0.0/8 and ::1)"
    : "must be an https URL";
}
