/**
 * The fault matrix of PortalTeam, PortalApplication and ApplicationRegistration: every request they make (through
 * their serialized providers) under throttling, a server error, a reset connection, a committed request whose answer
 * is lost, a timeout, and a 429 burst longer than the retry budget.
 * - GET, PATCH and DELETE are retried by the transport: each case asserts the exact requests, the retry line and the
 *   final Konnect state.
 * - The three POSTs are retried by the transport after a 429 only. After an unknown outcome each create recovers its
 *   own way: the team lists by name (nothing there: POST again; a team there: stop, naming its id for `adopt`, since
 *   teams carry no labels), the application lists by name and takes over the one carrying its creation key, the
 *   registration posts again and finds a committed one by its 409. Never a second object.
 */
import { KonnectApiError } from "../../provider/konnect";
import type { PortalApplicationOutputs } from "../../provider/resources/portalApplication/args";
import { portalApplicationProvider } from "../../provider/resources/portalApplication/resource";
import type { ApplicationRegistrationOutputs } from "../../provider/resources/applicationRegistration/args";
import { applicationRegistrationProvider } from "../../provider/resources/applicationRegistration/resource";
import type { PortalTeamOutputs } from "../../provider/resources/portalTeam/args";
import { portalTeamProvider } from "../../provider/resources/portalTeam/resource";
import { baseCreationKey } from "../../provider/resources/core/creationKey";
import { setStackSettings } from "../../provider/resources/testHooks";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { DEVELOPER_BODY, seedDcrTargets, type DcrTargets } from "../../tools/emulator/testSupport";
import { TEST_TOKEN, providerLogLines, startProviderTestbed } from "../resources/support";
import { SecretScan } from "../support/secretScan";

const TEAMS = "/v3/portals/*/teams";
const APPS = "/v3/portals/*/applications";
const REGS = "/v3/portals/*/applications/*/registrations";
const APP_KEY = baseCreationKey({
  urn: "urn:pulumi:dev::project::pulumi-nodejs:dynamic/konnect:PortalApplication::orders-client",
  organization: "",
});

let emulator: KonnectEmulator;
let targets: DcrTargets;
/** The application the registrations belong to (seeded per case). */
let applicationId = "";
beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());

/** Seeds the DCR targets (auto-approved publication, a team that can own applications) and an application. */
function seed(): void {
  targets = seedDcrTargets(emulator, { publication: { auto_approve_registrations: true } });
  applicationId = emulator.seedApplication(targets.portalId, {
    name: "seeded",
    auth_strategy_id: targets.strategyId,
    owner: { type: "team", id: targets.teamId },
  }).id;
}

const teamInputs = () => ({ portalId: targets.portalId, name: "Partners", canOwnApplications: true });
const appInputs = () => ({
  portalId: targets.portalId,
  name: "Orders client",
  authStrategyId: targets.strategyId,
  owner: { teamId: targets.teamId },
  __creationKey: APP_KEY,
});
const registrationInputs = () => ({ portalId: targets.portalId, applicationId, apiId: targets.apiId });
const createTeam = async () =>
  (await portalTeamProvider.create(teamInputs())) as { id: string; outs: PortalTeamOutputs };
const createApp = async () =>
  (await portalApplicationProvider.create(appInputs())) as { id: string; outs: PortalApplicationOutputs };
const register = async () =>
  (await applicationRegistrationProvider.create(registrationInputs())) as {
    id: string;
    outs: ApplicationRegistrationOutputs;
  };

/** Observable state: the teams named Partners, the applications we make, the registrations' statuses. */
function state() {
  return {
    teams: emulator
      .list("teams")
      .filter((t) => t.name.startsWith("Partners"))
      .map((t) => t.name),
    apps: emulator
      .list("applications")
      .filter((a) => a.name === "Orders client")
      .map((a) => a.owner.type),
    registrations: emulator.list("application-registrations").map((r) => r.status),
  };
}
type State = ReturnType<typeof state>;
const NOTHING: State = { teams: [], apps: [], registrations: [] };
const TEAM: State = { ...NOTHING, teams: ["Partners"] };
const APP: State = { ...NOTHING, apps: ["team"] };
const REGISTERED: State = { ...NOTHING, registrations: ["approved"] };

/** One request a resource step makes that the transport retries (GET, PATCH, DELETE), faulted. */
interface RetriedOperation {
  name: string;
  method: "GET" | "PATCH" | "DELETE";
  path: string;
  okStatus: number;
  /** Requests before and after the faulted one, as `METHOD status`. */
  before: string[];
  after: string[];
  setup: () => Promise<{ id: string; outs: object } | undefined>;
  run: (made: { id: string; outs: object } | undefined) => Promise<unknown>;
  /** What the failed call's message starts with ("" to skip). */
  label: string;
  afterSuccess: State;
  afterFailure: State;
}

const none = () => Promise.resolve(undefined);

const RETRIED: RetriedOperation[] = [
  {
    name: "create PortalTeam: the list",
    method: "GET",
    path: TEAMS,
    okStatus: 200,
    before: [],
    after: ["POST 201"],
    setup: none,
    run: createTeam,
    label: "list portal teams",
    afterSuccess: TEAM,
    afterFailure: NOTHING,
  },
  {
    name: "read PortalTeam",
    method: "GET",
    path: `${TEAMS}/*`,
    okStatus: 200,
    before: [],
    after: [],
    setup: createTeam,
    run: (made) => portalTeamProvider.read!(made!.id, made!.outs as PortalTeamOutputs),
    label: "read portal team",
    afterSuccess: TEAM,
    afterFailure: TEAM,
  },
  {
    name: "update PortalTeam",
    method: "PATCH",
    path: `${TEAMS}/*`,
    okStatus: 200,
    before: [],
    after: [],
    setup: createTeam,
    run: (made) =>
      portalTeamProvider.update!(made!.id, made!.outs as PortalTeamOutputs, { ...teamInputs(), name: "Partners EU" }),
    label: "update portal team",
    afterSuccess: { ...NOTHING, teams: ["Partners EU"] },
    afterFailure: TEAM,
  },
  {
    name: "delete PortalTeam",
    method: "DELETE",
    path: `${TEAMS}/*`,
    okStatus: 204,
    before: [],
    after: [],
    setup: createTeam,
    run: (made) => portalTeamProvider.delete!(made!.id, made!.outs as PortalTeamOutputs),
    label: "delete portal team",
    afterSuccess: NOTHING,
    afterFailure: TEAM,
  },
  {
    name: "create PortalApplication: the list",
    method: "GET",
    path: APPS,
    okStatus: 200,
    before: [],
    after: ["POST 201"],
    setup: none,
    run: createApp,
    label: "list portal applications",
    afterSuccess: APP,
    afterFailure: NOTHING,
  },
  {
    name: "read PortalApplication",
    method: "GET",
    path: `${APPS}/*`,
    okStatus: 200,
    before: [],
    after: [],
    setup: createApp,
    run: (made) => portalApplicationProvider.read!(made!.id, made!.outs as PortalApplicationOutputs),
    label: "read portal application",
    afterSuccess: APP,
    afterFailure: APP,
  },
  {
    name: "update PortalApplication (owner)",
    method: "PATCH",
    path: `${APPS}/*`,
    okStatus: 200,
    before: [],
    after: [],
    setup: async () => {
      const made = await createApp();
      developerId = emulator.seedDeveloper(targets.portalId, DEVELOPER_BODY).id;
      return made;
    },
    run: (made) =>
      portalApplicationProvider.update!(made!.id, made!.outs as PortalApplicationOutputs, {
        ...appInputs(),
        owner: { developerId },
      }),
    label: "update portal application",
    afterSuccess: { ...NOTHING, apps: ["developer"] },
    afterFailure: APP,
  },
  {
    name: "delete PortalApplication",
    method: "DELETE",
    path: `${APPS}/*`,
    okStatus: 204,
    before: [],
    after: [],
    setup: createApp,
    run: (made) => portalApplicationProvider.delete!(made!.id, made!.outs as PortalApplicationOutputs),
    label: "delete portal application",
    afterSuccess: NOTHING,
    afterFailure: APP,
  },
  {
    name: "create ApplicationRegistration after a 409: the list",
    method: "GET",
    path: REGS,
    okStatus: 200,
    before: ["POST 409"],
    after: [],
    setup: async () => {
      emulator.seedRegistration(targets.portalId, applicationId, { api_id: targets.apiId });
      return Promise.resolve(undefined);
    },
    run: register,
    label: "list application registrations",
    afterSuccess: REGISTERED,
    afterFailure: REGISTERED,
  },
  {
    name: "read ApplicationRegistration",
    method: "GET",
    path: `${REGS}/*`,
    okStatus: 200,
    before: [],
    after: [],
    setup: register,
    run: (made) => applicationRegistrationProvider.read!(made!.id, made!.outs as ApplicationRegistrationOutputs),
    label: "read application registration",
    afterSuccess: REGISTERED,
    afterFailure: REGISTERED,
  },
  {
    name: "update ApplicationRegistration (status)",
    method: "PATCH",
    path: `${REGS}/*`,
    okStatus: 200,
    before: [],
    after: [],
    setup: register,
    run: (made) =>
      applicationRegistrationProvider.update!(made!.id, made!.outs as ApplicationRegistrationOutputs, {
        ...registrationInputs(),
        status: "revoked",
      }),
    label: "update application registration",
    afterSuccess: { ...NOTHING, registrations: ["revoked"] },
    afterFailure: REGISTERED,
  },
  {
    name: "delete ApplicationRegistration",
    method: "DELETE",
    path: `${REGS}/*`,
    okStatus: 204,
    before: [],
    after: [],
    setup: register,
    run: (made) => applicationRegistrationProvider.delete!(made!.id, made!.outs as ApplicationRegistrationOutputs),
    label: "delete application registration",
    afterSuccess: NOTHING,
    afterFailure: REGISTERED,
  },
];
let developerId = "";

/** One fault. */
interface FaultCase {
  name: string;
  action:
    | { status: number; retryAfter?: number; times?: number }
    | { drop: true }
    | { commitThenDrop: true }
    | { hangMs: number };
  loggedStatus: number;
  why: string;
  /** 429s are refused before processing: the transport retries even a POST. */
  throttled?: boolean;
  burst?: boolean;
}

const FAULTS: FaultCase[] = [
  {
    name: "429 with Retry-After: 0",
    action: { status: 429, retryAfter: 0 },
    loggedStatus: 429,
    why: "HTTP 429",
    throttled: true,
  },
  { name: "503", action: { status: 503 }, loggedStatus: 503, why: "HTTP 503" },
  { name: "connection reset", action: { drop: true }, loggedStatus: 0, why: "ECONNRESET" },
  { name: "applied, then the answer lost", action: { commitThenDrop: true }, loggedStatus: 0, why: "ECONNRESET" },
  { name: "answer slower than the 1 s timeout", action: { hangMs: 2000 }, loggedStatus: 0, why: "ETIMEDOUT" },
  {
    name: "429 burst longer than the 1.5 s budget",
    action: { status: 429, retryAfter: 1, times: Infinity },
    loggedStatus: 429,
    why: "HTTP 429",
    throttled: true,
    burst: true,
  },
];

/** Polls (every 10 ms, at most 2 s) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

const requests = () => emulator.requestLog().map((e) => `${e.method} ${e.status}`);
const retryLines = () =>
  providerLogLines.filter((l) => l.includes("retrying")).map((l) => l.replace(/ \(retry.*$/, ""));
const recoveryLines = () => providerLogLines.filter((l) => /the create was|outcome is unknown/.test(l));
const scan = new SecretScan();

/** Resets the emulator and the connection settings for one fault, seeds, and runs the setup. */
async function prepare(fault: FaultCase, setup: () => Promise<{ id: string; outs: object } | undefined>) {
  emulator.reset();
  setStackSettings({
    token: TEST_TOKEN,
    serverUrl: `${emulator.url}/{region}`,
    requestTimeoutSeconds: fault.why === "ETIMEDOUT" ? 1 : 5,
    retryBudgetSeconds: fault.burst ? 1.5 : 5,
  });
  seed();
  const made = await setup();
  emulator.clearRequestLog();
  providerLogLines.length = 0;
  return made;
}

const RETRIED_CASES = RETRIED.flatMap((op) => FAULTS.map((fault) => [op.name, fault.name, op, fault] as const));
let casesRun = 0;

describe.each(RETRIED_CASES)("%s under %s", (_op, _fault, op, fault) => {
  it("is retried and ends in the expected state", async () => {
    const made = await prepare(fault, op.setup);
    // A committed PATCH/DELETE answered by a lost connection: only requests that change something commit.
    const action = "commitThenDrop" in fault.action && op.method === "GET" ? { drop: true as const } : fault.action;
    emulator.injectFault({ method: op.method, path: op.path, ...action });
    const error = await op.run(made).then(
      () => undefined,
      (e: unknown) => e,
    );
    emulator.clearFaults();
    const failed = `${op.method} ${fault.loggedStatus}`;
    if (fault.burst) {
      await until(() => requests().length >= op.before.length + 2);
      expect(error).toBeInstanceOf(KonnectApiError);
      expect((error as Error).message).toMatch(/\(gave up after 2 attempts\): 429 Too Many Requests/);
      expect((error as Error).message.startsWith(op.label)).toBe(true);
      expect(requests()).toEqual([...op.before, failed, failed]);
      expect(state()).toEqual(op.afterFailure);
      scan.addError(`${op.name} / ${fault.name}`, error);
    } else {
      await until(() => requests().length >= op.before.length + 2 + op.after.length);
      expect(error).toBeUndefined();
      // A lost answer of a committed DELETE is retried and answered 404: done, as delete treats it.
      const ok =
        "commitThenDrop" in fault.action && op.method === "DELETE" ? `${op.method} 404` : `${op.method} ${op.okStatus}`;
      expect(requests()).toEqual([...op.before, failed, ok, ...op.after]);
      expect(retryLines()).toEqual([
        expect.stringMatching(new RegExp(`^konnect: retrying ${op.method} .* after ${fault.why}`)),
      ]);
      expect(state()).toEqual(op.afterSuccess);
    }
    scan.addLines(`${op.name} / ${fault.name} log`, providerLogLines).addRequestLog(emulator.requestLog());
    casesRun++;
  });
});

/** One create's POST, faulted: what each recovery does after an unknown outcome, and after a committed one. */
interface PostOperation {
  name: string;
  path: string;
  /** Requests before the POST (the lookup). */
  before: string[];
  run: () => Promise<unknown>;
  label: string;
  /** After a POST that was not applied (5xx, reset, timeout): the recovery requests, then the POST again. */
  recovery: string[];
  /** The recovery log line's start. */
  recoveryLine: string;
  /** After a committed POST whose answer was lost: the requests after it and the outcome. */
  committed: { after: string[]; error?: RegExp };
  created: State;
}

const POSTS: PostOperation[] = [
  {
    name: "create PortalTeam: the POST",
    path: TEAMS,
    before: ["GET 200"],
    run: createTeam,
    label: 'create portal team "Partners"',
    recovery: ["GET 200"],
    recoveryLine: "konnect: the create was not applied (",
    // Teams carry no labels: the team found by name is named for adopt, never taken over unasked.
    committed: {
      after: ["GET 200"],
      error:
        /the create's answer was lost \(.*\), and a team named "Partners" now exists in portal .* \(id .*\): most likely the one this create made\. .*set adopt: "/,
    },
    created: TEAM,
  },
  {
    name: "create PortalApplication: the POST",
    path: APPS,
    before: ["GET 200"],
    run: createApp,
    label: 'create portal application "Orders client"',
    recovery: ["GET 200"],
    recoveryLine: "konnect: the create was not applied (",
    committed: { after: ["GET 200"] },
    created: APP,
  },
  {
    name: "create ApplicationRegistration: the POST",
    path: REGS,
    before: [],
    run: register,
    label: "register application",
    recovery: [],
    recoveryLine: "konnect: the registration's outcome is unknown (",
    committed: { after: ["POST 409", "GET 200"] },
    created: REGISTERED,
  },
];

const POST_CASES = POSTS.flatMap((op) => FAULTS.map((fault) => [op.name, fault.name, op, fault] as const));

describe.each(POST_CASES)("%s under %s", (_op, _fault, op, fault) => {
  it("never makes a second object", async () => {
    await prepare(fault, none);
    emulator.injectFault({ method: "POST", path: op.path, ...fault.action });
    const error = await op.run().then(
      () => undefined,
      (e: unknown) => e,
    );
    emulator.clearFaults();
    const failed = `POST ${fault.loggedStatus}`;
    if (fault.burst) {
      await until(() => requests().length >= op.before.length + 2);
      expect(error).toBeInstanceOf(KonnectApiError);
      expect((error as Error).message).toMatch(/\(gave up after 2 attempts\): 429 Too Many Requests/);
      expect((error as Error).message.startsWith(op.label)).toBe(true);
      expect(requests()).toEqual([...op.before, failed, failed]);
      expect(state()).toEqual(NOTHING);
      scan.addError(`${op.name} / ${fault.name}`, error);
    } else if (fault.throttled) {
      expect(error).toBeUndefined();
      expect(requests()).toEqual([...op.before, failed, "POST 201"]);
      expect(state()).toEqual(op.created);
    } else if ("commitThenDrop" in fault.action) {
      await until(() => requests().length >= op.before.length + 1 + op.committed.after.length);
      expect(requests()).toEqual([...op.before, failed, ...op.committed.after]);
      if (op.committed.error === undefined) expect(error).toBeUndefined();
      else {
        expect((error as Error).message).toMatch(op.committed.error);
        scan.addError(`${op.name} / ${fault.name}`, error);
      }
      // Exactly one object, whichever way the create ended.
      expect(state()).toEqual(op.created);
    } else {
      await until(() => requests().length >= op.before.length + 2 + op.recovery.length);
      expect(error).toBeUndefined();
      expect(requests()).toEqual([...op.before, failed, ...op.recovery, "POST 201"]);
      expect(recoveryLines()).toEqual([expect.stringContaining(`${op.recoveryLine}${op.label}`)]);
      expect(state()).toEqual(op.created);
    }
    scan.addLines(`${op.name} / ${fault.name} log`, providerLogLines).addRequestLog(emulator.requestLog());
    casesRun++;
  });
});

it(`ran ${RETRIED.length + POSTS.length} requests x ${FAULTS.length} faults = ${RETRIED_CASES.length + POST_CASES.length} cases, and nothing leaked`, () => {
  expect(casesRun).toBe(RETRIED_CASES.length + POST_CASES.length);
  scan.expectClean([TEST_TOKEN]);
});
