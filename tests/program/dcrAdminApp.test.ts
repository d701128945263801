/**
 * AzureDcrAdminApp wiring under setMocks: exact child inputs and counts for the defaults and for each option.
 * The mocks answer like real azuread and reject what the real provider rejects (non-GUID object ids, a malformed
 * `applicationId`, an unknown Graph role), recording it in `errors`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { AzureDcrAdminApp, type AzureDcrAdminAppArgs } from "../../provider/azure";
import { createAzureMocks, GRAPH_APP_ID, guidFrom, INVOKES, MOCK_DEFAULTS, TYPES } from "./azureMocks";
import { captureOptions, inspect, optionsOf, useAzureMocks, valueOf } from "./helpers";

const NOW = Date.parse("2026-05-20T08:30:00Z");
const DAY = 86_400_000;
// 90-day windows from the epoch: 2026-05-20 lies in the window starting on day 20520 = 2026-03-08.
const WINDOW_START = "2026-03-08T00:00:00Z";
const END_DATE = "2026-09-04T00:00:00Z"; // WINDOW_START + 180 days
const OWNED_BY = "18a4783c-866b-4cc7-a460-3d5e5662c884";
const USER_READ = "e1fe6dd8-ba31-4d61-89e7-88639da4683d";
const READ_ALL = "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30";
const READWRITE_ALL = "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9";
const { tenantId: TENANT, deployerObjectId: DEPLOYER, graphServicePrincipalObjectId: GRAPH_SP } = MOCK_DEFAULTS;

const env = useAzureMocks(NOW);

/** Builds the component and waits until every child is registered. */
async function build(name: string, args?: AzureDcrAdminAppArgs, opts?: pulumi.ComponentResourceOptions) {
  const app = new AzureDcrAdminApp(name, args, opts);
  await Promise.all([
    valueOf(app.clientSecret),
    valueOf(app.servicePrincipalObjectId),
    valueOf(app.adminConsentUrl),
    valueOf(app.secretEndDate),
    valueOf(app.urn),
  ]);
  const children = (type: string) => env.m.ofType(type, `${name}-`);
  return { app, children };
}

describe("AzureDcrAdminApp defaults", () => {
  test("registers exactly one app, service principal, secret, role assignment and delegated grant", async () => {
    const { children } = await build("defaults");
    const component = env.m.resources.filter((r) => r.name === "defaults");
    expect(component.map((r) => [r.type, r.custom])).toEqual([["pulumi-konnect-dcr:azure:AzureDcrAdminApp", false]]);
    expect(children(TYPES.application).map((r) => r.name)).toEqual(["defaults-app"]);
    expect(children(TYPES.servicePrincipal).map((r) => r.name)).toEqual(["defaults-sp"]);
    expect(children(TYPES.appRoleAssignment).map((r) => r.name)).toEqual([
      "defaults-role-Application.ReadWrite.OwnedBy",
    ]);
    expect(children(TYPES.delegatedGrant).map((r) => r.name)).toEqual(["defaults-delegated-grant"]);
    expect(children(TYPES.applicationPassword).map((r) => r.name)).toEqual(["defaults-secret"]);
    expect(children(TYPES.dcrProvider)).toEqual([]);
  });

  test("the application is single tenant, v1 tokens, deployer-owned, least-privilege Graph permissions", async () => {
    await build("app");
    const app = env.m.get(TYPES.application, "app-app");
    expect(app.inputs).toEqual({
      displayName: "Konnect DCR (app)",
      notes: "Kong Konnect Dev Portal DCR initial client, managed by Pulumi (pulumi-konnect-dcr).",
      signInAudience: "AzureADMyOrg",
      owners: [DEPLOYER],
      preventDuplicateNames: false,
      api: { requestedAccessTokenVersion: 1 },
      requiredResourceAccesses: [
        {
          resourceAppId: GRAPH_APP_ID,
          resourceAccesses: [
            { id: OWNED_BY, type: "Role" },
            { id: USER_READ, type: "Scope" },
          ],
        },
      ],
    });
    expect(app.id).toBe(`/applications/${guidFrom("application:app-app")}`);
  });

  test("consent: the role assignment and the grant target Graph's looked-up service principal with object ids", async () => {
    await build("consent");
    const spObjectId = guidFrom("servicePrincipal:consent-sp");
    expect(env.m.get(TYPES.servicePrincipal, "consent-sp").inputs).toEqual({
      clientId: guidFrom("client:consent-app"),
      owners: [DEPLOYER],
    });
    expect(env.m.get(TYPES.appRoleAssignment, "consent-role-Application.ReadWrite.OwnedBy").inputs).toEqual({
      appRoleId: OWNED_BY,
      principalObjectId: spObjectId,
      resourceObjectId: GRAPH_SP,
    });
    expect(env.m.get(TYPES.delegatedGrant, "consent-delegated-grant").inputs).toEqual({
      servicePrincipalObjectId: spObjectId,
      resourceServicePrincipalObjectId: GRAPH_SP,
      claimValues: ["User.Read"],
    });
    // Graph's service principal is looked up by its well-known client id, never registered as a resource.
    expect(env.m.invokes.filter((i) => i.token === INVOKES.getServicePrincipal).at(-1)?.inputs).toEqual({
      clientId: GRAPH_APP_ID,
    });
    expect(env.m.resources.filter((r) => r.custom && r.id === `/servicePrincipals/${GRAPH_SP}`)).toEqual([]);
    expect(env.m.invokes.some((i) => i.token === INVOKES.getClientConfig)).toBe(true);
  });

  test("the client secret has an explicit, deterministic end date and a rotation window", async () => {
    await build("secret");
    const password = env.m.get(TYPES.applicationPassword, "secret-secret");
    expect(password.inputs).toEqual({
      applicationId: `/applications/${guidFrom("application:secret-app")}`,
      displayName: "konnect-dcr",
      endDate: END_DATE,
      rotateWhenChanged: { rotationWindow: WINDOW_START },
    });
    expect(password.id).toMatch(new RegExp(`^${guidFrom("application:secret-app")}/password/[0-9a-f-]{36}$`));
  });

  test("outputs: issuer without trailing slash, secret only as a secret, consent URL, ids", async () => {
    const { app } = await build("outs");
    const password = env.m.get(TYPES.applicationPassword, "outs-secret");
    const clientId = guidFrom("client:outs-app");
    expect(await inspect(app.issuer)).toEqual({ value: `https://sts.windows.net/${TENANT}`, secret: false });
    expect(await inspect(app.clientSecret)).toEqual({ value: password.state.value, secret: true });
    expect(password.state.value).toMatch(/^.{3}8Q~.{34}$/);
    expect(await valueOf(app.tenantId)).toBe(TENANT);
    expect(await valueOf(app.clientId)).toBe(clientId);
    expect(await valueOf(app.applicationObjectId)).toBe(guidFrom("application:outs-app"));
    expect(await valueOf(app.servicePrincipalObjectId)).toBe(guidFrom("servicePrincipal:outs-sp"));
    expect(await valueOf(app.secretEndDate)).toBe(END_DATE);
    expect(await valueOf(app.adminConsentUrl)).toBe(
      `https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${clientId}`,
    );
    expect(app.grantAdminConsent).toBe(true);
    expect(app.consentResources).toHaveLength(2);
  });

  test("the client secret output depends on the consent resources", async () => {
    const { app } = await build("deps");
    const resources = await (
      app.clientSecret as unknown as { allResources(): Promise<Set<pulumi.Resource>> }
    ).allResources();
    const names = await Promise.all([...resources].map((r) => valueOf(r.urn)));
    expect(names.map((u) => u.split("::").pop()).sort()).toEqual([
      "deps-delegated-grant",
      "deps-role-Application.ReadWrite.OwnedBy",
      "deps-secret",
    ]);
  });

  test("children are parented to the component and the secret keeps create-before-delete replacement", async () => {
    const { transformation, captured } = captureOptions();
    const { app } = await build("opts", {}, { transformations: [transformation] });
    expect(captured.map((c) => c.name)).toEqual([
      "opts",
      "opts-app",
      "opts-sp",
      "opts-role-Application.ReadWrite.OwnedBy",
      "opts-delegated-grant",
      "opts-secret",
    ]);
    for (const c of captured.slice(1)) expect(c.opts.parent).toBe(app);
    const secretOpts = optionsOf(captured, "opts-secret") as pulumi.CustomResourceOptions;
    expect(secretOpts.deleteBeforeReplace).toBeUndefined();
  });
});

describe("AzureDcrAdminApp options", () => {
  test("legacyGuide preset: four permissions in fixed order, three role assignments", async () => {
    const { children } = await build("legacy", { graphPermissionPreset: "legacyGuide" });
    expect(env.m.get(TYPES.application, "legacy-app").inputs.requiredResourceAccesses).toEqual([
      {
        resourceAppId: GRAPH_APP_ID,
        resourceAccesses: [
          { id: READ_ALL, type: "Role" },
          { id: READWRITE_ALL, type: "Role" },
          { id: OWNED_BY, type: "Role" },
          { id: USER_READ, type: "Scope" },
        ],
      },
    ]);
    expect(children(TYPES.appRoleAssignment).map((r) => [r.name, r.inputs.appRoleId])).toEqual([
      ["legacy-role-Application.Read.All", READ_ALL],
      ["legacy-role-Application.ReadWrite.All", READWRITE_ALL],
      ["legacy-role-Application.ReadWrite.OwnedBy", OWNED_BY],
    ]);
    expect(children(TYPES.delegatedGrant).map((r) => r.inputs.claimValues)).toEqual([["User.Read"]]);
  });

  test("explicit list in any order gives the same request as the legacy preset", async () => {
    await build("explicit", {
      graphPermissionPreset: "none",
      graphPermissions: [
        "User.Read",
        "Application.ReadWrite.OwnedBy",
        "Application.ReadWrite.All",
        "Application.Read.All",
      ],
    });
    expect(env.m.get(TYPES.application, "explicit-app").inputs.requiredResourceAccesses).toEqual(
      env.m.get(TYPES.application, "legacy-app").inputs.requiredResourceAccesses,
    );
  });

  test("only delegated permissions: no role assignment, one grant", async () => {
    const { children } = await build("scopes", { graphPermissionPreset: "none", graphPermissions: ["User.Read"] });
    expect(children(TYPES.appRoleAssignment)).toEqual([]);
    expect(children(TYPES.delegatedGrant).map((r) => r.inputs.claimValues)).toEqual([["User.Read"]]);
  });

  test("no permissions: nothing requested, nothing consented", async () => {
    const { app, children } = await build("bare", { graphPermissionPreset: "none" });
    expect(env.m.get(TYPES.application, "bare-app").inputs.requiredResourceAccesses).toEqual([]);
    expect(children(TYPES.appRoleAssignment)).toEqual([]);
    expect(children(TYPES.delegatedGrant)).toEqual([]);
    expect(app.consentResources).toEqual([]);
  });

  test("a custom permission is requested and consented with its own id", async () => {
    const userReadAll = { value: "User.Read.All", id: "DF021288-BDEF-4463-88DB-98F22DE89214", type: "Role" } as const;
    const { children } = await build("custom", { graphPermissions: [userReadAll] });
    expect(env.m.get(TYPES.application, "custom-app").inputs.requiredResourceAccesses).toEqual([
      {
        resourceAppId: GRAPH_APP_ID,
        resourceAccesses: [
          { id: OWNED_BY, type: "Role" },
          { id: "df021288-bdef-4463-88db-98f22de89214", type: "Role" },
          { id: USER_READ, type: "Scope" },
        ],
      },
    ]);
    expect(children(TYPES.appRoleAssignment).map((r) => r.inputs.appRoleId)).toEqual([
      OWNED_BY,
      "df021288-bdef-4463-88db-98f22de89214",
    ]);
  });

  test("grantAdminConsent false: no consent resources, no Graph lookup, consent URL still given", async () => {
    const lookupsBefore = env.m.invokes.filter((i) => i.token === INVOKES.getServicePrincipal).length;
    const { app, children } = await build("noconsent", { grantAdminConsent: false });
    expect(children(TYPES.appRoleAssignment)).toEqual([]);
    expect(children(TYPES.delegatedGrant)).toEqual([]);
    expect(children(TYPES.servicePrincipal)).toHaveLength(1);
    expect(children(TYPES.applicationPassword)).toHaveLength(1);
    expect(env.m.invokes.filter((i) => i.token === INVOKES.getServicePrincipal)).toHaveLength(lookupsBefore);
    expect(app.consentResources).toEqual([]);
    expect(app.grantAdminConsent).toBe(false);
    expect(await valueOf(app.adminConsentUrl)).toBe(
      `https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${guidFrom("client:noconsent-app")}`,
    );
    expect((await inspect(app.clientSecret)).secret).toBe(true);
  });

  test("extra owners are added after the deployer, duplicates dropped, on the app and its service principal", async () => {
    const other = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
    await build("owners", { owners: [other, DEPLOYER], displayName: "Konnect DCR prod", preventDuplicateNames: true });
    const app = env.m.get(TYPES.application, "owners-app");
    expect(app.inputs.owners).toEqual([DEPLOYER, other]);
    expect(app.inputs.displayName).toBe("Konnect DCR prod");
    expect(app.inputs.preventDuplicateNames).toBe(true);
    expect(env.m.get(TYPES.servicePrincipal, "owners-sp").inputs.owners).toEqual([DEPLOYER, other]);
  });

  test("custom lifetime and rotation period", async () => {
    await build("period", { secretLifetimeDays: 365, secretRotationDays: 30, secretDisplayName: "dcr" });
    // 30-day windows: 2026-05-20 lies in the window starting on day 20580 = 2026-05-07.
    expect(env.m.get(TYPES.applicationPassword, "period-secret").inputs).toEqual({
      applicationId: `/applications/${guidFrom("application:period-app")}`,
      displayName: "dcr",
      endDate: "2027-05-07T00:00:00Z",
      rotateWhenChanged: { rotationWindow: "2026-05-07T00:00:00Z" },
    });
  });

  test("explicit end date: no rotation window; a rotation key is the only trigger", async () => {
    await build("fixed", { secretEndDate: "2027-01-31T00:00:00Z" });
    await build("fixedkey", { secretEndDate: "2027-01-31T00:00:00Z", secretRotationKey: "2026-q1" });
    expect(env.m.get(TYPES.applicationPassword, "fixed-secret").inputs).toEqual({
      applicationId: `/applications/${guidFrom("application:fixed-app")}`,
      displayName: "konnect-dcr",
      endDate: "2027-01-31T00:00:00Z",
    });
    expect(env.m.get(TYPES.applicationPassword, "fixedkey-secret").inputs.rotateWhenChanged).toEqual({
      rotationKey: "2026-q1",
    });
  });

  test.each<[string, AzureDcrAdminAppArgs, string]>([
    ["lifetime equal to rotation", { secretLifetimeDays: 90, secretRotationDays: 90 }, "must exceed"],
    [
      "lifetime below rotation",
      { secretLifetimeDays: 30 },
      "secretLifetimeDays (30) must exceed secretRotationDays (90)",
    ],
    ["fractional days", { secretRotationDays: 1.5 }, "secretRotationDays: must be a whole number"],
    ["zero lifetime", { secretLifetimeDays: 0 }, "secretLifetimeDays: must be a whole number"],
    ["end date with a period", { secretEndDate: "2027-01-31T00:00:00Z", secretRotationDays: 30 }, "cannot be combined"],
    ["end date not RFC 3339", { secretEndDate: "31/01/2027" }, "secretEndDate: must be an RFC 3339 date-time"],
    ["unknown preset", { graphPermissionPreset: "all" as never }, 'unknown preset "all"'],
    ["unknown permission", { graphPermissions: ["Directory.ReadWrite.All" as never] }, "unknown permission"],
  ])("rejects %s", (_label, args, message) => {
    expect(() => new AzureDcrAdminApp("invalid", args)).toThrow(message);
  });
});

describe("AzureDcrAdminApp rotation", () => {
  test("changing the rotation key changes rotateWhenChanged, so the secret is replaced (new key id and value)", async () => {
    await build("rota", { secretRotationKey: "1" });
    const first = env.m.get(TYPES.applicationPassword, "rota-secret");
    // A second `pulumi up` of the same program with a new key: fresh mocks, same names.
    const second = createAzureMocks();
    env.monitor.use(second.mocks);
    try {
      const app = new AzureDcrAdminApp("rota", { secretRotationKey: "2" });
      await valueOf(app.clientSecret);
      const next = second.get(TYPES.applicationPassword, "rota-secret");
      expect(first.inputs.rotateWhenChanged).toEqual({ rotationWindow: WINDOW_START, rotationKey: "1" });
      expect(next.inputs.rotateWhenChanged).toEqual({ rotationWindow: WINDOW_START, rotationKey: "2" });
      expect({ ...next.inputs, rotateWhenChanged: undefined }).toEqual({
        ...first.inputs,
        rotateWhenChanged: undefined,
      });
      expect(next.state.keyId).not.toBe(first.state.keyId);
      expect(next.state.value).not.toBe(first.state.value);
      expect(second.errors).toEqual([]);
    } finally {
      env.monitor.use(env.m.mocks);
    }
  });

  test("the end date is stable within a rotation window and moves with the next window", async () => {
    const inputsAt = async (name: string, now: number) => {
      env.setNow(now);
      await build(name);
      return env.m.get(TYPES.applicationPassword, `${name}-secret`).inputs;
    };
    const early = await inputsAt("win1", Date.parse(WINDOW_START));
    const late = await inputsAt("win2", Date.parse(WINDOW_START) + 90 * DAY - 1);
    const next = await inputsAt("win3", Date.parse(WINDOW_START) + 90 * DAY);
    expect([early.endDate, early.rotateWhenChanged]).toEqual([END_DATE, { rotationWindow: WINDOW_START }]);
    expect([late.endDate, late.rotateWhenChanged]).toEqual([END_DATE, { rotationWindow: WINDOW_START }]);
    expect([next.endDate, next.rotateWhenChanged]).toEqual([
      "2026-12-03T00:00:00Z",
      { rotationWindow: "2026-06-06T00:00:00Z" },
    ]);
  });
});

describe("the mocks guard what real azuread rejects", () => {
  // Called directly: a failed registration under setMocks is an unhandled rejection that ends the jest worker.
  const register = (type: string, inputs: Record<string, unknown>) =>
    Promise.resolve().then(() => env.m.mocks.newResource({ type, name: "guard", inputs, custom: true }));

  afterEach(() => {
    env.m.errors.length = 0;
  });

  test.each<[string, string, Record<string, unknown>, string]>([
    [
      "a service principal path id as principalObjectId",
      TYPES.appRoleAssignment,
      { appRoleId: OWNED_BY, principalObjectId: `/servicePrincipals/${GRAPH_SP}`, resourceObjectId: GRAPH_SP },
      "AppRoleAssignment guard.principalObjectId: must be a GUID",
    ],
    [
      "an unknown Graph app role",
      TYPES.appRoleAssignment,
      { appRoleId: USER_READ, principalObjectId: DEPLOYER, resourceObjectId: GRAPH_SP },
      "is not a Microsoft Graph id",
    ],
    [
      "an object id as ApplicationPassword.applicationId",
      TYPES.applicationPassword,
      { applicationId: guidFrom("x"), endDate: END_DATE },
      "applicationId: must be /applications/<objectId>",
    ],
    [
      "an application path id as an owner",
      TYPES.application,
      { displayName: "x", owners: [`/applications/${guidFrom("x")}`] },
      "Application guard.owners[0]: must be a GUID",
    ],
    [
      "a scope GUID instead of a scope value in a grant",
      TYPES.delegatedGrant,
      { servicePrincipalObjectId: DEPLOYER, resourceServicePrincipalObjectId: GRAPH_SP, claimValues: [USER_READ] },
      "is not a Microsoft Graph scope value",
    ],
  ])("rejects %s", async (_label, type, inputs, message) => {
    await expect(register(type, inputs)).rejects.toThrow(message);
    expect(env.m.errors).toEqual([expect.stringContaining(message)]);
  });
});
