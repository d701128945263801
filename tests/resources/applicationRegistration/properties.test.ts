/**
 * Properties of ApplicationRegistration's field rows (as `../apiPublication/properties.test.ts` for the other Dev Portal resources), over
 * random valid old/new input pairs in the same portal and region:
 * - `diff` reports an in-place change exactly when the update has a body to send (or a local row such as `adopt`
 *   changed), and a replace exactly for the Konnect fields Konnect cannot change (offline, many runs);
 * - create(old) then update(new) against the emulator sends a PATCH exactly when `diff` reported a Konnect-side change,
 *   leaves Konnect holding the new declared state, and the diff afterwards is empty both from the update's outputs and
 *   after a refresh (`read`), which hands back the declared view of its outputs.
 */
import fc from "fast-check";
import { providers } from "../../../provider";
import type {
  ApplicationRegistrationInputs,
  ApplicationRegistrationOutputs,
} from "../../../provider/resources/applicationRegistration/args";
import { applicationRegistrationDefinition } from "../../../provider/resources/applicationRegistration/definition";
import { APPLICATION_REGISTRATION_INPUTS } from "../../../provider/resources/applicationRegistration/inputs";
import { checked, regions, withCode } from "../propertySupport";
import { A, B, PORTAL, T, useMembersPropertyTestbed } from "../portalMembersSupport";

const STATUSES = fc.constantFrom<ApplicationRegistrationInputs["status"]>(
  undefined,
  "approved",
  "pending",
  "rejected",
  "revoked",
);

describe("diff reports an in-place change exactly when the update body is non-empty (offline)", () => {
  test("application registration (the status, absent = approved, against what Konnect reports)", async () => {
    const reported = fc.constantFrom("approved", "pending", "rejected", "revoked");
    await fc.assert(
      fc.asyncProperty(STATUSES, reported, async (status, konnectStatus) => {
        const news = await checked<ApplicationRegistrationInputs>("applicationRegistration", {
          portalId: PORTAL,
          applicationId: A,
          apiId: B,
          ...(status ? { status } : {}),
        });
        const outs = applicationRegistrationDefinition.outputs(
          news,
          { id: A, status: konnectStatus, createdAt: T, updatedAt: T },
          { kind: "create" },
        );
        const diff = await providers.applicationRegistration.diff!(A, withCode(outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        const plan = applicationRegistrationDefinition.planUpdate(outs, news);
        expect(diff.changes).toBe(plan !== undefined);
        expect(diff.changes).toBe(konnectStatus !== (status ?? "approved"));
      }),
      { numRuns: 100 },
    );
  });
});

describe("create(old), update(new) against the emulator", () => {
  const { emulator, writes, resetKonnect, settled } = useMembersPropertyTestbed();

  test("application registration: a status change is one PATCH; Konnect ends holding the declared status", async () => {
    const provider = providers.applicationRegistration;
    await fc.assert(
      fc.asyncProperty(STATUSES, STATUSES, regions, async (a, b, region) => {
        const { portalId, apiId, strategyId, teamId } = resetKonnect(region);
        const applicationId = emulator.seedApplication(
          portalId,
          { name: "Orders client", auth_strategy_id: strategyId, owner: { type: "team", id: teamId } },
          { region: region ?? "us" },
        ).id;
        const base = { portalId, applicationId, apiId, ...(region ? { region } : {}) };
        const olds = await checked<ApplicationRegistrationInputs>("applicationRegistration", { ...base, status: a });
        const news = await checked<ApplicationRegistrationInputs>("applicationRegistration", { ...base, status: b });
        const created = await provider.create(olds);
        expect((created.outs as ApplicationRegistrationOutputs).status).toBe(a ?? "approved");
        const diff = await provider.diff!(created.id, withCode(created.outs), withCode(news));
        emulator.clearRequestLog();
        const updated = await provider.update!(created.id, withCode(created.outs), withCode(news));
        expect(writes()).toEqual(diff.changes ? ["PATCH /v3/portals/{id}/applications/{id}/registrations/{id}"] : []);
        expect(diff.changes).toBe((a ?? "approved") !== (b ?? "approved"));
        expect(emulator.get("application-registrations", created.id)?.status).toBe(b ?? "approved");
        await settled("applicationRegistration", created.id, updated.outs!, news, APPLICATION_REGISTRATION_INPUTS);
      }),
      { numRuns: 20 },
    );
  });
});
