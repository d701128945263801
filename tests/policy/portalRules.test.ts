/**
 * The Dev Portal stack rules: konnect-strategy-same-region (a publication or portal default and the strategy it uses
 * are in one region) and konnect-publication-public-auth (public publications require application auth), with the
 * exact messages, unknowns in preview, and suppressions.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { createPolicies } from "../../examples/policy-pack/policies";
import { apiPublication, authStrategy, NOW, PORTAL_ID, portalDefault } from "./fixtures";
import { runStack, UNKNOWN_ARRAY, UNKNOWN_STRING, urnOf, type TestResource } from "./harness";

const policies = createPolicies(() => NOW);

function stackPolicy(name: string): StackValidationPolicy {
  const found = policies.find((p) => p.name === name);
  if (!found || !("validateStack" in found)) throw new Error(`no stack policy ${name}`);
  return found;
}

const sameRegion = stackPolicy("konnect-strategy-same-region");
const publicAuth = stackPolicy("konnect-publication-public-auth");

/** The DCR strategy, known by the literal id `dcr-strategy-1` the publication fixtures use. */
function strategy(props: Record<string, unknown> = {}): TestResource {
  return authStrategy({ id: "dcr-strategy-1", ...props });
}

async function violations(policy: StackValidationPolicy, resources: TestResource[], config = {}) {
  return (await runStack(policy, resources, config)).violations;
}

describe("konnect-strategy-same-region", () => {
  it("is a mandatory stack policy with an optional defaultRegion", () => {
    expect(sameRegion.enforcementLevel).toBe("mandatory");
    expect(sameRegion.description).toBe(
      "API publications and portal defaults are in the same Konnect region as the auth strategy they use: Konnect objects are regional and a strategy from another region does not exist there.",
    );
    expect(sameRegion.configSchema?.properties?.["defaultRegion"]?.enum).toEqual(["us", "eu", "au", "me", "in", "sg"]);
  });

  it("accepts the same explicit region, and both regions absent (both the stack default)", async () => {
    expect(await violations(sameRegion, [strategy({ region: "eu" }), apiPublication({ region: "eu" })])).toEqual([]);
    expect(await violations(sameRegion, [strategy(), apiPublication(), portalDefault()])).toEqual([]);
  });

  it("rejects a publication in another region than its strategy, attached to the publication", async () => {
    const publication = apiPublication({ region: "eu" });
    expect(await violations(sameRegion, [strategy({ region: "us" }), publication])).toEqual([
      {
        urn: urnOf(publication),
        message:
          'API publication "orders-in-portal" is in region "eu" but its auth strategy "portal-dcr-strategy" is in region "us": Konnect objects are regional, so the strategy does not exist there; use the same region for both.',
      },
    ]);
  });

  it("rejects a portal default in another region than its strategy", async () => {
    const pd = portalDefault({ region: "au" });
    expect(await violations(sameRegion, [strategy({ region: "eu" }), pd])).toEqual([
      {
        urn: urnOf(pd),
        message:
          'portal default "portal-default" is in region "au" but its auth strategy "portal-dcr-strategy" is in region "eu": Konnect objects are regional, so the strategy does not exist there; use the same region for both.',
      },
    ]);
  });

  it("finds the strategy through the property dependency while its id is unknown in preview", async () => {
    const s = strategy({ id: undefined, region: "us" });
    const deps = { propertyDependencies: { authStrategyIds: [urnOf(s)] } };
    for (const ids of [UNKNOWN_ARRAY, [UNKNOWN_STRING]]) {
      const publication = apiPublication({ authStrategyIds: ids, region: "eu" }, deps);
      expect((await violations(sameRegion, [s, publication])).map((v) => v.urn)).toEqual([urnOf(publication)]);
      expect(await violations(sameRegion, [s, apiPublication({ authStrategyIds: ids, region: "us" }, deps)])).toEqual(
        [],
      );
    }
    const pd = portalDefault(
      { authStrategyId: UNKNOWN_STRING, region: "eu" },
      { propertyDependencies: { authStrategyId: [urnOf(s)] } },
    );
    expect((await violations(sameRegion, [s, pd])).map((v) => v.urn)).toEqual([urnOf(pd)]);
  });

  it("matches a literal id to the strategy's adoptId", async () => {
    const adopted = authStrategy({ adoptId: "adopted-1", region: "eu" });
    const publication = apiPublication({ authStrategyIds: ["adopted-1"], region: "us" });
    expect((await violations(sameRegion, [adopted, publication])).map((v) => v.urn)).toEqual([urnOf(publication)]);
  });

  it("checks only the referenced strategy, and nothing for a strategy outside the stack or no strategy", async () => {
    const other = { ...strategy({ id: "other-strategy", region: "us" }), name: "other-strategy" };
    expect(await violations(sameRegion, [other, strategy({ region: "eu" }), apiPublication({ region: "eu" })])).toEqual(
      [],
    );
    expect(await violations(sameRegion, [apiPublication({ authStrategyIds: ["elsewhere"], region: "eu" })])).toEqual(
      [],
    );
    expect(await violations(sameRegion, [strategy({ region: "us" }), apiPublication({ authStrategyIds: [] })])).toEqual(
      [],
    );
    expect(
      await violations(sameRegion, [strategy({ region: "us" }), apiPublication({ authStrategyIds: undefined })]),
    ).toEqual([]);
  });

  it("skips a region unknown in preview on either side", async () => {
    expect(
      await violations(sameRegion, [strategy({ region: UNKNOWN_STRING }), apiPublication({ region: "eu" })]),
    ).toEqual([]);
    expect(
      await violations(sameRegion, [strategy({ region: "us" }), apiPublication({ region: UNKNOWN_STRING })]),
    ).toEqual([]);
  });

  it("reports one region set and the other absent unless defaultRegion tells the stack default", async () => {
    const publication = apiPublication({ region: "eu" });
    const resources = [strategy(), publication];
    expect(await violations(sameRegion, resources)).toEqual([
      {
        urn: urnOf(publication),
        message:
          'API publication "orders-in-portal" is in region "eu" but its auth strategy "portal-dcr-strategy" is in the stack default region (region not set): the policy cannot see the stack default; set region on both, or set the policy config defaultRegion.',
      },
    ]);
    expect(await violations(sameRegion, resources, { defaultRegion: "eu" })).toEqual([]);
    expect((await violations(sameRegion, resources, { defaultRegion: "us" })).map((v) => v.message)).toEqual([
      'API publication "orders-in-portal" is in region "eu" but its auth strategy "portal-dcr-strategy" is in the stack default region "us" (region not set): Konnect objects are regional, so the strategy does not exist there; use the same region for both.',
    ]);
    const pd = portalDefault();
    expect(
      (await violations(sameRegion, [strategy({ region: "eu" }), pd], { defaultRegion: "us" })).map((v) => v.message),
    ).toEqual([
      'portal default "portal-default" is in the stack default region "us" (region not set) but its auth strategy "portal-dcr-strategy" is in region "eu": Konnect objects are regional, so the strategy does not exist there; use the same region for both.',
    ]);
  });

  it("drops the violation of a suppressed resource only, and only with a reason", async () => {
    const a = apiPublication({ region: "eu" });
    const b = apiPublication({ region: "eu" }, { name: "payments-in-portal" });
    const resources = [strategy({ region: "us" }), a, b];
    const config = { suppressions: [{ resource: "orders-in-portal", reason: "Cross-region test, torn down hourly." }] };
    expect((await violations(sameRegion, resources, config)).map((v) => v.urn)).toEqual([urnOf(b)]);
    const short = { suppressions: [{ resource: "orders-in-portal", reason: "test" }] };
    expect((await violations(sameRegion, resources, short)).map((v) => [v.urn, v.message.split("\n")[1]])).toEqual([
      [urnOf(a), 'Suppression for "orders-in-portal" ignored: it needs a reason of at least 10 characters.'],
      [urnOf(b), undefined],
    ]);
  });
});

describe("konnect-publication-public-auth", () => {
  const noAuth =
    'API publication "orders-in-portal" is public and has authStrategyIds []: the API requires no application auth, so developers use it without registering an application. Set authStrategyIds to the DCR strategy, make it private, or suppress this rule with the reason the API is open.';

  it("is an advisory stack policy", () => {
    expect(publicAuth.enforcementLevel).toBe("advisory");
    expect(publicAuth.description).toBe(
      "Public API publications require application auth: with no auth strategy, anyone who can open the portal uses the API without registering an application.",
    );
  });

  it("accepts a public publication with a strategy, and private ones without", async () => {
    expect(await violations(publicAuth, [apiPublication()])).toEqual([]);
    expect(await violations(publicAuth, [apiPublication({ authStrategyIds: [UNKNOWN_STRING] })])).toEqual([]);
    expect(await violations(publicAuth, [apiPublication({ authStrategyIds: [], visibility: "private" })])).toEqual([]);
    expect(await violations(publicAuth, [apiPublication({ authStrategyIds: [], visibility: undefined })])).toEqual([]);
  });

  it("reports a public publication with authStrategyIds [], attached to it", async () => {
    const publication = apiPublication({ authStrategyIds: [] });
    expect(await violations(publicAuth, [publication])).toEqual([{ urn: urnOf(publication), message: noAuth }]);
  });

  it("reports authStrategyIds null (Konnect's no-auth value, seen in outputs after up) like []", async () => {
    expect((await violations(publicAuth, [apiPublication({ authStrategyIds: null })])).map((v) => v.message)).toEqual([
      noAuth.replace("authStrategyIds []", "authStrategyIds null"),
    ]);
  });

  it("skips values unknown in preview", async () => {
    expect(await violations(publicAuth, [apiPublication({ authStrategyIds: [], visibility: UNKNOWN_STRING })])).toEqual(
      [],
    );
    expect(await violations(publicAuth, [apiPublication({ authStrategyIds: UNKNOWN_ARRAY })])).toEqual([]);
  });

  describe("authStrategyIds absent (the portal's default strategy)", () => {
    const absent = (extra: Partial<TestResource> = {}) => apiPublication({ authStrategyIds: undefined }, extra);
    const pd = portalDefault();

    it("is not reported when the stack does not set the portal default (it cannot be seen)", async () => {
      expect(await violations(publicAuth, [absent()])).toEqual([]);
      expect(await violations(publicAuth, [absent(), portalDefault({ portalId: "another-portal" })])).toEqual([]);
    });

    it("is compliant when the publication depends on the stack's portal default", async () => {
      expect(await violations(publicAuth, [pd, absent({ dependencies: [urnOf(pd)] })])).toEqual([]);
    });

    it("is reported when the publication may be created before the portal default", async () => {
      const publication = absent();
      expect(await violations(publicAuth, [pd, publication])).toEqual([
        {
          urn: urnOf(publication),
          message:
            'API publication "orders-in-portal" is public and takes the portal\'s default strategy (authStrategyIds not set), but it does not depend on the portal default "portal-default": Konnect applies the default only to publications created after it, so this one may get the previous default or none. Add dependsOn: [the portal default], or set authStrategyIds.',
        },
      ]);
    });

    it("matches the portal through a shared dependency, and skips a portal id unknown in preview", async () => {
      const portal = { type: "konnect:index/portal:Portal", name: "portal", props: { id: PORTAL_ID } };
      const deps = { propertyDependencies: { portalId: [urnOf(portal)] } };
      const linkedDefault = portalDefault({ portalId: UNKNOWN_STRING }, deps);
      const publication = apiPublication({ authStrategyIds: undefined, portalId: UNKNOWN_STRING }, deps);
      expect((await violations(publicAuth, [portal, linkedDefault, publication])).map((v) => v.urn)).toEqual([
        urnOf(publication),
      ]);
      expect(await violations(publicAuth, [portalDefault({ portalId: UNKNOWN_STRING }), absent()])).toEqual([]);
    });
  });

  it("drops the violation of a suppressed publication, and keeps it without a real reason", async () => {
    const publication = apiPublication({ authStrategyIds: [] });
    const config = { suppressions: [{ resource: "orders-in-portal", reason: "Open status API, rate limited." }] };
    expect(await violations(publicAuth, [publication], config)).toEqual([]);
    const short = { suppressions: [{ resource: urnOf(publication), reason: "open" }] };
    expect(await violations(publicAuth, [publication], short)).toEqual([
      {
        urn: urnOf(publication),
        message: `${noAuth}\nSuppression for "${urnOf(publication)}" ignored: it needs a reason of at least 10 characters.`,
      },
    ]);
  });
});
