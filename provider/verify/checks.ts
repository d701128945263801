/**
 * The checks of a first DCR request, as pure functions from what was observed to a result in plain words: what was
 * checked, pass or fail, and what to do when it fails.
 */
import { GUID_TEXT, UUID_PATTERN } from "../konnect/ids";
import type { GatewayResult } from "./gateway";
import type { JwtClaims } from "./jwt";
import type { TokenResult } from "./token";

/** Outcome of one check. */
export type CheckStatus = "pass" | "fail" | "skip";

/** One line of the report. */
export interface CheckResult {
  /** What was checked. */
  title: string;
  /** Pass, fail, or skipped because an earlier step failed. */
  status: CheckStatus;
  /** What was observed. */
  detail: string;
  /** What to do about a failure. */
  fix?: string;
}

const GUID = UUID_PATTERN;
const V1_ISSUER = new RegExp(`^https://sts\\.windows\\.net/(${GUID_TEXT})/?$`, "i");

/** Hints for Azure token endpoint errors, by the AADSTS code or OAuth error. */
function tokenFix(result: Extract<TokenResult, { ok: false }>): string {
  const text = `${result.error} ${result.description ?? ""}`;
  if (/AADSTS7000215|AADSTS7000222/.test(text)) {
    return "The client secret is wrong or expired: copy the secret Konnect showed when the application was created (shown once), or create a new credential in the Dev Portal.";
  }
  if (/AADSTS700016/.test(text)) {
    return "No application with this client id in this tenant: check --tenant and the client id of the Dev Portal application (Konnect registers it in the tenant of the DCR provider's issuer).";
  }
  if (/AADSTS90002|AADSTS900023/.test(text))
    return "The tenant was not found: pass the directory (tenant) GUID with --tenant.";
  if (/AADSTS500011/.test(text)) {
    return "The resource was not found in the tenant: use --resource https://graph.microsoft.com (the default) or the App ID URI of your API.";
  }
  if (result.error === "invalid_client")
    return "Azure rejected the client credentials: check the client id and secret of the Dev Portal application.";
  if (result.status === undefined)
    return "Check the network path to the login host (proxy, DNS, firewall) and --login-url.";
  return "Check the tenant, client id, secret and resource; Azure's error code above names the problem.";
}

/** Result of the token request. */
export function checkTokenRequest(result: TokenResult): CheckResult {
  const title = "Token from the Azure v1 endpoint (client credentials)";
  if (result.ok) return { title, status: "pass", detail: `POST ${result.endpoint} returned an access token.` };
  const status = result.status === undefined ? "" : ` with HTTP ${result.status}`;
  const description = result.description === undefined ? "" : `: ${result.description}`;
  return {
    title,
    status: "fail",
    detail: `POST ${result.endpoint} failed${status}: ${result.error}${description}`,
    fix: tokenFix(result),
  };
}

/** Checks `ver` is `1.0`. */
export function checkVersion(claims: JwtClaims): CheckResult {
  const title = 'Token version is v1 (claim ver = "1.0")';
  const ver = claims["ver"];
  if (ver === "1.0") return { title, status: "pass", detail: 'ver is "1.0".' };
  return {
    title,
    status: "fail",
    detail: `ver is ${JSON.stringify(ver) ?? "missing"}: Konnect DCR accepts Azure v1 tokens only.`,
    fix: "The resource decides the token version: set api.requestedAccessTokenVersion = 1 (accessTokenAcceptedVersion) on the application behind --resource, or use --resource https://graph.microsoft.com; request tokens from /oauth2/token, not /oauth2/v2.0/token.",
  };
}

/** Checks `iss` is the v1 issuer of the tenant. */
export function checkIssuer(claims: JwtClaims, tenant: string): CheckResult {
  const title = "Issuer is the v1 issuer https://sts.windows.net/<tenant>";
  const iss = claims["iss"];
  const shown = JSON.stringify(iss) ?? "missing";
  const match = typeof iss === "string" ? V1_ISSUER.exec(iss) : null;
  const tid = match?.[1];
  if (tid === undefined) {
    return {
      title,
      status: "fail",
      detail: `iss is ${shown}, not https://sts.windows.net/<tenant GUID>.`,
      fix: "A login.microsoftonline.com/.../v2.0 issuer means a v2 token: see the token version check. Konnect's DCR provider and auth strategy must use https://sts.windows.net/<tenant GUID>.",
    };
  }
  if (GUID.test(tenant) && tid.toLowerCase() !== tenant.toLowerCase()) {
    return {
      title,
      status: "fail",
      detail: `iss is ${shown}, from tenant ${tid}, not ${tenant}.`,
      fix: `Use the tenant the application lives in; the DCR provider's issuer must then be https://sts.windows.net/${tid}.`,
    };
  }
  return {
    title,
    status: "pass",
    detail: `iss is ${shown}; the DCR provider and auth strategy issuer is https://sts.windows.net/${tid} (no trailing slash).`,
  };
}

/** Checks `appid` equals the client id (the auth strategy's credential claim). */
export function checkAppId(claims: JwtClaims, clientId: string): CheckResult {
  const title = "Claim appid equals the client id (credential claim of the auth strategy)";
  const appid = claims["appid"];
  if (appid === clientId) return { title, status: "pass", detail: "appid matches the client id." };
  if (appid === undefined) {
    const azp = claims["azp"] === undefined ? "" : " (it has azp, the v2 claim)";
    return {
      title,
      status: "fail",
      detail: `the token has no appid claim${azp}.`,
      fix: 'appid exists in v1 tokens only: get a v1 token (see the version check) and keep credentialClaim ["appid"] on the auth strategy.',
    };
  }
  return {
    title,
    status: "fail",
    detail: `appid is ${JSON.stringify(appid)}, not the client id ${clientId}.`,
    fix: "The token belongs to another application: check DCR_CLIENT_ID/--client-id and the secret belong to the same Dev Portal application.",
  };
}

/** Interprets the gateway's answer to one authorization scheme. */
export function checkGateway(scheme: "Bearer" | "Basic", route: URL, result: GatewayResult): CheckResult {
  const title = `Gateway accepts ${scheme === "Bearer" ? "the bearer token" : "the client id and secret (Basic)"}`;
  const target = `${route.origin}${route.pathname}`;
  if (!result.ok) {
    return {
      title,
      status: "fail",
      detail: `${target}: ${result.reason}.`,
      fix: "Check the route URL and that the gateway is reachable from here.",
    };
  }
  const challenge = result.wwwAuthenticate === undefined ? "" : ` (WWW-Authenticate: ${result.wwwAuthenticate})`;
  const detail = `${target} answered HTTP ${result.status}${challenge}.`;
  if (result.status >= 200 && result.status < 300) return { title, status: "pass", detail };
  const basicHint =
    scheme === "Basic" ? ' For Basic, the strategy\'s authMethods must include "client_credentials".' : "";
  switch (result.status) {
    case 401:
      return {
        title,
        status: "fail",
        detail,
        fix: `The gateway did not accept the credentials: check that the auth strategy is applied to the API publication (auth_strategy_ids), that its issuer is https://sts.windows.net/<tenant GUID> and credentialClaim ["appid"], and that the route belongs to that API.${basicHint}`,
      };
    case 403:
      return {
        title,
        status: "fail",
        detail,
        fix: "Authenticated but not allowed: the application needs an approved registration for this API in the Dev Portal (or an ACL/consumer group rule rejects it).",
      };
    case 404:
      return {
        title,
        status: "fail",
        detail,
        fix: "No route matched: check the route URL (host, path) against the gateway service's routes.",
      };
    default:
      if (result.status >= 300 && result.status < 400) {
        return {
          title,
          status: "fail",
          detail: `${detail} Redirect to ${result.location ?? "(no Location)"} not followed (credentials are not forwarded).`,
          fix: "Call the final URL directly (e.g. https instead of http).",
        };
      }
      return {
        title,
        status: "fail",
        detail,
        fix: "The gateway or the upstream failed: check the gateway logs for this request.",
      };
  }
}

/** A check that could not run because an earlier step failed. */
export function skipped(title: string, because: string): CheckResult {
  return { title, status: "skip", detail: `not checked: ${because}.` };
}
