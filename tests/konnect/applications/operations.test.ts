/**
 * The client operations of a portal's applications, with a recording transport: the paths under their parent, the
 * wire bodies built from the field table (the owner declared as `{ teamId }` or `{ developerId }` and sent as
 * `{ type, id }`), strict requests refused before anything is sent, and tolerant answers (both application shapes, null
 * and empty values, a credential type added later).
 */
import { createApplication, getApplication, listAllApplications, updateApplication } from "../../../provider/konnect";
import { APP, DEV, PORTAL, STRATEGY, TEAM } from "../../support/validInputs";
import { ISO, TIMES, page, recording, sentAs } from "../recording";

describe("applications", () => {
  const dcr = {
    id: APP,
    name: "Orders client",
    description: null,
    labels: { env: "dev", gone: null },
    client_id: "generated",
    registration_count: 1,
    dcr_provider: { id: DEV },
    portal: { id: PORTAL },
    auth_strategy: { id: STRATEGY, name: "Azure", credential_type: "client_credentials", auth_methods: ["bearer"] },
    granted_scopes: ["openid"],
    owner: { type: "team", id: TEAM },
    ...TIMES,
  };

  it("create sends the owner as { type, id } and the client fields by their wire names", async () => {
    const { transport, sent } = recording(dcr);
    const created = await createApplication(
      transport,
      { portalId: PORTAL },
      {
        name: "Orders client",
        labels: { env: "dev" },
        authStrategyId: STRATEGY,
        owner: { teamId: TEAM },
        dcrClientId: "azure-client",
      },
    );
    expect(sentAs(sent)).toEqual([
      {
        call: `POST /v3/portals/${PORTAL}/applications`,
        body: {
          name: "Orders client",
          labels: { env: "dev" },
          auth_strategy_id: STRATEGY,
          dcr_client_id: "azure-client",
          owner: { type: "team", id: TEAM },
        },
        query: undefined,
      },
    ]);
    expect(created).toEqual({
      id: APP,
      name: "Orders client",
      labels: { env: "dev" },
      authStrategyId: STRATEGY,
      credentialType: "client_credentials",
      owner: { type: "team", id: TEAM },
      clientId: "generated",
      dcrProviderId: DEV,
      grantedScopes: ["openid"],
      registrationCount: 1,
      portalId: PORTAL,
      createdAt: ISO,
      updatedAt: ISO,
    });
  });

  it("the PATCH carries the owner only", async () => {
    const { transport, sent } = recording(dcr);
    await updateApplication(transport, { portalId: PORTAL }, APP, { owner: { developerId: DEV } });
    expect(sentAs(sent)).toEqual([
      {
        call: `PATCH /v3/portals/${PORTAL}/applications/${APP}`,
        body: { owner: { type: "developer", id: DEV } },
        query: undefined,
      },
    ]);
    await expect(updateApplication(transport, { portalId: PORTAL }, APP, { name: "renamed" } as never)).rejects.toThrow(
      "unknown field(s) name",
    );
  });

  it("an owner with both keys, or none, never leaves the client", async () => {
    const { transport, sent } = recording(dcr);
    const base = { name: "app", authStrategyId: STRATEGY };
    for (const owner of [{ teamId: TEAM, developerId: DEV }, {}]) {
      await expect(createApplication(transport, { portalId: PORTAL }, { ...base, owner } as never)).rejects.toThrow(
        "owner: set exactly one of teamId, developerId",
      );
    }
    expect(sent).toEqual([]);
  });

  it("reads both shapes and a credential type added later; an empty client id is none; never a secret", async () => {
    const keyAuth = {
      id: APP,
      name: "keys",
      description: "d",
      labels: {},
      registration_count: 0,
      portal: { id: PORTAL },
      auth_strategy: { id: STRATEGY, name: "Keys", credential_type: "key_auth", key_names: ["apikey"] },
      owner: { type: "developer", id: DEV },
      ...TIMES,
    };
    const future = {
      ...dcr,
      client_id: "",
      dcr_provider: null,
      granted_scopes: null,
      auth_strategy: { id: STRATEGY, credential_type: "mtls" },
    };
    const { transport } = recording(keyAuth, page([future, dcr]));
    expect(await getApplication(transport, { portalId: PORTAL }, APP)).toEqual({
      id: APP,
      name: "keys",
      description: "d",
      labels: {},
      authStrategyId: STRATEGY,
      credentialType: "key_auth",
      owner: { type: "developer", id: DEV },
      registrationCount: 0,
      portalId: PORTAL,
      createdAt: ISO,
      updatedAt: ISO,
    });
    const listed = await listAllApplications(transport, { portalId: PORTAL }, { filter: { name: { eq: "x" } } });
    expect(listed.map((a) => [a.credentialType, a.clientId, a.dcrProviderId, a.grantedScopes])).toEqual([
      ["mtls", undefined, undefined, undefined],
      ["client_credentials", "generated", DEV, ["openid"]],
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/secret/i);
  });
});
