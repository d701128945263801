/**
 * AzureKonnectDcr's Dev Portal end under setMocks: publications and portal defaults use the component's strategy,
 * are named from their ids (stable when the lists are reordered), depend on the strategy (so destroy removes them
 * first), carry the region, and bad lists fail before any child is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { AzureKonnectDcr, type AzureKonnectDcrArgs } from "../../provider/components";
import { reveal, TYPES, type RecordedResource } from "./azureMocks";
import { captureOptions, dependsOnNames, optionsOf, useAzureMocks, valueOf } from "./helpers";

const NOW = Date.parse("2026-05-20T08:30:00Z");
const API_A = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const API_B = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
const PORTAL_1 = "7710d5c4-d902-410b-992f-18b814155b53";
const PORTAL_2 = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f70819";

const env = useAzureMocks(NOW);

async function build(name: string, args: AzureKonnectDcrArgs) {
  const { transformation, captured } = captureOptions();
  const dcr = new AzureKonnectDcr(name, args, { transformations: [transformation] });
  await Promise.all([
    valueOf(dcr.urn),
    valueOf(dcr.authStrategyId),
    valueOf(dcr.publicationIds),
    ...dcr.portalDefaults.map((d) => valueOf(d.id)),
  ]);
  return { dcr, captured };
}

function plainInputs(r: RecordedResource): Record<string, unknown> {
  const { __provider: provider, ...rest } = r.inputs;
  expect(typeof provider).toBe("string");
  return reveal(rest);
}

/** Child name → plain inputs, with the component's name stripped from the child names. */
function childrenByName(component: string, type: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    env.m.ofType(type, `${component}-`).map((r) => [r.name.slice(component.length), plainInputs(r)]),
  );
}

const PUBLICATIONS: NonNullable<AzureKonnectDcrArgs["publications"]> = [
  { apiId: API_A, portalId: PORTAL_1, visibility: "public", autoApproveRegistrations: true },
  { apiId: API_B, portalId: PORTAL_1 },
  { apiId: API_A, portalId: PORTAL_2, adopt: true },
];

describe("AzureKonnectDcr publications and portal defaults", () => {
  test("every publication and portal default uses the component's strategy, named from its ids", async () => {
    const { dcr } = await build("dp", { publications: PUBLICATIONS, defaultForPortals: [PORTAL_2] });
    const strategyId = env.m.get(TYPES.authStrategy, "dp-auth-strategy").id;
    expect(childrenByName("dp", TYPES.apiPublication)).toEqual({
      [`-publication-${API_A}-${PORTAL_1}`]: {
        apiId: API_A,
        portalId: PORTAL_1,
        authStrategyIds: [strategyId],
        visibility: "public",
        autoApproveRegistrations: true,
      },
      [`-publication-${API_B}-${PORTAL_1}`]: { apiId: API_B, portalId: PORTAL_1, authStrategyIds: [strategyId] },
      [`-publication-${API_A}-${PORTAL_2}`]: {
        apiId: API_A,
        portalId: PORTAL_2,
        authStrategyIds: [strategyId],
        adopt: true,
      },
    });
    expect(childrenByName("dp", TYPES.portalDefault)).toEqual({
      [`-portal-default-${PORTAL_2}`]: { portalId: PORTAL_2, authStrategyId: strategyId },
    });
    expect(await valueOf(dcr.publicationIds)).toEqual([
      `${API_A}/${PORTAL_1}`,
      `${API_B}/${PORTAL_1}`,
      `${API_A}/${PORTAL_2}`,
    ]);
    expect(dcr.publications).toHaveLength(3);
    expect(await valueOf(dcr.portalDefaults[0]!.appliedAuthStrategyId)).toBe(strategyId);
  });

  test("reordering the lists keeps every child's name and inputs", async () => {
    await build("ord1", { publications: PUBLICATIONS, defaultForPortals: [PORTAL_1, PORTAL_2] });
    await build("ord2", {
      publications: [PUBLICATIONS[2]!, PUBLICATIONS[0]!, PUBLICATIONS[1]!],
      defaultForPortals: [PORTAL_2, PORTAL_1],
    });
    const strategy = (c: string) => String(env.m.get(TYPES.authStrategy, `${c}-auth-strategy`).id);
    const normalized = (c: string, type: string) =>
      JSON.parse(JSON.stringify(childrenByName(c, type)).split(strategy(c)).join("<strategy>")) as unknown;
    expect(normalized("ord2", TYPES.apiPublication)).toEqual(normalized("ord1", TYPES.apiPublication));
    expect(normalized("ord2", TYPES.portalDefault)).toEqual(normalized("ord1", TYPES.portalDefault));
    expect(Object.keys(normalized("ord1", TYPES.portalDefault) as object).sort()).toEqual(
      [`-portal-default-${PORTAL_1}`, `-portal-default-${PORTAL_2}`].sort(),
    );
  });

  test("upper-case ids name the same children as lower-case ones, and are sent as given", async () => {
    await build("case", { publications: [{ apiId: API_A.toUpperCase(), portalId: PORTAL_1.toUpperCase() }] });
    const [publication] = env.m.ofType(TYPES.apiPublication, "case-");
    expect(publication!.name).toBe(`case-publication-${API_A}-${PORTAL_1}`);
    expect(publication!.inputs.apiId).toBe(API_A.toUpperCase());
  });

  test("destroy order: publications and portal defaults depend on the strategy, the strategy on the DCR provider", async () => {
    const { captured, dcr } = await build("order", {
      publications: [PUBLICATIONS[0]!],
      defaultForPortals: [PORTAL_1],
    });
    const publicationName = `order-publication-${API_A}-${PORTAL_1}`;
    const defaultName = `order-portal-default-${PORTAL_1}`;
    expect(await dependsOnNames(optionsOf(captured, publicationName))).toEqual(["order-auth-strategy"]);
    expect(await dependsOnNames(optionsOf(captured, defaultName))).toEqual(["order-auth-strategy"]);
    expect(optionsOf(captured, publicationName).parent).toBe(dcr);
    expect(optionsOf(captured, defaultName).parent).toBe(dcr);
    // The strategy references the DCR provider by id: a property dependency, so the engine deletes it first.
    const strategy = env.m.get(TYPES.authStrategy, "order-auth-strategy");
    expect(strategy.inputs.dcrProviderId).toBe(env.m.get(TYPES.dcrProvider, "order-dcr-provider").id);
    // Registration order follows the dependencies: DCR provider, strategy, then the Dev Portal children.
    const order = env.m.resources.filter((r) => r.custom && r.name.startsWith("order-")).map((r) => r.name);
    const at = (n: string) => order.indexOf(n);
    expect(at("order-dcr-provider")).toBeLessThan(at("order-auth-strategy"));
    expect(at("order-auth-strategy")).toBeLessThan(at(publicationName));
    expect(at("order-auth-strategy")).toBeLessThan(at(defaultName));
  });

  test("the component's region goes to every Dev Portal child", async () => {
    await build("reg", { region: "eu", publications: [PUBLICATIONS[1]!], defaultForPortals: [PORTAL_1] });
    expect(env.m.ofType(TYPES.apiPublication, "reg-").map((r) => r.inputs.region)).toEqual(["eu"]);
    expect(env.m.ofType(TYPES.portalDefault, "reg-").map((r) => r.inputs.region)).toEqual(["eu"]);
  });

  test("without the lists there are no Dev Portal children", async () => {
    const { dcr } = await build("none", {});
    expect(env.m.ofType(TYPES.apiPublication, "none-")).toEqual([]);
    expect(env.m.ofType(TYPES.portalDefault, "none-")).toEqual([]);
    expect(await valueOf(dcr.publicationIds)).toEqual([]);
  });

  test.each<[string, AzureKonnectDcrArgs, string]>([
    [
      "an Output as an API id",
      { publications: [{ apiId: pulumi.output(API_A) as unknown as string, portalId: PORTAL_1 }] },
      "publications[0].apiId: must be a plain string UUID (it names the child resource, so it cannot be an Output or a Promise)",
    ],
    [
      "a portal id that is not a UUID",
      { publications: [{ apiId: API_A, portalId: "developer-portal" }] },
      'publications[0].portalId: must be a UUID, got "developer-portal"',
    ],
    [
      "the same publication twice (ids in other case)",
      { publications: [PUBLICATIONS[0]!, { apiId: API_A.toUpperCase(), portalId: PORTAL_1 }] },
      `publications[1]: publishes API ${API_A} to portal ${PORTAL_1} again (see publications[0])`,
    ],
    [
      "a portal listed twice",
      { defaultForPortals: [PORTAL_1, PORTAL_2, PORTAL_1] },
      `defaultForPortals[2]: portal ${PORTAL_1} is listed twice (see defaultForPortals[0])`,
    ],
    [
      "a portal id that is not a string",
      { defaultForPortals: [42 as unknown as string] },
      "defaultForPortals[0]: must be a plain string UUID",
    ],
  ])("rejects %s before registering any child", (_label, args, message) => {
    // Transformations run synchronously while each resource is constructed: the component itself, and no child.
    const { transformation, captured } = captureOptions();
    expect(() => new AzureKonnectDcr("invalid-dp", args, { transformations: [transformation] })).toThrow(message);
    expect(captured.map((c) => c.name)).toEqual(["invalid-dp"]);
  });
});
