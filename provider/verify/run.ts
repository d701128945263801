/**
 * The whole first-request check: token from the v1 endpoint, claims of the token, then the gateway route with the
 * bearer token and with Basic client credentials. Returns results; printing is `report.ts`'s job. The steps are
 * exported on their own for the `DcrRequestCheck` resource, which runs the token checks and the bearer call only.
 */
import type { AxiosInstance } from "axios";
import {
  checkAppId,
  checkGateway,
  checkIssuer,
  checkTokenRequest,
  checkVersion,
  skipped,
  type CheckResult,
} from "./checks";
import { callRoute } from "./gateway";
import { decodeJwtPayload, type JwtClaims } from "./jwt";
import { requestToken, type TokenRequest } from "./token";

/** Everything a run needs. The secret is here only to be sent, never to be shown. */
export interface VerifyInput {
  tenant: string;
  clientId: string;
  clientSecret: string;
  resource: string;
  loginUrl: URL;
  route: URL;
  method: string;
  /** Hard limit on each HTTP exchange, in milliseconds (default 20 s). */
  timeoutMs?: number;
}

/** Results of a run plus the values the output must never contain (for redaction). */
export interface VerifyOutcome {
  results: CheckResult[];
  /** Secret values seen during the run: the access token and the Basic credentials. */
  sensitive: string[];
}

/** What the token step found: its results, and the token and its claims when Azure issued one. */
export interface TokenOutcome {
  /**
   * The token request's result, then the claim checks (`ver`, `iss`, `appid`), or a failed "is a JWT" check, or the
   * claim checks skipped when there is no token.
   */
  results: CheckResult[];
  /** The access token, when the request returned one (a secret: never shown). */
  accessToken?: string;
  /** The token's decoded claims, when it is a JWT. */
  claims?: JwtClaims;
}

/** Title of the bearer call's check (also what a skipped bearer call is reported as). */
const BEARER_TITLE = "Gateway accepts the bearer token";

/** Gets a v1 token and checks its claims: version 1.0, the tenant's v1 issuer, `appid` = the client id. */
export async function tokenChecks(http: AxiosInstance, input: TokenRequest): Promise<TokenOutcome> {
  const token = await requestToken(http, input);
  const results = [checkTokenRequest(token)];
  if (!token.ok) {
    for (const title of [
      'Token version is v1 (claim ver = "1.0")',
      "Issuer is the v1 issuer https://sts.windows.net/<tenant>",
      "Claim appid equals the client id (credential claim of the auth strategy)",
    ]) {
      results.push(skipped(title, "no access token"));
    }
    return { results };
  }
  const decoded = decodeJwtPayload(token.accessToken);
  if (!decoded.ok) {
    results.push({
      title: "Access token is a JWT",
      status: "fail",
      detail: `the access token is ${decoded.reason}.`,
      fix: "Check --login-url points at Azure AD (login.microsoftonline.com).",
    });
    return { results, accessToken: token.accessToken };
  }
  results.push(
    checkVersion(decoded.claims),
    checkIssuer(decoded.claims, input.tenant),
    checkAppId(decoded.claims, input.clientId),
  );
  return { results, accessToken: token.accessToken, claims: decoded.claims };
}

/** Calls the route with the bearer token (or reports the call skipped when there is none); 2xx passes. */
export async function bearerCheck(
  http: AxiosInstance,
  route: URL,
  method: string,
  accessToken: string | undefined,
  timeoutMs?: number,
): Promise<CheckResult> {
  if (accessToken === undefined) return skipped(BEARER_TITLE, "no access token");
  return checkGateway("Bearer", route, await callRoute(http, route, method, `Bearer ${accessToken}`, timeoutMs));
}

/** Runs every check in order; later checks are skipped when what they need is missing. */
export async function verify(http: AxiosInstance, input: VerifyInput): Promise<VerifyOutcome> {
  const basic = Buffer.from(`${input.clientId}:${input.clientSecret}`, "utf8").toString("base64");
  const sensitive = [basic];
  const token = await tokenChecks(http, input);
  if (token.accessToken !== undefined) sensitive.push(token.accessToken);
  const results = [
    ...token.results,
    await bearerCheck(http, input.route, input.method, token.accessToken, input.timeoutMs),
    checkGateway(
      "Basic",
      input.route,
      await callRoute(http, input.route, input.method, `Basic ${basic}`, input.timeoutMs),
    ),
  ];
  return { results, sensitive };
}
