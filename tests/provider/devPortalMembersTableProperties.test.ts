/**
 * Properties of the field rows of PortalTeam, PortalApplication and ApplicationRegistration (as
 * `devPortalTableProperties.test.ts` for the other Dev Portal resources), over random valid old/new input pairs in the
 * same portal and region:
 * - `diff` reports an in-place change exactly when the update has a body to send (or a local row such as `adopt`
 *   changed), and a replace exactly for the Konnect fields Konnect cannot change (offline, many runs);
 * - create(old) then update(new) against the emulator sends a PATCH exactly when `diff` reported a Konnect-side change,
 *   leaves Konnect holding the new declared state, and the diff afterwards is empty both from the update's outputs and
 *   after a refresh (`read`), which hands back the declared view of its outputs.
 */
import fc from "fast-check";
import { providers } from "../../provider";
import type { PortalApplication } from "../../provider/konnect";
import type {
  ApplicationRegistrationInputs,
  ApplicationRegistrationOutputs,
} from "../../provider/resources/applicationRegistration/args";
import { applicationRegistrationDefinition } from "../../provider/resources/applicationRegistration/definition";
import { APPLICATION_REGISTRATION_INPUTS } from "../../provider/resources/applicationRegistration/inputs";
import type { PortalApplicationInputs } from "../../provider/resources/portalApplication/args";
import { PORTAL_APPLICATION_INPUTS } from "../../provider/resources/portalApplication/inputs";
import {
  applicationOutputs,
  portalApplicationDefinition,
  unchangeableDifferences,
} from "../../provider/resources/portalApplication/definition";
import type { PortalTeamInputs, PortalTeamOutputs } from "../../provider/resources/portalTeam/args";
import { portalTeamDefinition, teamOutputs } from "../../provider/resources/portalTeam/definition";
import { PORTAL_TEAM_INPUTS } from "../../provider/resources/portalTeam/inputs";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { DEVELOPER_BODY, seedDcrTargets } from "../../tools/emulator/testSupport";
import { callShapes, declaredView, startProviderTestbed } from "../resources/support";

const CODE = "code-v1";
const withCode = <T>(value: T) => ({ ...value, __provider: CODE }) as never;
const PORTAL = "66666666-7777-4888-8999-aaaaaaaaaaaa";
const A = "0a0a0a0a-1111-4222-8333-444444444444";
const B = "0b0b0b0b-1111-4222-8333-444444444444";
const T = "2026-05-20T08:30:00.000Z";

type Region = "us" | "eu" | undefined;
const regions = fc.constantFrom<Region>(undefined, "us", "eu");
const STATUSES = fc.constantFrom<ApplicationRegistrationInputs["status"]>(
  undefined,
  "approved",
  "pending",
  "rejected",
  "revoked",
);

/** Team settings (the portal and region come from the pair). */
const teamSettings = fc.record(
  {
    name: fc.constantFrom("Partners", "Partners EU"),
    description: fc.constantFrom(undefined, "External", "EU partners"),
    canOwnApplications: fc.constantFrom(undefined, true, false),
    adopt: fc.constantFrom(undefined, A),
  },
  { requiredKeys: ["name"] },
);

async function checked<T>(provider: keyof typeof providers, inputs: object): Promise<T> {
  const result = await providers[provider].check!({} as never, withCode(inputs));
  expect(result.failures).toEqual([]);
  return result.inputs as T;
}

const adoptChanged = (olds: { adopt?: string }, news: { adopt?: string }) => olds.adopt !== news.adopt;

describe("diff reports an in-place change exactly when the update body is non-empty (offline)", () => {
  test("portal team (a description left out keeps Konnect's)", async () => {
    await fc.assert(
      fc.asyncProperty(teamSettings, teamSettings, regions, async (a, b, region) => {
        const base = { portalId: PORTAL, ...(region ? { region } : {}) };
        const olds = await checked<PortalTeamInputs>("portalTeam", { ...a, ...base });
        const news = await checked<PortalTeamInputs>("portalTeam", { ...b, ...base });
        const team = {
          id: A,
          name: olds.name,
          canOwnApplications: olds.canOwnApplications ?? false,
          createdAt: T,
          updatedAt: T,
        };
        const outs = teamOutputs(
          olds,
          olds.description === undefined ? team : { ...team, description: olds.description },
        );
        const diff = await providers.portalTeam.diff!(A, withCode(outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        const plan = portalTeamDefinition.planUpdate(outs, news);
        expect(diff.changes).toBe(plan !== undefined || adoptChanged(olds, news));
        if (news.description === undefined) expect(plan?.fields ?? []).not.toContain("description");
      }),
      { numRuns: 300 },
    );
  });

  test("portal application: the owner updates, every other Konnect field replaces", async () => {
    const owner = fc.constantFrom<PortalApplicationInputs["owner"]>(
      { teamId: A },
      { teamId: A.toUpperCase() },
      { teamId: B },
      { developerId: A },
    );
    const settings = fc.record(
      {
        name: fc.constantFrom("Orders", "Orders client"),
        description: fc.constantFrom(undefined, "", "d"),
        labels: fc.constantFrom(undefined, { env: "dev" }, { env: "prod" }),
        owner,
        dcrClientId: fc.constantFrom(undefined, "azure-client"),
      },
      { requiredKeys: ["name", "owner"] },
    );
    await fc.assert(
      fc.asyncProperty(settings, settings, async (a, b) => {
        const base = { portalId: PORTAL, authStrategyId: B };
        const olds = await checked<PortalApplicationInputs>("portalApplication", { ...a, ...base });
        const news = await checked<PortalApplicationInputs>("portalApplication", { ...b, ...base });
        const key = olds.owner.teamId === undefined ? "developer" : "team";
        const konnect: PortalApplication = {
          id: A,
          name: olds.name,
          ...(olds.description ? { description: olds.description } : {}),
          labels: { ...olds.labels, other: "set-in-the-ui" },
          authStrategyId: B,
          owner: { type: key, id: (olds.owner.teamId ?? olds.owner.developerId).toLowerCase() },
          clientId: olds.dcrClientId ?? "made-by-konnect",
          dcrProviderId: B,
          registrationCount: 0,
          createdAt: T,
          updatedAt: T,
        };
        const outs = applicationOutputs(olds, konnect);
        const diff = await providers.portalApplication.diff!(A, withCode(outs), withCode(news));
        const fixed = unchangeableDifferences(outs, news);
        expect(diff.replaces!.length > 0).toBe(fixed !== undefined);
        expect(diff.deleteBeforeReplace).toBe(true);
        if (fixed === undefined) {
          const plan = portalApplicationDefinition.planUpdate(outs, news);
          expect(diff.changes).toBe(plan !== undefined);
          expect(plan?.fields ?? ["owner"]).toEqual(["owner"]);
        }
      }),
      { numRuns: 300 },
    );
  });

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
  let emulator: KonnectEmulator;
  beforeAll(async () => {
    emulator = await startProviderTestbed();
  });
  afterAll(() => emulator.close());

  /** Writes (PATCH) the emulator saw since the log was cleared. */
  const writes = () => callShapes(emulator).filter((c) => c.startsWith("PATCH "));

  /** Empties Konnect and seeds a portal with what the members need, in the region. */
  function resetKonnect(region: Region) {
    emulator.reset();
    const targets = seedDcrTargets(emulator, {
      region: region ?? "us",
      publication: { auto_approve_registrations: true },
    });
    const developerId = emulator.seedDeveloper(targets.portalId, DEVELOPER_BODY, { region: region ?? "us" }).id;
    return { ...targets, developerId };
  }

  /** After the update: no diff from its outputs, none after a refresh, and the refresh hands back the declared view. */
  async function settled(provider: keyof typeof providers, id: string, outs: object, news: object, table: object) {
    const after = await providers[provider].diff!(id, withCode(outs), withCode(news));
    expect(after.changes).toBe(false);
    const refreshed = await providers[provider].read!(id, outs as never);
    const afterRefresh = await providers[provider].diff!(id, withCode(refreshed.props), withCode(news));
    expect(afterRefresh.changes).toBe(false);
    expect(refreshed.props).toEqual(outs);
    expect(refreshed.inputs).toEqual(declaredView(refreshed.props, table as Record<string, unknown>));
  }

  test("portal team ends in the new declared state with an empty diff", async () => {
    const provider = providers.portalTeam;
    const settings = fc.record(
      {
        name: fc.constantFrom("Partners", "Partners EU"),
        description: fc.constantFrom(undefined, "External", "EU partners"),
        canOwnApplications: fc.constantFrom(undefined, true, false),
      },
      { requiredKeys: ["name"] },
    );
    await fc.assert(
      fc.asyncProperty(settings, settings, regions, async (a, b, region) => {
        const { portalId } = resetKonnect(region);
        const base = { portalId, ...(region ? { region } : {}) };
        const olds = await checked<PortalTeamInputs>("portalTeam", { ...a, ...base });
        const news = await checked<PortalTeamInputs>("portalTeam", { ...b, ...base });
        const created = await provider.create(olds);
        const diff = await provider.diff!(created.id, withCode(created.outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        emulator.clearRequestLog();
        const updated = await provider.update!(created.id, withCode(created.outs), withCode(news));
        expect(writes()).toEqual(diff.changes ? ["PATCH /v3/portals/{id}/teams/{id}"] : []);
        expect(emulator.get("teams", created.id)).toMatchObject({
          name: news.name,
          description: news.description ?? olds.description ?? null,
          can_own_applications: news.canOwnApplications ?? false,
        });
        await settled("portalTeam", created.id, updated.outs!, news, PORTAL_TEAM_INPUTS);
        expect((updated.outs as PortalTeamOutputs).canOwnApplications).toBe(news.canOwnApplications ?? false);
      }),
      { numRuns: 20 },
    );
  });

  test("portal application: an owner change is one PATCH, and nothing else is ever sent", async () => {
    const provider = providers.portalApplication;
    // Ids in another case are compared offline above; Konnect is sent the ids as declared.
    const owner = fc.constantFrom("team", "developer");
    await fc.assert(
      fc.asyncProperty(owner, owner, regions, async (a, b, region) => {
        const { portalId, strategyId, teamId, developerId } = resetKonnect(region);
        const ownerOf = (o: string) => (o === "team" ? { teamId } : { developerId });
        const base = { portalId, name: "Orders client", authStrategyId: strategyId, ...(region ? { region } : {}) };
        const olds = await checked<PortalApplicationInputs>("portalApplication", { ...base, owner: ownerOf(a) });
        const news = await checked<PortalApplicationInputs>("portalApplication", { ...base, owner: ownerOf(b) });
        const created = await provider.create(olds);
        const diff = await provider.diff!(created.id, withCode(created.outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        emulator.clearRequestLog();
        const updated = await provider.update!(created.id, withCode(created.outs), withCode(news));
        expect(writes()).toEqual(diff.changes ? ["PATCH /v3/portals/{id}/applications/{id}"] : []);
        expect(diff.changes).toBe((a === "developer") !== (b === "developer"));
        const stored = emulator.get("applications", created.id)!;
        expect(stored.owner.type).toBe(b === "developer" ? "developer" : "team");
        expect(emulator.list("applications")).toHaveLength(1);
        // The client id of a DCR application is Konnect's: not part of the declared view.
        const { clientId: _konnects, ...declaredRows } = PORTAL_APPLICATION_INPUTS;
        await settled("portalApplication", created.id, updated.outs!, news, declaredRows);
      }),
      { numRuns: 15 },
    );
  });

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
