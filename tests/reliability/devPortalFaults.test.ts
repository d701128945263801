/**
 * The fault matrix of the Dev Portal resources: every request ApiPublication and PortalDefaultAuthStrategy make
 * (through their serialized providers) under throttling, server errors, a reset connection, a committed request whose
 * answer is lost, a timeout, and a 429 burst longer than the retry budget. All these requests are GET, PUT, PATCH or
 * DELETE, which the transport retries: each case asserts the exact requests, the retry line the user sees, and the
 * final Konnect state (no duplicate publication, the portal's default where it belongs).
 */
import { KonnectApiError } from "../../provider/konnect";
import { apiPublicationProvider } from "../../provider/resources/apiPublication/resource";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "../../provider/resources/apiPublication/args";
import { portalDefaultAuthStrategyProvider } from "../../provider/resources/portalDefaultAuthStrategy/resource";
import type { PortalDefaultAuthStrategyOutputs } from "../../provider/resources/portalDefaultAuthStrategy/args";
import { setStackSettings } from "../../provider/resources/testHooks";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { KEY_AUTH_BODY, oidcBody } from "../../tools/emulator/testSupport";
import { TEST_TOKEN, providerLogLines, startProviderTestbed } from "../resources/support";
import { SecretScan } from "../support/secretScan";

const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const PUB = "/v3/apis/*/publications/*";
const PORTAL_PATH = "/v3/portals/*";

let emulator: KonnectEmulator;
let ours = "";
let previous = "";
beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());

/** Seeds the API, the portal (default: `previous`) and the two strategies. */
function seed(): void {
  ours = emulator.seedAuthStrategy(oidcBody()).id;
  previous = emulator.seedAuthStrategy(KEY_AUTH_BODY).id;
  emulator.seedPortal({ name: "dev", default_application_auth_strategy_id: previous }, { id: PORTAL });
  emulator.seedApi({ name: "Orders API", version: "v1" }, { id: API });
}

const declared = (): ApiPublicationInputs => ({ apiId: API, portalId: PORTAL, authStrategyIds: [ours] });
const publish = async () => (await apiPublicationProvider.create(declared())).outs as ApiPublicationOutputs;
const setDefault = async () =>
  (await portalDefaultAuthStrategyProvider.create({ portalId: PORTAL, authStrategyId: ours }))
    .outs as PortalDefaultAuthStrategyOutputs;

/** Observable state: the publication's visibility (or none) and the portal's default (`ours`, `previous`, none). */
function state(): { publication: string; portalDefault: string } {
  const pub = emulator.getPublication(API, PORTAL);
  const current = emulator.portalDefault(PORTAL);
  return {
    publication: pub === undefined ? "none" : String(pub.visibility),
    portalDefault: current === ours ? "ours" : current === previous ? "previous" : String(current),
  };
}

/** One request a resource step makes, faulted. */
interface Operation {
  name: string;
  method: "GET" | "PUT" | "PATCH" | "DELETE";
  path: string;
  okStatus: number;
  /** Requests before and after the faulted one, as `METHOD status`. */
  before: string[];
  after: string[];
  setup: () => Promise<object | undefined>;
  run: (made: object | undefined) => Promise<unknown>;
  /** What the failed call names. */
  label: string;
  afterSuccess: ReturnType<typeof state>;
  afterFailure: ReturnType<typeof state>;
}

const OPERATIONS: Operation[] = [
  {
    name: "create ApiPublication: the GET",
    method: "GET",
    path: PUB,
    okStatus: 404,
    before: [],
    after: ["PUT 200"],
    setup: () => Promise.resolve(undefined),
    run: () => publish(),
    label: `read publication of API ${API} in portal ${PORTAL}`,
    afterSuccess: { publication: "private", portalDefault: "previous" },
    afterFailure: { publication: "none", portalDefault: "previous" },
  },
  {
    name: "create ApiPublication: the PUT",
    method: "PUT",
    path: PUB,
    okStatus: 200,
    before: ["GET 404"],
    after: [],
    setup: () => Promise.resolve(undefined),
    run: () => publish(),
    label: `publish API ${API} to portal ${PORTAL}`,
    afterSuccess: { publication: "private", portalDefault: "previous" },
    afterFailure: { publication: "none", portalDefault: "previous" },
  },
  {
    name: "update ApiPublication",
    method: "PUT",
    path: PUB,
    okStatus: 200,
    before: [],
    after: [],
    setup: publish,
    run: (made) =>
      apiPublicationProvider.update!(`${API}/${PORTAL}`, made as ApiPublicationOutputs, {
        ...declared(),
        visibility: "public",
      }),
    label: `publish API ${API} to portal ${PORTAL}`,
    afterSuccess: { publication: "public", portalDefault: "previous" },
    afterFailure: { publication: "private", portalDefault: "previous" },
  },
  {
    name: "read ApiPublication",
    method: "GET",
    path: PUB,
    okStatus: 200,
    before: [],
    after: [],
    setup: publish,
    run: (made) => apiPublicationProvider.read!(`${API}/${PORTAL}`, made as ApiPublicationOutputs),
    label: `read publication of API ${API} in portal ${PORTAL}`,
    afterSuccess: { publication: "private", portalDefault: "previous" },
    afterFailure: { publication: "private", portalDefault: "previous" },
  },
  {
    name: "delete ApiPublication",
    method: "DELETE",
    path: PUB,
    okStatus: 204,
    before: [],
    after: [],
    setup: publish,
    run: (made) => apiPublicationProvider.delete!(`${API}/${PORTAL}`, made as ApiPublicationOutputs),
    label: `unpublish API ${API} from portal ${PORTAL}`,
    afterSuccess: { publication: "none", portalDefault: "previous" },
    afterFailure: { publication: "private", portalDefault: "previous" },
  },
  {
    name: "create PortalDefaultAuthStrategy: the GET",
    method: "GET",
    path: PORTAL_PATH,
    okStatus: 200,
    before: [],
    after: ["PATCH 200"],
    setup: () => Promise.resolve(undefined),
    run: () => setDefault(),
    label: `read portal ${PORTAL}`,
    afterSuccess: { publication: "none", portalDefault: "ours" },
    afterFailure: { publication: "none", portalDefault: "previous" },
  },
  {
    name: "create PortalDefaultAuthStrategy: the PATCH",
    method: "PATCH",
    path: PORTAL_PATH,
    okStatus: 200,
    before: ["GET 200"],
    after: [],
    setup: () => Promise.resolve(undefined),
    run: () => setDefault(),
    label: "", // set per run (names the strategy id)
    afterSuccess: { publication: "none", portalDefault: "ours" },
    afterFailure: { publication: "none", portalDefault: "previous" },
  },
  {
    name: "read PortalDefaultAuthStrategy",
    method: "GET",
    path: PORTAL_PATH,
    okStatus: 200,
    before: [],
    after: [],
    setup: setDefault,
    run: (made) => portalDefaultAuthStrategyProvider.read!(PORTAL, made as PortalDefaultAuthStrategyOutputs),
    label: `read portal ${PORTAL}`,
    afterSuccess: { publication: "none", portalDefault: "ours" },
    afterFailure: { publication: "none", portalDefault: "ours" },
  },
  {
    name: "delete PortalDefaultAuthStrategy: the GET",
    method: "GET",
    path: PORTAL_PATH,
    okStatus: 200,
    before: [],
    after: ["PATCH 200"],
    setup: setDefault,
    run: (made) => portalDefaultAuthStrategyProvider.delete!(PORTAL, made as PortalDefaultAuthStrategyOutputs),
    label: `read portal ${PORTAL}`,
    afterSuccess: { publication: "none", portalDefault: "previous" },
    afterFailure: { publication: "none", portalDefault: "ours" },
  },
  {
    name: "delete PortalDefaultAuthStrategy: the PATCH back",
    method: "PATCH",
    path: PORTAL_PATH,
    okStatus: 200,
    before: ["GET 200"],
    after: [],
    setup: setDefault,
    run: (made) => portalDefaultAuthStrategyProvider.delete!(PORTAL, made as PortalDefaultAuthStrategyOutputs),
    label: "", // set per run (names the previous strategy id)
    afterSuccess: { publication: "none", portalDefault: "previous" },
    afterFailure: { publication: "none", portalDefault: "ours" },
  },
];

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
  burst?: boolean;
}

const FAULTS: FaultCase[] = [
  { name: "429 with Retry-After: 0", action: { status: 429, retryAfter: 0 }, loggedStatus: 429, why: "HTTP 429" },
  { name: "503", action: { status: 503 }, loggedStatus: 503, why: "HTTP 503" },
  { name: "connection reset", action: { drop: true }, loggedStatus: 0, why: "ECONNRESET" },
  { name: "applied, then the answer lost", action: { commitThenDrop: true }, loggedStatus: 0, why: "ECONNRESET" },
  { name: "answer slower than the 1 s timeout", action: { hangMs: 2000 }, loggedStatus: 0, why: "ETIMEDOUT" },
  {
    name: "429 burst longer than the 1.5 s budget",
    action: { status: 429, retryAfter: 1, times: Infinity },
    loggedStatus: 429,
    why: "HTTP 429",
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
const scan = new SecretScan();
const CASES = OPERATIONS.flatMap((op) => FAULTS.map((fault) => [op.name, fault.name, op, fault] as const));
let casesRun = 0;

describe.each(CASES)("%s under %s", (_op, _fault, op, fault) => {
  it("retries where safe and ends in the expected state", async () => {
    emulator.reset();
    setStackSettings({
      token: TEST_TOKEN,
      serverUrl: `${emulator.url}/{region}`,
      requestTimeoutSeconds: fault.why === "ETIMEDOUT" ? 1 : 5,
      retryBudgetSeconds: fault.burst ? 1.5 : 5,
    });
    seed();
    const made = await op.setup();
    emulator.clearRequestLog();
    providerLogLines.length = 0;
    // A committed PUT/PATCH/DELETE answered by a lost connection: only requests that change something commit.
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
      expect((error as KonnectApiError).status).toBe(429);
      expect((error as Error).message).toMatch(/\(gave up after 2 attempts\): 429 Too Many Requests/);
      if (op.label !== "") expect((error as Error).message.startsWith(`${op.label} (gave up`)).toBe(true);
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
      expect(emulator.publications().length).toBeLessThanOrEqual(1);
    }
    scan.addLines(`${op.name} / ${fault.name} log`, providerLogLines).addRequestLog(emulator.requestLog());
    casesRun++;
  });
});

it(`ran ${OPERATIONS.length} requests x ${FAULTS.length} faults = ${CASES.length} cases, and nothing leaked`, () => {
  expect(casesRun).toBe(CASES.length);
  scan.expectClean([TEST_TOKEN]);
});
