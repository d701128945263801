/**
 * Every client operation against the emulator, for every provider and strategy type: wire mapping both ways,
 * pagination, filters and sort.
 */
import {
  createAuthStrategy,
  createDcrProvider,
  deleteAuthStrategy,
  deleteDcrProvider,
  getAuthStrategy,
  getDcrProvider,
  listAllAuthStrategies,
  listAllDcrProviders,
  listAuthStrategies,
  listDcrProviders,
  replaceAuthStrategy,
  updateAuthStrategy,
  updateDcrProvider,
  verifyDcrProvider,
  type CreateDcrProviderRequest,
} from "../../provider/konnect";
import { useClientTestbed } from "../konnect/support";
import { TENANT } from "../support/validInputs";

const bed = useClientTestbed();

const dcrRequests: CreateDcrProviderRequest[] = [
  {
    name: "azure",
    providerType: "azureAd",
    issuer: `https://sts.windows.net/${TENANT}`,
    dcrConfig: { initialClientId: "cid", initialClientSecret: "sec1" },
  },
  { name: "okta", providerType: "okta", issuer: "https://x.okta.com/oauth2/default", dcrConfig: { dcrToken: "tok1" } },
  {
    name: "auth0",
    providerType: "auth0",
    issuer: "https://t.us.auth0.com",
    dcrConfig: { initialClientId: "cid", initialClientSecret: "sec1", initialClientAudience: "https://aud" },
  },
  {
    name: "curity",
    providerType: "curity",
    issuer: "https://c.example.com",
    displayName: "Curity",
    dcrConfig: { initialClientId: "cid", initialClientSecret: "sec1" },
  },
  {
    name: "http",
    providerType: "http",
    issuer: "https://idp.example.com",
    labels: { team: "a" },
    dcrConfig: { dcrBaseUrl: "https://dcr.example.com", apiKey: "abcdefghijkl", disableRefreshSecret: true },
  },
  { name: "kong", providerType: "kongIdentity", issuer: "https://k.us.identity.konghq.com/auth" },
];

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

describe("auth strategy operations", () => {
  it("openid_connect with DCR: create, get, patch, put, delete", async () => {
    const dcr = await createDcrProvider(bed.transport, dcrRequests[0]!);
    const created = await createAuthStrategy(bed.transport, {
      name: "azure",
      displayName: "Azure",
      strategyType: "openid_connect",
      openidConnect: {
        issuer: `https://sts.windows.net/${TENANT}`,
        credentialClaim: ["appid"],
        scopes: ["openid"],
        authMethods: ["client_credentials", "bearer", "session"],
        additionalProperties: { cache_tokens: false },
      },
      dcrProviderId: dcr.id,
    });
    expect(created).toMatchObject({
      strategyType: "openid_connect",
      dcrProvider: { id: dcr.id, name: "azure", providerType: "azureAd" },
      openidConnect: { credentialClaim: ["appid"], additionalProperties: { cache_tokens: false } },
      labels: {},
      active: false,
    });
    expect(await getAuthStrategy(bed.transport, created.id)).toEqual(created);
    const patched = await updateAuthStrategy(bed.transport, created.id, "openid_connect", {
      openidConnect: { scopes: ["openid", "email"] },
    });
    expect(patched.openidConnect).toMatchObject({
      scopes: ["openid", "email"],
      credentialClaim: ["appid"],
      additionalProperties: { cache_tokens: false },
    });
    const replaced = await replaceAuthStrategy(bed.transport, created.id, {
      name: "azure",
      displayName: "Azure",
      strategyType: "openid_connect",
      openidConnect: {
        issuer: `https://sts.windows.net/${TENANT}`,
        credentialClaim: ["appid"],
        scopes: ["openid"],
        authMethods: ["bearer"],
      },
      dcrProviderId: dcr.id,
    });
    expect(replaced.openidConnect!.additionalProperties).toEqual({});
    await deleteAuthStrategy(bed.transport, created.id);
    await expect(getAuthStrategy(bed.transport, created.id)).rejects.toMatchObject({ status: 404 });
  });

  it("sends extra OIDC options byte for byte, keys named prototype or constructor included", async () => {
    const extra = { prototype: { constructor: 1 }, session: { prototype: null, cookie_name: "s" } };
    const created = await createAuthStrategy(bed.transport, {
      name: "extras",
      displayName: "Extras",
      strategyType: "openid_connect",
      openidConnect: {
        issuer: `https://sts.windows.net/${TENANT}`,
        credentialClaim: ["appid"],
        scopes: ["openid"],
        authMethods: ["bearer"],
        additionalProperties: extra,
      },
    });
    expect(created.openidConnect!.additionalProperties).toEqual(extra);
    const patched = await updateAuthStrategy(bed.transport, created.id, "openid_connect", {
      openidConnect: { additionalProperties: { prototype: 2 } },
    });
    expect(patched.openidConnect!.additionalProperties).toMatchObject({ prototype: 2 });
  });

  it("key_auth: create, patch the TTL away, list with filters", async () => {
    const created = await createAuthStrategy(bed.transport, {
      name: "keys",
      displayName: "Keys",
      strategyType: "key_auth",
      keyAuth: { keyNames: ["apikey"], ttl: { value: 2, unit: "weeks" } },
    });
    expect(created).toMatchObject({
      keyAuth: { keyNames: ["apikey"], ttl: { value: 2, unit: "weeks" } },
      dcrProvider: null,
      supportsMultipleCredentials: true,
    });
    const patched = await updateAuthStrategy(bed.transport, created.id, "key_auth", { keyAuth: { ttl: null } });
    expect(patched.keyAuth).toEqual({ keyNames: ["apikey"] });
    for (let i = 0; i < 12; i++) {
      await createAuthStrategy(bed.transport, { name: `k${i}`, displayName: "K", strategyType: "key_auth" });
    }
    const page = await listAuthStrategies(bed.transport, { pageSize: 5, pageNumber: 3 });
    expect(page).toMatchObject({ number: 3, size: 5, total: 13 });
    expect(page.data).toHaveLength(3);
    expect(
      await listAllAuthStrategies(bed.transport, { filter: { name: { oeq: ["k1", "k2", "keys"] } } }),
    ).toHaveLength(3);
    expect(await listAllAuthStrategies(bed.transport, { filter: { strategy_type: { neq: "key_auth" } } })).toHaveLength(
      0,
    );
  });
});
