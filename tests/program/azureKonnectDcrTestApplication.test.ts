/**
 * AzureKonnectDcr's testApplication under setMocks: the exact children and their inputs (the Azure client owned by the
 * deployer and the admin app's service principal, v1 tokens, a secret on the admin secret's schedule; the team, the
 * application linked to the client on the component's strategy, a registration per API, the check), stable names,
 * the dependencies that order create and destroy, secret outputs, and the existingApplication rule.
 */
import type * as pulumi from "@pulumi/pulumi";
import { AzureKonnectDcr, type AzureKonnectDcrArgs } from "../../provider/components";
import { CREATION_KEY_INPUT } from "../../provider/resources/core/creationKey";
import {
  appearsInPlainText,
  guidFrom,
  MOCK_DEFAULTS,
  reveal,
  secretPaths,
  TYPES,
  type RecordedResource,
} from "./azureMocks";
import { captureOptions, dependsOnNames, inspect, optionsOf, useAzureMocks, valueOf } from "./helpers";

const NOW = Date.parse("2026-05-20T08:30:00Z");
// 90-day windows from the epoch: 2026-05-20 lies in the window starting 2026-03-08; + 180 days = 2026-09-04.
const WINDOW_START = "2026-03-08T00:00:00Z";
const END_DATE = "2026-09-04T00:00:00Z";
const API_A = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const API_B = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const OTHER_PORTAL = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f70819";
const TEAM = "2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819";
const ROUTE = "https://gateway.example.com/orders";
const { deployerObjectId: DEPLOYER, tenantId: TENANT } = MOCK_DEFAULTS;

const env = useAzureMocks(NOW);

const PUBLICATIONS: NonNullable<AzureKonnectDcrArgs["publications"]> = [
  { apiId: API_A, portalId: PORTAL, visibility: "public" },
  { apiId: API_B, portalId: PORTAL },
  { apiId: API_B, portalId: OTHER_PORTAL },
];

async function build(name: string, args: AzureKonnectDcrArgs) {
  const { transformation, captured } = captureOptions();
  const dcr = new AzureKonnectDcr(name, args, { transformations: [transformation] });
  await Promise.all(
    [dcr.urn, dcr.testApplicationId, dcr.testClientId, dcr.testClientSecret, dcr.authStrategyId].map((o) =>
      valueOf(o as pulumi.Output<unknown>),
    ),
  );
  return { dcr, captured };
}

/** Inputs without the serialized provider and the creation key, secrets revealed. */
function plainInputs(r: RecordedResource): Record<string, unknown> {
  const { __provider: provider, [CREATION_KEY_INPUT]: _key, ...rest } = r.inputs;
  expect(typeof provider).toBe("string");
  return reveal(rest);
}

const id = (type: string, name: string) => env.m.get(type, name).id!;

describe("AzureKonnectDcr testApplication", () => {
  test("the exact children: Azure client, team, application, a registration per API published there, check", async () => {
    await build("t", { publications: PUBLICATIONS, testApplication: { portalId: PORTAL, route: ROUTE } });
    const mine = env.m.resources.filter((r) => r.name.startsWith("t-test-"));
    expect(mine.map((r) => [r.type, r.name]).sort()).toEqual(
      [
        ["pulumi-konnect-dcr:azure:AzureDcrTestClient", "t-test-client"],
        [TYPES.application, "t-test-client-app"],
        [TYPES.servicePrincipal, "t-test-client-sp"],
        [TYPES.applicationPassword, "t-test-client-secret"],
        [TYPES.portalTeam, "t-test-team"],
        [TYPES.portalApplication, "t-test-application"],
        [TYPES.applicationRegistration, `t-test-registration-${API_A}`],
        [TYPES.applicationRegistration, `t-test-registration-${API_B}`],
        [TYPES.dcrRequestCheck, "t-test-check"],
      ].sort(),
    );
  });

  test("the Azure client: single tenant, v1 tokens, owned by the deployer and the admin app's service principal", async () => {
    await build("az", { publications: PUBLICATIONS, testApplication: { portalId: PORTAL } });
    const adminSp = env.m.get(TYPES.servicePrincipal, "az-azure-sp").state.objectId as string;
    expect(adminSp).toBe(guidFrom("servicePrincipal:az-azure-sp"));
    const owners = [DEPLOYER, adminSp];
    expect(env.m.get(TYPES.application, "az-test-client-app").inputs).toEqual({
      displayName: "az test application",
      notes: "Kong Konnect Dev Portal DCR test application client, managed by Pulumi (pulumi-konnect-dcr).",
      signInAudience: "AzureADMyOrg",
      owners,
      api: { requestedAccessTokenVersion: 1 },
    });
    expect(env.m.get(TYPES.servicePrincipal, "az-test-client-sp").inputs).toEqual({
      clientId: guidFrom("client:az-test-client-app"),
      owners,
    });
    // Same rotation schedule as the admin secret: both are replaced in the same up.
    const admin = env.m.get(TYPES.applicationPassword, "az-azure-secret").inputs;
    expect(env.m.get(TYPES.applicationPassword, "az-test-client-secret").inputs).toEqual({
      applicationId: `/applications/${guidFrom("application:az-test-client-app")}`,
      displayName: "konnect-dcr-test",
      endDate: END_DATE,
      rotateWhenChanged: { rotationWindow: WINDOW_START },
    });
    expect([admin.endDate, admin.rotateWhenChanged]).toEqual([END_DATE, { rotationWindow: WINDOW_START }]);
  });

  test("a rotation key rotates both secrets", async () => {
    await build("rot", {
      publications: PUBLICATIONS,
      secretRotationKey: "2026-q2",
      testApplication: { portalId: PORTAL },
    });
    for (const name of ["rot-azure-secret", "rot-test-client-secret"]) {
      expect(env.m.get(TYPES.applicationPassword, name).inputs.rotateWhenChanged).toEqual({
        rotationWindow: WINDOW_START,
        rotationKey: "2026-q2",
      });
    }
  });

  test("the Konnect children's inputs: team, application on the strategy linked to the client, registrations, check", async () => {
    await build("k", {
      publications: PUBLICATIONS,
      labels: { team: "platform" },
      region: "eu",
      testApplication: { portalId: PORTAL, route: ROUTE, resource: "api://orders", timeoutSeconds: 60 },
    });
    const strategyId = id(TYPES.authStrategy, "k-auth-strategy");
    const teamId = id(TYPES.portalTeam, "k-test-team");
    const applicationId = id(TYPES.portalApplication, "k-test-application");
    const clientId = guidFrom("client:k-test-client-app");
    expect(plainInputs(env.m.get(TYPES.portalTeam, "k-test-team"))).toEqual({
      portalId: PORTAL,
      name: "k test team (konnect-azure-dcr/test)",
      description: "Owns the test application of k (pulumi-konnect-dcr), managed by Pulumi.",
      canOwnApplications: true,
      region: "eu",
    });
    expect(plainInputs(env.m.get(TYPES.portalApplication, "k-test-application"))).toEqual({
      portalId: PORTAL,
      name: "k test application",
      description: "Test application: proves Dev Portal DCR end to end in pulumi up (pulumi-konnect-dcr).",
      labels: { "managed-by": "pulumi", team: "platform" },
      authStrategyId: strategyId,
      owner: { teamId },
      dcrClientId: clientId,
      region: "eu",
    });
    for (const api of [API_A, API_B]) {
      expect(plainInputs(env.m.get(TYPES.applicationRegistration, `k-test-registration-${api}`))).toEqual({
        portalId: PORTAL,
        applicationId,
        apiId: api,
        region: "eu",
      });
    }
    const password = env.m.get(TYPES.applicationPassword, "k-test-client-secret").state.value as string;
    const registrationIds = [API_A, API_B].map((api) =>
      id(TYPES.applicationRegistration, `k-test-registration-${api}`),
    );
    expect(plainInputs(env.m.get(TYPES.dcrRequestCheck, "k-test-check"))).toEqual({
      tenantId: TENANT,
      clientId,
      clientSecret: password,
      route: ROUTE,
      resource: "api://orders",
      timeoutSeconds: 60,
      triggers: {
        applicationId,
        authStrategyId: strategyId,
        registrations: registrationIds.map((r) => [r, "approved", MOCK_DEFAULTS.now]),
      },
    });
  });

  test("secrets: the check gets the client secret only as a secret; testClientSecret is a secret output", async () => {
    const { dcr } = await build("sec", { publications: PUBLICATIONS, testApplication: { portalId: PORTAL } });
    const password = String(env.m.get(TYPES.applicationPassword, "sec-test-client-secret").state.value);
    const check = env.m.get(TYPES.dcrRequestCheck, "sec-test-check");
    expect(secretPaths(check.inputs)).toEqual(["clientSecret"]);
    const leaks = env.m.resources.filter(
      (r) => r.type !== TYPES.applicationPassword && appearsInPlainText(r.inputs, password),
    );
    expect(leaks.map((r) => r.name)).toEqual([]);
    expect(await inspect(dcr.testClientSecret)).toEqual({ value: password, secret: true });
    expect(await inspect(dcr.testClientId)).toEqual({ value: guidFrom("client:sec-test-client-app"), secret: false });
    expect(await inspect(dcr.testApplicationId)).toEqual({
      value: guidFrom(`${TYPES.portalApplication}:sec-test-application`),
      secret: false,
    });
  });

  test("dependencies: create order and a destroy that deletes check, registrations, application, team, strategy", async () => {
    const { captured, dcr } = await build("ord", {
      publications: PUBLICATIONS,
      defaultForPortals: [PORTAL],
      testApplication: { portalId: PORTAL },
    });
    const registration = (api: string) => `ord-test-registration-${api}`;
    const publication = (api: string) => `ord-publication-${api}-${PORTAL}`;
    // Explicit dependencies; the rest are property dependencies (ids and client ids passed as inputs).
    expect(await dependsOnNames(optionsOf(captured, "ord-test-team"))).toEqual(["ord-auth-strategy"]);
    expect(await dependsOnNames(optionsOf(captured, registration(API_A)))).toEqual([publication(API_A)]);
    expect(await dependsOnNames(optionsOf(captured, registration(API_B)))).toEqual([publication(API_B)]);
    expect((await dependsOnNames(optionsOf(captured, "ord-test-check"))).sort()).toEqual(
      [
        "ord-test-application",
        registration(API_A),
        registration(API_B),
        publication(API_A),
        publication(API_B),
        `ord-portal-default-${PORTAL}`,
      ].sort(),
    );
    expect((optionsOf(captured, "ord-test-application") as pulumi.CustomResourceOptions).deleteBeforeReplace).toBe(
      true,
    );
    for (const child of ["ord-test-team", "ord-test-application", registration(API_A), "ord-test-check"]) {
      expect(optionsOf(captured, child).parent).toBe(dcr);
    }
    const application = env.m.get(TYPES.portalApplication, "ord-test-application").inputs;
    expect(application.authStrategyId).toBe(id(TYPES.authStrategy, "ord-auth-strategy"));
    expect(application.owner).toEqual({ teamId: id(TYPES.portalTeam, "ord-test-team") });
    // Registration order follows the dependencies.
    const order = env.m.resources.filter((r) => r.custom && r.name.startsWith("ord-")).map((r) => r.name);
    const at = (n: string) => order.indexOf(n);
    const pairs: [string, string][] = [
      ["ord-auth-strategy", "ord-test-application"],
      ["ord-test-team", "ord-test-application"],
      ["ord-test-client-app", "ord-test-application"],
      ["ord-azure-sp", "ord-test-client-app"],
      ["ord-test-application", registration(API_A)],
      [publication(API_A), registration(API_A)],
      [registration(API_B), "ord-test-check"],
      ["ord-test-client-secret", "ord-test-check"],
    ];
    for (const [before, after] of pairs) {
      expect([before, after, at(before) >= 0 && at(before) < at(after)]).toEqual([before, after, true]);
    }
  });

  test("names are stable: reordering apiIds and publications changes no child", async () => {
    await build("s1", { publications: PUBLICATIONS, testApplication: { portalId: PORTAL, apiIds: [API_A, API_B] } });
    await build("s2", {
      publications: [PUBLICATIONS[2]!, PUBLICATIONS[1]!, PUBLICATIONS[0]!],
      testApplication: { portalId: PORTAL, apiIds: [API_B, API_A] },
    });
    const names = (c: string) =>
      env.m.resources
        .filter((r) => r.name.startsWith(`${c}-test-`))
        .map((r) => r.name.slice(c.length))
        .sort();
    expect(names("s1")).toEqual(
      [
        "-test-check",
        "-test-application",
        "-test-client",
        "-test-client-app",
        "-test-client-secret",
        "-test-client-sp",
        `-test-registration-${API_A}`,
        `-test-registration-${API_B}`,
        "-test-team",
      ].sort(),
    );
    expect(names("s2")).toEqual(names("s1"));
  });

  test("a given owner: no team, the application owned by it; apiIds beyond the publications", async () => {
    await build("own", {
      publications: PUBLICATIONS,
      testApplication: { portalId: PORTAL, owner: { developerId: TEAM }, apiIds: [API_B], name: "smoke" },
    });
    expect(env.m.ofType(TYPES.portalTeam, "own-")).toEqual([]);
    const application = plainInputs(env.m.get(TYPES.portalApplication, "own-test-application"));
    expect([application.owner, application.name]).toEqual([{ developerId: TEAM }, "smoke"]);
    expect(env.m.get(TYPES.application, "own-test-client-app").inputs.displayName).toBe("smoke");
    expect(env.m.ofType(TYPES.applicationRegistration, "own-").map((r) => r.name)).toEqual([
      `own-test-registration-${API_B}`,
    ]);
  });

  test("without testApplication: no test children, undefined outputs", async () => {
    const { dcr } = await build("none", { publications: PUBLICATIONS });
    expect(env.m.resources.filter((r) => r.name.startsWith("none-test-"))).toEqual([]);
    expect(await valueOf(dcr.testApplicationId)).toBeUndefined();
    expect(await valueOf(dcr.testClientSecret)).toBeUndefined();
    expect(dcr.testRegistrations).toEqual([]);
  });

  test("existingApplication: the given service principal owns the client; without it the plan is refused", async () => {
    const existing = {
      tenantId: TENANT,
      clientId: "9e8d7c6b-5a49-4382-a716-0f1e2d3c4b5a",
      clientSecret: "byo8Q~not-a-real-secret-but-40-chars-xx",
    };
    const sp = "6b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    await build("byo", {
      existingApplication: existing,
      publications: PUBLICATIONS,
      testApplication: { portalId: PORTAL, adminServicePrincipalObjectId: sp },
    });
    expect(env.m.get(TYPES.application, "byo-test-client-app").inputs.owners).toEqual([DEPLOYER, sp]);
    expect(env.m.get(TYPES.applicationPassword, "byo-test-client-secret").inputs.rotateWhenChanged).toEqual({
      rotationWindow: WINDOW_START,
    });
    const { transformation, captured } = captureOptions();
    expect(
      () =>
        new AzureKonnectDcr(
          "byo-missing",
          { existingApplication: existing, publications: PUBLICATIONS, testApplication: { portalId: PORTAL } },
          { transformations: [transformation] },
        ),
    ).toThrow("testApplication.adminServicePrincipalObjectId: required with existingApplication");
    expect(captured.map((c) => c.name)).toEqual(["byo-missing"]);
  });

  test("an invalid testApplication is refused before any child is registered", () => {
    const { transformation, captured } = captureOptions();
    expect(
      () =>
        new AzureKonnectDcr(
          "bad",
          { publications: PUBLICATIONS, testApplication: { portalId: "00000000-0000-4000-8000-000000000000" } },
          { transformations: [transformation] },
        ),
    ).toThrow("testApplication.apiIds: this component publishes no API in portal");
    expect(captured.map((c) => c.name)).toEqual(["bad"]);
  });
});
