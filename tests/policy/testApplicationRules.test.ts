/**
 * The Dev Portal test application stack rules: konnect-test-client-owned-by-dcr-admin (the Azure client a portal
 * application links is owned by the DCR admin app's service principal) and konnect-test-application-production (no
 * test application in production stacks), with compliant and non-compliant stacks, the exact messages, unknowns in
 * preview and suppressions.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { createPolicies } from "../../examples/policy-pack/policies";
import {
  APPLICATION_TYPE,
  PORTAL_APPLICATION_TYPE,
  SERVICE_PRINCIPAL_TYPE,
} from "../../examples/policy-pack/lib/types";
import { adminApp, authStrategy, dcrProvider, graph, NOW, OWNED_BY_ROLE, PORTAL_ID } from "./fixtures";
import { runStack, UNKNOWN_ARRAY, UNKNOWN_STRING, urnOf, type TestResource } from "./harness";

const policies = createPolicies(() => NOW);

function stackPolicy(name: string): StackValidationPolicy {
  const found = policies.find((p) => p.name === name);
  if (!found || !("validateStack" in found)) throw new Error(`no stack policy ${name}`);
  return found;
}

const ownedByAdmin = stackPolicy("konnect-test-client-owned-by-dcr-admin");
const production = stackPolicy("konnect-test-application-production");

const DEPLOYER = "b0a8c6f2-1d3e-4f5a-9b7c-2e4d6f8a0c1e";
const ADMIN_CLIENT_ID = "11111111-2222-4333-8444-555555555555";
const ADMIN_SP_OBJECT_ID = "6b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
const TEST_CLIENT_ID = "9e8d7c6b-5a49-4382-a716-0f1e2d3c4b5a";

/**
 * A stack as AzureKonnectDcr with testApplication builds it, on `stack`: the admin app, its service principal, the
 * DCR provider and strategy fed by them, the test client owned (through a property dependency) by the admin SP, and
 * the portal application linking it. `preview` leaves the ids unknown; `client` overrides the test client.
 */
function testStack(
  options: { stack?: string; preview?: boolean; client?: Partial<TestResource>; clientProps?: object } = {},
) {
  const stack = options.stack ?? "dev";
  const unknown = options.preview === true;
  const admin = adminApp(unknown ? {} : { clientId: ADMIN_CLIENT_ID });
  admin.stack = stack;
  const adminSp: TestResource = {
    type: SERVICE_PRINCIPAL_TYPE,
    name: "konnect-dcr-admin-sp",
    stack,
    props: unknown
      ? { clientId: UNKNOWN_STRING }
      : { clientId: ADMIN_CLIENT_ID, objectId: ADMIN_SP_OBJECT_ID, owners: [DEPLOYER] },
    propertyDependencies: { clientId: [urnOf(admin)] },
  };
  const provider = dcrProvider(
    { dcrConfig: { initialClientId: unknown ? UNKNOWN_STRING : ADMIN_CLIENT_ID, initialClientSecret: "s" } },
    { stack, propertyDependencies: { dcrConfig: [urnOf(admin)] } },
  );
  const strategy = authStrategy(
    { dcrProviderId: UNKNOWN_STRING },
    { stack, propertyDependencies: { dcrProviderId: [urnOf(provider)] } },
  );
  const client: TestResource = {
    type: APPLICATION_TYPE,
    name: "dcr-test-client-app",
    stack,
    props: {
      displayName: "Konnect DCR test client",
      api: { requestedAccessTokenVersion: 1 },
      owners: unknown ? UNKNOWN_ARRAY : [DEPLOYER, ADMIN_SP_OBJECT_ID],
      ...(unknown ? {} : { clientId: TEST_CLIENT_ID }),
      ...options.clientProps,
    },
    propertyDependencies: { owners: [urnOf(adminSp)] },
    ...options.client,
  };
  const application: TestResource = {
    type: PORTAL_APPLICATION_TYPE,
    name: "dcr-test-application",
    stack,
    props: {
      portalId: PORTAL_ID,
      name: "dcr test application",
      authStrategyId: UNKNOWN_STRING,
      owner: { teamId: UNKNOWN_STRING },
      dcrClientId: unknown ? UNKNOWN_STRING : TEST_CLIENT_ID,
    },
    propertyDependencies: { authStrategyId: [urnOf(strategy)], dcrClientId: [urnOf(client)] },
  };
  return {
    admin,
    adminSp,
    provider,
    strategy,
    client,
    application,
    all: [admin, adminSp, provider, strategy, client, application],
  };
}

async function violations(policy: StackValidationPolicy, resources: TestResource[], config = {}) {
  return (await runStack(policy, resources, config)).violations;
}

describe("konnect-test-client-owned-by-dcr-admin", () => {
  it("is a mandatory stack policy", () => {
    expect(ownedByAdmin.enforcementLevel).toBe("mandatory");
    expect(ownedByAdmin.description).toBe(
      "An Azure client linked to a Dev Portal application (dcrClientId) is owned by the DCR admin app's service principal: with Application.ReadWrite.OwnedBy, Konnect reaches only applications that app owns.",
    );
  });

  it("accepts owners fed by the admin app's service principal, in preview and with the values known", async () => {
    expect(await violations(ownedByAdmin, testStack({ preview: true }).all)).toEqual([]);
    expect(await violations(ownedByAdmin, testStack().all)).toEqual([]);
    // Known values alone (no recorded dependency): the SP's objectId is in the owners.
    expect(await violations(ownedByAdmin, testStack({ client: { propertyDependencies: {} } }).all)).toEqual([]);
  });

  it("rejects a client owned by the deployer only, attached to the client", async () => {
    const { all, client } = testStack({ client: { propertyDependencies: {} }, clientProps: { owners: [DEPLOYER] } });
    expect(await violations(ownedByAdmin, all)).toEqual([
      {
        urn: urnOf(client),
        message:
          'Azure client "dcr-test-client-app", linked by portal application "dcr-test-application" (dcrClientId), is not owned by the DCR admin app\'s service principal "konnect-dcr-admin-sp": Konnect signs in as that app, and Application.ReadWrite.OwnedBy reaches only applications it owns, so the link fails. Add the service principal\'s objectId to the client\'s owners.',
      },
    ]);
  });

  it("rejects owners naming the admin app's client id instead of its service principal", async () => {
    const { all } = testStack({
      client: { propertyDependencies: {} },
      clientProps: { owners: [DEPLOYER, ADMIN_CLIENT_ID] },
    });
    expect((await violations(ownedByAdmin, all)).map((v) => v.message.slice(0, 40))).toEqual([
      'Azure client "dcr-test-client-app", link',
    ]);
  });

  it("takes the admin app behind the strategy's DCR provider, not another app with Graph roles", async () => {
    const { all } = testStack();
    const daemon: TestResource = {
      type: APPLICATION_TYPE,
      name: "daemon",
      props: { requiredResourceAccesses: graph(OWNED_BY_ROLE), clientId: "22222222-3333-4444-8555-666666666666" },
    };
    const daemonSp: TestResource = {
      type: SERVICE_PRINCIPAL_TYPE,
      name: "daemon-sp",
      props: { clientId: "22222222-3333-4444-8555-666666666666", objectId: "33333333-4444-4555-8666-777777777777" },
      propertyDependencies: { clientId: [urnOf(daemon)] },
    };
    // Owned by the daemon's SP only: the provider's admin app is still not an owner.
    const wrong = testStack({
      client: { propertyDependencies: { owners: [urnOf(daemonSp)] } },
      clientProps: { owners: [DEPLOYER, "33333333-4444-4555-8666-777777777777"] },
    }).all;
    const found = await violations(ownedByAdmin, [...wrong, daemon, daemonSp]);
    expect(found.map((v) => v.message)).toEqual([expect.stringContaining('service principal "konnect-dcr-admin-sp":')]);
    expect(await violations(ownedByAdmin, [...all, daemon, daemonSp])).toEqual([]);
  });

  it("without a provider link, any DCR admin app of the stack counts", async () => {
    const { admin, adminSp, client, application } = testStack({
      client: { propertyDependencies: {} },
      clientProps: { owners: [DEPLOYER] },
    });
    const unlinked = { ...application, propertyDependencies: { dcrClientId: [urnOf(client)] } };
    expect((await violations(ownedByAdmin, [admin, adminSp, client, unlinked])).map((v) => v.urn)).toEqual([
      urnOf(client),
    ]);
  });

  it("skips owners unknown in preview without a dependency, and clients or admin apps outside the stack", async () => {
    const preview = testStack({ preview: true, client: { propertyDependencies: {} } });
    expect(await violations(ownedByAdmin, preview.all)).toEqual([]);
    const { admin, adminSp, provider, strategy, client, application } = testStack({
      clientProps: { owners: [DEPLOYER] },
      client: { propertyDependencies: {} },
    });
    // No dcrClientId (Konnect creates the client), or a literal one of a client outside the stack.
    const own = { ...application, props: { ...application.props, dcrClientId: undefined }, propertyDependencies: {} };
    expect(await violations(ownedByAdmin, [admin, adminSp, provider, strategy, client, own])).toEqual([]);
    const outside = {
      ...application,
      props: { ...application.props, dcrClientId: "44444444-5555-4666-8777-888888888888" },
      propertyDependencies: {},
    };
    expect(await violations(ownedByAdmin, [admin, adminSp, provider, strategy, client, outside])).toEqual([]);
    // existingApplication: no admin app in the stack, nothing to compare with.
    const byo = { ...provider, propertyDependencies: {} };
    expect(await violations(ownedByAdmin, [byo, strategy, client, application])).toEqual([]);
  });

  it("is suppressed for the named client with a reason", async () => {
    const { all } = testStack({ client: { propertyDependencies: {} }, clientProps: { owners: [DEPLOYER] } });
    const config = {
      suppressions: [
        { resource: "dcr-test-client-app", reason: "Konnect's admin app holds Application.ReadWrite.All here." },
      ],
    };
    expect(await violations(ownedByAdmin, all, config)).toEqual([]);
  });
});

describe("konnect-test-application-production", () => {
  it("is an advisory stack policy with a production pattern", () => {
    expect(production.enforcementLevel).toBe("advisory");
    expect(production.description).toBe(
      "Production stacks hold no Dev Portal test application: its client secret, made by the stack, would be a standing credential for production APIs in the stack's state.",
    );
    expect(production.configSchema?.properties?.["productionStackPattern"]?.default).toBe("prod");
  });

  it("flags a test application in a production stack, attached to the application", async () => {
    const { all, application } = testStack({ stack: "prod" });
    expect(await violations(production, all)).toEqual([
      {
        urn: urnOf(application),
        message:
          'stack "prod" matches the production pattern /prod/ and portal application "dcr-test-application" is a test application: its Azure client "dcr-test-client-app" and the client\'s secret are made by this stack, so a working credential for the APIs it is registered for lives in the stack\'s state. Leave testApplication out of production stacks (prove DCR in a non-production stack), or suppress this rule with the reason.',
      },
    ]);
    expect((await violations(production, testStack({ stack: "prod", preview: true }).all)).length).toBe(1);
  });

  it("accepts other stacks, and applications whose client the stack does not make", async () => {
    expect(await violations(production, testStack({ stack: "dev" }).all)).toEqual([]);
    const { admin, adminSp, provider, strategy, application } = testStack({ stack: "prod" });
    const konnectMade = {
      ...application,
      props: { ...application.props, dcrClientId: undefined },
      propertyDependencies: {},
    };
    expect(await violations(production, [admin, adminSp, provider, strategy, konnectMade])).toEqual([]);
  });

  it("follows productionStackPattern (the default also matches preprod), and says when it is invalid", async () => {
    expect((await violations(production, testStack({ stack: "preprod" }).all)).length).toBe(1);
    const exact = { productionStackPattern: "^prod$" };
    expect(await violations(production, testStack({ stack: "preprod" }).all, exact)).toEqual([]);
    const { all, application } = testStack({ stack: "prod" });
    expect(await violations(production, all, { productionStackPattern: "(" })).toEqual([
      {
        urn: urnOf(application),
        message: 'policy config productionStackPattern "(" is not a valid regular expression.',
      },
    ]);
  });

  it("is suppressed for the named application with a reason", async () => {
    const config = {
      suppressions: [{ resource: "dcr-test-application", reason: "Smoke test after every production deployment." }],
    };
    expect(await violations(production, testStack({ stack: "prod" }).all, config)).toEqual([]);
  });
});
