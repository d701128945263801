/**
 * PortalTeam, PortalApplication and ApplicationRegistration under setMocks: their type tokens, the inputs they
 * register (the application's creation key; none for the team and the registration), and the read-only outputs, an
 * output that is also an input (the application's `clientId`, the registration's `status`) kept as declared when
 * declared and filled by Konnect when not.
 */
import * as pulumi from "@pulumi/pulumi";
import * as konnect from "../../provider";
import { valueOf } from "./helpers";

const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const STRATEGY = "33333333-4444-4555-8666-777788889999";
const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];

/** What the mock "Konnect" fills in: the client id of a DCR application, the registration's status. */
const KONNECT_FILLS: Record<string, Record<string, unknown>> = {
  "pulumi-nodejs:dynamic/konnect:PortalApplication": { clientId: "made-by-konnect", registrationCount: 0 },
  "pulumi-nodejs:dynamic/konnect:ApplicationRegistration": { status: "approved" },
};

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const inputs = args.inputs as Record<string, unknown>;
        registered.push({ type: args.type, name: args.name, inputs });
        const fills = Object.entries(KONNECT_FILLS[args.type] ?? {}).filter(([key]) => inputs[key] === undefined);
        return { id: `${args.name}-id`, state: { ...inputs, ...Object.fromEntries(fills) } };
      },
      call: (args) => args.inputs as Record<string, unknown>,
    },
    "project",
    "stack",
    false,
  );
});

const inputsOf = (name: string) => registered.find((r) => r.name === name)!;

test("tokens, registered inputs and the outputs Konnect fills in", async () => {
  const team = new konnect.PortalTeam("team", { portalId: PORTAL, name: "Partners", canOwnApplications: true });
  const dcrApp = new konnect.PortalApplication("dcr-app", {
    portalId: PORTAL,
    name: "Orders client",
    authStrategyId: STRATEGY,
    owner: { teamId: team.id },
  });
  const selfManaged = new konnect.PortalApplication("self-managed-app", {
    portalId: PORTAL,
    name: "Orders (no DCR)",
    authStrategyId: STRATEGY,
    owner: { teamId: team.id },
    clientId: "declared-client",
  });
  const registration = new konnect.ApplicationRegistration("registration", {
    portalId: PORTAL,
    applicationId: dcrApp.id,
    apiId: API,
  });
  const revoked = new konnect.ApplicationRegistration("revoked", {
    portalId: PORTAL,
    applicationId: dcrApp.id,
    apiId: API,
    status: "revoked",
  });

  expect(await valueOf(dcrApp.clientId)).toBe("made-by-konnect");
  expect(await valueOf(selfManaged.clientId)).toBe("declared-client");
  expect(await valueOf(registration.status)).toBe("approved");
  expect(await valueOf(revoked.status)).toBe("revoked");
  expect(await valueOf(team.createdAt)).toBeUndefined();

  expect(registered.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
    "pulumi-nodejs:dynamic/konnect:ApplicationRegistration registration",
    "pulumi-nodejs:dynamic/konnect:ApplicationRegistration revoked",
    "pulumi-nodejs:dynamic/konnect:PortalApplication dcr-app",
    "pulumi-nodejs:dynamic/konnect:PortalApplication self-managed-app",
    "pulumi-nodejs:dynamic/konnect:PortalTeam team",
  ]);
  expect(inputsOf("self-managed-app").inputs).toMatchObject({
    clientId: "declared-client",
    owner: { teamId: "team-id" },
    __creationKey: expect.stringMatching(/^[0-9a-f]{40}$/),
  });
  expect(inputsOf("dcr-app").inputs.clientId).toBeUndefined();
  expect(inputsOf("revoked").inputs).toMatchObject({ applicationId: "dcr-app-id", status: "revoked" });
  for (const name of ["team", "registration"]) expect(inputsOf(name).inputs).not.toHaveProperty("__creationKey");
});
