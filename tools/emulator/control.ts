/**
 * The emulator's control surface, in process (`EmulatorControl`) and over HTTP under `/_emulator/...` for tests
 * that run the provider in another process. Control requests need no token and are not logged.
 *
 * HTTP endpoints (JSON in and out):
 * - `GET /_emulator/health`                         → `{ok: true}`
 * - `POST /_emulator/reset`                         → 204 (objects, log, faults, verify counters; options kept)
 * - `GET|DELETE /_emulator/requests`                → the request log / clear it
 * - `POST|GET|DELETE /_emulator/faults`             → inject (body: a Fault) / pending / clear; `times: "Infinity"` both ways
 * - `GET|POST /_emulator/options`                   → current options / merge a partial (start-only keys refused)
 * - `POST /_emulator/seed/:kind?region=&id=`        → 201 stored object (kind: dcr-providers,
 *                                                     application-auth-strategies, portals, apis)
 * - `POST /_emulator/seed/publications/:apiId/:portalId?region=` → 201 stored publication (body as the PUT's)
 * - `GET /_emulator/publications?region=`           → raw stored publications (every region without `region`)
 * - `GET|PATCH /_emulator/publications/:apiId/:portalId` → one raw publication / out-of-band edit
 * - `GET /_emulator/portal-default/:portalId`       → `{default_application_auth_strategy_id}` of a portal
 * - `GET /_emulator/secrets/:id`                    → the write-only secrets stored for a DCR provider
 * - `GET /_emulator/objects/:kind?region=`          → raw stored objects (every region without `region`)
 * - `GET|PATCH /_emulator/objects/:kind/:id`        → one raw object / out-of-band edit (shallow merge)
 * - `POST|DELETE /_emulator/in-use/:id`             → mark a strategy used by a publication (body `{inUse}`) / unmark
 * - `POST /_emulator/seed/teams/:portalId`, `.../seed/developers/:portalId`, `.../seed/applications/:portalId`,
 *   `.../seed/application-registrations/:portalId/:applicationId` (`?region=&id=`) → 201 stored object (body as the
 *   API's create)
 * - `GET|POST /_emulator/idp/clients`               → IdP clients / register one (body: `IdpClientInput`)
 * - `GET|DELETE /_emulator/idp/clients/:clientId`   → one IdP client / delete it (204)
 * - `POST /_emulator/idp/clients/:clientId/secrets` → add a secret (body `{secret}`); the answer never holds one
 * - `POST /_emulator/idp/check`                     → `{client_id, client_secret, tenant?}` → `IdpSecretCheck`
 * - `POST /_emulator/gateway-access`                → `GatewayAccessQuery` → `GatewayAccess`
 */
import { type PendingFault } from "./faults";
import { ProblemError } from "./problem";
import {
  type EmulatorOptions,
  type Fault,
  type GatewayAccess,
  type GatewayAccessQuery,
  type IdpClientInput,
  type IdpClientView,
  type IdpSecretCheck,
  OBJECT_KINDS,
  type ObjectKind,
  REGIONS,
  type Region,
  type RequestLogEntry,
  type StoredApi,
  type StoredApplication,
  type StoredAuthStrategy,
  type StoredDcrProvider,
  type StoredDeveloper,
  type StoredPortal,
  type StoredPublication,
  type StoredRegistration,
  type StoredTeam,
} from "./types";
import { type StoredById, type StoredKinds } from "./store";

/** Where a seeded object goes. */
export interface SeedOptions {
  /** Region store (default `us`). */
  region?: Region;
  /** Fixed id instead of a random UUID. */
  id?: string;
}

/** A stored object of any kind stored by id. */
export type StoredObject = StoredById;

/** Everything tests can do to the emulator besides calling its API. */
export interface EmulatorControl {
  /** Forgets every object, the request log, pending faults and verify counters (options are kept). */
  reset(): void;
  /** Validates (as a create) and stores a DCR provider from a snake_case body; throws on invalid input. */
  seedDcrProvider(body: unknown, options?: SeedOptions): StoredDcrProvider;
  /** Validates (as a create) and stores an auth strategy from a snake_case body; throws on invalid input. */
  seedAuthStrategy(body: unknown, options?: SeedOptions): StoredAuthStrategy;
  /**
   * Validates (as `POST /v3/portals`) and stores a portal; throws on invalid input. Seed one with a default
   * strategy: `seedPortal({name: "dev", default_application_auth_strategy_id: strategy.id})`.
   */
  seedPortal(body: unknown, options?: SeedOptions): StoredPortal;
  /** Validates (as `POST /v3/apis`) and stores an API: `seedApi({name: "orders", version: "v1"})`. */
  seedApi(body: unknown, options?: SeedOptions): StoredApi;
  /**
   * Publishes an API to a portal as `PUT /v3/apis/{apiId}/publications/{portalId}` would (same validation and
   * defaults; throws a 404 problem for an unknown API or portal of the region). Only `options.region` is used.
   */
  seedPublication(apiId: string, portalId: string, body?: unknown, options?: SeedOptions): StoredPublication;
  /** Validates (as `POST /v3/portals/{portalId}/teams`) and stores a team; throws the API's problem (404, 400). */
  seedTeam(portalId: string, body: unknown, options?: SeedOptions): StoredTeam;
  /** Validates (as `POST /v3/portals/{portalId}/developers`) and stores a developer. */
  seedDeveloper(portalId: string, body: unknown, options?: SeedOptions): StoredDeveloper;
  /**
   * Validates (as `POST /v3/portals/{portalId}/applications`) and stores an application, creating or linking its IdP
   * client as the API would.
   */
  seedApplication(portalId: string, body: unknown, options?: SeedOptions): StoredApplication;
  /** Validates (as the registration POST, same checks and status rule) and stores a registration. */
  seedRegistration(portalId: string, applicationId: string, body: unknown, options?: SeedOptions): StoredRegistration;
  /**
   * Registers a client in the emulated IdP, as a stack's azuread Application (+ password) would: `owners` are the
   * client ids of the admin apps that own it (a DCR provider's `initial_client_id` reaches only clients it owns);
   * `secret` is stored hashed. Throws 409 for a taken client id.
   */
  registerIdpClient(input?: IdpClientInput): IdpClientView;
  /** Adds a secret to an IdP client (usable after `idpSecretActivationMs`); throws 404 for an unknown client. */
  addIdpClientSecret(clientId: string, secret: string): IdpClientView;
  /** The IdP's clients, oldest first, without secrets. */
  idpClients(): IdpClientView[];
  /** One IdP client, without secrets; undefined when there is none (e.g. deleted with its application). */
  getIdpClient(clientId: string): IdpClientView | undefined;
  /** Deletes an IdP client; false when there was none. */
  deleteIdpClient(clientId: string): boolean;
  /** Whether a client id and secret may get a token (in `tenant`, when given) now: what the token stand-in asks. */
  checkIdpSecret(clientId: string, secret: string, tenant?: string): IdpSecretCheck;
  /** What the gateway decides for a verified token's claims on an API (see gatewayAccess.ts). */
  gatewayAccess(query: GatewayAccessQuery): GatewayAccess;
  /** Copies of the stored publications, in one region or all, oldest first. */
  publications(region?: Region): StoredPublication[];
  /** A copy of one publication (any region); undefined when the API is not published to the portal. */
  getPublication(apiId: string, portalId: string): StoredPublication | undefined;
  /** Out-of-band edit of a publication (as in the Konnect UI): shallow merge, bumps `updated_at` unless given. */
  updateStoredPublication(apiId: string, portalId: string, patch: Record<string, unknown>): StoredPublication;
  /** A portal's `default_application_auth_strategy_id` (any region); undefined for an unknown portal. */
  portalDefault(portalId: string): string | null | undefined;
  /** The write-only secrets stored for a DCR provider (any region); undefined for an unknown id. */
  storedSecrets(id: string): Record<string, string> | undefined;
  /** The API requests seen so far, oldest first. */
  requestLog(): RequestLogEntry[];
  /** Empties the request log. */
  clearRequestLog(): void;
  /** Queues a fault for matching API requests. */
  injectFault(fault: Fault): void;
  /** Removes every queued fault. */
  clearFaults(): void;
  /** The faults not yet used up. */
  pendingFaults(): PendingFault[];
  /** The current options. */
  options(): EmulatorOptions;
  /** Merges options (host and port are start-only). */
  setOptions(partial: Partial<EmulatorOptions>): void;
  /**
   * Marks a strategy as used by something not emulated: `active` true and DELETE answers 409. A real use by an API
   * publication needs no mark: `seedPublication` or the PUT has the same effect.
   */
  markStrategyInUse(id: string, inUse?: boolean): void;
  /** A copy of a stored object (any region). */
  get<K extends ObjectKind>(kind: K, id: string): StoredKinds[K] | undefined;
  /** Copies of the stored objects of a kind, in one region or all. */
  list<K extends ObjectKind>(kind: K, region?: Region): StoredKinds[K][];
  /**
   * Out-of-band edit (as in the Konnect UI): shallow-merges `patch` and bumps `updated_at` unless given. A
   * registration edited to `approved` gets a fresh `approved_at` unless the patch sets one.
   */
  updateStored<K extends ObjectKind>(kind: K, id: string, patch: Record<string, unknown>): StoredKinds[K];
}

/** An answer of the control API. */
export interface ControlResponse {
  status: number;
  body?: unknown;
}

function parseKind(value: string | undefined): ObjectKind {
  if (value !== undefined && (OBJECT_KINDS as readonly string[]).includes(value)) return value as ObjectKind;
  throw new ControlError(404, `unknown kind ${String(value)}; use ${OBJECT_KINDS.join(", ")}`);
}

function parseRegion(value: string | null): Region | undefined {
  if (value === null) return undefined;
  if ((REGIONS as readonly string[]).includes(value)) return value as Region;
  throw new ControlError(400, `unknown region ${value}`);
}

function asRecord(body: unknown): Record<string, unknown> {
  if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new ControlError(400, "expected a JSON object body");
}

/** A control API error: answered as `{error}` with its status. */
export class ControlError extends Error {
  constructor(
    /** HTTP status to answer. */
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function seed(
  control: EmulatorControl,
  kind: ObjectKind,
  body: unknown,
  query: URLSearchParams,
  parents: (string | undefined)[],
): StoredObject {
  const [portalId = "", applicationId = ""] = parents;
  const options: SeedOptions = {};
  const region = parseRegion(query.get("region"));
  if (region !== undefined) options.region = region;
  const id = query.get("id");
  if (id !== null) options.id = id;
  switch (kind) {
    case "dcr-providers":
      return control.seedDcrProvider(body, options);
    case "application-auth-strategies":
      return control.seedAuthStrategy(body, options);
    case "portals":
      return control.seedPortal(body, options);
    case "apis":
      return control.seedApi(body, options);
    case "teams":
      return control.seedTeam(portalId, body, options);
    case "developers":
      return control.seedDeveloper(portalId, body, options);
    case "applications":
      return control.seedApplication(portalId, body, options);
    case "application-registrations":
      return control.seedRegistration(portalId, applicationId, body, options);
  }
}

function idpRequest(
  control: EmulatorControl,
  method: string,
  [first, second, third]: (string | undefined)[],
  body: unknown,
): ControlResponse {
  if (method === "POST" && first === "check") {
    const { client_id, client_secret, tenant } = asRecord(body);
    if (typeof client_id !== "string" || typeof client_secret !== "string") {
      throw new ControlError(400, "expected {client_id, client_secret, tenant?} strings");
    }
    const check = control.checkIdpSecret(client_id, client_secret, typeof tenant === "string" ? tenant : undefined);
    return { status: 200, body: check };
  }
  if (first !== "clients") throw new ControlError(404, `no control endpoint ${method} /_emulator/idp/${first ?? ""}`);
  if (second === undefined) {
    if (method === "GET") return { status: 200, body: control.idpClients() };
    if (method === "POST") {
      const input = body === undefined ? {} : (asRecord(body) as IdpClientInput);
      return { status: 201, body: control.registerIdpClient(input) };
    }
  } else if (third === "secrets" && method === "POST") {
    const { secret } = asRecord(body);
    if (typeof secret !== "string") throw new ControlError(400, "expected {secret} as a string");
    return { status: 201, body: control.addIdpClientSecret(second, secret) };
  } else if (third === undefined && method === "GET") {
    return { status: 200, body: found(control.getIdpClient(second), "IdP client") };
  } else if (third === undefined && method === "DELETE") {
    if (!control.deleteIdpClient(second)) throw new ControlError(404, "IdP client not found");
    return { status: 204 };
  }
  throw new ControlError(404, `no control endpoint ${method} /_emulator/idp/${[first, second, third].join("/")}`);
}

function seedPublication(
  control: EmulatorControl,
  ids: { apiId?: string; portalId?: string },
  body: unknown,
  query: URLSearchParams,
): StoredPublication {
  const region = parseRegion(query.get("region"));
  return control.seedPublication(ids.apiId ?? "", ids.portalId ?? "", body, region === undefined ? {} : { region });
}

/** Pending faults as JSON can carry them: `Infinity` becomes the string "Infinity" (JSON has no Infinity). */
function faultsAsJson(faults: PendingFault[]): unknown[] {
  return faults.map((fault) =>
    Object.fromEntries(Object.entries(fault).map(([key, value]) => [key, value === Infinity ? "Infinity" : value])),
  );
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ControlError(404, `${what} not found`);
  return value;
}

function dispatch(
  control: EmulatorControl,
  method: string,
  segments: string[],
  query: URLSearchParams,
  body: unknown,
): ControlResponse {
  const [resource, first, second, third] = segments;
  const route = `${method} ${resource ?? ""}`;
  switch (route) {
    case "GET health":
      return { status: 200, body: { ok: true } };
    case "POST reset":
      control.reset();
      return { status: 204 };
    case "GET requests":
      return { status: 200, body: control.requestLog() };
    case "DELETE requests":
      control.clearRequestLog();
      return { status: 204 };
    case "POST faults":
      control.injectFault(asRecord(body) as unknown as Fault);
      return { status: 201, body: faultsAsJson(control.pendingFaults()) };
    case "GET faults":
      return { status: 200, body: faultsAsJson(control.pendingFaults()) };
    case "DELETE faults":
      control.clearFaults();
      return { status: 204 };
    case "GET options":
      return { status: 200, body: control.options() };
    case "POST options":
    case "PATCH options":
      control.setOptions(asRecord(body));
      return { status: 200, body: control.options() };
    case "POST seed":
      if (first === "publications") {
        return { status: 201, body: seedPublication(control, { apiId: second, portalId: third }, body, query) };
      }
      return { status: 201, body: seed(control, parseKind(first), body, query, [second, third]) };
    case "GET publications":
      if (first === undefined) return { status: 200, body: control.publications(parseRegion(query.get("region"))) };
      return { status: 200, body: found(control.getPublication(first, second ?? ""), "publication") };
    case "PATCH publications":
      return { status: 200, body: control.updateStoredPublication(first ?? "", second ?? "", asRecord(body)) };
    case "GET portal-default": {
      const portalDefault = found(control.portalDefault(first ?? ""), "portal");
      return { status: 200, body: { default_application_auth_strategy_id: portalDefault } };
    }
    case "GET secrets":
      return { status: 200, body: found(control.storedSecrets(first ?? ""), "DCR provider") };
    case "GET objects":
      if (second === undefined)
        return { status: 200, body: control.list(parseKind(first), parseRegion(query.get("region"))) };
      return { status: 200, body: found(control.get(parseKind(first), second), "object") };
    case "PATCH objects":
      return { status: 200, body: control.updateStored(parseKind(first), second ?? "", asRecord(body)) };
    case "POST in-use":
    case "DELETE in-use": {
      const inUse = method === "POST" && (body === undefined || asRecord(body).inUse !== false);
      control.markStrategyInUse(first ?? "", inUse);
      return { status: 200, body: control.get("application-auth-strategies", first ?? "") };
    }
    case "GET idp":
    case "POST idp":
    case "DELETE idp":
      return idpRequest(control, method, [first, second, third], body);
    case "POST gateway-access": {
      const query = asRecord(body);
      if (typeof query.api_id !== "string" || typeof query.claims !== "object" || query.claims === null) {
        throw new ControlError(400, "expected {api_id, claims, region?}");
      }
      return { status: 200, body: control.gatewayAccess(query as unknown as GatewayAccessQuery) };
    }
    default:
      throw new ControlError(404, `no control endpoint ${method} /_emulator/${segments.join("/")}`);
  }
}

/**
 * Answers one control request (`segments` are the path parts after `/_emulator`). Errors become `{error}` bodies;
 * a seed rejected by validation answers 400 with the same problem body the API would give.
 */
export function handleControlRequest(
  control: EmulatorControl,
  method: string,
  segments: string[],
  query: URLSearchParams,
  rawBody: string,
): ControlResponse {
  try {
    let body: unknown;
    try {
      body = rawBody === "" ? undefined : JSON.parse(rawBody);
    } catch {
      throw new ControlError(400, "body is not valid JSON");
    }
    return dispatch(control, method, segments, query, body);
  } catch (error) {
    if (error instanceof ProblemError) return { status: error.status, body: error.body };
    if (error instanceof ControlError) return { status: error.status, body: { error: error.message } };
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}
