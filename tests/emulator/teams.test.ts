import {
  ISO_MS,
  TEAM_BODY,
  UUID,
  call,
  invalidParameters,
  problem,
  seedDcrTargets,
  seedPublicationTargets,
  pluck,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator({
  options: { uniqueTeamNames: false, teamDeleteWithApplications: "conflict", createdClientOnDelete: "delete" },
});

const MISSING = "00000000-0000-4000-8000-000000000000";
const teams = (portalId: string) => `/v3/portals/${portalId}/teams`;

function seedPortal(region: "us" | "eu" = "us"): string {
  return seedPublicationTargets(konnect, { region }).portalId;
}

describe("create and read", () => {
  it("creates (201) with the PortalTeamResponse shape and GET reads it back", async () => {
    const portalId = seedPortal();
    const created = await call(konnect, "POST", teams(portalId), TEAM_BODY);
    expect(created.status).toBe(201);
    expect(created.body).toStrictEqual({
      id: UUID,
      name: "IDM - Developers",
      description: "The Identity Management (IDM) API team.",
      can_own_applications: true,
      created_at: ISO_MS,
      updated_at: created.body.created_at,
    });
    expect(await call(konnect, "GET", `${teams(portalId)}/${created.id}`)).toMatchObject({
      status: 200,
      body: created.body,
    });
  });

  it("defaults can_own_applications to false and leaves out a description never set", async () => {
    const portalId = seedPortal();
    const created = await call(konnect, "POST", teams(portalId), { name: "Partners" });
    expect(created.body).toStrictEqual({
      id: UUID,
      name: "Partners",
      can_own_applications: false,
      created_at: ISO_MS,
      updated_at: ISO_MS,
    });
  });

  it("answers 404 for an unknown portal, a team of another portal and an unknown or malformed team id", async () => {
    const portalId = seedPortal();
    const otherPortal = konnect.seedPortal({ name: "other" }).id;
    const team = konnect.seedTeam(portalId, TEAM_BODY);
    const notFound = problem(404, "Not Found", "Not Found");
    expect((await call(konnect, "POST", teams(MISSING), TEAM_BODY)).body).toStrictEqual(notFound);
    expect((await call(konnect, "GET", teams(MISSING))).status).toBe(404);
    for (const path of [`${teams(otherPortal)}/${team.id}`, `${teams(portalId)}/${MISSING}`, `${teams(portalId)}/x`]) {
      expect((await call(konnect, "GET", path)).status).toBe(404);
      expect((await call(konnect, "PATCH", path, { name: "x" })).status).toBe(404);
      expect((await call(konnect, "DELETE", path)).status).toBe(404);
    }
    expect(konnect.get("teams", team.id)).toMatchObject({ name: TEAM_BODY.name });
  });

  it("keeps regions apart", async () => {
    const portalId = seedPortal("eu");
    const created = await call(konnect, "POST", `/eu${teams(portalId)}`, TEAM_BODY);
    expect(created.status).toBe(201);
    expect((await call(konnect, "GET", `${teams(portalId)}/${created.id}`)).status).toBe(404);
    expect(konnect.list("teams", "eu")).toHaveLength(1);
    expect(konnect.list("teams", "us")).toHaveLength(0);
  });

  it("has no PUT (405 with Allow)", async () => {
    const portalId = seedPortal();
    const team = konnect.seedTeam(portalId, TEAM_BODY);
    const put = await call(konnect, "PUT", `${teams(portalId)}/${team.id}`, TEAM_BODY);
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, PATCH, DELETE");
  });
});

describe("validation (PortalCreateTeamRequest / PortalUpdateTeamRequest, additionalProperties false)", () => {
  it("lists every problem of a create: required name, lengths, types, unknown keys (labels included)", async () => {
    const portalId = seedPortal();
    const answer = await call(konnect, "POST", teams(portalId), {
      description: "",
      can_own_applications: "yes",
      labels: { env: "test" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toStrictEqual(
      invalidParameters([
        { field: "labels", rule: "unknown_property", reason: "is an unknown property", source: "body" },
        { field: "name", rule: "required", reason: "is a required field", source: "body" },
        {
          field: "description",
          rule: "min_length",
          minimum: 1,
          reason: "must have at least 1 characters",
          source: "body",
        },
        { field: "can_own_applications", rule: "is_boolean", reason: "must be a boolean", source: "body" },
      ]),
    );
    const long = await call(konnect, "POST", teams(portalId), { name: "n".repeat(251), description: "d".repeat(251) });
    expect(long.body.invalid_parameters).toStrictEqual([
      {
        field: "name",
        rule: "max_length",
        maximum: 250,
        reason: "must not have more than 250 characters",
        source: "body",
      },
      {
        field: "description",
        rule: "max_length",
        maximum: 250,
        reason: "must not have more than 250 characters",
        source: "body",
      },
    ]);
    const edge = await call(konnect, "POST", teams(portalId), { name: "n".repeat(250), description: "d" });
    expect(edge.status).toBe(201);
    expect((await call(konnect, "POST", teams(portalId), ["x"])).body.invalid_parameters).toStrictEqual([
      { field: "body", rule: "is_object", reason: "must be an object", source: "body" },
    ]);
    expect(konnect.list("teams")).toHaveLength(1);
  });

  it("PATCH sets only what is sent, bumps updated_at, and validates like the create (name optional)", async () => {
    const portalId = seedPortal();
    const team = konnect.seedTeam(portalId, TEAM_BODY);
    const path = `${teams(portalId)}/${team.id}`;
    const patched = await call(konnect, "PATCH", path, { can_own_applications: false });
    expect(patched.status).toBe(200);
    expect(patched.body).toStrictEqual({
      id: team.id,
      name: TEAM_BODY.name,
      description: TEAM_BODY.description,
      can_own_applications: false,
      created_at: team.created_at,
      updated_at: ISO_MS,
    });
    expect(patched.body.updated_at > team.updated_at).toBe(true);
    const renamed = await call(konnect, "PATCH", path, { name: "Renamed", description: "New text" });
    expect(renamed.body).toMatchObject({ name: "Renamed", description: "New text", can_own_applications: false });
    const invalid = await call(konnect, "PATCH", path, { name: "", id: team.id });
    expect(invalid.body.invalid_parameters).toStrictEqual([
      { field: "id", rule: "unknown_property", reason: "is an unknown property", source: "body" },
      { field: "name", rule: "min_length", minimum: 1, reason: "must have at least 1 characters", source: "body" },
    ]);
    expect(konnect.get("teams", team.id)).toMatchObject({ name: "Renamed" });
  });
});

describe("list", () => {
  it("pages the portal's teams oldest first (other portals' teams left out)", async () => {
    const portalId = seedPortal();
    const other = konnect.seedPortal({ name: "other" }).id;
    const names = ["a", "b", "c"];
    for (const name of names) konnect.seedTeam(portalId, { name });
    konnect.seedTeam(other, { name: "elsewhere" });
    const first = await call(konnect, "GET", `${teams(portalId)}?page[size]=2`);
    expect(first.body.meta).toStrictEqual({ page: { number: 1, size: 2, total: 3 } });
    expect(pluck(first, "name")).toStrictEqual(["a", "b"]);
    const second = await call(konnect, "GET", `${teams(portalId)}?page[size]=2&page[number]=2`);
    expect(pluck(second, "name")).toStrictEqual(["c"]);
    expect((await call(konnect, "GET", `${teams(portalId)}?page[size]=101`)).status).toBe(400);
  });

  it("filters by name (string operators) and can_own_applications (a bare boolean); sort is ignored", async () => {
    const portalId = seedPortal();
    konnect.seedTeam(portalId, { name: "Gold Tier", can_own_applications: true });
    konnect.seedTeam(portalId, { name: "Silver Tier" });
    konnect.seedTeam(portalId, { name: "Partners", can_own_applications: true });
    const names = async (query: string) => pluck(await call(konnect, "GET", `${teams(portalId)}?${query}`), "name");
    expect(await names("filter[name]=Partners")).toStrictEqual(["Partners"]);
    expect(await names("filter[name][contains]=Tier")).toStrictEqual(["Gold Tier", "Silver Tier"]);
    expect(await names("filter[name][oeq]=Partners,Gold Tier")).toStrictEqual(["Gold Tier", "Partners"]);
    expect(await names("filter[can_own_applications]=true")).toStrictEqual(["Gold Tier", "Partners"]);
    expect(await names("filter[can_own_applications]=false&filter[name][neq]=x")).toStrictEqual(["Silver Tier"]);
    expect(await names("sort=name desc")).toStrictEqual(["Gold Tier", "Silver Tier", "Partners"]);
  });

  it("answers 400 for a non-boolean flag, an operator on the flag and an unknown filter", async () => {
    const portalId = seedPortal();
    const answer = await call(
      konnect,
      "GET",
      `${teams(portalId)}?filter[can_own_applications]=yes&filter[can_own_applications][eq]=true&filter[labels]=x`,
    );
    expect(answer.body).toStrictEqual(
      invalidParameters([
        { field: "filter[can_own_applications]", rule: "is_boolean", reason: "must be a boolean", source: "query" },
        {
          field: "filter[can_own_applications][eq]",
          rule: "unknown_property",
          reason: "is not a supported filter",
          source: "query",
        },
        { field: "filter[labels]", rule: "unknown_property", reason: "is not a supported filter", source: "query" },
      ]),
    );
  });
});

describe("name uniqueness [UNK]: uniqueTeamNames", () => {
  it("allows duplicate names by default", async () => {
    const portalId = seedPortal();
    expect((await call(konnect, "POST", teams(portalId), { name: "Same" })).status).toBe(201);
    expect((await call(konnect, "POST", teams(portalId), { name: "Same" })).status).toBe(201);
    expect(konnect.list("teams")).toHaveLength(2);
  });

  it("with uniqueTeamNames, answers 409 to a duplicate create or rename within a portal only", async () => {
    konnect.setOptions({ uniqueTeamNames: true });
    const portalId = seedPortal();
    const other = konnect.seedPortal({ name: "other" }).id;
    const first = await call(konnect, "POST", teams(portalId), { name: "Same" });
    const duplicate = await call(konnect, "POST", teams(portalId), { name: "Same" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toStrictEqual(problem(409, "Conflict", "A team named [Same] already exists in this portal"));
    expect((await call(konnect, "POST", teams(other), { name: "Same" })).status).toBe(201);
    const second = await call(konnect, "POST", teams(portalId), { name: "Second" });
    expect((await call(konnect, "PATCH", `${teams(portalId)}/${second.id}`, { name: "Same" })).status).toBe(409);
    expect((await call(konnect, "PATCH", `${teams(portalId)}/${first.id}`, { name: "Same" })).status).toBe(200);
  });
});

describe("delete", () => {
  it("deletes (204), then the team is gone (404)", async () => {
    const portalId = seedPortal();
    const team = konnect.seedTeam(portalId, TEAM_BODY);
    expect((await call(konnect, "DELETE", `${teams(portalId)}/${team.id}`)).status).toBe(204);
    expect((await call(konnect, "GET", `${teams(portalId)}/${team.id}`)).status).toBe(404);
    expect((await call(konnect, "DELETE", `${teams(portalId)}/${team.id}`)).status).toBe(404);
  });

  /** A team owning one DCR application (Konnect-created IdP client) with one registration. */
  function teamWithApplication() {
    const targets = seedDcrTargets(konnect);
    const application = konnect.seedApplication(targets.portalId, {
      name: "App",
      auth_strategy_id: targets.strategyId,
      owner: { type: "team", id: targets.teamId },
    });
    konnect.seedRegistration(targets.portalId, application.id, { api_id: targets.apiId });
    return { ...targets, application, path: `${teams(targets.portalId)}/${targets.teamId}` };
  }

  it("teamDeleteWithApplications conflict (default): 409 naming the applications, nothing deleted", async () => {
    const { application, path, teamId } = teamWithApplication();
    const answer = await call(konnect, "DELETE", path);
    expect(answer.status).toBe(409);
    expect(answer.body).toStrictEqual(
      problem(409, "Conflict", `Team [${teamId}] owns applications [${application.id}] and cannot be deleted`),
    );
    expect(konnect.get("teams", teamId)).toBeDefined();
    expect(konnect.get("applications", application.id)).toBeDefined();
  });

  it("cascade: deletes the applications with their registrations and (by option) their IdP client", async () => {
    konnect.setOptions({ teamDeleteWithApplications: "cascade" });
    const { application, path, teamId } = teamWithApplication();
    expect(konnect.getIdpClient(application.client_id!)).toBeDefined();
    expect((await call(konnect, "DELETE", path)).status).toBe(204);
    expect(konnect.get("teams", teamId)).toBeUndefined();
    expect(konnect.list("applications")).toStrictEqual([]);
    expect(konnect.list("application-registrations")).toStrictEqual([]);
    expect(konnect.getIdpClient(application.client_id!)).toBeUndefined();
  });

  it("orphan: deletes the team and leaves its applications owned by the missing team", async () => {
    konnect.setOptions({ teamDeleteWithApplications: "orphan" });
    const { application, path, portalId, teamId } = teamWithApplication();
    expect((await call(konnect, "DELETE", path)).status).toBe(204);
    expect(konnect.get("teams", teamId)).toBeUndefined();
    const read = await call(konnect, "GET", `/v3/portals/${portalId}/applications/${application.id}`);
    expect(read.body.owner).toStrictEqual({ type: "team", id: teamId });
    expect(read.body.registration_count).toBe(1);
  });
});
