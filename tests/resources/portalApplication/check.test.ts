/**
 * `check` of PortalApplication: each bad input gets the exact failure (property and reason), good inputs pass
 * unchanged, values still unknown during preview are accepted. Also the choice row (`exactlyOne`) the application's
 * owner is built on: checked, refused by the request schema, a union in the public types.
 */
import type { PortalApplicationArgs } from "../../../provider";
import { APPLICATION_FIELDS } from "../../../provider/konnect/applications/fields";
import { valueSchema } from "../../../provider/konnect/schemas";
import { checkPortalApplicationInputs } from "../../../provider/resources/portalApplication/check";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { APP, DEV, PORTAL, STRATEGY, TEAM } from "../../support/validInputs";
import { passes, type Failure } from "../unitSupport";

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
