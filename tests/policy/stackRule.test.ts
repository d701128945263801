/**
 * The stack rule konnect-strategy-azure-claims: how a strategy finds its DCR provider (dependency, id, issuer
 * fallback) and the exact violations, attached to the strategy's URN.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { createPolicies } from "../../examples/policy-pack/policies";
import { findDcrProvider } from "../../examples/policy-pack/rules/strategyAzureClaims";
import { toStackRuleResource } from "../../examples/policy-pack/lib/policy";
import { authStrategy, dcrProvider, ISSUER, NOW, TENANT } from "./fixtures";
import { runStack, UNKNOWN_ARRAY, UNKNOWN_STRING, urnOf, type TestResource } from "./harness";

const policy = createPolicies(() => NOW).find(
  (p) => p.name === "konnect-strategy-azure-claims",
) as StackValidationPolicy;
const provider = dcrProvider();
const providerUrn = urnOf(provider);
const OTHER_ISSUER = "https://sts.windows.net/99999999-aaaa-4bbb-8ccc-dddddddddddd";

/** A strategy whose dcrProviderId came from the provider's id output (unknown in preview). */
function linked(oidc: Record<string, unknown> = {}): TestResource {
  const base = authStrategy();
  return authStrategy(
    {
      dcrProviderId: UNKNOWN_STRING,
      openidConnect: { ...(base.props["openidConnect"] as object), ...oidc },
    },
    { propertyDependencies: { dcrProviderId: [providerUrn] } },
  );
}

async function violations(resources: TestResource[]) {
  return (await runStack(policy, resources)).violations;
}

describe("konnect-strategy-azure-claims", () => {
  it("is a mandatory stack policy", () => {
    expect(policy.enforcementLevel).toBe("mandatory");
    expect(policy.description).toBe(
      'Auth strategies that use an Azure DCR provider set credentialClaim ["appid"] and the same issuer as the provider: Azure v1 tokens carry the client id in appid.',
    );
  });

  it("accepts appid and the provider's issuer (trailing slash ignored)", async () => {
    expect(await violations([provider, linked()])).toEqual([]);
    expect(await violations([provider, linked({ issuer: `${ISSUER}/` })])).toEqual([]);
  });

  it("rejects another claim, attached to the strategy", async () => {
    const strategy = linked({ credentialClaim: ["azp"] });
    expect(await violations([provider, strategy])).toEqual([
      {
        urn: urnOf(strategy),
        message:
          'auth strategy "portal-dcr-strategy" uses Azure DCR provider "portal-dcr" but openidConnect.credentialClaim is ["azp"]: set it to ["appid"].',
      },
    ]);
  });

  it("rejects a nested claim path and a missing claim", async () => {
    expect((await violations([provider, linked({ credentialClaim: ["appid", "sub"] })])).map((v) => v.message)).toEqual(
      [
        'auth strategy "portal-dcr-strategy" uses Azure DCR provider "portal-dcr" but openidConnect.credentialClaim is ["appid","sub"]: set it to ["appid"].',
      ],
    );
    expect((await violations([provider, linked({ credentialClaim: undefined })])).map((v) => v.message)).toEqual([
      'auth strategy "portal-dcr-strategy" uses Azure DCR provider "portal-dcr" but openidConnect.credentialClaim is undefined: set it to ["appid"].',
    ]);
  });

  it("rejects an issuer different from the provider's (v2 issuer)", async () => {
    const v2 = `https://login.microsoftonline.com/${TENANT}/v2.0`;
    expect((await violations([provider, linked({ issuer: v2 })])).map((v) => v.message)).toEqual([
      `auth strategy "portal-dcr-strategy" has issuer "${v2}" but its DCR provider "portal-dcr" has issuer "${ISSUER}": use the same https://sts.windows.net/<tenant GUID> issuer on both.`,
    ]);
  });

  it("skips claims unknown in preview", async () => {
    expect(await violations([provider, linked({ credentialClaim: UNKNOWN_ARRAY })])).toEqual([]);
    expect(await violations([provider, linked({ credentialClaim: [UNKNOWN_STRING] })])).toEqual([]);
  });

  it("ignores strategies of non-Azure providers, key-auth strategies and strategies without DCR", async () => {
    const okta = dcrProvider({ providerType: "okta", issuer: "https://example.okta.com/oauth2/default" });
    expect(
      await violations([okta, linked({ credentialClaim: ["sub"], issuer: "https://example.okta.com/oauth2/default" })]),
    ).toEqual([]);
    expect(
      await violations([
        provider,
        authStrategy({ dcrProviderId: undefined, openidConnect: undefined, strategyType: "key_auth" }),
      ]),
    ).toEqual([]);
    expect(await violations([provider, authStrategy({ dcrProviderId: undefined })])).toEqual([]);
  });

  describe("finding the DCR provider", () => {
    const second = dcrProvider({ issuer: OTHER_ISSUER, adoptId: "dcr-2" }, { name: "second-dcr" });

    it("prefers the property dependency", () => {
      const resources = [provider, second, linked()].map((r) => toStackRuleResource(asPolicyResource(r)));
      const link = findDcrProvider(resources[2]!, resources);
      expect(link.via === "dependency" && link.provider.name).toBe("portal-dcr");
    });

    it("matches a literal dcrProviderId to adoptId (or id)", async () => {
      const strategy = authStrategy({ dcrProviderId: "dcr-2" });
      expect((await violations([provider, second, strategy])).map((v) => v.message)).toEqual([
        `auth strategy "portal-dcr-strategy" has issuer "${ISSUER}" but its DCR provider "second-dcr" has issuer "${OTHER_ISSUER}": use the same https://sts.windows.net/<tenant GUID> issuer on both.`,
      ]);
      const resources = [provider, second, strategy].map((r) => toStackRuleResource(asPolicyResource(r)));
      expect(findDcrProvider(resources[2]!, resources).via).toBe("id");
    });

    it("falls back to the issuer among azureAd providers when the id is unknown and no dependency is recorded", async () => {
      const strategy = authStrategy({
        dcrProviderId: UNKNOWN_STRING,
        openidConnect: { issuer: OTHER_ISSUER, credentialClaim: ["oid"], scopes: [], authMethods: [] },
      });
      expect((await violations([provider, second, strategy])).map((v) => v.message)).toEqual([
        'auth strategy "portal-dcr-strategy" uses Azure DCR provider "second-dcr" but openidConnect.credentialClaim is ["oid"]: set it to ["appid"].',
      ]);
    });

    it("treats a strategy with an sts.windows.net issuer as Azure when its provider is outside the stack", async () => {
      const strategy = authStrategy({
        dcrProviderId: "external",
        openidConnect: { issuer: OTHER_ISSUER, credentialClaim: ["sub"], scopes: [], authMethods: [] },
      });
      expect((await violations([strategy])).map((v) => v.message)).toEqual([
        'auth strategy "portal-dcr-strategy" has an Azure issuer but openidConnect.credentialClaim is ["sub"]: set it to ["appid"].',
      ]);
    });
  });
});

/** Minimal PolicyResource for the pure helpers (plain props, no proxy needed). */
function asPolicyResource(r: TestResource) {
  return {
    type: r.type,
    name: r.name,
    urn: urnOf(r),
    props: r.props,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    dependencies: [],
    propertyDependencies: Object.fromEntries(
      Object.entries(r.propertyDependencies ?? {}).map(([k, urns]) => [k, urns.map((u) => ({ urn: u }))]),
    ),
    isType: () => false,
    asType: () => undefined,
  } as never;
}
