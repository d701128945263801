/**
 * The whole life of every DCR provider type through `providers.dcrProvider` against the Konnect emulator:
 * create, read, no-op diff, update in place, secret rotation, replace, adopt, refresh drift, delete, delete after an
 * out-of-band delete. Call counts come from the emulator's request log.
 */
import { providers, type DcrProviderInputs, type DcrProviderOutputs } from "../../../provider";
import type { KonnectEmulator } from "../../../tools/emulator/emulator";
import { setStackSettings } from "../../../provider/resources/testHooks";
import { TEST_TOKEN, callShapes, startProviderTestbed } from "../support";
import { CLIENT_ID, TENANT } from "../../support/validInputs";

const provider = providers.dcrProvider;

interface TypeCase {
  inputs: DcrProviderInputs;
  /** A changed write-only secret (rotation). */
  rotate: DcrProviderInputs["dcrConfig"];
  /** The wire name and value of the secret Konnect must hold after create. */
  secret: [string, string];
  rotatedSecret: [string, string];
}

const TYPES: Record<string, TypeCase> = {
  azureAd: {
    inputs: {
      name: "azure-dcr",
      providerType: "azureAd",
      issuer: `https://sts.windows.net/${TENANT}`,
      dcrConfig: { initialClientId: CLIENT_ID, initialClientSecret: "azure-secret-1" },
    },
    rotate: { initialClientId: CLIENT_ID, initialClientSecret: "azure-secret-2" },
    secret: ["initial_client_secret", "azure-secret-1"],
    rotatedSecret: ["initial_client_secret", "azure-secret-2"],
  },
  okta: {
    inputs: {
      name: "okta-dcr",
      providerType: "okta",
      issuer: "https://example.okta.com/oauth2/default",
      dcrConfig: { dcrToken: "okta-token-1" },
    },
    rotate: { dcrToken: "okta-token-2" },
    secret: ["dcr_token", "okta-token-1"],
    rotatedSecret: ["dcr_token", "okta-token-2"],
  },
  auth0: {
    inputs: {
      name: "auth0-dcr",
      providerType: "auth0",
      issuer: "https://tenant.us.auth0.com",
      dcrConfig: {
        initialClientId: "auth0-client",
        initialClientSecret: "auth0-secret-1",
        initialClientAudience: "https://tenant.us.auth0.com/api/v2/",
        useDeveloperManagedScopes: true,
      },
    },
    rotate: {
      initialClientId: "auth0-client",
      initialClientSecret: "auth0-secret-2",
      initialClientAudience: "https://tenant.us.auth0.com/api/v2/",
      useDeveloperManagedScopes: true,
    },
    secret: ["initial_client_secret", "auth0-secret-1"],
    rotatedSecret: ["initial_client_secret", "auth0-secret-2"],
  },
  curity: {
    inputs: {
      name: "curity-dcr",
      providerType: "curity",
      issuer: "https://curity.example.com/oauth/v2/oauth-anonymous",
      dcrConfig: { initialClientId: "curity-client", initialClientSecret: "curity-secret-1" },
    },
    rotate: { initialClientId: "curity-client", initialClientSecret: "curity-secret-2" },
    secret: ["initial_client_secret", "curity-secret-1"],
    rotatedSecret: ["initial_client_secret", "curity-secret-2"],
  },
  http: {
    inputs: {
      name: "http-dcr",
      providerType: "http",
      issuer: "https://idp.example.com",
      dcrConfig: {
        dcrBaseUrl: "https://dcr.example.com/v1",
        apiKey: "api_key_number_1",
        allowMultipleCredentials: true,
      },
    },
    rotate: { dcrBaseUrl: "https://dcr.example.com/v1", apiKey: "api_key_number_2", allowMultipleCredentials: true },
    secret: ["api_key", "api_key_number_1"],
    rotatedSecret: ["api_key", "api_key_number_2"],
  },
};

let emulator: KonnectEmulator;
beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

/** The location outputs of an object created in `us` through the testbed's server URL. */
const usLocation = () => ({ effectiveRegion: "us", serverUrl: `${emulator.url}/us` });

async function checked(inputs: DcrProviderInputs): Promise<DcrProviderInputs> {
  const result = await provider.check!({} as never, { ...inputs, __provider: "code-v1" } as never);
  expect(result.failures).toEqual([]);
  return result.inputs!;
}

describe.each(Object.entries(TYPES))("DcrProvider %s", (type, c) => {
  it("creates, reads without drift, updates in place, rotates the secret, deletes", async () => {
    const inputs = await checked(c.inputs);
    const created = await provider.create(inputs);
    const id = created.id;
    expect(emulator.storedSecrets(id)).toEqual({ [c.secret[0]]: c.secret[1] });
    const outs = created.outs!;
    expect(outs).toEqual({
      ...c.inputs,
      active: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      ...usLocation(),
    });
    expect(callShapes(emulator)).toEqual(["POST /v2/dcr-providers"]);

    // refresh: nothing drifted, inputs come back as declared
    const read = await provider.read!(id, { ...outs, __provider: "code-v1" } as never);
    expect(read.id).toBe(id);
    expect(read.props).toEqual(outs);
    expect(read.inputs).toEqual(c.inputs);

    // no-op diff is offline and empty
    emulator.clearRequestLog();
    const same = await provider.diff!(id, { ...outs, __provider: "code-v1" } as never, inputs);
    expect(same).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });

    // rename in place: one PATCH carrying only the name
    const renamed = await checked({ ...c.inputs, name: `${c.inputs.name}-renamed` });
    const renameDiff = await provider.diff!(id, { ...outs, __provider: "code-v1" } as never, renamed);
    expect(renameDiff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const afterRename = await provider.update!(id, outs, renamed);
    expect(afterRename.outs!.name).toBe(`${c.inputs.name}-renamed`);
    expect(emulator.storedSecrets(id)).toEqual({ [c.secret[0]]: c.secret[1] });

    // secret rotation: an update (not a replace), the new secret reaches Konnect
    const rotated = await checked({ ...c.inputs, name: `${c.inputs.name}-renamed`, dcrConfig: c.rotate });
    const rotateDiff = await provider.diff!(id, { ...afterRename.outs!, __provider: "code-v1" } as never, rotated);
    expect(rotateDiff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const afterRotate = await provider.update!(id, afterRename.outs!, rotated);
    expect(emulator.storedSecrets(id)).toEqual({ [c.rotatedSecret[0]]: c.rotatedSecret[1] });
    expect(afterRotate.outs!.dcrConfig).toEqual(c.rotate);
    expect(callShapes(emulator)).toEqual(["PATCH /v2/dcr-providers/{id}", "PATCH /v2/dcr-providers/{id}"]);

    // changing the type replaces
    const otherType = type === "okta" ? "azureAd" : "okta";
    const replaceDiff = await provider.diff!(id, { ...afterRotate.outs!, __provider: "code-v1" } as never, {
      ...rotated,
      providerType: otherType,
    });
    expect(replaceDiff.replaces).toEqual(["providerType"]);

    await provider.delete!(id, afterRotate.outs!);
    expect(emulator.get("dcr-providers", id)).toBeUndefined();
    expect(await provider.read!(id, afterRotate.outs)).toEqual({});
    // deleting again (already gone out of band) is not an error
    await provider.delete!(id, afterRotate.outs!);
  });
});

describe("DcrProvider behaviours", () => {
  it("kongIdentity needs no dcrConfig and mirrors its absence", async () => {
    const inputs = await checked({
      name: "kid",
      providerType: "kongIdentity",
      issuer: "https://x.us.identity.konghq.com/auth",
    });
    const { id, outs } = await provider.create(inputs);
    expect(outs).toEqual({
      name: "kid",
      providerType: "kongIdentity",
      issuer: "https://x.us.identity.konghq.com/auth",
      active: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      ...usLocation(),
    });
    expect(await provider.diff!(id, { ...outs, __provider: "code-v1" } as never, inputs)).toMatchObject({
      changes: false,
    });
  });

  it("shows drift made in the Konnect UI on refresh (a declared label's value included)", async () => {
    const inputs = await checked({ ...TYPES.azureAd!.inputs, labels: { owner: "me" } });
    const { id, outs } = await provider.create(inputs);
    const stored = (emulator.get("dcr-providers", id) as { labels: Record<string, string> }).labels;
    emulator.updateStored("dcr-providers", id, { name: "renamed-in-ui", labels: { ...stored, owner: "someone" } });
    const read = await provider.read!(id, outs);
    expect(read.props).toMatchObject({ name: "renamed-in-ui", labels: { owner: "someone" } });
    expect(read.inputs).toMatchObject({ name: "renamed-in-ui", labels: { owner: "someone" } });
    // the secret cannot be read back, so it is carried over from state
    expect((read.props as DcrProviderOutputs).dcrConfig?.initialClientSecret).toBe("azure-secret-1");
    // the next diff against the program's inputs wants to undo the drift
    const diff = await provider.diff!(id, { ...read.props, __provider: "code-v1" } as never, inputs);
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("adopts an existing DCR provider: GET, then PATCH to the declared state", async () => {
    const seeded = emulator.seedDcrProvider({
      name: "made-by-hand",
      provider_type: "azureAd",
      issuer: `https://sts.windows.net/${TENANT}`,
      labels: { stale: "yes" },
      dcr_config: { initial_client_id: CLIENT_ID, initial_client_secret: "old" },
    });
    emulator.clearRequestLog();
    const inputs = await checked({ ...TYPES.azureAd!.inputs, adoptId: seeded.id, labels: { team: "platform" } });
    const { id, outs } = await provider.create(inputs);
    expect(id).toBe(seeded.id);
    expect(callShapes(emulator)).toEqual(["GET /v2/dcr-providers/{id}", "PATCH /v2/dcr-providers/{id}"]);
    expect(outs).toMatchObject({ name: "azure-dcr", labels: { team: "platform" }, adoptId: seeded.id });
    expect(emulator.storedSecrets(id)).toEqual({ initial_client_secret: "azure-secret-1" });
  });

  it("refuses to adopt an object of another type or one that does not exist", async () => {
    const seeded = emulator.seedDcrProvider({
      name: "okta",
      provider_type: "okta",
      issuer: "https://x.okta.com",
      dcr_config: { dcr_token: "t" },
    });
    const inputs = await checked({ ...TYPES.azureAd!.inputs, adoptId: seeded.id });
    await expect(provider.create(inputs)).rejects.toThrow(
      `adoptId: DCR provider ${seeded.id} has providerType okta, but providerType azureAd is declared`,
    );
    const missing = await checked({ ...TYPES.azureAd!.inputs, adoptId: "11111111-2222-4333-8444-555555555555" });
    await expect(provider.create(missing)).rejects.toThrow(
      "adoptId: no DCR provider with id 11111111-2222-4333-8444-555555555555 in region us",
    );
  });

  it("a provider code change is an update that makes no API call", async () => {
    const inputs = await checked(TYPES.okta!.inputs);
    const { id, outs } = await provider.create(inputs);
    emulator.clearRequestLog();
    const diff = await provider.diff!(
      id,
      { ...outs, __provider: "code-v1" } as never,
      { ...inputs, __provider: "code-v2" } as never,
    );
    expect(diff.changes).toBe(true);
    const updated = await provider.update!(id, outs!, inputs);
    expect(updated.outs).toEqual(outs);
    expect(callShapes(emulator)).toEqual([]);
  });

  it("absent booleans equal false and Konnect omitting displayName causes no diff", async () => {
    emulator.setOptions({ omitDcrDisplayName: true });
    try {
      const declared: DcrProviderInputs = {
        name: "h",
        displayName: "Shown in portal",
        providerType: "http",
        issuer: "https://idp.example.com",
        dcrConfig: { dcrBaseUrl: "https://dcr.example.com", apiKey: "abcdefghijkl", disableEventHooks: false },
      };
      const inputs = await checked(declared);
      const { id, outs } = await provider.create(inputs);
      expect(outs!.displayName).toBe("Shown in portal");
      const read = await provider.read!(id, outs);
      expect(read.props).toEqual(outs);
      const withoutFlag = await checked({
        ...declared,
        dcrConfig: { dcrBaseUrl: "https://dcr.example.com", apiKey: "abcdefghijkl" },
      });
      expect(await provider.diff!(id, { ...outs, __provider: "code-v1" } as never, withoutFlag)).toMatchObject({
        changes: false,
      });
    } finally {
      emulator.setOptions({ omitDcrDisplayName: false });
    }
  });

  it("removing a label sends null for it", async () => {
    const inputs = await checked({ ...TYPES.okta!.inputs, labels: { a: "1", b: "2" } });
    const { id, outs } = await provider.create(inputs);
    const next = await checked({ ...TYPES.okta!.inputs, labels: { a: "1" } });
    const updated = await provider.update!(id, outs!, next);
    expect(updated.outs!.labels).toEqual({ a: "1" });
    expect((emulator.get("dcr-providers", id) as { labels?: unknown }).labels).toEqual({
      a: "1",
      "pulumi-create-id": expect.any(String),
    });
  });

  it("labels set outside Pulumi are not ours: no diff after refresh, updates and rotation PATCH only owned keys", async () => {
    const inputs = await checked({ ...TYPES.okta!.inputs, labels: { env: "dev", old: "1" } });
    const { id, outs } = await provider.create(inputs);
    const created = (emulator.get("dcr-providers", id) as { labels: Record<string, string> }).labels;
    const foreign = { "kong-managed-by": "kongctl", "konnect-origin": "ui", _internal: "x", team: "payments" };
    emulator.updateStored("dcr-providers", id, { labels: { ...created, ...foreign } });

    // Refresh mirrors only the declared keys, so the program's inputs show no change.
    const read = await provider.read!(id, outs);
    expect((read.props as DcrProviderOutputs).labels).toEqual({ env: "dev", old: "1" });
    expect(await provider.diff!(id, { ...read.props, __provider: "code-v1" } as never, inputs)).toMatchObject({
      changes: false,
    });

    // A secret rotation that also drops a declared label: null only for that label, foreign keys untouched.
    const rotated = await checked({
      ...TYPES.okta!.inputs,
      dcrConfig: { dcrToken: "okta-token-2" },
      labels: { env: "dev" },
    });
    const updated = await provider.update!(id, read.props as DcrProviderOutputs, rotated);
    expect(updated.outs!.labels).toEqual({ env: "dev" });
    expect((emulator.get("dcr-providers", id) as { labels: unknown }).labels).toEqual({
      env: "dev",
      ...foreign,
      "pulumi-create-id": created["pulumi-create-id"],
    });
    expect(emulator.storedSecrets(id)).toEqual({ dcr_token: "okta-token-2" });
  });

  it("a state written before label ownership (foreign reserved labels in outputs) updates without sending them", async () => {
    const inputs = await checked({ ...TYPES.okta!.inputs, labels: { env: "dev" } });
    const { id, outs } = await provider.create(inputs);
    const created = (emulator.get("dcr-providers", id) as { labels: Record<string, string> }).labels;
    emulator.updateStored("dcr-providers", id, { labels: { ...created, "kong-managed-by": "kongctl" } });
    // What a refresh on the old code stored: every label but the creation label.
    const legacy = { ...outs!, labels: { env: "dev", "kong-managed-by": "kongctl" } } as DcrProviderOutputs;
    expect(await provider.diff!(id, { ...legacy, __provider: "code-v1" } as never, inputs)).toMatchObject({
      changes: false,
    });
    const rotated = await checked({
      ...TYPES.okta!.inputs,
      dcrConfig: { dcrToken: "okta-token-2" },
      labels: { env: "dev" },
    });
    const updated = await provider.update!(id, legacy, rotated);
    expect(updated.outs!.labels).toEqual({ env: "dev" });
    expect((emulator.get("dcr-providers", id) as { labels: unknown }).labels).toMatchObject({
      env: "dev",
      "kong-managed-by": "kongctl",
    });
    // and the next refresh drops the foreign label from the outputs
    const read = await provider.read!(id, legacy);
    expect((read.props as DcrProviderOutputs).labels).toEqual({ env: "dev" });
  });

  it("adopts an object carrying labels set by Kong tools and leaves them alone", async () => {
    const seeded = emulator.seedDcrProvider({
      name: "made-by-kongctl",
      provider_type: "okta",
      issuer: "https://example.okta.com/oauth2/default",
      labels: { "KONGCTL-namespace": "default", team: "payments" },
      dcr_config: { dcr_token: "okta-token-0" },
    });
    // Konnect's own labels: set out of band (the public API refuses reserved keys from clients).
    emulator.updateStored("dcr-providers", seeded.id, {
      labels: { "KONGCTL-namespace": "default", team: "payments", "kong-managed": "true" },
    });
    const inputs = await checked({ ...TYPES.okta!.inputs, adoptId: seeded.id, labels: { env: "dev" } });
    const { outs } = await provider.create(inputs);
    expect(outs!.labels).toEqual({ env: "dev" });
    expect((emulator.get("dcr-providers", seeded.id) as { labels: unknown }).labels).toEqual({
      "KONGCTL-namespace": "default",
      "kong-managed": "true",
      team: "payments",
      env: "dev",
    });
  });

  describe("the region an object lives in is recorded", () => {
    const stack = (extra: Record<string, unknown> = {}) =>
      setStackSettings({ token: TEST_TOKEN, serverUrl: `${emulator.url}/{region}`, retryBudgetSeconds: 5, ...extra });
    afterEach(() => {
      delete process.env.KONNECT_REGION;
      stack();
    });
    const inRegion = (region: string, id: string) =>
      emulator.list("dcr-providers", region as never).some((o) => o.id === id);

    it("declaring the region an object already lives in (through the default) is no change", async () => {
      const inputs = await checked(TYPES.okta!.inputs);
      const { id, outs } = await provider.create(inputs);
      expect(outs).toMatchObject({ effectiveRegion: "us", serverUrl: `${emulator.url}/us` });
      const withRegion = await checked({ ...TYPES.okta!.inputs, region: "us" });
      expect(await provider.diff!(id, { ...outs, __provider: "code-v1" } as never, withRegion)).toEqual({
        changes: false,
        replaces: [],
        deleteBeforeReplace: false,
      });
      // and the other way round: an object created with region "eu" keeps living there when the stack default is eu
      stack({ region: "eu" });
      const eu = await provider.create(await checked({ ...TYPES.okta!.inputs, region: "eu" }));
      expect(eu.outs).toMatchObject({ effectiveRegion: "eu", serverUrl: `${emulator.url}/eu` });
      expect(await provider.diff!(eu.id, { ...eu.outs, __provider: "code-v1" } as never, inputs)).toMatchObject({
        changes: false,
      });
    });

    it.each([
      ["konnect:region", () => stack({ region: "eu" })],
      ["KONNECT_REGION", () => void (process.env.KONNECT_REGION = "eu")],
    ])("a changed %s previews as a replace; refresh and delete still reach the object", async (_name, change) => {
      const inputs = await checked(TYPES.okta!.inputs);
      const { id, outs } = await provider.create(inputs);
      change();
      expect(await provider.diff!(id, { ...outs, __provider: "code-v1" } as never, inputs)).toEqual({
        changes: true,
        replaces: ["region"],
        deleteBeforeReplace: false,
      });
      const read = await provider.read!(id, outs);
      expect(read.id).toBe(id);
      expect(read.props).toMatchObject({ name: "okta-dcr", effectiveRegion: "us" });
      await provider.delete!(id, outs!);
      expect(inRegion("us", id)).toBe(false);
    });

    it("a state written before the region was recorded upgrades without a replace and records it on read and update", async () => {
      stack({ region: "eu" });
      const inputs = await checked(TYPES.okta!.inputs);
      const { id, outs } = await provider.create(inputs);
      const { effectiveRegion: _r, serverUrl: _s, ...legacy } = outs as DcrProviderOutputs;
      expect(await provider.diff!(id, { ...legacy, __provider: "code-v1" } as never, inputs)).toMatchObject({
        changes: false,
      });
      const read = await provider.read!(id, legacy);
      expect(read.props).toMatchObject({ effectiveRegion: "eu", serverUrl: `${emulator.url}/eu` });
      expect(read.inputs).not.toHaveProperty("effectiveRegion");
      const renamed = await checked({ ...TYPES.okta!.inputs, name: "okta-renamed" });
      const updated = await provider.update!(id, legacy, renamed);
      expect(updated.outs).toMatchObject({ name: "okta-renamed", effectiveRegion: "eu" });
      expect(inRegion("eu", id)).toBe(true);
    });
  });

  it("verify retries until Konnect accepts the new secret", async () => {
    emulator.setOptions({ verifyResult: { result: "fail-then-succeed", failures: 2, errors: ["invalid_client"] } });
    try {
      const inputs = await checked({ ...TYPES.azureAd!.inputs, verify: true });
      const { id } = await provider.create(inputs);
      expect(callShapes(emulator).filter((c) => c.endsWith("/verify"))).toHaveLength(3);
      expect(emulator.get("dcr-providers", id)).toBeDefined();
    } finally {
      emulator.setOptions({ verifyResult: { result: "success" } });
    }
  });

  it("konnect:verifyTimeoutSeconds bounds the verification retries", async () => {
    emulator.setOptions({ verifyResult: { result: "failed", errors: ["invalid_client"] } });
    setStackSettings({ token: TEST_TOKEN, serverUrl: `${emulator.url}/{region}`, verifyTimeoutSeconds: 0.001 });
    try {
      const inputs = await checked({ ...TYPES.azureAd!.inputs, verify: true });
      await expect(provider.create(inputs)).rejects.toThrow(/could not verify it: invalid_client/);
      // the first wait (5 ms) already ends past the 1 ms limit: one attempt only
      expect(callShapes(emulator).filter((c) => c.endsWith("/verify"))).toHaveLength(1);
    } finally {
      emulator.setOptions({ verifyResult: { result: "success" } });
      setStackSettings({ token: TEST_TOKEN, serverUrl: `${emulator.url}/{region}`, retryBudgetSeconds: 5 });
    }
  });

  it("a verify that keeps failing keeps the created object in state (error carries the id)", async () => {
    emulator.setOptions({ verifyResult: { result: "failed", errors: ["Unable to create the DCR application"] } });
    try {
      const inputs = await checked({ ...TYPES.azureAd!.inputs, verify: true });
      const error = (await provider.create(inputs).catch((e: unknown) => e)) as Error & {
        id?: string;
        properties?: Record<string, unknown>;
      };
      expect(error.message).toMatch(
        /^DCR provider "azure-dcr" was created \(id [0-9a-f-]{36}\) but Konnect could not verify it: Unable to create the DCR application\. It is kept in state/,
      );
      expect(error.id).toBeDefined();
      expect(emulator.get("dcr-providers", error.id!)).toBeDefined();
      expect(error.properties).toMatchObject({ name: "azure-dcr", providerType: "azureAd" });
      expect(error.message).not.toContain("azure-secret-1");

      // the kept state records no successful verification, so the next up sees a change and verifies again
      expect(error.properties).not.toHaveProperty("verify");
      const kept = error.properties as unknown as DcrProviderOutputs;
      expect(await provider.diff!(error.id!, { ...kept, __provider: "code-v1" } as never, inputs)).toMatchObject({
        changes: true,
      });
      emulator.setOptions({ verifyResult: { result: "success" } });
      emulator.clearRequestLog();
      const fixed = await provider.update!(error.id!, kept, inputs);
      expect(fixed.outs).toMatchObject({ verify: true });
      expect(callShapes(emulator)).toEqual(["POST /v2/dcr-providers/{id}/verify"]);
    } finally {
      emulator.setOptions({ verifyResult: { result: "success" } });
    }
  });

  it("verify failure reasons that echo the client secret are redacted in the error", async () => {
    const secret = "azure-secret-1";
    emulator.setOptions({
      verifyResult: {
        result: "failed",
        errors: [`invalid_client: secret ${secret} rejected`, `form: client_secret=${encodeURIComponent(secret)}`],
      },
    });
    try {
      const inputs = await checked({ ...TYPES.azureAd!.inputs, verify: true });
      const error = (await provider.create(inputs).catch((e: unknown) => e)) as Error;
      expect(error.message).toContain(
        "could not verify it: invalid_client: secret [secret] rejected; form: client_secret=[secret]. It is kept in state",
      );
      expect(JSON.stringify({ message: error.message, error })).not.toContain(secret);
    } finally {
      emulator.setOptions({ verifyResult: { result: "success" } });
    }
  });

  it("a 409 on delete says what still uses the provider", async () => {
    const inputs = await checked(TYPES.azureAd!.inputs);
    const { id, outs } = await provider.create(inputs);
    emulator.seedAuthStrategy({
      name: "s",
      display_name: "s",
      strategy_type: "openid_connect",
      configs: {
        "openid-connect": {
          issuer: inputs.issuer,
          credential_claim: ["appid"],
          scopes: ["openid"],
          auth_methods: ["bearer"],
        },
      },
      dcr_provider_id: id,
    });
    await expect(provider.delete!(id, outs!)).rejects.toThrow(
      /^cannot delete DCR provider "azure-dcr" \([0-9a-f-]{36}\): it is still used by one or more auth strategies; delete them or point them at another DCR provider first\. delete DCR provider [0-9a-f-]{36}: 409 Conflict/,
    );
  });
});
