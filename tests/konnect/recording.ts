/**
 * A recording transport for the client operations (and the row tests of every collection): it records
 * each request and answers with canned bodies, so a test sees the paths and wire bodies the client sends.
 */
import type { KonnectTransport, RequestSpec } from "../../provider/konnect";

export const ISO = "2026-12-04T10:00:00.000Z";
export const TIMES = { created_at: ISO, updated_at: ISO };

/**
 * A transport that records each request and answers with the next of `answers` (the last one again once they run
 * out, so one canned answer serves every call).
 */
export function recording(...answers: unknown[]): { transport: KonnectTransport; sent: RequestSpec[] } {
  const sent: RequestSpec[] = [];
  return {
    sent,
    transport: {
      baseUrl: "https://konnect.test",
      send: (spec) => {
        sent.push(spec);
        return Promise.resolve({ status: 200, data: answers[Math.min(sent.length, answers.length) - 1], headers: {} });
      },
    },
  };
}

export const page = (data: unknown[]) => ({ data, meta: { page: { number: 1, size: 100, total: data.length } } });
export const sentAs = (sent: RequestSpec[]) =>
  sent.map((s) => ({ call: `${s.method} ${s.path}`, body: s.body, query: s.query }));

/** A request with rows a test table adds (the product's request types know only the real rows). */
export const extraRows = <R>(request: R, more: Record<string, unknown>) => ({ ...request, ...more }) as R;
