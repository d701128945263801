/**
 * The client operations of an application's registrations, with a recording transport: the paths under their
 * parents, the wire bodies built from the field table, and tolerant answers (a status added later).
 */
import { createRegistration, listAllRegistrations, updateRegistration } from "../../../provider/konnect";
import { API, APP, PORTAL, REG, TEAM } from "../../support/validInputs";
import { ISO, TIMES, page, recording, sentAs } from "../recording";

describe("registrations", () => {
  const registration = {
    id: REG,
    status: "approved",
    application: { id: APP, name: "Orders client" },
    api: { id: API, name: "Orders", version: "v1", entity_type: "api" },
    ...TIMES,
  };
  const scope = { portalId: PORTAL, applicationId: APP };

  it("create and PATCH under the application; the list is the application's", async () => {
    const { transport, sent } = recording(registration, { ...registration, status: "revoked" }, page([registration]));
    expect(await createRegistration(transport, scope, { apiId: API, status: "approved" })).toEqual({
      id: REG,
      status: "approved",
      apiId: API,
      applicationId: APP,
      createdAt: ISO,
      updatedAt: ISO,
    });
    await updateRegistration(transport, scope, REG, { status: "revoked" });
    await listAllRegistrations(transport, scope);
    expect(sentAs(sent)).toEqual([
      {
        call: `POST /v3/portals/${PORTAL}/applications/${APP}/registrations`,
        body: { api_id: API, status: "approved" },
        query: undefined,
      },
      {
        call: `PATCH /v3/portals/${PORTAL}/applications/${APP}/registrations/${REG}`,
        body: { status: "revoked" },
        query: undefined,
      },
      {
        call: `GET /v3/portals/${PORTAL}/applications/${APP}/registrations`,
        body: undefined,
        query: { "page[size]": 100, "page[number]": 1 },
      },
    ]);
  });

  it("a create may ask for approved or pending only (Kong's contract); the PATCH for any status", async () => {
    const { transport, sent } = recording(registration);
    await expect(createRegistration(transport, scope, { apiId: API, status: "revoked" as never })).rejects.toThrow(
      "status: a new registration's status must be one of approved, pending",
    );
    expect(sent).toEqual([]);
  });

  it("a status added later is passed through", async () => {
    const { transport } = recording(page([{ ...registration, status: "suspended", consumer: { id: TEAM } }]));
    expect((await listAllRegistrations(transport, scope))[0]?.status).toBe("suspended");
  });
});
