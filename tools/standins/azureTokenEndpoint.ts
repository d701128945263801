/**
 * A stand-in for Azure AD's v1 token endpoint, `POST /<tenant>/oauth2/token` (client credentials: `grant_type`,
 * `client_id`, `client_secret`, `resource`, form-encoded), that issues tokens only to clients of the emulator's IdP
 * with a secret that works (`idpSecretActivationMs`: a new Azure secret takes seconds before it does).
 *
 * Tokens are v1-shaped (`ver` "1.0", `iss` `https://sts.windows.net/<tenant>/`, `appid` = client id, `aud` = the
 * resource) and HS256-signed with a key only this endpoint and the gateway stand-in share ({@link verify}). Errors
 * follow Azure's v1 error body (`error`, `error_description` starting with the AADSTS code, `error_codes`, ids and
 * timestamp): AADSTS7000215 for a wrong or not-yet-working secret, AADSTS700016 for a client not in the tenant
 * [codes from Azure's documentation; statuses INF]. Requests are recorded without bodies or headers: they hold
 * secrets.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { type EmulatorControl } from "../emulator/control";
import { signJwt, verifyJwt } from "./jwt";
import { type Canned, type LocalServer, startServer } from "./standIn";

/** What the endpoint needs from the emulator. */
export type IdpSource = Pick<EmulatorControl, "checkIdpSecret">;

/** Options of {@link startAzureTokenEndpoint}. */
export interface AzureTokenEndpointOptions {
  /** The emulator whose IdP decides (an in-process `KonnectEmulator`). */
  idp: IdpSource;
  /** Token lifetime (default 3599 s, as Azure's `expires_in`). */
  lifetimeSeconds?: number;
}

/** A running token endpoint. */
export interface AzureTokenEndpoint extends LocalServer {
  /** The login URL to give clients (`--login-url`, `loginUrl`): they append `/<tenant>/oauth2/token`. */
  loginUrl: string;
  /** Requests seen: method, path (no query), status. Never bodies or headers. */
  requests: { method: string; path: string; status: number }[];
  /** The claims of a token this endpoint issued and that has not expired; undefined for anything else. */
  verify(token: string): Record<string, unknown> | undefined;
}

/** An Azure v1 error answer. */
function aadError(status: number, error: string, code: number, message: string): Canned {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

const missing = (name: string) =>
  aadError(400, "invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`);

/** Starts the endpoint on a free port of 127.0.0.1. */
export async function startAzureTokenEndpoint(options: AzureTokenEndpointOptions): Promise<AzureTokenEndpoint> {
  const key = randomBytes(32);
  const lifetime = options.lifetimeSeconds ?? 3599;
  const requests: AzureTokenEndpoint["requests"] = [];

  function issue(tenant: string, form: URLSearchParams): Canned {
    const grantType = form.get("grant_type");
    if (grantType === null) return missing("grant_type");
    if (grantType !== "client_credentials") {
      return aadError(
        400,
        "unsupported_grant_type",
        70003,
        `The app requested an unsupported grant type '${grantType}'.`,
      );
    }
    const clientId = form.get("client_id");
    if (clientId === null) return missing("client_id");
    const resource = form.get("resource");
    if (resource === null) return missing("resource");
    const secret = form.get("client_secret");
    if (secret === null) {
      const message = "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.";
      return aadError(401, "invalid_client", 7000216, message);
    }
    const check = options.idp.checkIdpSecret(clientId, secret, tenant);
    if (!check.ok && check.reason === "unknown-client") {
      const message =
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if ` +
        "the application has not been installed by the administrator of the tenant or consented to by any user in " +
        "the tenant. You may have sent your authentication request to the wrong tenant.";
      return aadError(400, "unauthorized_client", 700016, message);
    }
    if (!check.ok) {
      const message =
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, " +
        `not the client secret ID, for a secret added to app '${clientId}'.`;
      return aadError(401, "invalid_client", 7000215, message);
    }
    const now = Math.floor(Date.now() / 1000);
    const issuer = `https://sts.windows.net/${tenant}/`;
    const token = signJwt(
      {
        aud: resource,
        iss: issuer,
        iat: now,
        nbf: now,
        exp: now + lifetime,
        appid: clientId,
        appidacr: "1",
        idp: issuer,
        tid: tenant,
        ver: "1.0",
      },
      key,
    );
    return {
      status: 200,
      body: {
        token_type: "Bearer",
        expires_in: String(lifetime),
        ext_expires_in: String(lifetime),
        expires_on: String(now + lifetime),
        not_before: String(now),
        resource,
        access_token: token,
      },
    };
  }

  const server = await startServer((req, body) => {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    const match = /^\/([^/]+)\/oauth2\/token$/.exec(path);
    let answer: Canned;
    if (match === null) answer = { status: 404, body: { error: "not_found" } };
    else if (req.method !== "POST") answer = { status: 405, body: { error: "method_not_allowed" } };
    else answer = issue(decodeURIComponent(match[1] ?? ""), new URLSearchParams(body));
    requests.push({ method: req.method ?? "", path, status: answer.status });
    return answer;
  });
  return { ...server, loginUrl: server.url, requests, verify: (token) => verifyJwt(token, key) };
}
