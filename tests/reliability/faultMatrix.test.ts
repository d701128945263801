/**
 * The fault matrix: every operation the resources make (create, read, update, delete of the DCR provider and the auth strategy, verify, list)
 * under every fault Konnect or the network can produce (429 with Retry-After in seconds, as an HTTP date and without
 * it; 500, 502, 503, 504; a reset connection; an answer slower than the timeout; a burst of 429s longer than the
 * retry budget). Each case asserts the final Konnect state, the exact requests, the error or log lines the user sees,
 * that every error is one of the client's own classes and that nothing the user can see holds the token or a secret.
 *
 * Expected behaviour (see provider/konnect/retryPolicy.ts and provider/resources/createOnce.ts):
 * - GET, PATCH, DELETE: retried after 429, 5xx, reset and timeout within the budget.
 * - POST: retried by the transport after 429 only; a create with an unknown outcome (5xx, reset, timeout) is
 *   recovered by createOnce (list by name, look for the creation label, else POST again).
 * - verify (a POST): a failure after the object was created keeps the object in state (ResourceInitError).
 * - A 429 burst longer than the budget fails naming the operation, the status and "gave up after N attempts".
 * - Keyed creates (the engine path; rows at the end): a host killed while Konnect holds the stored POST, an
 *   unparseable 2xx and a failed recovery listing never end in a second object; the next run finds the first by key.
 */
import { providers, type AuthStrategyInputs, type DcrProviderInputs } from "../../provider";
import { KonnectApiError, KonnectNetworkError, listDcrProviders } from "../../provider/konnect";
import { transportFor } from "../../provider/resources/core/context";
import { CREATION_KEY_INPUT, baseCreationKey } from "../../provider/resources/core/creationKey";
import { ResourceInitError } from "../../provider/resources/core/errors";
import { setStackSettings } from "../../provider/resources/testHooks";
import type { KonnectEmulator, NamedObjectKind } from "../../tools/emulator/emulator";
import type { MalformedAnswer } from "../../tools/emulator/types";
import { TEST_TOKEN, providerLogLines, startProviderTestbed } from "../resources/support";
import { SecretScan } from "../support/secretScan";
import { CLIENT_ID, TENANT, keyAuthStrategyInputs } from "../support/validInputs";

const CLIENT_SECRET = "matrix-client-secret-value-0001";
const dcrInputs: DcrProviderInputs = {
  name: "matrix-dcr",
  providerType: "azureAd",
  issuer: `https://sts.windows.net/${TENANT}`,
  labels: { team: "platform" },
  dcrConfig: { initialClientId: CLIENT_ID, initialClientSecret: CLIENT_SECRET },
};
const strategyInputs: AuthStrategyInputs = keyAuthStrategyInputs({ name: "matrix-keys" });
const DCR = "/v2/dcr-providers";
const STRATEGIES = "/v2/application-auth-strategies";

let emulator: KonnectEmulator;
beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());

/** What the test needs to know about an object made before the faulted call. */
interface Made {
  id: string;
  outs?: object;
}

/** One operation of the matrix. */
interface Operation {
  name: string;
  kind: NamedObjectKind;
  /** The request the fault hits: method and path pattern (as `injectFault` takes it). */
  method: "GET" | "POST" | "PATCH" | "DELETE";
  faultPath: string;
  /** Status of the faulted request when it succeeds. */
  okStatus: number;
  /** Requests the operation makes before the faulted one (shapes with `{id}`). */
  before: string[];
  /** How the transport and the resources treat an unknown outcome of this request. */
  unknownOutcome: "retried" | "createOnce" | "keptInState";
  /** Objects made first (not part of the counted requests). */
  setup: () => Promise<Made | undefined>;
  run: (made: Made | undefined) => Promise<unknown>;
  /** Operation name in messages. */
  label: (made: Made | undefined) => string;
  /** Names of the objects of `kind` in Konnect after success and after failure. */
  namesAfterSuccess: string[];
  namesAfterFailure: string[];
}

const createDcr = async (): Promise<Made> => providers.dcrProvider.create(dcrInputs);
const createStrategy = async (): Promise<Made> => providers.authStrategy.create(strategyInputs);

const OPERATIONS: Operation[] = [
  {
    name: "create DcrProvider",
    kind: "dcr-providers",
    method: "POST",
    faultPath: DCR,
    okStatus: 201,
    before: [],
    unknownOutcome: "createOnce",
    setup: () => Promise.resolve(undefined),
    run: () => providers.dcrProvider.create(dcrInputs),
    label: () => `create DCR provider "matrix-dcr"`,
    namesAfterSuccess: ["matrix-dcr"],
    namesAfterFailure: [],
  },
  {
    name: "create AuthStrategy",
    kind: "application-auth-strategies",
    method: "POST",
    faultPath: STRATEGIES,
    okStatus: 201,
    before: [],
    unknownOutcome: "createOnce",
    setup: () => Promise.resolve(undefined),
    run: () => providers.authStrategy.create(strategyInputs),
    label: () => `create auth strategy "matrix-keys"`,
    namesAfterSuccess: ["matrix-keys"],
    namesAfterFailure: [],
  },
  {
    name: "read DcrProvider",
    kind: "dcr-providers",
    method: "GET",
    faultPath: `${DCR}/*`,
    okStatus: 200,
    before: [],
    unknownOutcome: "retried",
    setup: createDcr,
    run: (made) => providers.dcrProvider.read!(made!.id, made!.outs as never),
    label: (made) => `read DCR provider ${made!.id}`,
    namesAfterSuccess: ["matrix-dcr"],
    namesAfterFailure: ["matrix-dcr"],
  },
  {
    name: "read AuthStrategy",
    kind: "application-auth-strategies",
    method: "GET",
    faultPath: `${STRATEGIES}/*`,
    okStatus: 200,
    before: [],
    unknownOutcome: "retried",
    setup: createStrategy,
    run: (made) => providers.authStrategy.read!(made!.id, made!.outs as never),
    label: (made) => `read auth strategy ${made!.id}`,
    namesAfterSuccess: ["matrix-keys"],
    namesAfterFailure: ["matrix-keys"],
  },
  {
    name: "update DcrProvider",
    kind: "dcr-providers",
    method: "PATCH",
    faultPath: `${DCR}/*`,
    okStatus: 200,
    before: [],
    unknownOutcome: "retried",
    setup: createDcr,
    run: (made) => providers.dcrProvider.update!(made!.id, made!.outs as never, { ...dcrInputs, name: "matrix-dcr-2" }),
    label: (made) => `update DCR provider ${made!.id}`,
    namesAfterSuccess: ["matrix-dcr-2"],
    namesAfterFailure: ["matrix-dcr"],
  },
  {
    name: "update AuthStrategy",
    kind: "application-auth-strategies",
    method: "PATCH",
    faultPath: `${STRATEGIES}/*`,
    okStatus: 200,
    before: [],
    unknownOutcome: "retried",
    setup: createStrategy,
    run: (made) =>
      providers.authStrategy.update!(made!.id, made!.outs as never, { ...strategyInputs, name: "matrix-keys-2" }),
    label: (made) => `update auth strategy ${made!.id}`,
    namesAfterSuccess: ["matrix-keys-2"],
    namesAfterFailure: ["matrix-keys"],
  },
  {
    name: "delete DcrProvider",
    kind: "dcr-providers",
    method: "DELETE",
    faultPath: `${DCR}/*`,
    okStatus: 204,
    before: [],
    unknownOutcome: "retried",
    setup: createDcr,
    run: (made) => providers.dcrProvider.delete!(made!.id, made!.outs as never),
    label: (made) => `delete DCR provider ${made!.id}`,
    namesAfterSuccess: [],
    namesAfterFailure: ["matrix-dcr"],
  },
  {
    name: "delete AuthStrategy",
    kind: "application-auth-strategies",
    method: "DELETE",
    faultPath: `${STRATEGIES}/*`,
    okStatus: 204,
    before: [],
    unknownOutcome: "retried",
    setup: createStrategy,
    run: (made) => providers.authStrategy.delete!(made!.id, made!.outs as never),
    label: (made) => `delete auth strategy ${made!.id}`,
    namesAfterSuccess: [],
    namesAfterFailure: ["matrix-keys"],
  },
  {
    name: "verify DcrProvider (create with verify: true)",
    kind: "dcr-providers",
    method: "POST",
    faultPath: `${DCR}/*/verify`,
    okStatus: 200,
    before: [`POST ${DCR} 201`],
    unknownOutcome: "keptInState",
    setup: () => Promise.resolve(undefined),
    run: () => providers.dcrProvider.create({ ...dcrInputs, verify: true }),
    label: () => `verify DCR provider {id}`,
    namesAfterSuccess: ["matrix-dcr"],
    // the object exists: it is kept in state by a partial failure, never lost
    namesAfterFailure: ["matrix-dcr"],
  },
  {
    name: "list DcrProviders",
    kind: "dcr-providers",
    method: "GET",
    faultPath: DCR,
    okStatus: 200,
    before: [],
    unknownOutcome: "retried",
    setup: createDcr,
    run: () => listDcrProviders(transportFor(undefined).transport),
    label: () => "list DCR providers",
    namesAfterSuccess: ["matrix-dcr"],
    namesAfterFailure: ["matrix-dcr"],
  },
];

/** A fault without its matcher (method and path come from the operation). */
type FaultAction = { times?: number } & (
  { status: number; retryAfter?: number | string } | { drop: true } | { hangMs: number }
);

/** One fault of the matrix. */
interface FaultCase {
  name: string;
  /** The fault's action, built when the case runs (an HTTP date must be fresh). */
  action: () => FaultAction;
  /** Status the faulted request is logged with (0 = no answer). */
  loggedStatus: number;
  /** What the failure looks like in the retry log (`HTTP 503`, `ECONNRESET`). */
  why: string;
  /** 429s are refused before processing: retried even for POST. */
  throttled: boolean;
  /** The fault outlasts the retry budget. */
  burst?: boolean;
}

const FAULTS: FaultCase[] = [
  {
    name: "429 with Retry-After: 0 (seconds)",
    action: () => ({ status: 429, retryAfter: 0 }),
    loggedStatus: 429,
    why: "HTTP 429",
    throttled: true,
  },
  {
    // an HTTP date at the current second: already due, so no real wait (the budget test below proves dates are read)
    name: "429 with Retry-After as an HTTP date",
    action: () => ({ status: 429, retryAfter: new Date().toUTCString() }),
    loggedStatus: 429,
    why: "HTTP 429",
    throttled: true,
  },
  {
    name: "429 without Retry-After",
    action: () => ({ status: 429 }),
    loggedStatus: 429,
    why: "HTTP 429",
    throttled: true,
  },
  ...[500, 502, 503, 504].map((status): FaultCase => ({
    name: String(status),
    action: () => ({ status }),
    loggedStatus: status,
    why: `HTTP ${status}`,
    throttled: false,
  })),
  {
    name: "connection reset",
    action: () => ({ drop: true }),
    loggedStatus: 0,
    why: "ECONNRESET",
    throttled: false,
  },
  {
    name: "answer slower than the 1 s timeout",
    action: () => ({ hangMs: 2000 }),
    loggedStatus: 0,
    why: "ETIMEDOUT",
    throttled: false,
  },
  {
    name: "429 burst longer than the 1.5 s budget (Retry-After: 1)",
    action: () => ({ status: 429, retryAfter: 1, times: Infinity }),
    loggedStatus: 429,
    why: "HTTP 429",
    throttled: true,
    burst: true,
  },
];

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const normalize = (text: string) =>
  text
    .replace(ID, "{id}")
    .replace(/kong:trace:\d+/g, "kong:trace:N")
    .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT");

/** The requests the emulator saw, as `METHOD /path status` with `{id}` for ids. */
function requests(): string[] {
  return emulator
    .requestLog()
    .map((e) => normalize(`${e.method} ${e.path.replace(/^\/us(?=\/)/, "").replace(/\?.*$/, "")} ${e.status}`));
}

const names = (kind: NamedObjectKind) =>
  emulator
    .list(kind)
    .map((o) => o.name)
    .sort();

/** What the user sees in the provider log about retries and recoveries (progress lines left out). */
const recoveryLines = () =>
  providerLogLines.filter((l) => /retrying|the create was/.test(l)).map((l) => normalize(l.replace(/^konnect: /, "")));

type Outcome =
  | { kind: "ok"; requests: string[]; log: string[] }
  | { kind: "error"; requests: string[]; log: string[]; message: string; errorClass: "api" | "init" };

/** The expected outcome of one cell of the matrix. */
function expected(op: Operation, fault: FaultCase, made: Made | undefined): Outcome {
  const label = normalize(op.label(made));
  const faulted = `${op.method} ${op.faultPath.replace("*", "{id}")}`;
  const failed = `${faulted} ${fault.loggedStatus}`;
  const ok = `${faulted} ${op.okStatus}`;
  const retryLine = (wait: string) => `retrying ${faulted} after ${fault.why} (retry 1, waiting ${wait} s)`;
  if (fault.burst) {
    const message = `${label} (gave up after 2 attempts): 429 Too Many Requests (trace kong:trace:N)`;
    return {
      kind: "error",
      requests: [...op.before, failed, failed],
      log: [retryLine("1.0")],
      message:
        op.unknownOutcome === "keptInState"
          ? `DCR provider "matrix-dcr" was created (id {id}) but verifying it failed: ${message}. It is kept in state; run \`pulumi up\` again to verify it.`
          : message,
      errorClass: op.unknownOutcome === "keptInState" ? "init" : "api",
    };
  }
  if (fault.throttled || op.unknownOutcome === "retried") {
    return { kind: "ok", requests: [...op.before, failed, ok], log: [retryLine("0.0")] };
  }
  const what =
    fault.loggedStatus !== 0
      ? `${label}: ${fault.why.replace("HTTP ", "")} ${STATUS_TITLES[fault.loggedStatus]} (trace kong:trace:N)`
      : fault.why === "ECONNRESET"
        ? `${label}: connection to http://127.0.0.1:PORT/us closed before Konnect answered; Konnect may or may not have applied the request (ECONNRESET)`
        : `${label}: no complete answer from http://127.0.0.1:PORT/us within 1 s (requestTimeoutSeconds); Konnect may or may not have applied the request (ETIMEDOUT)`;
  if (op.unknownOutcome === "createOnce") {
    return {
      kind: "ok",
      requests: [failed, `GET ${op.faultPath} 200`, ok],
      log: [`the create was not applied (${what}); trying again`],
    };
  }
  return {
    kind: "error",
    requests: [...op.before, failed],
    log: [],
    message: `DCR provider "matrix-dcr" was created (id {id}) but verifying it failed: ${what}. It is kept in state; run \`pulumi up\` again to verify it.`,
    errorClass: "init",
  };
}

const STATUS_TITLES: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Polls (every 10 ms, at most 2 s) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

const scan = new SecretScan();
const CASES = OPERATIONS.flatMap((op) => FAULTS.map((fault) => [op.name, fault.name, op, fault] as const));
let casesRun = 0;

describe.each(CASES)("%s under %s", (_op, _fault, op, fault) => {
  it("ends in the expected state with the expected requests and messages", async () => {
    emulator.reset();
    providerLogLines.length = 0;
    setStackSettings({
      token: TEST_TOKEN,
      serverUrl: `${emulator.url}/{region}`,
      requestTimeoutSeconds: fault.why === "ETIMEDOUT" ? 1 : 5,
      retryBudgetSeconds: fault.burst ? 1.5 : 5,
    });
    const made = await op.setup();
    emulator.clearRequestLog();
    providerLogLines.length = 0;
    emulator.injectFault({ method: op.method, path: op.faultPath, ...fault.action() });

    const result = await op.run(made).then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error }),
    );
    emulator.clearFaults();
    const want = expected(op, fault, made);
    // a hung request is logged when its socket closes, which can be just after the client gave up
    await until(() => emulator.requestLog().length >= want.requests.length);

    expect(requests()).toEqual(want.requests);
    expect(recoveryLines()).toEqual(want.log);
    if (want.kind === "ok") {
      expect(result.error).toBeUndefined();
      expect(names(op.kind)).toEqual(op.namesAfterSuccess);
    } else {
      const error = result.error;
      expect(error).toBeInstanceOf(want.errorClass === "api" ? KonnectApiError : ResourceInitError);
      if (error instanceof ResourceInitError) {
        // the object exists and its id and outputs reach Pulumi's state; the cause is a client error
        expect(error.id).toBe(emulator.list("dcr-providers")[0]!.id);
        expect(error.properties).toMatchObject({ name: "matrix-dcr" });
        expect([KonnectApiError, KonnectNetworkError].some((c) => error.cause instanceof c)).toBe(true);
      }
      expect(normalize((error as Error).message)).toBe(want.message);
      expect(names(op.kind)).toEqual(op.namesAfterFailure);
      scan.addError(`${op.name} / ${fault.name}`, error);
    }
    if (op.kind === "dcr-providers" && names(op.kind).length > 0) {
      // never a duplicate, and the secret Konnect holds is the declared one
      const [stored] = emulator.list("dcr-providers");
      expect(emulator.storedSecrets(stored!.id)).toEqual({ initial_client_secret: CLIENT_SECRET });
    }
    if (typeof result.value === "object" && result.value !== null) {
      // outputs carry the write-only secrets under their input names, marked secret: scan what is not
      for (const [key, value] of Object.entries(result.value))
        scan.addOutputs(`${op.name} / ${fault.name} ${key}`, value);
    }
    scan.addLines(`${op.name} / ${fault.name} log`, providerLogLines).addRequestLog(emulator.requestLog());
    casesRun++;
  });
});

describe("Retry-After is read, not guessed", () => {
  beforeEach(() => {
    emulator.reset();
    providerLogLines.length = 0;
    setStackSettings({ token: TEST_TOKEN, serverUrl: `${emulator.url}/{region}`, retryBudgetSeconds: 2 });
  });

  it.each([
    ["seconds", "3600"],
    ["an HTTP date", new Date(Date.now() + 3_600_000).toUTCString()],
  ])("a Retry-After in %s past the budget gives up at once instead of backing off", async (_form, retryAfter) => {
    emulator.injectFault({ method: "GET", path: DCR, status: 429, retryAfter, times: Infinity });
    const error = (await listDcrProviders(transportFor(undefined).transport).catch((e: unknown) => e)) as Error;
    emulator.clearFaults();
    expect(error).toBeInstanceOf(KonnectApiError);
    expect(normalize(error.message)).toBe("list DCR providers: 429 Too Many Requests (trace kong:trace:N)");
    expect(requests()).toEqual([`GET ${DCR} 429`]);
    expect(recoveryLines()).toEqual([]);
  });

  it("a Retry-After of 1 s is the wait the log announces", async () => {
    emulator.injectFault({ method: "GET", path: DCR, status: 429, retryAfter: 1 });
    await listDcrProviders(transportFor(undefined).transport);
    expect(recoveryLines()).toEqual([`retrying GET ${DCR} after HTTP 429 (retry 1, waiting 1.0 s)`]);
  });
});

/**
 * Rows for creates whose outcome is lost for good (issue 13 §1), with the creation key every engine run carries
 * (`check` adds `__creationKey`): the plugin host killed while Konnect holds the stored POST (here: the first create
 * is abandoned unanswered and the next run's create starts), and a 2xx answer that does not parse. The next run (or
 * the create itself, for an unparseable answer) finds the object by its key: one object, its id, no second POST.
 */
const KEYED_CREATES = [
  {
    name: "create DcrProvider",
    kind: "dcr-providers" as const,
    path: DCR,
    objectName: "matrix-dcr",
    keyed: () => keyedInputs(providers.dcrProvider, dcrInputs, "pulumi-nodejs:dynamic/konnect:DcrProvider"),
    create: (inputs: object) => providers.dcrProvider.create(inputs as DcrProviderInputs),
    // Taking over re-sends what outputs of an existing object cannot show: the write-only secret.
    takeOver: [`PATCH ${DCR}/{id} 200`],
  },
  {
    name: "create AuthStrategy",
    kind: "application-auth-strategies" as const,
    path: STRATEGIES,
    objectName: "matrix-keys",
    keyed: () => keyedInputs(providers.authStrategy, strategyInputs, "pulumi-nodejs:dynamic/konnect:AuthStrategy"),
    create: (inputs: object) => providers.authStrategy.create(inputs as AuthStrategyInputs),
    // The stored strategy already is in the declared state: nothing to send.
    takeOver: [] as string[],
  },
];

/** Checked inputs carrying the base creation key of a resource named `matrix` in stack `dev`. */
async function keyedInputs(
  provider: { check?: (olds: never, news: never) => Promise<{ inputs?: unknown; failures?: unknown[] }> },
  inputs: object,
  type: string,
): Promise<object> {
  const key = baseCreationKey({ urn: `urn:pulumi:dev::matrix::${type}::matrix`, organization: "" });
  const result = await provider.check!({} as never, { ...inputs, [CREATION_KEY_INPUT]: key } as never);
  expect(result.failures).toEqual([]);
  return result.inputs as object;
}

const UNPARSEABLE_ANSWERS: [string, MalformedAnswer][] = [
  ["an HTML page", { raw: "<html><body>upstream hiccup</body></html>" }],
  ["display_name: null", { set: { display_name: null } }],
  ["no id", { omit: ["id"] }],
];

describe.each(KEYED_CREATES)("$name with a creation key", (op) => {
  beforeEach(() => {
    emulator.reset();
    providerLogLines.length = 0;
    setStackSettings({ token: TEST_TOKEN, serverUrl: `${emulator.url}/{region}`, retryBudgetSeconds: 5 });
  });

  it("costs 1 list + 1 POST when nothing is lost", async () => {
    const { id } = await op.create(await op.keyed());
    expect(requests()).toEqual([`GET ${op.path} 200`, `POST ${op.path} 201`]);
    expect(emulator.list(op.kind).map((o) => o.id)).toEqual([id]);
  });

  it("host killed while Konnect holds the stored POST: the next run finds the object, posts nothing", async () => {
    // The abandoned create's socket times out after 3 s, long after the next run's create is done.
    setStackSettings({ token: TEST_TOKEN, serverUrl: `${emulator.url}/{region}`, requestTimeoutSeconds: 3 });
    const inputs = await op.keyed();
    emulator.injectFault({ method: "POST", path: op.path, commitThenHold: true });
    const abandoned = op.create(inputs).then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error }),
    );
    await until(() => emulator.list(op.kind).length === 1);
    const [stored] = emulator.list(op.kind);
    expect(stored).toBeDefined();
    emulator.clearRequestLog();
    const rerun = await op.create(inputs);
    expect(rerun.id).toBe(stored!.id);
    expect(requests()).toEqual([`GET ${op.path} 200`, ...op.takeOver]);
    expect(providerLogLines.map(normalize)).toContain(
      `konnect: found ${op.kind === "dcr-providers" ? "DCR provider" : "auth strategy"} {id} made by an earlier ` +
        "attempt of this create; taking it over",
    );
    // The abandoned create ends on its own (its socket times out, the recovery listing finds the same object).
    expect((await abandoned).value?.id).toBe(stored!.id);
    expect(emulator.list(op.kind)).toHaveLength(1);
    scan.addLines(`${op.name} / host killed log`, providerLogLines).addRequestLog(emulator.requestLog());
  });

  it.each(UNPARSEABLE_ANSWERS)("an unparseable 2xx (%s): the create returns the stored object", async (_l, answer) => {
    emulator.injectFault({ method: "POST", path: op.path, commitThenMalformed: answer });
    const { id, outs } = await op.create(await op.keyed());
    expect(requests()).toEqual([`GET ${op.path} 200`, `POST ${op.path} 201`, `GET ${op.path} 200`]);
    expect(emulator.list(op.kind).map((o) => o.id)).toEqual([id]);
    expect(outs).toMatchObject({ name: op.objectName, [CREATION_KEY_INPUT]: expect.any(String) });
    expect(recoveryLines()).toEqual(["the create was applied although its answer was lost; using the object it made"]);
    // The next run finds the same object by its key.
    emulator.clearRequestLog();
    expect((await op.create(await op.keyed())).id).toBe(id);
    expect(requests()).toEqual([`GET ${op.path} 200`, ...op.takeOver]);
    expect(emulator.list(op.kind)).toHaveLength(1);
    scan.addLines(`${op.name} / unparseable log`, providerLogLines).addRequestLog(emulator.requestLog());
  });

  it("a lost answer whose recovery listing fails says the object may exist; the next run finds it", async () => {
    const inputs = await op.keyed();
    emulator.injectFault({ method: "POST", path: op.path, commitThenDrop: true });
    emulator.injectFault({ method: "GET", path: op.path, latencyMs: 0, times: 1 });
    emulator.injectFault({ method: "GET", path: op.path, status: 400, times: Infinity });
    const error = (await op.create(inputs).catch((e: unknown) => e)) as Error;
    emulator.clearFaults();
    expect(normalize(error.message)).toMatch(/; the object may exist; the next `up` will find it by its creation key$/);
    expect(error.message).toContain("400");
    expect(emulator.list(op.kind)).toHaveLength(1);
    expect((await op.create(inputs)).id).toBe(emulator.list(op.kind)[0]!.id);
    expect(emulator.list(op.kind)).toHaveLength(1);
    scan.addError(`${op.name} / failed recovery listing`, error);
  });
});

describe("fault matrix summary", () => {
  it(`ran ${OPERATIONS.length} operations x ${FAULTS.length} faults = ${CASES.length} cases, and nothing leaked`, () => {
    expect(casesRun).toBe(CASES.length);
    expect(CASES.length).toBe(100);
    const checked = scan.expectClean([TEST_TOKEN, CLIENT_SECRET]);
    expect(checked).toBeGreaterThan(CASES.length);
  });
});
