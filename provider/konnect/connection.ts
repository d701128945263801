/**
 * Where and how to reach Konnect: regional base URL, server URL override and token, resolved from stack config
 * (as handed to the dynamic provider's `configure`) and environment variables, read at call time.
 */
import { KonnectConfigError } from "./errors";
import { REGIONS, type Region } from "./regions";
import { hasCredentials, hasQueryOrFragment, withoutUserInfo } from "./urlRules";

export { REGIONS, type Region };

/** Region used when neither the resource, the stack config nor the environment names one. */
export const DEFAULT_REGION: Region = "us";

/** Settings from stack config (`konnect:*` keys) or any other explicit source. */
export interface ConnectionSettings {
  /** Personal access token (`kpat_…`), system account token (`spat_…`) or other Konnect bearer token. */
  token?: string;
  /** Replaces the regional host; every `{region}` in it is replaced. Plain http only for loopback addresses. */
  serverUrl?: string;
  /** Default region for resources that do not name one. */
  region?: string;
  /** Hard limit on one HTTP request (connect to last byte of the answer), in seconds: 0.001 to 86400. */
  requestTimeoutSeconds?: string | number;
  /**
   * Hard limit on one call with all its retries, in seconds (0.001 to 86400). A call ends by this time, or after
   * one request timeout when that is longer.
   */
  retryBudgetSeconds?: string | number;
  /** How long a DCR provider's `/verify` is retried until it succeeds, in seconds (0.001 to 86400). */
  verifyTimeoutSeconds?: string | number;
}

/** A resolved connection: everything needed to make requests. */
export interface Connection {
  /** Base URL without trailing slash, e.g. `https://us.api.konghq.com`. */
  baseUrl: string;
  /** Bearer token. Never logged, never serialized. */
  token: string;
  /** Effective region. */
  region: Region;
  /** Per-request timeout in milliseconds. */
  requestTimeoutMs: number;
  /** Total retry budget in milliseconds. */
  retryBudgetMs: number;
  /** How long `/verify` is retried, in milliseconds. */
  verifyTimeoutMs: number;
}

/** Default per-request timeout. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Default total time spent retrying one call. */
export const DEFAULT_RETRY_BUDGET_MS = 120_000;
/** Default time `/verify` is retried (a new Azure secret usually works within 4-18 s). */
export const DEFAULT_VERIFY_TIMEOUT_MS = 30_000;

/** Stack config keys the provider reads, in order of precedence for the token. */
export const STACK_CONFIG_KEYS = {
  token: ["konnect:token", "konnect:personalAccessToken", "konnect:systemAccountAccessToken"],
  serverUrl: ["konnect:serverUrl"],
  region: ["konnect:region"],
  requestTimeoutSeconds: ["konnect:requestTimeoutSeconds"],
  retryBudgetSeconds: ["konnect:retryBudgetSeconds"],
  verifyTimeoutSeconds: ["konnect:verifyTimeoutSeconds"],
} as const;

/** Reads connection settings from a config getter (the shape `configure` receives). */
export function settingsFromStackConfig(config: { get(key: string): string | undefined }): ConnectionSettings {
  const first = (keys: readonly string[]) => keys.map((k) => config.get(k)).find((v) => v !== undefined && v !== "");
  return {
    token: first(STACK_CONFIG_KEYS.token),
    serverUrl: first(STACK_CONFIG_KEYS.serverUrl),
    region: first(STACK_CONFIG_KEYS.region),
    requestTimeoutSeconds: first(STACK_CONFIG_KEYS.requestTimeoutSeconds),
    retryBudgetSeconds: first(STACK_CONFIG_KEYS.retryBudgetSeconds),
    verifyTimeoutSeconds: first(STACK_CONFIG_KEYS.verifyTimeoutSeconds),
  };
}

/** Reads connection settings from environment variables (`KONNECT_TOKEN`, `KONNECT_SPAT`, `KONNECT_SERVER_URL`, …). */
export function settingsFromEnv(env: NodeJS.ProcessEnv): ConnectionSettings {
  const nonEmpty = (v: string | undefined) => (v === undefined || v === "" ? undefined : v);
  return {
    token: nonEmpty(env.KONNECT_TOKEN) ?? nonEmpty(env.KONNECT_SPAT),
    serverUrl: nonEmpty(env.KONNECT_SERVER_URL),
    region: nonEmpty(env.KONNECT_REGION),
    requestTimeoutSeconds: nonEmpty(env.KONNECT_REQUEST_TIMEOUT_SECONDS),
    retryBudgetSeconds: nonEmpty(env.KONNECT_RETRY_BUDGET_SECONDS),
    verifyTimeoutSeconds: nonEmpty(env.KONNECT_VERIFY_TIMEOUT_SECONDS),
  };
}

/**
 * True for a host name that always means this machine: `localhost`, 127.0.0.0/8, ::1 and the IPv4-mapped
 * 127.0.0.0/8 (`::ffff:127.0.0.1`). Accepts a URL's `hostname` (IPv6 in brackets) or a bare host. The one loopback
 * test of the package: plain http and proxy bypass are allowed for these hosts only.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (host === "localhost" || host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return v4[1] === "127" && v4.slice(2).every((octet) => Number(octet) <= 255);
  // The URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
  return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
}

/** Checks a server URL: https, or http on loopback only; no credentials, query or fragment. Returns it without a trailing slash. */
export function validateServerUrl(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw.replaceAll("{region}", "region"));
  } catch {
    throw new KonnectConfigError(
      `${source}: "${withoutUserInfo(raw)}" is not a URL; expected e.g. https://eu.api.konghq.com`,
    );
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new KonnectConfigError(
      `${source}: only https:// URLs are allowed (plain http:// only for loopback addresses such as 127.0.0.1), got ${url.protocol}//${url.host}`,
    );
  }
  if (hasCredentials(url)) {
    throw new KonnectConfigError(`${source}: the URL must not contain credentials; set the token separately`);
  }
  if (hasQueryOrFragment(raw)) {
    throw new KonnectConfigError(`${source}: the URL must not contain a query or fragment`);
  }
  return raw.replace(/\/+$/, "");
}

function parseRegion(raw: string, source: string): Region {
  if ((REGIONS as readonly string[]).includes(raw)) return raw as Region;
  throw new KonnectConfigError(`${source}: unknown Konnect region "${raw}"; expected one of ${REGIONS.join(", ")}`);
}

/** Shortest accepted time setting, in seconds (1 ms: anything shorter would round to no limit at all). */
export const MIN_SECONDS = 0.001;
/** Longest accepted time setting, in seconds (one day; far below the 24.8 days where Node's timers overflow). */
export const MAX_SECONDS = 86_400;

/**
 * Reads a time setting in seconds and returns milliseconds. Accepts {@link MIN_SECONDS} to {@link MAX_SECONDS};
 * anything else is refused with the accepted range (a value past Node's timer limit would fire after 1 ms, and one
 * below 1 ms would round to 0).
 */
export function parseSeconds(raw: string | number | undefined, source: string, fallbackMs: number): number {
  if (raw === undefined) return fallbackMs;
  const seconds = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
  if (!Number.isFinite(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    throw new KonnectConfigError(
      `${source}: expected a number of seconds from ${MIN_SECONDS} to ${MAX_SECONDS}, got "${String(raw)}"`,
    );
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/**
 * The effective region of a resource: its own `region`, else `konnect:region`, else `KONNECT_REGION`, else
 * {@link DEFAULT_REGION}. Needs no token (diff uses it to compare where an object lives with where it would go).
 */
export function resolveRegion(options: {
  stack?: ConnectionSettings;
  env?: NodeJS.ProcessEnv;
  resourceRegion?: string;
}): Region {
  const stack = options.stack ?? {};
  const env = settingsFromEnv(options.env ?? {});
  if (options.resourceRegion) return parseRegion(options.resourceRegion, "region");
  if (stack.region) return parseRegion(stack.region, "konnect:region");
  if (env.region) return parseRegion(env.region, "KONNECT_REGION");
  return DEFAULT_REGION;
}

/**
 * Resolves the connection for one call. Precedence: explicit stack config over environment; a resource's own
 * region over the default region. A server URL override applies to every resource (with `{region}` replaced).
 */
export function resolveConnection(options: {
  stack?: ConnectionSettings;
  env?: NodeJS.ProcessEnv;
  resourceRegion?: string;
}): Connection {
  const stack = options.stack ?? {};
  const env = settingsFromEnv(options.env ?? {});
  const region = resolveRegion(options);

  const override = stack.serverUrl
    ? validateServerUrl(stack.serverUrl, "konnect:serverUrl")
    : env.serverUrl
      ? validateServerUrl(env.serverUrl, "KONNECT_SERVER_URL")
      : undefined;
  const baseUrl = override ? override.replaceAll("{region}", region) : `https://${region}.api.konghq.com`;

  const token = stack.token ?? env.token;
  if (!token) {
    throw new KonnectConfigError(
      "No Konnect token: set it with `pulumi config set --secret konnect:token <token>`, " +
        "or the KONNECT_TOKEN (personal access token) or KONNECT_SPAT (system account token) environment variable",
    );
  }
  if (/\s/.test(token)) {
    throw new KonnectConfigError("The Konnect token contains whitespace; check how it was copied");
  }

  return {
    baseUrl,
    token,
    region,
    requestTimeoutMs: parseSeconds(
      stack.requestTimeoutSeconds ?? env.requestTimeoutSeconds,
      "requestTimeoutSeconds",
      DEFAULT_REQUEST_TIMEOUT_MS,
    ),
    retryBudgetMs: parseSeconds(
      stack.retryBudgetSeconds ?? env.retryBudgetSeconds,
      "retryBudgetSeconds",
      DEFAULT_RETRY_BUDGET_MS,
    ),
    verifyTimeoutMs: parseSeconds(
      stack.verifyTimeoutSeconds ?? env.verifyTimeoutSeconds,
      "verifyTimeoutSeconds",
      DEFAULT_VERIFY_TIMEOUT_MS,
    ),
  };
}
