/**
 * Pure logic of PortalApplication: the handlers' diff (no API call) over the rows its table gives, the update bodies,
 * the outputs built from Konnect's answers, and the messages a create gives when it cannot proceed.
 */
import type { PortalApplication } from "../../../provider/konnect";
import type {
  PortalApplicationInputs,
  PortalApplicationOutputs,
} from "../../../provider/resources/portalApplication/args";
import {
  applicationOutputs,
  portalApplicationDefinition,
} from "../../../provider/resources/portalApplication/definition";
import { handlers } from "../../../provider/resources/runtime";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { APP, DEV, OTHER_PORTAL, PORTAL, STRATEGY, TEAM } from "../../support/validInputs";
import { ISO, changes, where } from "../unitSupport";

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
