/** A client transport pointed at a fresh emulator, with a fast backoff and captured retry log lines. */
import {
  createTransport,
  resolveConnection,
  type CreateDcrProviderRequest,
  type KonnectTransport,
} from "../../provider/konnect";
import { startKonnectEmulator, type KonnectEmulator } from "../../tools/emulator/emulator";
import { TENANT } from "../support/validInputs";

/** A token shaped like a Konnect personal access token. */
export const TOKEN = "kpat_ClientTestToken0123456789abcdefghij";

/** Emulator plus a transport talking to it. */
export interface ClientTestbed {
  emulator: KonnectEmulator;
  transport: KonnectTransport;
  /** Retry notices the transport logged. */
  logs: string[];
  /** A transport with other connection settings (timeouts, token, budget). */
  transportWith(options: {
    token?: string;
    requestTimeoutSeconds?: number;
    retryBudgetSeconds?: number;
  }): KonnectTransport;
}

/** Starts an emulator and a transport for it. */
export async function startClientTestbed(): Promise<ClientTestbed> {
  const emulator = await startKonnectEmulator();
  const logs: string[] = [];
  const transportWith: ClientTestbed["transportWith"] = (options) =>
    createTransport(
      resolveConnection({
        stack: {
          token: options.token ?? TOKEN,
          serverUrl: emulator.url,
          requestTimeoutSeconds: options.requestTimeoutSeconds ?? 5,
          retryBudgetSeconds: options.retryBudgetSeconds ?? 10,
        },
      }),
      { log: (line) => logs.push(line), backoff: { initialDelayMs: 10, maxDelayMs: 40 } },
    );
  return { emulator, transport: transportWith({}), logs, transportWith };
}

/**
 * Starts one testbed for the test file (its emulator closed after the file's tests), and before each test resets the
 * emulator and empties the retry log. Returns a stand-in that forwards to that testbed, so tests write
 * `bed.transport` as if they held it.
 */
export function useClientTestbed(): ClientTestbed {
  let started: ClientTestbed | undefined;
  const current = (): ClientTestbed => {
    if (started === undefined) throw new Error("the testbed is used outside a test (it starts in beforeAll)");
    return started;
  };
  beforeAll(async () => {
    started = await startClientTestbed();
  });
  afterAll(async () => {
    await started?.emulator.close();
  });
  beforeEach(() => {
    current().emulator.reset();
    current().logs.length = 0;
  });
  return new Proxy({} as ClientTestbed, { get: (_target, property) => Reflect.get(current(), property) as unknown });
}

/** A create request of each DCR provider type (the auth strategy operations create the first one to refer to). */
export const dcrRequests: CreateDcrProviderRequest[] = [
  {
    name: "azure",
    providerType: "azureAd",
    issuer: `https://sts.windows.net/${TENANT}`,
    dcrConfig: { initialClientId: "cid", initialClientSecret: "sec1" },
  },
  { name: "okta", providerType: "okta", issuer: "https://x.okta.com/oauth2/default", dcrConfig: { dcrToken: "tok1" } },
  {
    name: "auth0",
    providerType: "auth0",
    issuer: "https://t.us.auth0.com",
    dcrConfig: { initialClientId: "cid", initialClientSecret: "sec1", initialClientAudience: "https://aud" },
  },
  {
    name: "curity",
    providerType: "curity",
    issuer: "https://c.example.com",
    displayName: "Curity",
    dcrConfig: { initialClientId: "cid", initialClientSecret: "sec1" },
  },
  {
    name: "http",
    providerType: "http",
    issuer: "https://idp.example.com",
    labels: { team: "a" },
    dcrConfig: { dcrBaseUrl: "https://dcr.example.com", apiKey: "abcdefghijkl", disableRefreshSecret: true },
  },
  { name: "kong", providerType: "kongIdentity", issuer: "https://k.us.identity.konghq.com/auth" },
];

/** A timestamp as Konnect writes it (ISO 8601). */
export const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);

/** An id no object in the emulator has. */
export const MISSING = "0b0b0b0b-1111-4222-8333-444455556666";

/** The emulator's request log, one `METHOD path status` line a request (the query left out). */
export function requestLines(bed: ClientTestbed): string[] {
  return bed.emulator.requestLog().map((e) => `${e.method} ${e.path.split("?")[0]} ${e.status}`);
}
