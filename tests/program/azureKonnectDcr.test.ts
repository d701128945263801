/**
 * AzureKonnectDcr wiring under setMocks: the Azure app feeds the Konnect DCR provider, which feeds the auth strategy;
 * the secret travels only as a secret; Konnect waits for consent; a rotation only patches the DCR provider's secret.
 */
import type * as pulumi from "@pulumi/pulumi";
import { providers, type DcrProviderInputs } from "../../provider";
import { AzureKonnectDcr, type AzureKonnectDcrArgs } from "../../provider/components";
import {
  appearsInPlainText,
  createAzureMocks,
  guidFrom,
  MOCK_DEFAULTS,
  reveal,
  secretPaths,
  TYPES,
  type AzureMocks,
  type RecordedResource,
} from "./azureMocks";
import { CREATION_KEY_INPUT, baseCreationKey } from "../../provider/resources/core/creationKey";
import { captureOptions, dependsOnNames, inspect, optionsOf, useAzureMocks, valueOf } from "./helpers";

const NOW_ISO = "2026-05-20T08:30:00Z";
const NOW = Date.parse(NOW_ISO);
const TENANT = MOCK_DEFAULTS.tenantId;
const ISSUER = `https://sts.windows.net/${TENANT}`;
const OWNED_BY = "18a4783c-866b-4cc7-a460-3d5e5662c884";
const BYO = {
  tenantId: "3c2b1a09-8f7e-4d6c-9b5a-493827160504",
  clientId: "9e8d7c6b-5a49-4382-a716-0f1e2d3c4b5a",
  clientSecret: "byo8Q~not-a-real-secret-but-40-chars-xx",
};

const env = useAzureMocks(NOW);

/** Builds the component, waits for every output, and returns it with its children's records and options. */
async function build(name: string, args?: AzureKonnectDcrArgs, mocks: AzureMocks = env.m) {
  const { transformation, captured } = captureOptions();
  const dcr = new AzureKonnectDcr(name, args, { transformations: [transformation] });
  await Promise.all(
    [
      dcr.authStrategyId,
      dcr.dcrProviderId,
      dcr.clientSecret,
      dcr.secretEndDate,
      dcr.servicePrincipalObjectId,
      dcr.adminConsentUrl,
      dcr.urn,
    ].map((o) => valueOf(o as pulumi.Output<unknown>)),
  );
  const children = (type: string) => mocks.ofType(type, `${name}-`);
  return { dcr, captured, children };
}

/** Inputs without the serialized provider and with secrets revealed. */
function plainInputs(r: RecordedResource): Record<string, unknown> {
  const { __provider: provider, [CREATION_KEY_INPUT]: key, ...rest } = r.inputs;
  expect(typeof provider).toBe("string");
  // The creation key: the base key of the child's URN, with the component's type in its parent chain.
  const urn = `urn:pulumi:test::konnect-azure-dcr::pulumi-konnect-dcr:index:AzureKonnectDcr$${r.type}::${r.name}`;
  expect(key).toBe(baseCreationKey({ urn, organization: "" }));
  return reveal(rest);
}

/** Dotted paths whose values differ between two plain values. */
function changedPaths(a: unknown, b: unknown, prefix = ""): string[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedPaths(a[k], b[k], prefix === "" ? k : `${prefix}.${k}`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
}

describe("AzureKonnectDcr defaults (new AzureKonnectDcr(name))", () => {
  test("resource types and counts", async () => {
    await build("flow");
    const mine = env.m.resources.filter((r) => r.name === "flow" || r.name.startsWith("flow-"));
    // Registration order follows when inputs resolve; compare as a set.
    expect(mine.map((r) => [r.type, r.name]).sort()).toEqual(
      [
        ["pulumi-konnect-dcr:index:AzureKonnectDcr", "flow"],
        ["pulumi-konnect-dcr:azure:AzureDcrAdminApp", "flow-azure"],
        [TYPES.application, "flow-azure-app"],
        [TYPES.servicePrincipal, "flow-azure-sp"],
        [TYPES.appRoleAssignment, "flow-azure-role-Application.ReadWrite.OwnedBy"],
        [TYPES.delegatedGrant, "flow-azure-delegated-grant"],
        [TYPES.applicationPassword, "flow-azure-secret"],
        [TYPES.dcrProvider, "flow-dcr-provider"],
        [TYPES.authStrategy, "flow-auth-strategy"],
      ].sort(),
    );
    expect(mine.filter((r) => r.custom)).toHaveLength(7);
  });

  test("the DCR provider gets the v1 issuer, the app's client id and its secret, as a secret only", async () => {
    await build("wire");
    const provider = env.m.get(TYPES.dcrProvider, "wire-dcr-provider");
    const password = env.m.get(TYPES.applicationPassword, "wire-azure-secret");
    expect(plainInputs(provider)).toEqual({
      name: "wire",
      providerType: "azureAd",
      issuer: ISSUER,
      labels: { "managed-by": "pulumi" },
      dcrConfig: { initialClientId: guidFrom("client:wire-azure-app"), initialClientSecret: password.state.value },
    });
    // Secret only: inside a secret (see secretPaths on how mocks lift it to dcrConfig), never in plain text.
    expect(secretPaths(provider.inputs)).toEqual(["dcrConfig"]);
    expect(appearsInPlainText(provider.inputs, String(password.state.value))).toBe(false);
    const leaks = env.m.resources.filter(
      (r) => r.type !== TYPES.applicationPassword && appearsInPlainText(r.inputs, String(password.state.value)),
    );
    expect(leaks).toEqual([]);
  });

  test("the auth strategy is openid_connect with issuer, appid, default scopes and methods, linked by id", async () => {
    await build("strat");
    const strategy = env.m.get(TYPES.authStrategy, "strat-auth-strategy");
    const provider = env.m.get(TYPES.dcrProvider, "strat-dcr-provider");
    expect(plainInputs(strategy)).toEqual({
      name: "strat",
      displayName: "Microsoft Entra ID",
      strategyType: "openid_connect",
      openidConnect: {
        issuer: ISSUER,
        credentialClaim: ["appid"],
        scopes: ["openid"],
        authMethods: ["client_credentials", "bearer", "session"],
      },
      dcrProviderId: provider.id,
      labels: { "managed-by": "pulumi" },
    });
    expect(secretPaths(strategy.inputs)).toEqual([]);
    expect(strategy.state.dcrProvider).toEqual({ id: provider.id, name: "strat", providerType: "azureAd" });
  });

  test("both Konnect objects wait for admin consent", async () => {
    const { captured, dcr } = await build("wait");
    const consent = ["wait-azure-role-Application.ReadWrite.OwnedBy", "wait-azure-delegated-grant"];
    expect(await dependsOnNames(optionsOf(captured, "wait-dcr-provider"))).toEqual(consent);
    expect(await dependsOnNames(optionsOf(captured, "wait-auth-strategy"))).toEqual(consent);
    expect(optionsOf(captured, "wait-dcr-provider").parent).toBe(dcr);
    expect(optionsOf(captured, "wait-azure").parent).toBe(dcr);
  });

  test("outputs", async () => {
    const { dcr } = await build("outs");
    const password = env.m.get(TYPES.applicationPassword, "outs-azure-secret");
    const clientId = guidFrom("client:outs-azure-app");
    expect(await inspect(dcr.clientSecret)).toEqual({ value: password.state.value, secret: true });
    expect(await inspect(dcr.issuer)).toEqual({ value: ISSUER, secret: false });
    expect(await valueOf(dcr.tenantId)).toBe(TENANT);
    expect(await valueOf(dcr.clientId)).toBe(clientId);
    expect(await valueOf(dcr.applicationObjectId)).toBe(guidFrom("application:outs-azure-app"));
    expect(await valueOf(dcr.servicePrincipalObjectId)).toBe(guidFrom("servicePrincipal:outs-azure-sp"));
    expect(await valueOf(dcr.secretEndDate)).toBe("2026-09-04T00:00:00Z");
    expect(await valueOf(dcr.adminConsentUrl)).toBe(
      `https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${clientId}`,
    );
    expect(await valueOf(dcr.dcrProviderId)).toBe(guidFrom(`${TYPES.dcrProvider}:outs-dcr-provider`));
    expect(await valueOf(dcr.authStrategyId)).toBe(guidFrom(`${TYPES.authStrategy}:outs-auth-strategy`));
  });
});

describe("AzureKonnectDcr options", () => {
  test("Konnect names, display names, scopes, methods, claim, labels, region, verify, extra OIDC settings", async () => {
    await build("opt", {
      dcrProviderName: "Azure DCR Provider",
      dcrProviderDisplayName: "Azure",
      authStrategyName: "Azure DCR Auth Strategy",
      authStrategyDisplayName: "Azure AD",
      scopes: ["openid", "api://orders/.default"],
      authMethods: ["client_credentials", "bearer"],
      credentialClaim: ["appid", "azp"],
      additionalOidcProperties: { cache_tokens: false },
      labels: { team: "platform", "managed-by": "pulumi-konnect-dcr" },
      region: "eu",
      verify: true,
      applicationDisplayName: "Konnect DCR prod",
    });
    const labels = { "managed-by": "pulumi-konnect-dcr", team: "platform" };
    expect(plainInputs(env.m.get(TYPES.dcrProvider, "opt-dcr-provider"))).toEqual({
      name: "Azure DCR Provider",
      displayName: "Azure",
      providerType: "azureAd",
      issuer: ISSUER,
      labels,
      dcrConfig: {
        initialClientId: guidFrom("client:opt-azure-app"),
        initialClientSecret: env.m.get(TYPES.applicationPassword, "opt-azure-secret").state.value,
      },
      verify: true,
      region: "eu",
    });
    expect(plainInputs(env.m.get(TYPES.authStrategy, "opt-auth-strategy"))).toEqual({
      name: "Azure DCR Auth Strategy",
      displayName: "Azure AD",
      strategyType: "openid_connect",
      openidConnect: {
        issuer: ISSUER,
        credentialClaim: ["appid", "azp"],
        scopes: ["openid", "api://orders/.default"],
        authMethods: ["client_credentials", "bearer"],
        additionalProperties: { cache_tokens: false },
      },
      dcrProviderId: env.m.get(TYPES.dcrProvider, "opt-dcr-provider").id,
      labels,
      region: "eu",
    });
    expect(env.m.get(TYPES.application, "opt-azure-app").inputs.displayName).toBe("Konnect DCR prod");
  });

  test("Azure app options pass through: legacy preset gives three role assignments, all awaited by Konnect", async () => {
    const { captured, children } = await build("legacy", {
      graphPermissionPreset: "legacyGuide",
      secretRotationKey: "k1",
    });
    expect(children(TYPES.appRoleAssignment)).toHaveLength(3);
    expect(await dependsOnNames(optionsOf(captured, "legacy-dcr-provider"))).toEqual([
      "legacy-azure-role-Application.Read.All",
      "legacy-azure-role-Application.ReadWrite.All",
      "legacy-azure-role-Application.ReadWrite.OwnedBy",
      "legacy-azure-delegated-grant",
    ]);
    expect(env.m.get(TYPES.applicationPassword, "legacy-azure-secret").inputs.rotateWhenChanged).toEqual({
      rotationWindow: "2026-03-08T00:00:00Z",
      rotationKey: "k1",
    });
  });

  test("grantAdminConsent false: no consent resources, nothing to wait for, consent URL output", async () => {
    const { captured, children, dcr } = await build("manual", { grantAdminConsent: false });
    expect(children(TYPES.appRoleAssignment)).toEqual([]);
    expect(children(TYPES.delegatedGrant)).toEqual([]);
    expect(children(TYPES.dcrProvider)).toHaveLength(1);
    expect(await dependsOnNames(optionsOf(captured, "manual-dcr-provider"))).toEqual([]);
    expect(await valueOf(dcr.adminConsentUrl)).toBe(
      `https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${guidFrom("client:manual-azure-app")}`,
    );
  });

  test("bring your own app: no Azure resources or lookups; its ids and secret go to Konnect", async () => {
    const invokesBefore = env.m.invokes.length;
    const { dcr, captured } = await build("byo", { existingApplication: { ...BYO } });
    const mine = env.m.resources.filter((r) => r.name === "byo" || r.name.startsWith("byo-"));
    expect(mine.map((r) => r.type)).toEqual([
      "pulumi-konnect-dcr:index:AzureKonnectDcr",
      TYPES.dcrProvider,
      TYPES.authStrategy,
    ]);
    expect(env.m.invokes.length).toBe(invokesBefore);
    const provider = env.m.get(TYPES.dcrProvider, "byo-dcr-provider");
    expect(plainInputs(provider)).toEqual({
      name: "byo",
      providerType: "azureAd",
      issuer: `https://sts.windows.net/${BYO.tenantId}`,
      labels: { "managed-by": "pulumi" },
      dcrConfig: { initialClientId: BYO.clientId, initialClientSecret: BYO.clientSecret },
    });
    expect(secretPaths(provider.inputs)).toEqual(["dcrConfig"]);
    expect(
      appearsInPlainText(
        env.m.resources.map((r) => r.inputs),
        BYO.clientSecret,
      ),
    ).toBe(false);
    expect(
      (plainInputs(env.m.get(TYPES.authStrategy, "byo-auth-strategy")).openidConnect as { issuer: string }).issuer,
    ).toBe(`https://sts.windows.net/${BYO.tenantId}`);
    expect(await inspect(dcr.clientSecret)).toEqual({ value: BYO.clientSecret, secret: true });
    expect(await valueOf(dcr.applicationObjectId)).toBeUndefined();
    expect(await valueOf(dcr.servicePrincipalObjectId)).toBeUndefined();
    expect(await valueOf(dcr.secretEndDate)).toBeUndefined();
    expect(await valueOf(dcr.adminConsentUrl)).toBe(
      `https://login.microsoftonline.com/${BYO.tenantId}/adminconsent?client_id=${BYO.clientId}`,
    );
    expect(dcr.adminApp).toBeUndefined();
    expect(await dependsOnNames(optionsOf(captured, "byo-dcr-provider"))).toEqual([]);
  });

  test.each<[string, AzureKonnectDcrArgs, string]>([
    [
      "an existing app with created-app settings",
      { existingApplication: BYO, grantAdminConsent: false, secretRotationKey: "x" },
      "existingApplication: cannot be combined with grantAdminConsent, secretRotationKey",
    ],
    [
      "a tenant id that is no GUID",
      { existingApplication: { ...BYO, tenantId: "contoso" } },
      "tenantId: must be a GUID",
    ],
    ["a client id that is no GUID", { existingApplication: { ...BYO, clientId: "app" } }, "clientId: must be a GUID"],
    [
      "a label key starting with kong",
      { labels: { "kong-team": "a" } },
      'labels.kong-team: label keys must not start with "kong"',
    ],
    ["a label key starting with konnect", { labels: { konnectx: "a" } }, 'must not start with "konnect"'],
    ["a label key starting with _", { labels: { _x: "a" } }, 'must not start with "_"'],
    [
      "a label value with a space",
      { labels: { team: "platform team" } },
      "labels.team: label values must start and end",
    ],
    ["an empty label value", { labels: { team: "" } }, "labels.team: label values must be 1-63"],
    ["a label key of 64 characters", { labels: { ["k".repeat(64)]: "a" } }, "label keys must be 1-63 characters"],
    [
      "49 labels besides managed-by (50 in all, one over the limit)",
      { labels: Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, "v"])) },
      "labels: at most 49 labels are allowed (Konnect's 50 minus one kept for pulumi-create-id), got 50",
    ],
    ["a secret lifetime not above the rotation", { secretLifetimeDays: 60, secretRotationDays: 90 }, "must exceed"],
  ])("rejects %s", (_label, args, message) => {
    expect(() => new AzureKonnectDcr("invalid", args)).toThrow(message);
  });
});

describe("rotation across two `pulumi up` runs", () => {
  test("a new rotation key replaces the Azure secret and only patches the DCR provider's secret", async () => {
    await build("rot", { secretRotationKey: "2026-q1" });
    const second = createAzureMocks();
    env.monitor.use(second.mocks);
    try {
      await build("rot", { secretRotationKey: "2026-q2" }, second);
      const before = (type: string, name: string) => plainInputs2(env.m.get(type, name));
      const after = (type: string, name: string) => plainInputs2(second.get(type, name));
      // ApplicationPassword: every input forces a replacement (Pulumi's default create-before-delete).
      expect(
        changedPaths(
          before(TYPES.applicationPassword, "rot-azure-secret"),
          after(TYPES.applicationPassword, "rot-azure-secret"),
        ),
      ).toEqual(["rotateWhenChanged.rotationKey"]);
      expect(second.get(TYPES.applicationPassword, "rot-azure-secret").state.value).not.toBe(
        env.m.get(TYPES.applicationPassword, "rot-azure-secret").state.value,
      );
      // DcrProvider: same providerType, so the new secret is an in-place update (PATCH), not a replacement.
      expect(
        changedPaths(before(TYPES.dcrProvider, "rot-dcr-provider"), after(TYPES.dcrProvider, "rot-dcr-provider")),
      ).toEqual(["dcrConfig.initialClientSecret"]);
      expect(after(TYPES.dcrProvider, "rot-dcr-provider").providerType).toBe("azureAd");
      expect(secretPaths(second.get(TYPES.dcrProvider, "rot-dcr-provider").inputs)).toEqual(["dcrConfig"]);
      // The provider's own check and diff agree: an update with no replacement.
      const dcr = providers.dcrProvider;
      const oldInputs = before(TYPES.dcrProvider, "rot-dcr-provider") as unknown as DcrProviderInputs;
      const newInputs = after(TYPES.dcrProvider, "rot-dcr-provider") as unknown as DcrProviderInputs;
      const checkedOld = await dcr.check!(oldInputs, oldInputs);
      const checkedNew = await dcr.check!(oldInputs, newInputs);
      expect([checkedOld.failures, checkedNew.failures]).toEqual([[], []]);
      const oldState = {
        ...(checkedOld.inputs as DcrProviderInputs),
        active: true,
        createdAt: NOW_ISO,
        updatedAt: NOW_ISO,
      };
      const diff = await dcr.diff!("id", oldState, checkedNew.inputs as DcrProviderInputs);
      expect([diff.changes, diff.replaces ?? [], diff.deleteBeforeReplace ?? false]).toEqual([true, [], false]);
      // Nothing else changes.
      for (const [type, name] of [
        [TYPES.application, "rot-azure-app"],
        [TYPES.servicePrincipal, "rot-azure-sp"],
        [TYPES.appRoleAssignment, "rot-azure-role-Application.ReadWrite.OwnedBy"],
        [TYPES.delegatedGrant, "rot-azure-delegated-grant"],
        [TYPES.authStrategy, "rot-auth-strategy"],
      ] as const) {
        expect([name, changedPaths(before(type, name), after(type, name))]).toEqual([name, []]);
      }
      expect(second.errors).toEqual([]);
    } finally {
      env.monitor.use(env.m.mocks);
    }
  });
});

/** Plain inputs of any recorded resource (secrets revealed, serialized provider dropped). */
function plainInputs2(r: RecordedResource): Record<string, unknown> {
  const { __provider: _provider, ...rest } = r.inputs;
  return reveal(rest);
}

test("OWNED_BY constant matches the role assigned by default", async () => {
  await build("role");
  expect(env.m.get(TYPES.appRoleAssignment, "role-azure-role-Application.ReadWrite.OwnedBy").inputs.appRoleId).toBe(
    OWNED_BY,
  );
});
