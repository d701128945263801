import {
  DEVELOPER_BODY,
  ISO_MS,
  KEY_AUTH_BODY,
  UUID,
  call,
  invalidParameters,
  pluck,
  problem,
  seedDcrTargets,
  useEmulator,
  type DcrTargets,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator({
  options: { registrationStatusRule: "auto-approve", registrationPublicationCheck: "same-strategy" },
});

const MISSING = "00000000-0000-4000-8000-000000000000";

/** DCR targets plus one team-owned application; `regs` is its registrations path. */
function withApplication(publication: Record<string, unknown> = {}) {
  const t = seedDcrTargets(konnect, { publication });
  const application = konnect.seedApplication(t.portalId, {
    name: "Orders client",
    auth_strategy_id: t.strategyId,
    owner: { type: "team", id: t.teamId },
  });
  const regs = `/v3/portals/${t.portalId}/applications/${application.id}/registrations`;
  return { ...t, application, regs };
}

function apiIssue(rule: string, reason: string) {
  return invalidParameters([{ field: "api_id", rule, reason, source: "body" }]);
}

describe("create and read", () => {
  it("creates (201) an ApplicationRegistration, reads it back and counts it on the application", async () => {
    const t = withApplication({ auto_approve_registrations: true });
    const created = await call(konnect, "POST", t.regs, { api_id: t.apiId });
    expect(created.status).toBe(201);
    expect(created.body).toStrictEqual({
      id: UUID,
      status: "approved",
      application: { id: t.application.id, name: "Orders client" },
      api: { id: t.apiId, name: "Orders API", version: "v1", entity_type: "api" },
      created_at: ISO_MS,
      updated_at: created.body.created_at,
    });
    expect((await call(konnect, "GET", `${t.regs}/${created.id}`)).body).toStrictEqual(created.body);
    expect(pluck(await call(konnect, "GET", t.regs), "id")).toStrictEqual([created.id]);
    const application = await call(konnect, "GET", `/v3/applications/${t.application.id}`);
    expect(application.body.registration_count).toBe(1);
    expect(konnect.get("application-registrations", created.id)).toMatchObject({
      approved_at: created.body.created_at,
    });
  });

  it("answers 409 for a second registration of the application for the same API [SPEC]", async () => {
    const t = withApplication();
    expect((await call(konnect, "POST", t.regs, { api_id: t.apiId })).status).toBe(201);
    const again = await call(konnect, "POST", t.regs, { api_id: t.apiId, status: "approved" });
    expect(again.status).toBe(409);
    expect(again.body).toStrictEqual(problem(409, "Conflict", "API is already registered to the application"));
    expect(konnect.list("application-registrations")).toHaveLength(1);
  });

  it("validates CreateApplicationRegistrationRequest (api_id required and a UUID, status approved | pending)", async () => {
    const t = withApplication();
    expect((await call(konnect, "POST", t.regs, { status: "revoked", note: "x" })).body).toStrictEqual(
      invalidParameters([
        { field: "note", rule: "unknown_property", reason: "is an unknown property", source: "body" },
        { field: "api_id", rule: "required", reason: "is a required field", source: "body" },
        {
          field: "status",
          rule: "enum",
          choices: ["approved", "pending"],
          reason: "must be one of: approved, pending",
          source: "body",
        },
      ]),
    );
    expect((await call(konnect, "POST", t.regs, { api_id: "x" })).body.invalid_parameters).toStrictEqual([
      { field: "api_id", rule: "is_uuid", reason: "must be a valid UUID", source: "body" },
    ]);
    expect((await call(konnect, "POST", t.regs, { api_id: MISSING })).body).toStrictEqual(
      apiIssue("missing_reference", `API [${MISSING}] does not exist`),
    );
    expect(konnect.list("application-registrations")).toStrictEqual([]);
  });

  it("answers 404 for an unknown portal, application, registration or a registration of another application", async () => {
    const t = withApplication();
    const other = konnect.seedApplication(t.portalId, {
      name: "Other",
      auth_strategy_id: t.strategyId,
      owner: { type: "team", id: t.teamId },
    });
    const registration = konnect.seedRegistration(t.portalId, other.id, { api_id: t.apiId });
    const paths = [
      `/v3/portals/${MISSING}/applications/${t.application.id}/registrations`,
      `/v3/portals/${t.portalId}/applications/${MISSING}/registrations`,
    ];
    for (const path of paths) {
      expect((await call(konnect, "POST", path, { api_id: t.apiId })).status).toBe(404);
      expect((await call(konnect, "GET", path)).status).toBe(404);
    }
    for (const path of [`${t.regs}/${registration.id}`, `${t.regs}/${MISSING}`]) {
      expect((await call(konnect, "GET", path)).status).toBe(404);
      expect((await call(konnect, "PATCH", path, { status: "revoked" })).status).toBe(404);
      expect((await call(konnect, "DELETE", path)).status).toBe(404);
    }
    expect(konnect.get("application-registrations", registration.id)).toMatchObject({ status: "pending" });
  });
});

describe("the API's publication (registrationPublicationCheck, INF)", () => {
  it("same-strategy (default): the API must be published in the portal with the application's strategy", async () => {
    const t = withApplication();
    const unpublished = konnect.seedApi({ name: "Unpublished" });
    expect((await call(konnect, "POST", t.regs, { api_id: unpublished.id })).body).toStrictEqual(
      apiIssue("invalid", `API [${unpublished.id}] is not published to portal [${t.portalId}]`),
    );
    const keyAuth = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const otherStrategy = konnect.seedApi({ name: "Key auth API" });
    konnect.seedPublication(otherStrategy.id, t.portalId, { auth_strategy_ids: [keyAuth.id] });
    expect((await call(konnect, "POST", t.regs, { api_id: otherStrategy.id })).body).toStrictEqual(
      apiIssue(
        "invalid",
        `API [${otherStrategy.id}] is published to portal [${t.portalId}] with auth strategy [${keyAuth.id}], ` +
          `not the application's [${t.strategyId}]`,
      ),
    );
    const noAuth = konnect.seedApi({ name: "Open API" });
    konnect.seedPublication(noAuth.id, t.portalId, { auth_strategy_ids: null });
    expect((await call(konnect, "POST", t.regs, { api_id: noAuth.id })).body.invalid_parameters[0].reason).toContain(
      "with auth strategy [none]",
    );
    expect(konnect.list("application-registrations")).toStrictEqual([]);
  });

  it("published: any strategy will do, an unpublished API will not", async () => {
    konnect.setOptions({ registrationPublicationCheck: "published" });
    const t = withApplication();
    const keyAuth = konnect.seedAuthStrategy(KEY_AUTH_BODY);
    const otherStrategy = konnect.seedApi({ name: "Key auth API" });
    konnect.seedPublication(otherStrategy.id, t.portalId, { auth_strategy_ids: [keyAuth.id] });
    expect((await call(konnect, "POST", t.regs, { api_id: otherStrategy.id })).status).toBe(201);
    const unpublished = konnect.seedApi({ name: "Unpublished" });
    expect((await call(konnect, "POST", t.regs, { api_id: unpublished.id })).status).toBe(400);
  });

  it("none: an API that exists is enough (auto-approve then comes from the portal only)", async () => {
    konnect.setOptions({ registrationPublicationCheck: "none" });
    const t = withApplication();
    konnect.updateStored("portals", t.portalId, { auto_approve_applications: true });
    const unpublished = konnect.seedApi({ name: "Unpublished" });
    const created = await call(konnect, "POST", t.regs, { api_id: unpublished.id });
    expect([created.status, created.body.status]).toStrictEqual([201, "approved"]);
  });
});

describe("status of a new registration (registrationStatusRule)", () => {
  /** The status a create answers, for a publication's and a portal's auto-approve and a sent status. */
  async function statusOf(publicationAuto: boolean, portalAuto: boolean, sent?: "approved" | "pending") {
    konnect.reset(); // objects only: the options stay
    const t = withApplication({ auto_approve_registrations: publicationAuto });
    konnect.updateStored("portals", t.portalId, { auto_approve_applications: portalAuto });
    const body = sent === undefined ? { api_id: t.apiId } : { api_id: t.apiId, status: sent };
    const created = await call(konnect, "POST", t.regs, body);
    expect(created.status).toBe(201);
    return created.body.status as string;
  }

  it("auto-approve (default, SPEC text): the publication's or the portal's auto-approve decides; pending holds back", async () => {
    expect(await statusOf(true, false)).toBe("approved");
    expect(await statusOf(false, true)).toBe("approved");
    expect(await statusOf(false, false)).toBe("pending");
    expect(await statusOf(false, false, "approved")).toBe("pending");
    expect(await statusOf(true, false, "pending")).toBe("pending");
    expect(await statusOf(true, true, "approved")).toBe("approved");
  });

  it("requested: the sent status wins; auto-approve decides only when none is sent", async () => {
    konnect.setOptions({ registrationStatusRule: "requested" });
    expect(await statusOf(false, false, "approved")).toBe("approved");
    expect(await statusOf(true, true, "pending")).toBe("pending");
    expect(await statusOf(true, false)).toBe("approved");
    expect(await statusOf(false, false)).toBe("pending");
  });
});

describe("PATCH and DELETE", () => {
  it("PATCH sets any ApplicationRegistrationStatus (200); approving restarts approved_at, leaving clears it", async () => {
    const t = withApplication({ auto_approve_registrations: true });
    const registration = konnect.seedRegistration(t.portalId, t.application.id, { api_id: t.apiId });
    const path = `${t.regs}/${registration.id}`;
    const revoked = await call(konnect, "PATCH", path, { status: "revoked" });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: registration.id, status: "revoked", created_at: registration.created_at });
    expect(revoked.body.updated_at > registration.updated_at).toBe(true);
    expect(konnect.get("application-registrations", registration.id)!.approved_at).toBeNull();
    for (const status of ["rejected", "pending"]) {
      expect((await call(konnect, "PATCH", path, { status })).body.status).toBe(status);
    }
    const approved = await call(konnect, "PATCH", path, { status: "approved" });
    expect(konnect.get("application-registrations", registration.id)!.approved_at).toBe(approved.body.updated_at);
    const again = await call(konnect, "PATCH", path, { status: "approved" });
    expect(konnect.get("application-registrations", registration.id)!.approved_at).toBe(approved.body.updated_at);
    expect(again.body.updated_at > approved.body.updated_at).toBe(true);
    expect((await call(konnect, "PATCH", path, {})).body.status).toBe("approved");
  });

  it("validates the PATCH (status enum, no other fields)", async () => {
    const t = withApplication();
    const registration = konnect.seedRegistration(t.portalId, t.application.id, { api_id: t.apiId });
    const answer = await call(konnect, "PATCH", `${t.regs}/${registration.id}`, { status: "active", api_id: t.apiId });
    expect(answer.body).toStrictEqual(
      invalidParameters([
        { field: "api_id", rule: "unknown_property", reason: "is an unknown property", source: "body" },
        {
          field: "status",
          rule: "enum",
          choices: ["approved", "pending", "revoked", "rejected"],
          reason: "must be one of: approved, pending, revoked, rejected",
          source: "body",
        },
      ]),
    );
  });

  it("DELETE answers 204, then 404; the API can be registered again", async () => {
    const t = withApplication();
    const registration = konnect.seedRegistration(t.portalId, t.application.id, { api_id: t.apiId });
    const path = `${t.regs}/${registration.id}`;
    expect((await call(konnect, "DELETE", path)).status).toBe(204);
    expect((await call(konnect, "GET", path)).status).toBe(404);
    expect((await call(konnect, "POST", t.regs, { api_id: t.apiId })).status).toBe(201);
  });

  it("updateStored (an edit in the UI) moves approved_at like a PATCH", () => {
    const t = withApplication();
    const registration = konnect.seedRegistration(t.portalId, t.application.id, { api_id: t.apiId });
    expect(registration.approved_at).toBeNull();
    const approved = konnect.updateStored("application-registrations", registration.id, { status: "approved" });
    expect(approved.approved_at).toBe(approved.updated_at);
    const revoked = konnect.updateStored("application-registrations", registration.id, { status: "revoked" });
    expect(revoked.approved_at).toBeNull();
  });
});

describe("lists", () => {
  /** Two applications (one developer-owned) with registrations of each status across two APIs. */
  function seedMany(): DcrTargets & { devApp: string; teamApp: string } {
    const t = seedDcrTargets(konnect, { publication: { auto_approve_registrations: true } });
    const developer = konnect.seedDeveloper(t.portalId, DEVELOPER_BODY);
    const second = konnect.seedApi({ name: "Billing API", version: "v2" });
    konnect.seedPublication(second.id, t.portalId, { auth_strategy_ids: [t.strategyId] });
    const make = (name: string, owner: object) =>
      konnect.seedApplication(t.portalId, { name, auth_strategy_id: t.strategyId, owner }).id;
    const teamApp = make("Team app", { type: "team", id: t.teamId });
    const devApp = make("Dev app", { type: "developer", id: developer.id });
    konnect.seedRegistration(t.portalId, teamApp, { api_id: t.apiId });
    konnect.seedRegistration(t.portalId, teamApp, { api_id: second.id, status: "pending" });
    konnect.seedRegistration(t.portalId, devApp, { api_id: t.apiId });
    return { ...t, devApp, teamApp };
  }

  it("per application: filter status, sorts created_at, updated_at, status; pages", async () => {
    const t = seedMany();
    const regs = `/v3/portals/${t.portalId}/applications/${t.teamApp}/registrations`;
    expect(pluck(await call(konnect, "GET", `${regs}?sort=status desc`), "status")).toStrictEqual([
      "pending",
      "approved",
    ]);
    expect(pluck(await call(konnect, "GET", `${regs}?filter[status]=pending`), "status")).toStrictEqual(["pending"]);
    const page = await call(konnect, "GET", `${regs}?page[size]=1&page[number]=2`);
    expect(page.body.meta).toStrictEqual({ page: { number: 2, size: 1, total: 2 } });
    const badFilter = await call(konnect, "GET", `${regs}?filter[api_id]=x`);
    expect(badFilter.body.invalid_parameters[0]).toMatchObject({ field: "filter[api_id]", rule: "unknown_property" });
  });

  it("per portal (/application-registrations): filters developer_id, application_name, status; sorts", async () => {
    const t = seedMany();
    const other = konnect.seedPortal({ name: "other" });
    const list = `/v3/portals/${t.portalId}/application-registrations`;
    const all = await call(konnect, "GET", list);
    expect(all.body.meta.page.total).toBe(3);
    const developerId = konnect.get("applications", t.devApp)!.owner.id;
    const byDeveloper = await call(konnect, "GET", `${list}?filter[developer_id]=${developerId}`);
    expect(byDeveloper.body.data).toStrictEqual([
      {
        id: UUID,
        status: "approved",
        application: { id: t.devApp, name: "Dev app" },
        api: { id: t.apiId, name: "Orders API", version: "v1", entity_type: "api" },
        created_at: ISO_MS,
        updated_at: ISO_MS,
      },
    ]);
    const byName = await call(konnect, "GET", `${list}?filter[application_name]=Team app&filter[status][neq]=pending`);
    expect(byName.body.data).toHaveLength(1);
    expect(pluck(await call(konnect, "GET", `${list}?sort=status`), "status")).toStrictEqual([
      "approved",
      "approved",
      "pending",
    ]);
    const badSort = await call(konnect, "GET", `${list}?sort=name`);
    expect(badSort.body.invalid_parameters[0]).toMatchObject({
      field: "sort",
      choices: ["created_at", "updated_at", "developer_id", "status"],
    });
    expect((await call(konnect, "GET", `/v3/portals/${other.id}/application-registrations`)).body.data).toStrictEqual(
      [],
    );
    expect((await call(konnect, "GET", `/v3/portals/${MISSING}/application-registrations`)).status).toBe(404);
  });
});
