/**
 * `check` of PortalTeam, PortalApplication and ApplicationRegistration: each bad input gets the exact failure
 * (property and reason), good inputs pass unchanged, values still unknown during preview are accepted. Also the choice
 * row (`exactlyOne`) the application's owner is built on: checked, refused by the request schema, a union in the
 * public types.
 */
import type { PortalApplicationArgs } from "../../provider";
import { APPLICATION_FIELDS } from "../../provider/konnect/applications/fields";
import { valueSchema } from "../../provider/konnect/schemas";
import { checkApplicationRegistrationInputs } from "../../provider/resources/applicationRegistration/check";
import { checkPortalApplicationInputs } from "../../provider/resources/portalApplication/check";
import { checkPortalTeamInputs } from "../../provider/resources/portalTeam/check";
import { UNKNOWN } from "../../provider/resources/core/unknowns";

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const TEAM = "11111111-2222-4333-8444-555566667777";
const DEV = "22222222-3333-4444-8555-666677778888";
const STRATEGY = "33333333-4444-4555-8666-777788889999";
const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const APP = "44444444-5555-4666-8777-88889999aaaa";

type Failure = { property: string; reason: string };

/** Passes unchanged (with Pulumi's `__provider` handed back). */
function passes(check: (news: Record<string, unknown>) => { inputs: unknown; failures: Failure[] }) {
  return (inputs: Record<string, unknown>) => {
    const withProvider = { ...inputs, __provider: "serialized" };
    expect(check(withProvider)).toEqual({ inputs: withProvider, failures: [] });
  };
}

describe("PortalTeam check", () => {
  const good = { portalId: PORTAL, name: "Partners" };

  test.each<[string, Record<string, unknown>]>([
    ["minimal", good],
    ["everything", { ...good, description: "External partners", canOwnApplications: true, adopt: TEAM, region: "eu" }],
    ["250 characters", { ...good, name: "n".repeat(250), description: "d".repeat(250) }],
    ["unknown in preview", { portalId: UNKNOWN, name: UNKNOWN, canOwnApplications: UNKNOWN }],
  ])("%s passes unchanged", (_name, inputs) => passes(checkPortalTeamInputs)(inputs));

  test.each<[string, Record<string, unknown>, Failure[]]>([
    [
      "nothing",
      {},
      [
        { property: "portalId", reason: "required: the id (UUID) of the portal the team belongs to" },
        { property: "name", reason: "required: the team's name (1-250 characters)" },
      ],
    ],
    ["a portal that is not a UUID", { ...good, portalId: "dev" }, [{ property: "portalId", reason: "must be a UUID" }]],
    [
      "a name with a tab",
      { ...good, name: "a\tb" },
      [{ property: "name", reason: "must not contain control characters (such as NUL, tab or a line break)" }],
    ],
    ["a blank name", { ...good, name: "   " }, [{ property: "name", reason: "must not be only whitespace" }]],
    [
      "251 characters",
      { ...good, name: "n".repeat(251) },
      [{ property: "name", reason: "must be at most 250 characters" }],
    ],
    ["an empty description", { ...good, description: "" }, [{ property: "description", reason: "must not be empty" }]],
    [
      "a flag as text",
      { ...good, canOwnApplications: "yes" },
      [{ property: "canOwnApplications", reason: "must be true or false" }],
    ],
    ["adopt by name", { ...good, adopt: "Partners" }, [{ property: "adopt", reason: "must be a UUID" }]],
    [
      "adoptId (the old spelling is not this resource's)",
      { ...good, adoptId: TEAM },
      [
        {
          property: "adoptId",
          reason: "unknown property; expected one of portalId, name, description, canOwnApplications, adopt, region",
        },
      ],
    ],
    [
      "labels (teams have none)",
      { ...good, labels: {} },
      [
        {
          property: "labels",
          reason: "unknown property; expected one of portalId, name, description, canOwnApplications, adopt, region",
        },
      ],
    ],
  ])("%s", (_name, inputs, failures) => {
    expect(checkPortalTeamInputs(inputs).failures).toEqual(failures);
  });
});

describe("PortalApplication check", () => {
  const good = { portalId: PORTAL, name: "Orders client", authStrategyId: STRATEGY, owner: { teamId: TEAM } };

  test.each<[string, Record<string, unknown>]>([
    ["owned by a team", good],
    ["owned by a developer", { ...good, owner: { developerId: DEV } }],
    [
      "everything (DCR, linked client)",
      { ...good, description: "", labels: { env: "dev" }, dcrClientId: "0f6c2d4e-client", adopt: APP, region: "eu" },
    ],
    ["a client id without DCR", { ...good, clientId: "orders-client" }],
    ["the owner unknown in preview", { ...good, owner: UNKNOWN }],
    ["the team unknown in preview", { ...good, owner: { teamId: UNKNOWN } }],
  ])("%s passes unchanged", (_name, inputs) => passes(checkPortalApplicationInputs)(inputs));

  test.each<[string, Record<string, unknown>, Failure[]]>([
    [
      "nothing",
      {},
      [
        { property: "portalId", reason: "required: the id (UUID) of the portal the application belongs to" },
        { property: "name", reason: "required: the application's name (1-255 characters)" },
        { property: "authStrategyId", reason: "required: the id (UUID) of the auth strategy the application uses" },
        { property: "owner", reason: "required: the owner, { teamId } or { developerId }" },
      ],
    ],
    ["no owner key", { ...good, owner: {} }, [{ property: "owner", reason: "set exactly one of teamId, developerId" }]],
    [
      "both owner keys",
      { ...good, owner: { teamId: TEAM, developerId: DEV } },
      [{ property: "owner", reason: "set exactly one of teamId, developerId" }],
    ],
    [
      "both owner keys, one unknown in preview",
      { ...good, owner: { teamId: UNKNOWN, developerId: DEV } },
      [{ property: "owner", reason: "set exactly one of teamId, developerId" }],
    ],
    [
      "Konnect's wire shape",
      { ...good, owner: { type: "team", id: TEAM } },
      [
        { property: "owner.type", reason: "unknown property; expected one of teamId, developerId" },
        { property: "owner.id", reason: "unknown property; expected one of teamId, developerId" },
        { property: "owner", reason: "set exactly one of teamId, developerId" },
      ],
    ],
    [
      "a team id that is not a UUID",
      { ...good, owner: { teamId: "partners" } },
      [{ property: "owner.teamId", reason: "must be a UUID" }],
    ],
    ["an owner as text", { ...good, owner: TEAM }, [{ property: "owner", reason: "must be an object" }]],
    [
      "clientId with dcrClientId",
      { ...good, clientId: "a", dcrClientId: "b" },
      [
        {
          property: "clientId",
          reason:
            "set clientId (OpenID Connect strategies without DCR) or dcrClientId (DCR strategies), not both: Konnect " +
            "refuses clientId with DCR, and dcrClientId without it",
        },
      ],
    ],
    [
      "256 characters",
      { ...good, description: "d".repeat(256) },
      [{ property: "description", reason: "must be at most 255 characters" }],
    ],
    [
      "the creation label declared",
      { ...good, labels: { "pulumi-create-id": "x" } },
      [{ property: "labels.pulumi-create-id", reason: "reserved: set by pulumi-konnect-dcr on create" }],
    ],
    ["an empty client id", { ...good, dcrClientId: "" }, [{ property: "dcrClientId", reason: "must not be empty" }]],
  ])("%s", (_name, inputs, failures) => {
    expect(checkPortalApplicationInputs(inputs).failures).toEqual(failures);
  });
});

describe("ApplicationRegistration check", () => {
  const good = { portalId: PORTAL, applicationId: APP, apiId: API };

  test.each<[string, Record<string, unknown>]>([
    ["minimal", good],
    ...["approved", "pending", "rejected", "revoked"].map((status): [string, Record<string, unknown>] => [
      `status ${status}`,
      { ...good, status },
    ]),
    ["unknown in preview", { portalId: UNKNOWN, applicationId: UNKNOWN, apiId: UNKNOWN, status: UNKNOWN }],
  ])("%s passes unchanged", (_name, inputs) => passes(checkApplicationRegistrationInputs)(inputs));

  test.each<[string, Record<string, unknown>, Failure[]]>([
    [
      "nothing",
      {},
      [
        { property: "portalId", reason: "required: the id (UUID) of the portal the application belongs to" },
        { property: "applicationId", reason: "required: the id (UUID) of the portal application that registers" },
        { property: "apiId", reason: "required: the id (UUID) of the API to register for" },
      ],
    ],
    [
      "a status Konnect does not have",
      { ...good, status: "blocked" },
      [{ property: "status", reason: "must be one of approved, pending, rejected, revoked" }],
    ],
    ["an API by name", { ...good, apiId: "orders" }, [{ property: "apiId", reason: "must be a UUID" }]],
    [
      "adopt (a create finds the existing registration by itself)",
      { ...good, adopt: TEAM },
      [
        {
          property: "adopt",
          reason: "unknown property; expected one of portalId, applicationId, apiId, status, region",
        },
      ],
    ],
  ])("%s", (_name, inputs, failures) => {
    expect(checkApplicationRegistrationInputs(inputs).failures).toEqual(failures);
  });
});

describe("a choice row (exactlyOne): the application's owner", () => {
  const schema = valueSchema(APPLICATION_FIELDS.owner.value);

  it("the request schema takes exactly one key", () => {
    expect(schema.safeParse({ teamId: TEAM }).success).toBe(true);
    expect(schema.safeParse({ developerId: DEV }).success).toBe(true);
    for (const owner of [{}, { teamId: TEAM, developerId: DEV }]) {
      const parsed = schema.safeParse(owner);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(["set exactly one of teamId, developerId"]);
    }
  });

  it("the public type is a union: one key, never both", () => {
    const base = { portalId: PORTAL, name: "app", authStrategyId: STRATEGY };
    const team: PortalApplicationArgs = { ...base, owner: { teamId: TEAM } };
    const developer: PortalApplicationArgs = { ...base, owner: { developerId: DEV } };
    // @ts-expect-error -- both keys: not one of the union's members
    const both: PortalApplicationArgs = { ...base, owner: { teamId: TEAM, developerId: DEV } };
    expect([team, developer, both].map((args) => Object.keys(args.owner as object))).toEqual([
      ["teamId"],
      ["developerId"],
      ["teamId", "developerId"],
    ]);
  });
});
