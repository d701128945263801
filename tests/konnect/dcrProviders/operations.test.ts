/**
 * Every DCR provider operation against the emulator, for every provider type: wire mapping both ways, pagination,
 * filters and sort.
 */
import {
  createDcrProvider,
  deleteDcrProvider,
  getDcrProvider,
  listAllDcrProviders,
  listDcrProviders,
  updateDcrProvider,
  verifyDcrProvider,
} from "../../../provider/konnect";
import { dcrRequests, useClientTestbed } from "../support";
import { TENANT } from "../../support/validInputs";

const bed = useClientTestbed();

const expectedConfig: Record<string, unknown> = {
  azureAd: { initialClientId: "cid" },
  okta: {},
  auth0: { initialClientId: "cid", initialClientAudience: "https://aud", useDeveloperManagedScopes: false },
  curity: { initialClientId: "cid" },
  http: { dcrBaseUrl: "https://dcr.example.com", disableRefreshSecret: true },
  kongIdentity: {},
};

describe("DCR provider operations", () => {
  it.each(dcrRequests.map((r) => [r.providerType, r] as const))(
    "%s: create, get, patch, verify, delete",
    async (type, request) => {
      const created = await createDcrProvider(bed.transport, request);
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: request.name,
        providerType: type,
        issuer: request.issuer,
        active: false,
        labels: request.labels ?? {},
        dcrConfig: expectedConfig[type],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        ...(request.displayName ? { displayName: request.displayName } : {}),
      });
      expect(await getDcrProvider(bed.transport, created.id)).toEqual(created);
      const patched = await updateDcrProvider(bed.transport, created.id, type, {
        name: `${request.name}-2`,
        labels: { env: "test" },
      });
      expect(patched).toMatchObject({ name: `${request.name}-2`, labels: { ...(request.labels ?? {}), env: "test" } });
      expect(await verifyDcrProvider(bed.transport, created.id)).toEqual({ status: "success", errors: [] });
      await deleteDcrProvider(bed.transport, created.id);
      await expect(getDcrProvider(bed.transport, created.id)).rejects.toMatchObject({ status: 404 });
    },
  );

  it("a PATCH of the secret alone keeps the other fields and replaces the stored secret", async () => {
    const created = await createDcrProvider(bed.transport, dcrRequests[0]!);
    await updateDcrProvider(bed.transport, created.id, "azureAd", { dcrConfig: { initialClientSecret: "sec2" } });
    expect(bed.emulator.storedSecrets(created.id)).toEqual({ initial_client_secret: "sec2" });
    expect((await getDcrProvider(bed.transport, created.id)).dcrConfig).toEqual({ initialClientId: "cid" });
  });

  it("pages through every provider and filters by name, type and issuer", async () => {
    for (let i = 0; i < 23; i++) {
      await createDcrProvider(bed.transport, { ...dcrRequests[1]!, name: `okta-${String(i).padStart(2, "0")}` });
    }
    await createDcrProvider(bed.transport, dcrRequests[0]!);
    const first = await listDcrProviders(bed.transport, {
      pageSize: 10,
      pageNumber: 1,
      sort: [{ field: "name", direction: "desc" }],
    });
    expect(first.total).toBe(24);
    expect(first.data.map((p) => p.name).slice(0, 2)).toEqual(["okta-22", "okta-21"]);
    const all = await listAllDcrProviders(bed.transport);
    expect(all).toHaveLength(24);
    expect(new Set(all.map((p) => p.id)).size).toBe(24);
    expect(
      (await listAllDcrProviders(bed.transport, { filter: { provider_type: "azureAd" } })).map((p) => p.name),
    ).toEqual(["azure"]);
    expect(
      (await listAllDcrProviders(bed.transport, { filter: { name: { contains: "okta-1" } } })).map((p) => p.name),
    ).toHaveLength(10);
    expect(
      await listAllDcrProviders(bed.transport, { filter: { issuer: { eq: `https://sts.windows.net/${TENANT}` } } }),
    ).toHaveLength(1);
  });
});
