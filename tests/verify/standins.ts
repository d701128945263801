/**
 * Local stand-ins for the verify tests, on 127.0.0.1: an Azure AD v1 token endpoint that returns crafted JWTs (or
 * errors), and a gateway route that accepts or rejects Bearer and Basic credentials.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** A crafted, unsigned-but-well-formed JWT with the given claims. */
export function makeJwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ typ: "JWT", alg: "RS256", kid: "test" })}.${part(claims)}.${Buffer.from("signature-bytes-for-tests").toString("base64url")}`;
}

/** A canned HTTP answer. */
export interface Canned {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A running stand-in. */
export interface StandIn {
  url: string;
  /** Requests seen: method, path, headers, body. */
  requests: { method: string; path: string; headers: http.IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

/** Starts a server answering each request with `respond(request, body)`. */
export async function startStandIn(respond: (req: http.IncomingMessage, body: string) => Canned): Promise<StandIn> {
  const requests: StandIn["requests"] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      const answer = respond(req, body);
      const text =
        answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Gateway behaviour: which credentials pass, and the status for rejected ones. */
export interface GatewayRules {
  bearer: string | undefined;
  basic: string | undefined;
  rejectStatus: number;
}

/** A gateway route that answers 200 to accepted credentials and `rejectStatus` otherwise. */
export function gateway(rules: () => GatewayRules): (req: http.IncomingMessage) => Canned {
  return (req): Canned => {
    const auth = req.headers.authorization ?? "";
    const { bearer, basic, rejectStatus } = rules();
    const ok =
      (bearer !== undefined && auth === `Bearer ${bearer}`) || (basic !== undefined && auth === `Basic ${basic}`);
    if (ok) return { status: 200, body: { hello: "world", authorization: auth } };
    return {
      status: rejectStatus,
      body: { message: "Unauthorized", echo: auth },
      headers: rejectStatus === 401 ? { "WWW-Authenticate": 'Bearer realm="kong", error="invalid_token"' } : undefined,
    };
  };
}
