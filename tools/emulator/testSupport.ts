/**
 * Helpers for the emulator's own tests: a tiny fetch-based client (Node's global `fetch`, not the project's Konnect
 * client, so the emulator is checked independently), jest matchers; sample bodies (`sampleBodies.ts`) and
 * seeding helpers (`seeding.ts`, free of jest globals for the bench) are re-exported here.
 */
import { type EmulatorOptions, type KonnectEmulator, startKonnectEmulator } from "./emulator";
import { TOKEN } from "./sampleBodies";

export {
  API_BODY,
  DCR_BODIES,
  DEVELOPER_BODY,
  KEY_AUTH_BODY,
  PORTAL_BODY,
  TEAM_BODY,
  TOKEN,
  oidcBody,
} from "./sampleBodies";
export { seedDcrTargets, seedPublicationTargets, type DcrTargets } from "./seeding";

/** How `useEmulator` prepares the emulator before each test. */
export interface UseEmulatorOptions {
  /** Options set after the reset before each test (the emulator's defaults otherwise). */
  options?: Partial<EmulatorOptions>;
  /** Reset the store, log and options before each test (default true). */
  resetEachTest?: boolean;
}

/**
 * Starts one emulator for the test file (closed after all its tests) and, unless told otherwise, resets it and sets
 * `options` before each test. Returns a stand-in that forwards every property to that emulator, so tests write
 * `konnect.list(...)` as if they held it directly.
 */
export function useEmulator({ options, resetEachTest = true }: UseEmulatorOptions = {}): KonnectEmulator {
  let started: KonnectEmulator | undefined;
  const current = (): KonnectEmulator => {
    if (started === undefined) throw new Error("the emulator is used outside a test (it starts in beforeAll)");
    return started;
  };
  beforeAll(async () => {
    started = await startKonnectEmulator();
  });
  afterAll(async () => {
    await started?.close();
  });
  if (resetEachTest) {
    beforeEach(() => {
      current().reset();
      if (options !== undefined) current().setOptions(options);
    });
  }
  return new Proxy({} as KonnectEmulator, {
    get: (_target, property) => {
      const value: unknown = Reflect.get(current(), property);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(current()) : value;
    },
  });
}

/** The answer of one API call. */
export interface CallResult {
  status: number;
  /** `body.id` when the body has a string id, else "" (saves casts in tests). */
  id: string;
  headers: Headers;
  /** Parsed JSON body; undefined when the answer had none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked with exact expectations
  body: any;
}

/** Options of one API call. */
export interface CallOptions {
  /** Bearer token; null sends no Authorization header. */
  token?: string | null;
  /** Raw Authorization header (wins over `token`). */
  authorization?: string;
  /** Raw body text instead of JSON. */
  rawBody?: string;
}

/** Calls the emulator: `call(emulator, "POST", "/v2/dcr-providers", body)`. */
export async function call(
  base: KonnectEmulator | string,
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? TOKEN : options.token;
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  else if (token !== null) headers.Authorization = `Bearer ${token}`;
  let text: string | undefined = options.rawBody;
  if (text === undefined && body !== undefined) text = JSON.stringify(body);
  if (text !== undefined) headers["Content-Type"] = "application/json";
  const url = (typeof base === "string" ? base : base.url) + path;
  const response = await fetch(url, { method, headers, body: text });
  const responseText = await response.text();
  const parsed: unknown = responseText === "" ? undefined : JSON.parse(responseText);
  const id = typeof parsed === "object" && parsed !== null ? (parsed as { id?: unknown }).id : undefined;
  return { status: response.status, id: typeof id === "string" ? id : "", headers: response.headers, body: parsed };
}

/** Matches a `kong:trace:<digits>` instance. */
export const TRACE = expect.stringMatching(/^kong:trace:\d+$/);
/** Matches an ISO-8601 timestamp with milliseconds. */
export const ISO_MS = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
/** Matches a UUID. */
export const UUID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** A 400 problem body with exactly these invalid parameters. */
export function invalidParameters(parameters: object[]) {
  return {
    status: 400,
    title: "Invalid Request",
    instance: TRACE,
    detail: "Invalid Parameters",
    invalid_parameters: parameters,
  };
}

/** A problem body of a status with a title and detail. */
export function problem(status: number, title: string, detail: string) {
  return { status, title, instance: TRACE, detail };
}

/** The `key` field of every item of a list answer's `data`, in order: `pluck(answer, "name")`. */
export function pluck(answer: CallResult, key: string): unknown[] {
  return (answer.body.data as Record<string, unknown>[]).map((item) => item[key]);
}
