/**
 * Client overhead: time per operation through our Konnect client (axios transport with its own retry loop, zod validation
 * and camelCase mapping) against a bare axios instance created with the same options as our transport (base URL,
 * headers, timeout, no redirects, status check, keep-alive agent), with zero latency, in the same run: that ratio is
 * what this package adds, and it has the goal. Also measured: `transport.send` (our axios stack, no schemas) and a
 * bare keep-alive `http.request` (plus JSON.stringify/parse), reported as figures (ours / raw mostly measures axios).
 * Variants alternate op by op (rotating order); the figure per variant is the median time of a single operation.
 * An in-memory breakdown times schema construction and validation.
 */
import * as http from "node:http";
import axios from "axios";
import {
  createDcrProvider,
  createDcrProviderRequestSchema,
  createTransport,
  dcrProviderListSchema,
  dcrProviderResponseSchema,
  getDcrProvider,
  listDcrProviders,
  resolveConnection,
  type CreateDcrProviderRequest,
} from "../../provider/konnect";
import { authStrategyResponseSchema, createAuthStrategyRequestSchema } from "../../provider/konnect";
import { checkAuthStrategyInputs } from "../../provider/resources/authStrategy/check";
import type { KonnectEmulator } from "../emulator/emulator";
import type { GoalRow, SectionResult } from "./goals";
import { median, now, round } from "./stats";
import { BENCH_ISSUER, BENCH_TOKEN } from "./support";

/** Goal: our client at most this many times a bare axios call with the same options. */
export const CLIENT_AXIOS_RATIO_GOAL = 1.15;

type Op = () => Promise<unknown>;

/** An auth strategy as the scale runs declare it (for timing the Check handler in memory). */
const STRATEGY_INPUTS: Record<string, unknown> = {
  name: "strategy",
  displayName: "strategy",
  strategyType: "openid_connect",
  openidConnect: {
    issuer: BENCH_ISSUER,
    credentialClaim: ["appid"],
    scopes: ["openid"],
    authMethods: ["client_credentials", "bearer", "session"],
  },
  dcrProviderId: "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5",
};

function rawRequest(agent: http.Agent, url: string, method: string, body?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${BENCH_TOKEN}`,
      Accept: "application/json, application/problem+json",
      "User-Agent": "bench-raw",
    };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers["Content-Type"] = "application/json";
    const request = http.request(url, { method, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        if (status < 200 || status >= 300) return reject(new Error(`HTTP ${status}`));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    request.on("error", reject);
    request.end(payload);
  });
}

/**
 * Runs `total` rounds; each round times one op of every variant, in an order rotated per round, so that every
 * variant sees the same moments of a shared, noisy machine. Returns the median ms per op of each variant (the
 * median of single ops is robust to the bursts other processes cause) and the mean, for reference.
 */
async function interleave(
  variants: Record<string, Op>,
  total: number,
): Promise<{ median: Record<string, number>; mean: Record<string, number> }> {
  const names = Object.keys(variants);
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  for (const name of names) for (let i = 0; i < 20; i++) await variants[name]!(); // warm-up (JIT, sockets)
  for (let round = 0; round < total; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const started = now();
      await variants[name]!();
      samples.get(name)!.push(now() - started);
    }
  }
  const mean = (list: number[]) => list.reduce((sum, v) => sum + v, 0) / list.length;
  return {
    median: Object.fromEntries(names.map((n) => [n, median(samples.get(n)!)])),
    mean: Object.fromEntries(names.map((n) => [n, mean(samples.get(n)!)])),
  };
}

/** Mean microseconds of a synchronous function over `count` calls (after a warm-up). */
function micros(fn: () => unknown, count = 300): number {
  for (let i = 0; i < 30; i++) fn();
  const started = now();
  for (let i = 0; i < count; i++) fn();
  return ((now() - started) / count) * 1000;
}

/** Measures GET, list and POST; `total` operations per variant (N), alternating op by op. */
export async function runClientOverhead(emulator: KonnectEmulator, total = 600): Promise<SectionResult> {
  emulator.setOptions({ latencyMs: 0, rateLimit: null });
  const connection = resolveConnection({ stack: { token: BENCH_TOKEN, serverUrl: emulator.url } });
  const transport = createTransport(connection, { log: () => undefined });
  const agent = new http.Agent({ keepAlive: true });
  // The options of createTransport's axios instance (provider/konnect/http.ts), without retries, schemas or mapping.
  const bareAxios = axios.create({
    baseURL: connection.baseUrl,
    timeout: connection.requestTimeoutMs,
    maxRedirects: 0,
    validateStatus: (status) => status >= 200 && status < 300,
    headers: {
      Authorization: `Bearer ${BENCH_TOKEN}`,
      Accept: "application/json, application/problem+json",
      "User-Agent": "pulumi-konnect-dcr",
    },
    httpAgent: new http.Agent({ keepAlive: true }),
    transitional: { clarifyTimeoutError: true },
  });
  const request: CreateDcrProviderRequest = {
    name: "overhead-dcr",
    providerType: "azureAd",
    issuer: BENCH_ISSUER,
    labels: { team: "bench" },
    dcrConfig: { initialClientId: "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5", initialClientSecret: "bench-secret" },
  };
  const wireBody = createDcrProviderRequestSchema().parse(request);
  const seeded = await createDcrProvider(transport, request);
  for (let i = 0; i < 19; i++) await createDcrProvider(transport, { ...request, name: `overhead-dcr-${i}` });
  const base = `${emulator.url}/v2/dcr-providers`;

  const operations = {
    get: {
      ours: () => getDcrProvider(transport, seeded.id),
      send: () => transport.send({ operation: "get", method: "GET", path: `/v2/dcr-providers/${seeded.id}` }),
      axios: () => bareAxios.get(`/v2/dcr-providers/${seeded.id}`),
      raw: () => rawRequest(agent, `${base}/${seeded.id}`, "GET"),
    },
    list: {
      ours: () => listDcrProviders(transport, { pageSize: 10 }),
      send: () =>
        transport.send({ operation: "list", method: "GET", path: "/v2/dcr-providers", query: { "page[size]": 10 } }),
      axios: () => bareAxios.get("/v2/dcr-providers", { params: { "page[size]": 10 } }),
      raw: () => rawRequest(agent, `${base}?page%5Bsize%5D=10`, "GET"),
    },
    create: {
      ours: () => createDcrProvider(transport, request),
      send: () => transport.send({ operation: "create", method: "POST", path: "/v2/dcr-providers", body: wireBody }),
      axios: () => bareAxios.post("/v2/dcr-providers", wireBody),
      raw: () => rawRequest(agent, base, "POST", wireBody),
    },
  };
  const results: Record<string, Record<string, number>> = {};
  const means: Record<string, Record<string, number>> = {};
  for (const [name, variants] of Object.entries(operations)) {
    const measured = await interleave(variants, total);
    results[name] = measured.median;
    means[name] = measured.mean;
  }
  agent.destroy();

  // In-memory breakdown: the schemas each call builds, and validation with a fresh vs a reused schema.
  const sampleGet = await rawRequest(http.globalAgent, `${base}/${seeded.id}`, "GET");
  const sampleList = await rawRequest(http.globalAgent, `${base}?page%5Bsize%5D=10`, "GET");
  const reusedResponse = dcrProviderResponseSchema();
  const reusedList = dcrProviderListSchema();
  const reusedCreate = createDcrProviderRequestSchema();
  const breakdownUs = {
    buildResponseSchema: micros(() => dcrProviderResponseSchema()),
    buildListSchema: micros(() => dcrProviderListSchema()),
    buildCreateRequestSchema: micros(() => createDcrProviderRequestSchema()),
    parseGetFreshSchema: micros(() => dcrProviderResponseSchema().parse(sampleGet)),
    parseGetReusedSchema: micros(() => reusedResponse.parse(sampleGet)),
    parseListFreshSchema: micros(() => dcrProviderListSchema().parse(sampleList)),
    parseListReusedSchema: micros(() => reusedList.parse(sampleList)),
    createRequestFreshSchema: micros(() => createDcrProviderRequestSchema().parse(request)),
    createRequestReusedSchema: micros(() => reusedCreate.parse(request)),
    buildCreateAuthStrategyRequestSchema: micros(() => createAuthStrategyRequestSchema()),
    buildAuthStrategyResponseSchema: micros(() => authStrategyResponseSchema()),
    checkAuthStrategyInputs: micros(() => checkAuthStrategyInputs({ ...STRATEGY_INPUTS })),
  };

  const label = (name: string) =>
    name === "create"
      ? "createDcrProvider (POST)"
      : name === "get"
        ? "getDcrProvider (GET)"
        : "listDcrProviders (GET, 10 items)";
  const n = total;
  const rows: GoalRow[] = Object.entries(results).map(([name, r]) => {
    const ratio = r.ours! / r.axios!;
    return {
      section: "Client overhead",
      metric: `${label(name)}, N=${n} (ours / bare axios, same options)`,
      measured: `${round(r.ours!, 3)} / ${round(r.axios!, 3)} ms (medians) = ${round(ratio)}x`,
      goal: `≤ ${CLIENT_AXIOS_RATIO_GOAL}x`,
      met: ratio <= CLIENT_AXIOS_RATIO_GOAL,
      note:
        `transport.send ${round(r.send!, 3)} ms (${round(r.send! / r.axios!)}x bare axios); ` +
        `ours above bare axios: ${Math.round((r.ours! - r.axios!) * 1000)} µs/op`,
    };
  });
  rows.push(
    ...Object.entries(results).map(([name, r]) => ({
      section: "Client overhead",
      metric: `${label(name)}, N=${n} (ours / raw http.request)`,
      measured: `${round(r.ours!, 3)} / ${round(r.raw!, 3)} ms = ${round(r.ours! / r.raw!)}x`,
      goal: "reported",
      met: null,
      note: `bare axios ${round(r.axios!, 3)} ms (${round(r.axios! / r.raw!)}x raw): mostly axios itself`,
    })),
  );
  return {
    rows,
    data: {
      operationsPerVariant: total,
      statistic: "median of single operations, variants alternating op by op",
      meanMsPerOp: Object.fromEntries(
        Object.entries(means).map(([k, v]) => [
          k,
          Object.fromEntries(Object.entries(v).map(([n, ms]) => [n, round(ms, 4)])),
        ]),
      ),
      msPerOp: Object.fromEntries(
        Object.entries(results).map(([k, v]) => [
          k,
          Object.fromEntries(Object.entries(v).map(([n, ms]) => [n, round(ms, 4)])),
        ]),
      ),
      breakdownMicros: Object.fromEntries(Object.entries(breakdownUs).map(([k, v]) => [k, round(v, 1)])),
    },
  };
}
