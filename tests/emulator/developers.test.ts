import {
  DEVELOPER_BODY,
  ISO_MS,
  UUID,
  call,
  problem,
  seedPublicationTargets,
  pluck,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator();

const developers = (portalId: string) => `/v3/portals/${portalId}/developers`;

describe("developers (the owners of developer-owned applications)", () => {
  it("creates (201) a PortalDeveloper, reads it back, and has no PATCH or DELETE (405)", async () => {
    const { portalId } = seedPublicationTargets(konnect);
    const created = await call(konnect, "POST", developers(portalId), {
      ...DEVELOPER_BODY,
      send_invitation_email: false,
    });
    expect(created.status).toBe(201);
    expect(created.body).toStrictEqual({
      id: UUID,
      email: "developer@example.com",
      full_name: "Jane Dev",
      status: "approved",
      created_at: ISO_MS,
      updated_at: ISO_MS,
    });
    const path = `${developers(portalId)}/${created.id}`;
    expect((await call(konnect, "GET", path)).body).toStrictEqual(created.body);
    expect((await call(konnect, "PATCH", path, { status: "revoked" })).status).toBe(405);
    expect((await call(konnect, "DELETE", path)).status).toBe(405);
  });

  it("takes the status from the portal's auto_approve_developers when left out [SPEC]", async () => {
    const manual = seedPublicationTargets(konnect).portalId;
    const auto = konnect.seedPortal({ name: "auto", auto_approve_developers: true }).id;
    const body = { email: "a@example.com", full_name: "A" };
    expect((await call(konnect, "POST", developers(manual), body)).body.status).toBe("pending");
    expect((await call(konnect, "POST", developers(auto), body)).body.status).toBe("approved");
  });

  it("answers 409 for an email already registered in the portal (any case), not in another portal", async () => {
    const { portalId } = seedPublicationTargets(konnect);
    const other = konnect.seedPortal({ name: "other" }).id;
    await call(konnect, "POST", developers(portalId), DEVELOPER_BODY);
    const duplicate = await call(konnect, "POST", developers(portalId), {
      ...DEVELOPER_BODY,
      email: "Developer@Example.com",
    });
    expect(duplicate.body).toStrictEqual(problem(409, "Conflict", "Developer with the given email already exists"));
    expect((await call(konnect, "POST", developers(other), DEVELOPER_BODY)).status).toBe(201);
  });

  it("validates CreateDeveloperRequest (required, email, enum, unknown keys)", async () => {
    const { portalId } = seedPublicationTargets(konnect);
    const answer = await call(konnect, "POST", developers(portalId), { email: "nope", status: "active", team: "x" });
    expect(answer.body.invalid_parameters).toStrictEqual([
      { field: "team", rule: "unknown_property", reason: "is an unknown property", source: "body" },
      { field: "full_name", rule: "required", reason: "is a required field", source: "body" },
      { field: "email", rule: "invalid", reason: "must be a valid email address", source: "body" },
      {
        field: "status",
        rule: "enum",
        choices: ["approved", "pending", "revoked", "rejected"],
        reason: "must be one of: approved, pending, revoked, rejected",
        source: "body",
      },
    ]);
  });

  it("lists with filters and sorts, and answers 404 for an unknown portal or a developer of another portal", async () => {
    const { portalId } = seedPublicationTargets(konnect);
    const other = konnect.seedPortal({ name: "other" }).id;
    konnect.seedDeveloper(portalId, { email: "b@example.com", full_name: "Bea", status: "pending" });
    konnect.seedDeveloper(portalId, { email: "a@example.com", full_name: "Al", status: "approved" });
    const elsewhere = konnect.seedDeveloper(other, DEVELOPER_BODY);
    const emails = async (query: string) =>
      pluck(await call(konnect, "GET", `${developers(portalId)}?${query}`), "email");
    expect(await emails("sort=email")).toStrictEqual(["a@example.com", "b@example.com"]);
    expect(await emails("filter[status]=pending")).toStrictEqual(["b@example.com"]);
    expect(await emails("filter[name][contains]=A")).toStrictEqual(["a@example.com"]);
    expect((await call(konnect, "GET", `${developers(portalId)}/${elsewhere.id}`)).status).toBe(404);
    expect((await call(konnect, "GET", developers("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
  });
});
