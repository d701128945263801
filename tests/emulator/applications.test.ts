import {
  DCR_BODIES,
  DEVELOPER_BODY,
  ISO_MS,
  KEY_AUTH_BODY,
  UUID,
  call,
  invalidParameters,
  oidcBody,
  problem,
  seedDcrTargets,
  pluck,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator({
  options: {
    unknownStrategyReferenceStatus: 400,
    createdClientOnDelete: "delete",
    linkedClientOnDelete: "keep",
    registrationPublicationCheck: "same-strategy",
  },
});

const MISSING = "00000000-0000-4000-8000-000000000000";
const apps = (portalId: string) => `/v3/portals/${portalId}/applications`;

/** A create body owned by a team, with a strategy. */
function appBody(teamId: string, strategyId: string, extra: Record<string, unknown> = {}) {
  return { name: "Orders client", auth_strategy_id: strategyId, owner: { type: "team", id: teamId }, ...extra };
}

function bodyIssue(field: string, rule: string, reason: string) {
  return { field, rule, reason, source: "body" };
}

describe("DCR applications (ClientCredentialsApplication)", () => {
  it("creates (201): Konnect registers a new client in the IdP, owned by the DCR admin app in the issuer's tenant", async () => {
    const t = seedDcrTargets(konnect);
    const created = await call(konnect, "POST", apps(t.portalId), appBody(t.teamId, t.strategyId));
    expect(created.status).toBe(201);
    expect(created.body).toStrictEqual({
      id: UUID,
      name: "Orders client",
      description: null,
      labels: {},
      client_id: UUID,
      registration_count: 0,
      portal: { id: t.portalId },
      auth_strategy: {
        id: t.strategyId,
        name: "Client Credentials",
        credential_type: "client_credentials",
        auth_methods: ["client_credentials", "bearer"],
      },
      dcr_provider: { id: t.dcrProviderId },
      granted_scopes: ["openid"],
      owner: { type: "team", id: t.teamId },
      created_at: ISO_MS,
      updated_at: created.body.created_at,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/secret/i);
    expect(konnect.idpClients()).toStrictEqual([
      {
        client_id: created.body.client_id,
        tenant_id: t.tenantId,
        display_name: "Orders client",
        owners: [t.adminClientId],
        created_by: "konnect",
        dcr_provider_id: t.dcrProviderId,
        secrets: [],
        created_at: ISO_MS,
      },
    ]);
    const path = `${apps(t.portalId)}/${created.id}`;
    expect(await call(konnect, "GET", path)).toMatchObject({ status: 200, body: created.body });
    expect(await call(konnect, "GET", `/v3/applications/${created.id}`)).toMatchObject({
      status: 200,
      body: created.body,
    });
    expect((await call(konnect, "GET", `/eu/v3/applications/${created.id}`)).status).toBe(404);
  });

  it("links an existing client with dcr_client_id when the provider's admin app owns it (no new IdP client)", async () => {
    const t = seedDcrTargets(konnect);
    const client = konnect.registerIdpClient({ tenant_id: t.tenantId, owners: ["someone", t.adminClientId] });
    const created = await call(
      konnect,
      "POST",
      apps(t.portalId),
      appBody(t.teamId, t.strategyId, { dcr_client_id: client.client_id, description: "imported" }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      client_id: client.client_id,
      description: "imported",
      dcr_provider: { id: t.dcrProviderId },
    });
    expect(konnect.idpClients().map((c) => c.client_id)).toStrictEqual([client.client_id]);
    expect(konnect.get("applications", created.id)).toMatchObject({ idp_client: "linked" });
  });

  it("refuses (400 naming dcr_client_id) a client that is unknown, not owned by the admin app or in another tenant", async () => {
    const t = seedDcrTargets(konnect);
    const notOwned = konnect.registerIdpClient({ tenant_id: t.tenantId, owners: ["another-admin"] });
    const otherTenant = konnect.registerIdpClient({ tenant_id: "other-tenant", owners: [t.adminClientId] });
    for (const clientId of ["no-such-client", notOwned.client_id, otherTenant.client_id]) {
      const answer = await call(
        konnect,
        "POST",
        apps(t.portalId),
        appBody(t.teamId, t.strategyId, { dcr_client_id: clientId }),
      );
      expect(answer.body).toStrictEqual(
        invalidParameters([
          bodyIssue(
            "dcr_client_id",
            "invalid",
            `client [${clientId}] does not resolve to a Microsoft Entra application that DCR provider ` +
              `[${t.dcrProviderId}] can access with its credentials`,
          ),
        ]),
      );
    }
    expect(konnect.list("applications")).toStrictEqual([]);
    expect(konnect.idpClients()).toHaveLength(2);
  });

  it("accepts any dcr_client_id for a non-Azure provider (the spec: it may be created and not work)", async () => {
    const t = seedDcrTargets(konnect);
    const okta = konnect.seedDcrProvider(DCR_BODIES.okta);
    const strategy = konnect.seedAuthStrategy(oidcBody(okta.id));
    const created = await call(
      konnect,
      "POST",
      apps(t.portalId),
      appBody(t.teamId, strategy.id, { dcr_client_id: "unknown-to-the-idp" }),
    );
    expect(created.status).toBe(201);
    expect(created.body.client_id).toBe("unknown-to-the-idp");
    const fresh = await call(konnect, "POST", apps(t.portalId), appBody(t.teamId, strategy.id));
    expect(fresh.body.client_id).toMatch(/^[a-z0-9]{20}$/);
    expect(konnect.getIdpClient(fresh.body.client_id as string)).toMatchObject({ tenant_id: null, owners: [] });
  });
});

describe("other strategy types", () => {
  it("answers a KeyAuthApplication (no client_id, dcr_provider or granted_scopes) for a key-auth strategy", async () => {
    const t = seedDcrTargets(konnect);
    const strategy = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const created = await call(konnect, "POST", apps(t.portalId), appBody(t.teamId, strategy.id));
    expect(created.body).toStrictEqual({
      id: UUID,
      name: "Orders client",
      description: null,
      labels: {},
      registration_count: 0,
      portal: { id: t.portalId },
      auth_strategy: { id: strategy.id, name: "API Key", credential_type: "key_auth", key_names: ["apikey"] },
      owner: { type: "team", id: t.teamId },
      created_at: ISO_MS,
      updated_at: ISO_MS,
    });
    expect(konnect.idpClients()).toStrictEqual([]);
  });

  it("answers self_managed_client_credentials with the sent client_id for an OIDC strategy without DCR", async () => {
    const t = seedDcrTargets(konnect);
    const strategy = konnect.seedAuthStrategy(oidcBody());
    const created = await call(
      konnect,
      "POST",
      apps(t.portalId),
      appBody(t.teamId, strategy.id, { client_id: "z5Ul9d8f0h3kL0j2p4q0" }),
    );
    expect(created.body).toMatchObject({
      client_id: "z5Ul9d8f0h3kL0j2p4q0",
      dcr_provider: null,
      granted_scopes: null,
      auth_strategy: { credential_type: "self_managed_client_credentials" },
    });
  });

  it("checks client_id and dcr_client_id against the strategy type (400)", async () => {
    const t = seedDcrTargets(konnect);
    const keyAuth = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const plainOidc = konnect.seedAuthStrategy(oidcBody());
    const post = (strategyId: string, extra: Record<string, unknown>) =>
      call(konnect, "POST", apps(t.portalId), appBody(t.teamId, strategyId, extra));
    expect((await post(t.strategyId, { client_id: "x" })).body.invalid_parameters).toStrictEqual([
      bodyIssue("client_id", "invalid", "cannot be set when using Dynamic Client Registration"),
    ]);
    expect((await post(keyAuth.id, { client_id: "x", dcr_client_id: "y" })).body.invalid_parameters).toStrictEqual([
      bodyIssue("client_id", "invalid", "cannot be set with a key-auth strategy"),
      bodyIssue("dcr_client_id", "invalid", "cannot be set with a key-auth strategy"),
    ]);
    expect((await post(plainOidc.id, { dcr_client_id: "y" })).body.invalid_parameters).toStrictEqual([
      bodyIssue("dcr_client_id", "invalid", "can only be set with a DCR auth strategy"),
      bodyIssue("client_id", "required", "is a required field for a strategy without DCR"),
    ]);
    expect(konnect.list("applications")).toStrictEqual([]);
  });
});

describe("validation (CreateApplicationRequest, additionalProperties false)", () => {
  it("lists every problem: required name and owner, unknown keys, types, formats and lengths", async () => {
    const t = seedDcrTargets(konnect);
    const missing = await call(konnect, "POST", apps(t.portalId), { client_secret: "x" });
    expect(missing.body).toStrictEqual(
      invalidParameters([
        bodyIssue("client_secret", "unknown_property", "is an unknown property"),
        bodyIssue("name", "required", "is a required field"),
        bodyIssue("owner", "required", "is a required field"),
      ]),
    );
    const bad = await call(konnect, "POST", apps(t.portalId), {
      name: "n".repeat(256),
      description: "d".repeat(256),
      auth_strategy_id: "not-a-uuid",
      dcr_client_id: 5,
      labels: { kong_env: "x" },
      owner: { type: "organization", id: "nope", extra: 1 },
    });
    expect(bad.body.invalid_parameters).toStrictEqual([
      {
        field: "name",
        rule: "max_length",
        maximum: 255,
        reason: "must not have more than 255 characters",
        source: "body",
      },
      {
        field: "description",
        rule: "max_length",
        maximum: 255,
        reason: "must not have more than 255 characters",
        source: "body",
      },
      bodyIssue("labels.kong_env", "is_label", 'label keys cannot start with "kong", "konnect", "mesh", "kic", or "_"'),
      bodyIssue("auth_strategy_id", "is_uuid", "must be a valid UUID"),
      bodyIssue("dcr_client_id", "is_string", "must be a string"),
      bodyIssue("owner.extra", "unknown_property", "is an unknown property"),
      {
        field: "owner.type",
        rule: "enum",
        choices: ["developer", "team"],
        reason: "must be one of: developer, team",
        source: "body",
      },
      bodyIssue("owner.id", "is_uuid", "must be a valid UUID"),
    ]);
    expect(konnect.list("applications")).toStrictEqual([]);
  });

  it("stores labels (null values set nothing on a create) and answers 404 for an unknown portal", async () => {
    const t = seedDcrTargets(konnect);
    const created = await call(
      konnect,
      "POST",
      apps(t.portalId),
      appBody(t.teamId, t.strategyId, { labels: { env: "test", gone: null } }),
    );
    expect(created.body.labels).toStrictEqual({ env: "test" });
    const nullLabels = await call(konnect, "POST", apps(t.portalId), appBody(t.teamId, t.strategyId, { labels: null }));
    expect(nullLabels.body.labels).toStrictEqual({});
    const unknownPortal = await call(konnect, "POST", apps(MISSING), appBody(t.teamId, t.strategyId));
    expect(unknownPortal.body).toStrictEqual(problem(404, "Not Found", "Not Found"));
    expect((await call(konnect, "GET", apps(MISSING))).status).toBe(404);
  });
});

describe("auth strategy of a create", () => {
  it("takes the portal's default strategy when auth_strategy_id is left out", async () => {
    const t = seedDcrTargets(konnect);
    konnect.updateStored("portals", t.portalId, { default_application_auth_strategy_id: t.strategyId });
    const { auth_strategy_id: _left, ...body } = appBody(t.teamId, t.strategyId);
    const created = await call(konnect, "POST", apps(t.portalId), body);
    expect(created.body.auth_strategy.id).toBe(t.strategyId);
  });

  it("answers 400 without a strategy and a portal default, and the configured answer for an unknown strategy", async () => {
    const t = seedDcrTargets(konnect);
    const { auth_strategy_id: _left, ...body } = appBody(t.teamId, t.strategyId);
    expect((await call(konnect, "POST", apps(t.portalId), body)).body.invalid_parameters).toStrictEqual([
      bodyIssue(
        "auth_strategy_id",
        "required",
        "is a required field (the portal has no default application auth strategy)",
      ),
    ]);
    const unknown = await call(konnect, "POST", apps(t.portalId), appBody(t.teamId, MISSING));
    expect(unknown.body.invalid_parameters).toStrictEqual([
      bodyIssue("auth_strategy_id", "missing_reference", `application auth strategy [${MISSING}] does not exist`),
    ]);
    konnect.setOptions({ unknownStrategyReferenceStatus: 404 });
    expect((await call(konnect, "POST", apps(t.portalId), appBody(t.teamId, MISSING))).status).toBe(404);
  });
});

describe("owner rules", () => {
  it("needs a team of this portal that can own applications, or a developer of this portal (400 on owner.id)", async () => {
    const t = seedDcrTargets(konnect);
    const other = konnect.seedPortal({ name: "other" });
    const foreignTeam = konnect.seedTeam(other.id, { name: "x", can_own_applications: true });
    const cannotOwn = konnect.seedTeam(t.portalId, { name: "readers" });
    const post = (owner: object) =>
      call(konnect, "POST", apps(t.portalId), { ...appBody(t.teamId, t.strategyId), owner });
    for (const id of [MISSING, foreignTeam.id]) {
      expect((await post({ type: "team", id })).body.invalid_parameters).toStrictEqual([
        bodyIssue("owner.id", "missing_reference", `team [${id}] does not exist in portal [${t.portalId}]`),
      ]);
    }
    expect((await post({ type: "team", id: cannotOwn.id })).body.invalid_parameters).toStrictEqual([
      bodyIssue(
        "owner.id",
        "invalid",
        `team [${cannotOwn.id}] cannot own applications (can_own_applications is false)`,
      ),
    ]);
    expect((await post({ type: "developer", id: MISSING })).body.invalid_parameters).toStrictEqual([
      bodyIssue("owner.id", "missing_reference", `developer [${MISSING}] does not exist in portal [${t.portalId}]`),
    ]);
    expect(konnect.list("applications")).toStrictEqual([]);
    expect(konnect.idpClients()).toStrictEqual([]);
    const developer = konnect.seedDeveloper(t.portalId, DEVELOPER_BODY);
    const owned = await post({ type: "developer", id: developer.id });
    expect(owned.status).toBe(201);
    expect(owned.body.owner).toStrictEqual({ type: "developer", id: developer.id });
  });

  it("PATCH changes the owner only (200, updated_at bumped); other fields are unknown properties", async () => {
    const t = seedDcrTargets(konnect);
    const application = konnect.seedApplication(t.portalId, appBody(t.teamId, t.strategyId));
    const developer = konnect.seedDeveloper(t.portalId, DEVELOPER_BODY);
    const path = `${apps(t.portalId)}/${application.id}`;
    const patched = await call(konnect, "PATCH", path, { owner: { type: "developer", id: developer.id } });
    expect(patched.status).toBe(200);
    expect(patched.body.owner).toStrictEqual({ type: "developer", id: developer.id });
    expect(patched.body.updated_at > application.updated_at).toBe(true);
    expect(patched.body.client_id).toBe(application.client_id);
    const refused = await call(konnect, "PATCH", path, { name: "x", labels: {}, owner: { type: "team", id: MISSING } });
    expect(refused.body.invalid_parameters).toStrictEqual([
      bodyIssue("name", "unknown_property", "is an unknown property"),
      bodyIssue("labels", "unknown_property", "is an unknown property"),
    ]);
    const unknownOwner = await call(konnect, "PATCH", path, { owner: { type: "team", id: MISSING } });
    expect(unknownOwner.body.invalid_parameters[0].field).toBe("owner.id");
    expect((await call(konnect, "PATCH", path, {})).body.owner).toStrictEqual({ type: "developer", id: developer.id });
  });
});

describe("list", () => {
  it("pages, filters by name, team_id and developer_id, sorts by name and answers 400 for unknown sorts", async () => {
    const t = seedDcrTargets(konnect);
    const developer = konnect.seedDeveloper(t.portalId, DEVELOPER_BODY);
    for (const name of ["b-app", "a-app", "c-app"]) {
      konnect.seedApplication(t.portalId, { ...appBody(t.teamId, t.strategyId), name });
    }
    konnect.seedApplication(t.portalId, {
      ...appBody(t.teamId, t.strategyId),
      name: "dev-app",
      owner: { type: "developer", id: developer.id },
    });
    const names = async (query: string) => pluck(await call(konnect, "GET", `${apps(t.portalId)}?${query}`), "name");
    expect(await names("page[size]=2&page[number]=2")).toStrictEqual(["c-app", "dev-app"]);
    expect(await names("filter[name][contains]=-app&sort=name desc&page[size]=3")).toStrictEqual([
      "dev-app",
      "c-app",
      "b-app",
    ]);
    expect(await names(`filter[team_id]=${t.teamId}&sort=name`)).toStrictEqual(["a-app", "b-app", "c-app"]);
    expect(await names(`filter[developer_id][eq]=${developer.id}`)).toStrictEqual(["dev-app"]);
    const badSort = await call(konnect, "GET", `${apps(t.portalId)}?sort=updated_at`);
    expect(badSort.body.invalid_parameters).toStrictEqual([
      {
        field: "sort",
        rule: "enum",
        choices: ["created_at", "developer_id", "name"],
        reason: "must sort by: created_at, developer_id, name",
        source: "query",
      },
    ]);
    const meta = (await call(konnect, "GET", apps(t.portalId))).body.meta;
    expect(meta).toStrictEqual({ page: { number: 1, size: 10, total: 4 } });
  });
});

describe("delete", () => {
  it("deletes (204) with its registrations [SPEC]; a Konnect-created client goes too (createdClientOnDelete)", async () => {
    const t = seedDcrTargets(konnect);
    const application = konnect.seedApplication(t.portalId, appBody(t.teamId, t.strategyId));
    konnect.seedRegistration(t.portalId, application.id, { api_id: t.apiId });
    const path = `${apps(t.portalId)}/${application.id}`;
    expect((await call(konnect, "DELETE", path)).status).toBe(204);
    expect((await call(konnect, "GET", path)).status).toBe(404);
    expect(konnect.list("application-registrations")).toStrictEqual([]);
    expect(konnect.getIdpClient(application.client_id!)).toBeUndefined();
    const registrations = await call(konnect, "GET", `/v3/portals/${t.portalId}/application-registrations`);
    expect(registrations.body.data).toStrictEqual([]);
  });

  it("createdClientOnDelete keep leaves the Konnect-created client in the IdP", async () => {
    konnect.setOptions({ createdClientOnDelete: "keep" });
    const t = seedDcrTargets(konnect);
    const application = konnect.seedApplication(t.portalId, appBody(t.teamId, t.strategyId));
    expect((await call(konnect, "DELETE", `${apps(t.portalId)}/${application.id}`)).status).toBe(204);
    expect(konnect.getIdpClient(application.client_id!)).toMatchObject({ created_by: "konnect" });
  });

  it("keeps a dcr_client_id-linked client by default and deletes it with linkedClientOnDelete delete", async () => {
    const t = seedDcrTargets(konnect);
    const link = () => {
      const client = konnect.registerIdpClient({ owners: [t.adminClientId] });
      const application = konnect.seedApplication(
        t.portalId,
        appBody(t.teamId, t.strategyId, { dcr_client_id: client.client_id }),
      );
      return { client, path: `${apps(t.portalId)}/${application.id}` };
    };
    const kept = link();
    expect((await call(konnect, "DELETE", kept.path)).status).toBe(204);
    expect(konnect.getIdpClient(kept.client.client_id)).toMatchObject({ created_by: "control" });
    konnect.setOptions({ linkedClientOnDelete: "delete" });
    const deleted = link();
    expect((await call(konnect, "DELETE", deleted.path)).status).toBe(204);
    expect(konnect.getIdpClient(deleted.client.client_id)).toBeUndefined();
    expect(konnect.getIdpClient(kept.client.client_id)).toBeDefined();
  });
});

describe("a strategy that applications use", () => {
  it("cannot be deleted (409 naming the applications) until they are gone", async () => {
    const t = seedDcrTargets(konnect);
    const unpublished = konnect.seedAuthStrategy(oidcBody(t.dcrProviderId));
    const application = konnect.seedApplication(t.portalId, appBody(t.teamId, unpublished.id));
    const strategyPath = `/v2/application-auth-strategies/${unpublished.id}`;
    const refused = await call(konnect, "DELETE", strategyPath);
    expect(refused.status).toBe(409);
    expect(refused.body).toStrictEqual(
      problem(
        409,
        "Conflict",
        `Application auth strategy [${unpublished.id}] is used by applications [${application.id}] and cannot be deleted`,
      ),
    );
    expect((await call(konnect, "GET", strategyPath)).body.active).toBe(false);
    expect((await call(konnect, "DELETE", `${apps(t.portalId)}/${application.id}`)).status).toBe(204);
    expect((await call(konnect, "DELETE", strategyPath)).status).toBe(204);
  });
});
