/**
 * The whole first-request check: token from the v1 endpoint, claims of the token, then the gateway route with the
 * bearer token and with Basic client credentials. Returns results; printing is `report.ts`'s job.
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
import { decodeJwtPayload } from "./jwt";
import { requestToken } from "./token";

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

/** Runs every check in order; later checks are skipped when what they need is missing. */
export async function verify(http: AxiosInstance, input: VerifyInput): Promise<VerifyOutcome> {
  const results: CheckResult[] = [];
  const basic = Buffer.from(`${input.clientId}:${input.clientSecret}`, "utf8").toString("base64");
  const sensitive = [basic];
  const token = await requestToken(http, input);
  results.push(checkTokenRequest(token));
  const bearerTitle = "Gateway accepts the bearer token";
  if (token.ok) {
    sensitive.push(token.accessToken);
    const decoded = decodeJwtPayload(token.accessToken);
    if (decoded.ok) {
      results.push(
        checkVersion(decoded.claims),
        checkIssuer(decoded.claims, input.tenant),
        checkAppId(decoded.claims, input.clientId),
      );
    } else {
      results.push({
        title: "Access token is a JWT",
        status: "fail",
        detail: `the access token is ${decoded.reason}.`,
        fix: "Check --login-url points at Azure AD (login.microsoftonline.com).",
      });
    }
    results.push(
      checkGateway(
        "Bearer",
        input.route,
        await callRoute(http, input.route, input.method, `Bearer ${token.accessToken}`, input.timeoutMs),
      ),
    );
  } else {
    for (const title of [
      'Token version is v1 (claim ver = "1.0")',
      "Issuer is the v1 issuer https://sts.windows.net/<tenant>",
      "Claim appid equals the client id (credential claim of the auth strategy)",
      bearerTitle,
    ]) {
      results.push(skipped(title, "no access token"));
    }
  }
  results.push(
    checkGateway(
      "Basic",
      input.route,
      await callRoute(http, input.route, input.method, `Basic ${basic}`, input.timeoutMs),
    ),
  );
  return { results, sensitive };
}
