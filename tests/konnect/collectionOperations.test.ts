/**
 * The shared collection operations for collections that live under a parent (a portal's teams, an application's
 * registrations): the scope fills the path's parameters, each checked to be a UUID before it reaches a URL, and the
 * object's id is appended the same way. Checked with a recording transport (the emulator covers the top-level ones).
 */
import { z } from "zod";
import type { KonnectTransport, RequestSpec } from "../../provider/konnect";
import { scopedCollectionOperations } from "../../provider/konnect/operation";

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const APP = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const REG = "11111111-2222-4333-8444-555566667777";

interface Registration {
  id: string;
}

/** A transport that records each request and answers with `answer`. */
function recording(answer: unknown): { transport: KonnectTransport; sent: RequestSpec[] } {
  const sent: RequestSpec[] = [];
  return {
    sent,
    transport: {
      baseUrl: "https://konnect.test",
      send: (spec) => {
        sent.push(spec);
        return Promise.resolve({ status: 200, data: answer, headers: {} });
      },
    },
  };
}

const registrations = scopedCollectionOperations<Registration, "status", "created_at", "portalId" | "applicationId">({
  path: "/v3/portals/{portalId}/applications/{applicationId}/registrations",
  noun: "registration",
  plural: "registrations",
  item: () => z.object({ id: z.string() }),
  page: () =>
    z.object({
      data: z.array(z.object({ id: z.string() })),
      meta: z.object({ page: z.object({ number: z.number(), size: z.number(), total: z.number() }) }),
    }),
});
const scope = { portalId: PORTAL, applicationId: APP };

describe("scoped collection operations", () => {
  it("get and delete go to the object under its parents", async () => {
    const { transport, sent } = recording({ id: REG });
    await expect(registrations.get(transport, scope, REG)).resolves.toEqual({ id: REG });
    await registrations.delete(transport, scope, REG);
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      `GET /v3/portals/${PORTAL}/applications/${APP}/registrations/${REG}`,
      `DELETE /v3/portals/${PORTAL}/applications/${APP}/registrations/${REG}`,
    ]);
  });

  it("list filters and pages under its parents", async () => {
    const { transport, sent } = recording({ data: [{ id: REG }], meta: { page: { number: 1, size: 100, total: 1 } } });
    await expect(registrations.listAll(transport, scope, { filter: { status: { eq: "approved" } } })).resolves.toEqual([
      { id: REG },
    ]);
    expect(sent).toEqual([
      expect.objectContaining({
        method: "GET",
        path: `/v3/portals/${PORTAL}/applications/${APP}/registrations`,
        query: { "filter[status][eq]": "approved", "page[size]": 100, "page[number]": 1 },
      }),
    ]);
  });

  it("a scope value that is not a UUID never reaches a URL, and the error names the parameter", async () => {
    const { transport, sent } = recording({ id: REG });
    await expect(registrations.get(transport, { portalId: "../admin", applicationId: APP }, REG)).rejects.toThrow(
      'read registration 11111111-2222-4333-8444-555566667777: invalid request: portalId: must be a UUID, got "../admin"',
    );
    await expect(registrations.delete(transport, scope, "x/../y")).rejects.toThrow('id: must be a UUID, got "x/../y"');
    expect(sent).toEqual([]);
  });
});
