/**
 * A loopback server that never finishes an answer: it sends the status line and headers at once, then one byte
 * every `intervalMs`, so the socket is never idle (a plain idle timeout never fires). Used to prove the client's
 * and the verify tool's time limits are hard wall-clock limits.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** A running trickling server. */
export interface TrickleServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Requests received (method and path). */
  requests: string[];
  /** Open answers still trickling (0 once every client has hung up). */
  openAnswers(): number;
  /** Stops the server and every trickle. */
  close(): Promise<void>;
}

/** Starts a server answering every request with `status`, then a space every `intervalMs`, for ever. */
export async function startTrickleServer(options: { intervalMs: number; status?: number }): Promise<TrickleServer> {
  const requests: string[] = [];
  const timers = new Set<ReturnType<typeof setInterval>>();
  const server = http.createServer((req, res) => {
    requests.push(`${req.method ?? ""} ${req.url ?? ""}`);
    req.resume();
    res.writeHead(options.status ?? 200, { "Content-Type": "application/json" });
    res.write("{");
    const timer = setInterval(() => res.write(" "), options.intervalMs);
    timers.add(timer);
    res.on("close", () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    openAnswers: () => timers.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
