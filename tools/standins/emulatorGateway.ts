/**
 * A stand-in for a Konnect-managed gateway whose routes lead to APIs of the emulator: it lets a request through
 * (200) only when its credential belongs to an application with an approved registration for the route's API, as
 * the emulator's `gatewayAccess` decides (registration status, `registrationPropagationMs`, issuer, credential claim).
 *
 * - `Authorization: Bearer <token>`: the token must be one the stand-in Azure endpoint issued and still valid, else
 *   401 with `WWW-Authenticate: Bearer ... error="invalid_token"` [INF: Kong's OIDC plugin].
 * - `Authorization: Basic base64(client_id:client_secret)`: the emulated IdP must accept the pair (as the OIDC
 *   plugin's client-credentials exchange would), else 401; the claims are then those of a v1 token of the client's
 *   tenant.
 * - No credential: 401, unless the API is published without application auth. A valid credential without access: `deniedStatus` (403 by default) [INF], with the
 *   emulator's reason in `X-Emulator-Reason` (a stand-in convenience, not Kong's).
 * - A path no route matches: 404 `{"message":"no Route matched with those values"}` (Kong's answer).
 * Requests are recorded without headers: they hold tokens and secrets.
 */
import { type EmulatorControl } from "../emulator/control";
import { type Region } from "../emulator/types";
import { type Canned, type LocalServer, startServer } from "./standIn";

/** A gateway route: requests to `path` (or below it) go to the API `apiId` of `region` (default `us`). */
export interface GatewayRoute {
  path: string;
  apiId: string;
  region?: Region;
}

/** What the gateway needs from the emulator (an in-process `KonnectEmulator`). */
export type GatewaySource = Pick<EmulatorControl, "gatewayAccess" | "checkIdpSecret">;

/** Options of {@link startEmulatorGateway}. */
export interface EmulatorGatewayOptions {
  konnect: GatewaySource;
  /** Verifies bearer tokens: the stand-in Azure endpoint's `verify`. */
  tokens: { verify(token: string): Record<string, unknown> | undefined };
  routes: GatewayRoute[];
  /** Status for a valid credential without access (default 403). */
  deniedStatus?: number;
}

/** A running gateway stand-in. */
export interface EmulatorGateway extends LocalServer {
  /** Requests seen: method, path (no query: it can hold API keys), status, and for denials the emulator's reason. */
  requests: { method: string; path: string; status: number; reason?: string }[];
}

const unauthorized = (error?: string): Canned => ({
  status: 401,
  body: { message: "Unauthorized" },
  headers: {
    "WWW-Authenticate": error === undefined ? 'Bearer realm="kong"' : `Bearer realm="kong", error="${error}"`,
  },
});

/** The claims behind a Basic client id and secret, or undefined when the IdP refuses them. */
function basicClaims(konnect: GatewaySource, encoded: string): Record<string, unknown> | undefined {
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return undefined;
  const check = konnect.checkIdpSecret(decoded.slice(0, colon), decoded.slice(colon + 1));
  if (!check.ok) return undefined;
  const { client } = check;
  const claims: Record<string, unknown> = { appid: client.client_id, ver: "1.0" };
  if (client.tenant_id !== null) claims.iss = `https://sts.windows.net/${client.tenant_id}/`;
  return claims;
}

/** Starts the gateway on a free port of 127.0.0.1. */
export async function startEmulatorGateway(options: EmulatorGatewayOptions): Promise<EmulatorGateway> {
  const requests: EmulatorGateway["requests"] = [];
  const deniedStatus = options.deniedStatus ?? 403;

  function answer(pathname: string, authorization: string): Canned & { reason?: string } {
    const route = options.routes.find(
      (r) => pathname === r.path || pathname.startsWith(`${r.path.replace(/\/$/, "")}/`),
    );
    if (route === undefined) return { status: 404, body: { message: "no Route matched with those values" } };
    const region = route.region === undefined ? {} : { region: route.region };
    if (authorization === "") {
      // Only an API published without application auth lets a request without a credential through.
      const open = options.konnect.gatewayAccess({ api_id: route.apiId, claims: {}, ...region }).allowed;
      return open ? { status: 200, body: { message: "upstream reached", api_id: route.apiId } } : unauthorized();
    }
    const [scheme = "", credential = ""] = authorization.split(" ", 2);
    let claims: Record<string, unknown> | undefined;
    if (scheme === "Bearer") claims = options.tokens.verify(credential);
    else if (scheme === "Basic") claims = basicClaims(options.konnect, credential);
    else return unauthorized();
    if (claims === undefined) return unauthorized(scheme === "Bearer" ? "invalid_token" : undefined);
    const access = options.konnect.gatewayAccess({ api_id: route.apiId, claims, ...region });
    if (!access.allowed) {
      return {
        status: deniedStatus,
        body: { message: "Forbidden" },
        headers: { "X-Emulator-Reason": access.reason },
        reason: access.reason,
      };
    }
    return { status: 200, body: { message: "upstream reached", api_id: route.apiId } };
  }

  const server = await startServer((req) => {
    const pathname = new URL(req.url ?? "/", "http://stand-in").pathname;
    const { reason, ...canned } = answer(pathname, req.headers.authorization ?? "");
    const entry: EmulatorGateway["requests"][number] = {
      method: req.method ?? "",
      path: pathname,
      status: canned.status,
    };
    if (reason !== undefined) entry.reason = reason;
    requests.push(entry);
    return canned;
  });
  return { ...server, requests };
}
