/**
 * Command-line options of `npm run verify`. The client secret is never a flag: command lines end up in shell
 * history and in `ps`; it comes from `DCR_CLIENT_SECRET` or a hidden prompt.
 */
import { parseArgs } from "node:util";
import { MAX_SECONDS, MIN_SECONDS } from "../konnect/connection";
import { DEFAULT_TIMEOUT_MS } from "./http";
import { DEFAULT_LOGIN_URL, DEFAULT_RESOURCE, HTTP_METHODS, TENANT_PATTERN } from "./inputRules";
import { urlProblem } from "./urlRules";

/** Options after validation (without the secret, resolved separately). */
export interface VerifyOptions {
  tenant: string;
  clientId: string;
  route: URL;
  resource: string;
  loginUrl: URL;
  method: string;
  /** Hard limit on each HTTP exchange, in milliseconds. */
  timeoutMs: number;
}

/** Result of parsing: options, a help request, or a usage error (the message never echoes argument values). */
export type ParsedOptions =
  { kind: "options"; options: VerifyOptions } | { kind: "help" } | { kind: "error"; message: string };

/** Usage text. */
export const USAGE = `Usage: npm run verify -- --tenant <tenant GUID> --route <gateway route URL> [options]

Checks the last step of Kong's Azure DCR guide: a Dev Portal application gets a v1 token from Azure AD and calls the
API through the gateway, with the token (Bearer) and with its client id and secret (Basic).

  --tenant <id>        Directory (tenant) GUID or domain (env AZURE_TENANT_ID).
  --route <url>        Gateway route of the API published with the DCR auth strategy (https; http only on loopback
                       unless --insecure-http).
  --client-id <id>     Client id of the Dev Portal application (env DCR_CLIENT_ID).
  --resource <uri>     Resource to request the token for (default ${DEFAULT_RESOURCE}).
  --method <verb>      HTTP method for the route (default GET).
  --login-url <url>    Azure AD login host (default ${DEFAULT_LOGIN_URL}; https only, except loopback; no query).
  --timeout <seconds>  Hard limit on each HTTP exchange (default ${DEFAULT_TIMEOUT_MS / 1000}; ${MIN_SECONDS} to ${MAX_SECONDS}).
  --insecure-http      Allow an http:// route on a non-loopback host (sends the credentials in clear text).
  -h, --help           Show this text.

The client secret is read from DCR_CLIENT_SECRET, or asked for without echo. It is never accepted as a flag.
Exit codes: 0 all checks passed, 1 a check failed, 2 usage error.
`;

const KNOWN_OPTION = /^(--(tenant|route|client-id|resource|method|login-url|timeout|insecure-http|help)|-h)$/;
const METHODS = new Set<string>(HTTP_METHODS);

/** Parses a URL option, allowing http only for loopback hosts (or when `allowHttp`). */
function parseUrl(name: string, value: string, allowHttp: boolean): URL | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--${name} is not a valid URL.`;
  }
  const problem = urlProblem(url, allowHttp);
  return problem === undefined ? url : `--${name} ${problem}.`;
}

/** Parses `--timeout` (seconds, {@link MIN_SECONDS} to {@link MAX_SECONDS}) into milliseconds, or an error message. */
function parseTimeout(value: string | undefined): number | string {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const seconds = value.trim() === "" ? NaN : Number(value);
  if (!Number.isFinite(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    return `--timeout must be a number of seconds from ${MIN_SECONDS} to ${MAX_SECONDS}.`;
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/** Parses argv (without node and script) and the environment. */
export function parseOptions(argv: readonly string[], env: Record<string, string | undefined>): ParsedOptions {
  const secretFlag = argv.find((a) => /^--?(client-?)?secret(=|$)/i.test(a));
  if (secretFlag !== undefined) {
    return {
      kind: "error",
      message:
        "The client secret is not accepted on the command line (shell history, ps). Set DCR_CLIENT_SECRET or let the tool prompt for it.",
    };
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        tenant: { type: "string" },
        route: { type: "string" },
        "client-id": { type: "string" },
        resource: { type: "string" },
        method: { type: "string" },
        "login-url": { type: "string" },
        timeout: { type: "string" },
        "insecure-http": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    const name = argv.map((a) => a.split("=")[0] ?? "").find((a) => a.startsWith("-") && !KNOWN_OPTION.test(a));
    if (code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION" || name === undefined) {
      return {
        kind: "error",
        message: "Invalid arguments: every option except --insecure-http and --help takes a value.",
      };
    }
    // Echo only what looks like an option name: a value typed as `--<secret>` must not be printed back.
    return {
      kind: "error",
      message: /^--?[a-z][a-z-]{0,24}$/.test(name) ? `Unknown option ${name}.` : "Unknown option (not echoed).",
    };
  }
  if (values["help"] === true) return { kind: "help" };
  if (positionals.length > 0)
    return { kind: "error", message: "Unexpected argument without an option name (values are not echoed)." };
  const str = (k: string) => (typeof values[k] === "string" ? values[k] : undefined);
  const tenant = str("tenant") ?? env["AZURE_TENANT_ID"];
  if (tenant === undefined || !TENANT_PATTERN.test(tenant))
    return { kind: "error", message: "--tenant (or AZURE_TENANT_ID) is required: the directory GUID or domain." };
  const clientId = str("client-id") ?? env["DCR_CLIENT_ID"];
  if (clientId === undefined || clientId.trim() === "")
    return { kind: "error", message: "--client-id or DCR_CLIENT_ID is required." };
  const routeText = str("route");
  if (routeText === undefined) return { kind: "error", message: "--route is required: the gateway URL of the API." };
  const route = parseUrl("route", routeText, values["insecure-http"] === true);
  if (typeof route === "string") return { kind: "error", message: route };
  const loginUrl = parseUrl("login-url", str("login-url") ?? DEFAULT_LOGIN_URL, false);
  if (typeof loginUrl === "string") return { kind: "error", message: loginUrl };
  if (loginUrl.search !== "" || loginUrl.hash !== "" || /[?#]/.test(str("login-url") ?? "")) {
    return {
      kind: "error",
      message: "--login-url must not contain a query or fragment: the tool appends /<tenant>/oauth2/token to it.",
    };
  }
  const timeoutMs = parseTimeout(str("timeout"));
  if (typeof timeoutMs === "string") return { kind: "error", message: timeoutMs };
  const method = (str("method") ?? "GET").toUpperCase();
  if (!METHODS.has(method)) return { kind: "error", message: `--method must be one of ${[...METHODS].join(", ")}.` };
  return {
    kind: "options",
    options: {
      tenant,
      clientId: clientId.trim(),
      route,
      resource: str("resource") ?? DEFAULT_RESOURCE,
      loginUrl,
      method,
      timeoutMs,
    },
  };
}
