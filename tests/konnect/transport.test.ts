/**
 * The transport's own retry loop and per-attempt time limits, beyond the error rules `errors.test.ts` covers: the
 * wait before a retry is the policy's (Retry-After, or the backoff after an attempt cut by its time limit), every
 * retry is logged with its number, and a body that cannot be serialized fails like any other error of the call.
 */
import { createTransport, getDcrProvider, resolveConnection, type KonnectTransport } from "../../provider/konnect";
import { TOKEN, useClientTestbed } from "./support";
import { TENANT } from "../support/validInputs";

const bed = useClientTestbed();

/** A transport against the testbed's emulator with a fixed backoff (`random` 1: the full delay, no jitter). */
function transportWith(requestTimeoutSeconds: number, initialDelayMs: number, logs: string[]): KonnectTransport {
  return createTransport(
    resolveConnection({
      stack: { token: TOKEN, serverUrl: bed.emulator.url, requestTimeoutSeconds, retryBudgetSeconds: 30 },
    }),
    { log: (line) => logs.push(line), backoff: { initialDelayMs, maxDelayMs: initialDelayMs }, random: () => 1 },
  );
}

async function seedProvider(transport: KonnectTransport): Promise<string> {
  const created = await transport.send({
    operation: "seed",
    method: "POST",
    path: "/v2/dcr-providers",
    body: {
      name: "transport",
      provider_type: "azureAd",
      issuer: `https://sts.windows.net/${TENANT}`,
      dcr_config: { initial_client_id: "cid", initial_client_secret: "s" },
    },
  });
  return (created.data as { id: string }).id;
}

describe("the transport's retry loop", () => {
  it("retries an attempt cut by its time limit after the backoff wait, with a fresh full limit", async () => {
    const logs: string[] = [];
    const transport = transportWith(1, 400, logs);
    const id = await seedProvider(transport);
    bed.emulator.clearRequestLog();
    bed.emulator.injectFault({ method: "GET", path: "/v2/dcr-providers/*", hangMs: 3000 });
    const started = Date.now();
    expect((await getDcrProvider(transport, id)).id).toBe(id);
    const elapsed = Date.now() - started;
    expect(logs).toEqual([`retrying GET /v2/dcr-providers/${id} after ETIMEDOUT (retry 1, waiting 0.4 s)`]);
    // The cut attempt ran its 1 s, then the 0.4 s wait passed before the retry (generous upper bound: loaded CI).
    expect(elapsed).toBeGreaterThanOrEqual(1350);
    expect(elapsed).toBeLessThan(10_000);
    expect(bed.emulator.requestLog().map((e) => `${e.method} ${e.status}`)).toEqual(["GET 0", "GET 200"]);
  });

  it("waits what Retry-After says and logs every retry with its number", async () => {
    const logs: string[] = [];
    const transport = transportWith(5, 10, logs);
    const id = await seedProvider(transport);
    bed.emulator.injectFault({ method: "GET", path: "/v2/dcr-providers/*", status: 429, retryAfter: 1 });
    bed.emulator.injectFault({ method: "GET", path: "/v2/dcr-providers/*", status: 503 });
    const started = Date.now();
    expect((await getDcrProvider(transport, id)).id).toBe(id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(
      /^retrying GET \/v2\/dcr-providers\/\S+ after HTTP (429|503) \(retry 1, waiting \d\.\d s\)$/,
    );
    expect(logs[1]).toMatch(
      /^retrying GET \/v2\/dcr-providers\/\S+ after HTTP (429|503) \(retry 2, waiting \d\.\d s\)$/,
    );
    expect(logs.some((line) => line.includes("after HTTP 429") && line.endsWith("waiting 1.0 s)"))).toBe(true);
  });

  it("a body JSON cannot hold fails naming the operation, without a request", async () => {
    bed.emulator.clearRequestLog();
    const error = (await bed.transport
      .send({ operation: "create thing", method: "POST", path: "/v2/dcr-providers", body: { n: 1n } })
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^create thing: .*BigInt/);
    expect(bed.emulator.requestLog()).toEqual([]);
  });
});
