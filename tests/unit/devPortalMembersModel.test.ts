/**
 * Pure logic of PortalTeam, PortalApplication and ApplicationRegistration: the handlers' diff (no API call) over the
 * rows each table gives, the update bodies, the outputs built from Konnect's answers, and the messages a create gives
 * when it cannot proceed.
 */
import type { PortalApplication } from "../../provider/konnect";
import type {
  ApplicationRegistrationInputs,
  ApplicationRegistrationOutputs,
} from "../../provider/resources/applicationRegistration/args";
import {
  applicationRegistrationDefinition,
  createStatus,
  declaredStatus,
} from "../../provider/resources/applicationRegistration/definition";
import type {
  PortalApplicationInputs,
  PortalApplicationOutputs,
} from "../../provider/resources/portalApplication/args";
import { applicationOutputs, portalApplicationDefinition } from "../../provider/resources/portalApplication/definition";
import type { PortalTeamInputs, PortalTeamOutputs } from "../../provider/resources/portalTeam/args";
import { nameTakenMessage, portalTeamDefinition } from "../../provider/resources/portalTeam/definition";
import { handlers } from "../../provider/resources/runtime";
import { UNKNOWN } from "../../provider/resources/core/unknowns";

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const OTHER_PORTAL = "8810d5c4-d902-410b-992f-18b814155b53";
const TEAM = "11111111-2222-4333-8444-555566667777";
const DEV = "22222222-3333-4444-8555-666677778888";
const STRATEGY = "33333333-4444-4555-8666-777788889999";
const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const APP = "44444444-5555-4666-8777-88889999aaaa";
const ISO = "2026-12-04T10:00:00.000Z";
const where = { effectiveRegion: "us" as const, serverUrl: "https://us.api.konghq.com" };

/** What a handler's diff says: changed, and what replaces. */
async function changes(
  diff: (id: string, olds: never, news: never) => Promise<{ changes?: boolean; replaces?: string[] }>,
  olds: object,
  news: object,
) {
  const result = await diff("id", olds as never, news as never);
  return { changes: result.changes, replaces: result.replaces };
}

describe("PortalTeam", () => {
  const olds: PortalTeamOutputs = {
    portalId: PORTAL,
    name: "Partners",
    description: "External partners",
    canOwnApplications: true,
    createdAt: ISO,
    updatedAt: ISO,
    ...where,
  };
  const news: PortalTeamInputs = {
    portalId: PORTAL,
    name: "Partners",
    description: "External partners",
    canOwnApplications: true,
  };
  const diff = (o: object, n: object) => changes(handlers.portalTeam.diff.bind(handlers.portalTeam), o, n);

  test.each<[string, Partial<PortalTeamInputs> & Record<string, unknown>, { changes: boolean; replaces: string[] }]>([
    ["nothing changed", {}, { changes: false, replaces: [] }],
    ["the region it lives in, declared", { region: "us" }, { changes: false, replaces: [] }],
    ["a new name", { name: "Partners EU" }, { changes: true, replaces: [] }],
    ["a new description", { description: "EU partners" }, { changes: true, replaces: [] }],
    [
      "the description removed (Konnect cannot clear it: kept)",
      { description: undefined },
      { changes: false, replaces: [] },
    ],
    ["the flag turned off", { canOwnApplications: false }, { changes: true, replaces: [] }],
    ["another portal", { portalId: OTHER_PORTAL }, { changes: true, replaces: ["portalId"] }],
    ["another region", { region: "eu" }, { changes: true, replaces: ["region"] }],
    ["a name unknown in preview", { name: UNKNOWN }, { changes: true, replaces: [] }],
  ])("diff: %s", async (_name, change, expected) => {
    expect(await diff(olds, { ...news, ...change })).toEqual(expected);
  });

  test("an absent flag is false", async () => {
    const { canOwnApplications: _flag, ...rest } = news;
    expect(await diff({ ...olds, canOwnApplications: false }, rest)).toEqual({ changes: false, replaces: [] });
  });

  test("the update is one PATCH of the changed fields", () => {
    const plan = portalTeamDefinition.planUpdate(olds, { ...news, name: "Partners EU", canOwnApplications: false });
    expect(plan?.fields).toEqual(["name", "canOwnApplications"]);
    expect(portalTeamDefinition.planUpdate(olds, news)).toBeUndefined();
  });

  test("a team with the declared name stops the create, naming its id and adopt", () => {
    const holder = { id: TEAM, name: "Partners", canOwnApplications: false, createdAt: ISO, updatedAt: ISO };
    expect(nameTakenMessage(news, [holder])).toBe(
      `a team named "Partners" exists in portal ${PORTAL} already (id ${TEAM}). Teams carry no labels, so this ` +
        "resource cannot prove that an earlier, interrupted `up` made it rather than someone else. To manage it with " +
        `this resource, set adopt: "${TEAM}"; otherwise choose another name.`,
    );
    expect(nameTakenMessage(news, [holder, { ...holder, id: DEV }], "HTTP 502")).toBe(
      `the create's answer was lost (HTTP 502), and a team named "Partners" now exists in portal ${PORTAL} (ids ` +
        `${TEAM}, ${DEV}): most likely the one this create made. Teams carry no labels, so this resource cannot ` +
        "prove that an earlier, interrupted `up` made it rather than someone else. To manage it with this resource, " +
        "set adopt to one of these ids; otherwise choose another name.",
    );
  });
});

describe("PortalApplication", () => {
  const konnect = (extra: Partial<PortalApplication> = {}): PortalApplication => ({
    id: APP,
    name: "Orders client",
    labels: { env: "dev", "pulumi-create-id": "k".repeat(40), team: "set-in-the-ui" },
    authStrategyId: STRATEGY,
    credentialType: "client_credentials",
    owner: { type: "team", id: TEAM },
    clientId: "generated-by-konnect",
    dcrProviderId: DEV,
    grantedScopes: ["openid"],
    registrationCount: 2,
    portalId: PORTAL,
    createdAt: ISO,
    updatedAt: ISO,
    ...extra,
  });
  const news: PortalApplicationInputs = {
    portalId: PORTAL,
    name: "Orders client",
    labels: { env: "dev" },
    authStrategyId: STRATEGY,
    owner: { teamId: TEAM },
  };
  const olds: PortalApplicationOutputs = { ...applicationOutputs(news, konnect()), ...where };
  const diff = (o: object, n: object) =>
    changes(handlers.portalApplication.diff.bind(handlers.portalApplication), o, n);

  test("outputs: Konnect's client, provider and scopes; only the declared labels; the declared owner shape", () => {
    expect(applicationOutputs(news, konnect())).toEqual({
      portalId: PORTAL,
      name: "Orders client",
      labels: { env: "dev" },
      authStrategyId: STRATEGY,
      owner: { teamId: TEAM },
      clientId: "generated-by-konnect",
      dcrProviderId: DEV,
      grantedScopes: ["openid"],
      registrationCount: 2,
      createdAt: ISO,
      updatedAt: ISO,
    });
  });

  test("outputs keep the declared spelling of ids Konnect reports in lower case", () => {
    const upper = { ...news, authStrategyId: STRATEGY.toUpperCase(), owner: { teamId: TEAM.toUpperCase() } };
    const outs = applicationOutputs(upper, konnect());
    expect([outs.authStrategyId, outs.owner]).toEqual([STRATEGY.toUpperCase(), { teamId: TEAM.toUpperCase() }]);
  });

  test("outputs show an owner changed in Konnect, and an owner type unknown here as none", () => {
    expect(applicationOutputs(news, konnect({ owner: { type: "developer", id: DEV } })).owner).toEqual({
      developerId: DEV,
    });
    expect(applicationOutputs(news, konnect({ owner: { type: "organization", id: DEV } })).owner).toEqual({});
  });

  test.each<[string, Record<string, unknown>, { changes: boolean; replaces: string[] }]>([
    ["nothing changed", {}, { changes: false, replaces: [] }],
    ["the owner: another team", { owner: { teamId: DEV } }, { changes: true, replaces: [] }],
    ["the owner: a developer", { owner: { developerId: TEAM } }, { changes: true, replaces: [] }],
    ["the owner's id in upper case", { owner: { teamId: TEAM.toUpperCase() } }, { changes: false, replaces: [] }],
    ["the owner unknown in preview", { owner: { teamId: UNKNOWN } }, { changes: true, replaces: [] }],
    ["a new name", { name: "Orders" }, { changes: true, replaces: ["name"] }],
    ["a description", { description: "x" }, { changes: true, replaces: ["description"] }],
    ["an empty description (Konnect has none)", { description: "" }, { changes: false, replaces: [] }],
    ["a label value", { labels: { env: "prod" } }, { changes: true, replaces: ["labels"] }],
    ["labels removed", { labels: undefined }, { changes: true, replaces: ["labels"] }],
    ["the strategy", { authStrategyId: DEV }, { changes: true, replaces: ["authStrategyId"] }],
    ["the strategy id in upper case", { authStrategyId: STRATEGY.toUpperCase() }, { changes: false, replaces: [] }],
    ["a linked client", { dcrClientId: "azure-client" }, { changes: true, replaces: ["dcrClientId"] }],
    ["a declared client id", { clientId: "self-managed" }, { changes: true, replaces: ["clientId"] }],
    ["another portal", { portalId: OTHER_PORTAL }, { changes: true, replaces: ["portalId"] }],
  ])("diff: %s", async (_name, change, expected) => {
    expect(await diff(olds, { ...news, ...change })).toEqual(expected);
  });

  test("the client id Konnect made for a DCR application is not compared while undeclared", async () => {
    expect(olds.clientId).toBe("generated-by-konnect");
    expect(await diff(olds, news)).toEqual({ changes: false, replaces: [] });
  });

  test("a replacement deletes the old application first (a client id maps tokens to one application)", async () => {
    const result = await handlers.portalApplication.diff("id", olds, { ...news, name: "Orders" });
    expect(result.deleteBeforeReplace).toBe(true);
  });

  test("the update is one PATCH of the owner", () => {
    const plan = portalApplicationDefinition.planUpdate(olds, { ...news, owner: { developerId: DEV } });
    expect(plan?.fields).toEqual(["owner"]);
    expect(portalApplicationDefinition.planUpdate(olds, news)).toBeUndefined();
  });

  test("an existing application that differs in what Konnect cannot change is refused, naming each difference", () => {
    expect(() =>
      portalApplicationDefinition.planUpdate(olds, { ...news, name: "Orders", labels: { env: "prod" } }),
    ).toThrow(
      "portal application differs from the declared one in what Konnect cannot change (it changes only an " +
        'application\'s owner): name: Konnect has "Orders client", declared "Orders"; labels: Konnect has ' +
        '{"env":"dev"}, declared {"env":"prod"}. Declare what it holds, or let this resource create a new one ' +
        "(remove adopt, or delete that application)",
    );
  });

  test("refresh writes the declared view: a DCR application's client id is Konnect's, not an input", () => {
    const read = portalApplicationDefinition.inputsFromOutputs!(olds);
    expect(read).toEqual({ ...news, region: undefined } as never);
    expect(read).not.toHaveProperty("clientId");
    const selfManaged = { ...olds, dcrProviderId: undefined, clientId: "self-managed" };
    expect(portalApplicationDefinition.inputsFromOutputs!(selfManaged)).toHaveProperty("clientId", "self-managed");
  });
});

describe("ApplicationRegistration", () => {
  const news: ApplicationRegistrationInputs = { portalId: PORTAL, applicationId: APP, apiId: API };
  const olds: ApplicationRegistrationOutputs = {
    ...news,
    status: "approved",
    createdAt: ISO,
    updatedAt: ISO,
    ...where,
  };
  const diff = (o: object, n: object) =>
    changes(handlers.applicationRegistration.diff.bind(handlers.applicationRegistration), o, n);

  test.each<[string, object, object, { changes: boolean; replaces: string[] }]>([
    ["approved, declared by default", olds, news, { changes: false, replaces: [] }],
    [
      "revoked in the Dev Portal (seen by refresh)",
      { ...olds, status: "revoked" },
      news,
      { changes: true, replaces: [] },
    ],
    ["pending declared", olds, { ...news, status: "pending" }, { changes: true, replaces: [] }],
    ["another API", olds, { ...news, apiId: STRATEGY }, { changes: true, replaces: ["apiId"] }],
    ["another application", olds, { ...news, applicationId: TEAM }, { changes: true, replaces: ["applicationId"] }],
  ])("diff: %s", async (_name, o, n, expected) => {
    expect(await diff(o, n)).toEqual(expected);
  });

  test("a status change is one PATCH; a replacement deletes the old registration first", async () => {
    expect(applicationRegistrationDefinition.planUpdate(olds, { ...news, status: "revoked" })?.fields).toEqual([
      "status",
    ]);
    expect(
      (await handlers.applicationRegistration.diff("id", olds, { ...news, apiId: TEAM })).deleteBeforeReplace,
    ).toBe(true);
  });

  test.each<[ApplicationRegistrationInputs["status"], string, string]>([
    [undefined, "approved", "approved"],
    ["approved", "approved", "approved"],
    ["pending", "pending", "pending"],
    // A create cannot ask for these: posted as pending (no traffic either), then one PATCH.
    ["rejected", "rejected", "pending"],
    ["revoked", "revoked", "pending"],
  ])("declared %s: %s, created as %s", (status, declared, created) => {
    expect(declaredStatus({ status })).toBe(declared);
    expect(createStatus(declaredStatus({ status }))).toBe(created);
  });
});
