/**
 * Properties of ApiPublication's field rows (as `../dcrProvider/properties.test.ts` for the DCR provider), over random
 * valid old/new input pairs with the same API, portal and region:
 * - `diff` reports an in-place change exactly when the update has a non-empty body to send (offline, many runs);
 *   `adopt` is a local row: its change alone is reported and sends nothing;
 * - create(old) then update(new) against the Konnect emulator sends a PUT/PATCH exactly when `diff` reported a
 *   Konnect-side change, leaves Konnect holding the new declared state, and the diff afterwards is empty both from
 *   the update's outputs and after a refresh (`read`).
 */
import fc from "fast-check";
import { providers } from "../../../provider";
import type { ApiPublication } from "../../../provider/konnect/apiPublications/operations";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "../../../provider/resources/apiPublication/args";
import { apiPublicationDefinition } from "../../../provider/resources/apiPublication/definition";
import { API_PUBLICATION_INPUTS } from "../../../provider/resources/apiPublication/inputs";
import { declaredView } from "../support";
import { regions, withCode } from "../propertySupport";
import { PORTAL, S1, S2, usePublicationPropertyTestbed } from "../devPortalSupport";

const API = "11111111-2222-4333-8444-555555555555";
const T = "2026-05-20T08:30:00.000Z";

/** Publication settings over the given strategy ids (absent = the portal default, [] = no application auth). */
function publicationSettings(ids: string[]) {
  return fc.record(
    {
      authStrategyIds: fc.constantFrom<string[] | undefined>(undefined, [], ...ids.map((id) => [id])),
      visibility: fc.constantFrom<"public" | "private" | undefined>(undefined, "public", "private"),
      autoApproveRegistrations: fc.constantFrom(undefined, true, false),
      adopt: fc.constantFrom(undefined, true, false),
    },
    { requiredKeys: [] },
  );
}

async function checkedPublication(inputs: object): Promise<ApiPublicationInputs> {
  const result = await providers.apiPublication.check!({} as never, withCode(inputs));
  expect(result.failures).toEqual([]);
  return result.inputs!;
}

function konnectPublication(declared: ApiPublicationInputs, fallback: string[] | null): ApiPublication {
  const ids = declared.authStrategyIds;
  return {
    apiId: declared.apiId,
    portalId: declared.portalId,
    authStrategyIds: ids === undefined ? fallback : ids.length === 0 ? null : ids,
    visibility: declared.visibility ?? "private",
    autoApproveRegistrations: declared.autoApproveRegistrations ?? false,
    warnings: [],
    createdAt: T,
    updatedAt: T,
  } as ApiPublication;
}

const localChange = (olds: ApiPublicationInputs, news: ApiPublicationInputs) =>
  (olds.adopt ?? false) !== (news.adopt ?? false);

describe("diff reports an in-place change exactly when the update body is non-empty (offline)", () => {
  test("API publication (ids compared case-insensitively)", async () => {
    const ids = [S1, S2, S1.toUpperCase()];
    await fc.assert(
      fc.asyncProperty(
        publicationSettings(ids),
        publicationSettings(ids),
        regions,
        fc.constantFrom<string[] | null>(null, [S1], [S2]),
        async (a, b, region, fallback) => {
          const base = { apiId: API, portalId: PORTAL, ...(region ? { region } : {}) };
          const olds = await checkedPublication({ ...a, ...base });
          const news = await checkedPublication({ ...b, ...base });
          const outs = apiPublicationDefinition.outputs(olds, konnectPublication(olds, fallback), { kind: "create" });
          const diff = await providers.apiPublication.diff!(`${API}/${PORTAL}`, withCode(outs), withCode(news));
          expect(diff.replaces).toEqual([]);
          expect(diff.deleteBeforeReplace).toBe(true);
          const plan = apiPublicationDefinition.planUpdate(outs, news);
          expect(diff.changes).toBe(plan !== undefined || localChange(olds, news));
          if (plan) expect(plan.fields.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("create(old), update(new) against the emulator", () => {
  const { emulator, writes, resetKonnect, index } = usePublicationPropertyTestbed();

  test("API publication ends in the new declared state with an empty diff", async () => {
    const provider = providers.apiPublication;
    const settings = publicationSettings(["0", "1"]);
    await fc.assert(
      fc.asyncProperty(settings, settings, regions, index, async (a, b, region, portalDefault) => {
        const { strategies, apiId, portalId } = resetKonnect(region, portalDefault);
        const real = (s: typeof a) =>
          s.authStrategyIds === undefined
            ? s
            : { ...s, authStrategyIds: s.authStrategyIds.map((i) => strategies[+i]!) };
        const base = { apiId, portalId, ...(region ? { region } : {}) };
        const olds = await checkedPublication({ ...real(a), ...base });
        const news = await checkedPublication({ ...real(b), ...base });
        const created = await provider.create(olds);
        expect(created.id).toBe(`${apiId}/${portalId}`);
        const diff = await provider.diff!(created.id, withCode(created.outs), withCode(news));
        expect(diff.replaces).toEqual([]);

        emulator.clearRequestLog();
        const before = (created.outs as ApiPublicationOutputs).authStrategyIds;
        const updated = await provider.update!(created.id, withCode(created.outs), withCode(news));
        const sent = writes();
        const plan = apiPublicationDefinition.planUpdate(created.outs as ApiPublicationOutputs, news);
        expect(sent).toEqual(plan ? ["PUT /v3/apis/{id}/publications/{id}"] : []);
        expect(diff.changes).toBe(plan !== undefined || localChange(olds, news));

        const stored = emulator.getPublication(apiId, portalId)!;
        expect(stored.visibility).toBe(news.visibility ?? "private");
        expect(stored.auto_approve_registrations).toBe(news.autoApproveRegistrations ?? false);
        if (news.authStrategyIds !== undefined) {
          expect(stored.auth_strategy_ids).toEqual(news.authStrategyIds.length === 0 ? null : news.authStrategyIds);
        } else if (sent.length === 0) {
          expect(stored.auth_strategy_ids ?? []).toEqual(before);
        }

        const after = await provider.diff!(created.id, withCode(updated.outs), withCode(news));
        expect(after.changes).toBe(false);
        const refreshed = await provider.read!(created.id, updated.outs);
        const afterRefresh = await provider.diff!(created.id, withCode(refreshed.props), withCode(news));
        expect(afterRefresh.changes).toBe(false);
        expect(refreshed.props).toEqual(updated.outs);
        expect(refreshed.inputs).toEqual(declaredView(refreshed.props, API_PUBLICATION_INPUTS));
      }),
      { numRuns: 30 },
    );
  });
});
