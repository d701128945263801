/**
 * A local HTTP stand-in on 127.0.0.1: a server that answers each request with a canned JSON answer. The scripted
 * stand-ins (`startStandIn`) record every request whole, for tests that check what a client sent; the emulator-backed
 * ones (Azure token endpoint, gateway) use `startServer` and record no bodies or headers, since those carry secrets.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** A canned HTTP answer: a JSON body (or a string sent as is) and extra headers. */
export interface Canned {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A running local server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** A running scripted stand-in. */
export interface StandIn extends LocalServer {
  /** Requests seen: method, path, headers, body. */
  requests: { method: string; path: string; headers: http.IncomingHttpHeaders; body: string }[];
}

/** Starts a server on a free port of 127.0.0.1 that answers each request with `respond(request, body)`. */
export async function startServer(
  respond: (req: http.IncomingMessage, body: string) => Canned | Promise<Canned>,
): Promise<LocalServer> {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      Promise.resolve()
        .then(() => respond(req, body))
        .catch((): Canned => ({ status: 500, body: { message: "stand-in failed" } }))
        .then(
          (answer) => {
            const text =
              answer.body === undefined
                ? ""
                : typeof answer.body === "string"
                  ? answer.body
                  : JSON.stringify(answer.body);
            res.writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers });
            res.end(text);
          },
          () => res.destroy(),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts a scripted stand-in answering each request with `respond(request, body)` and recording it whole. */
export async function startStandIn(respond: (req: http.IncomingMessage, body: string) => Canned): Promise<StandIn> {
  const requests: StandIn["requests"] = [];
  const server = await startServer((req, body) => {
    requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
    return respond(req, body);
  });
  return { ...server, requests };
}
