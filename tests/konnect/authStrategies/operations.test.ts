/**
 * Every auth strategy operation against the emulator, for every strategy type: wire mapping both ways, pagination,
 * filters and sort.
 */
import {
  createAuthStrategy,
  createDcrProvider,
  deleteAuthStrategy,
  getAuthStrategy,
  listAllAuthStrategies,
  listAuthStrategies,
  replaceAuthStrategy,
  updateAuthStrategy,
} from "../../../provider/konnect";
import { dcrRequests, useClientTestbed } from "../support";
import { TENANT } from "../../support/validInputs";

const bed = useClientTestbed();

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
