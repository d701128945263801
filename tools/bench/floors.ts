/**
 * The Konnect requests each operation needs at least: the floors the API-economy and scale sections compare with,
 * and the calls the fetch-only baseline provider makes so that it does exactly the HTTP work ours does.
 * When creates change (say, a list by name before each POST), change {@link CREATE_STEPS} and every floor follows.
 */

/** One Konnect request a create makes: a list by name, or the POST itself. */
export type CreateStep = "list" | "post";

/** The requests one create of a Konnect object makes, in order. */
// A list by name (the creation-key lookup, see provider/resources/creationKey.ts), then the POST.
export const CREATE_STEPS: readonly CreateStep[] = ["list", "post"];

/** Requests to create `objects` Konnect objects. */
export function createFloor(objects: number): number {
  return objects * CREATE_STEPS.length;
}

/** POSTs to create `objects` Konnect objects (always one each). */
export function createPostFloor(objects: number): number {
  return objects * CREATE_STEPS.filter((s) => s === "post").length;
}

/** Requests `up` on an empty stack makes: the DCR provider and the auth strategy, plus one /verify when on. */
export function upFloor(verify: boolean): number {
  return createFloor(2) + (verify ? 1 : 0);
}

/** A request of the baseline provider: method, path (with query) and JSON body. */
export interface BaselineRequest {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
}

/** The requests the baseline makes to create one object at `collection` named `name` with `body`. */
export function baselineCreateRequests(collection: string, name: string, body: unknown): BaselineRequest[] {
  return CREATE_STEPS.map((step) =>
    step === "post"
      ? { method: "POST", path: collection, body }
      : { method: "GET", path: `${collection}?filter%5Bname%5D%5Beq%5D=${encodeURIComponent(name)}` },
  );
}

/** The requests of one Dev Portal resource step, as `METHOD /path-shape` (ids as `{id}`). */
export type DevPortalStep =
  | "create publication"
  | "update publication"
  | "delete publication"
  | "create portal default"
  | "delete portal default";

const PUBLICATION_PATH = "/v3/apis/{id}/publications/{id}";
const PORTAL_PATH = "/v3/portals/{id}";

/**
 * The Dev Portal floors (issue 14), exactly the requests each step makes: create publication = 1 GET + 1 PUT;
 * update = 1 PUT; delete = 1 DELETE; portal default create = 1 GET + 1 PATCH, delete = 1 GET + 1 PATCH.
 */
export const DEV_PORTAL_FLOORS: Readonly<Record<DevPortalStep, readonly string[]>> = {
  "create publication": [`GET ${PUBLICATION_PATH}`, `PUT ${PUBLICATION_PATH}`],
  "update publication": [`PUT ${PUBLICATION_PATH}`],
  "delete publication": [`DELETE ${PUBLICATION_PATH}`],
  "create portal default": [`GET ${PORTAL_PATH}`, `PATCH ${PORTAL_PATH}`],
  "delete portal default": [`GET ${PORTAL_PATH}`, `PATCH ${PORTAL_PATH}`],
};

/** A step of the portal-members stack (issue 19): one Konnect object's share of a command, or a whole command. */
export type PortalMembersStep =
  | "create team"
  | "create application"
  | "create registration"
  | "request check, create"
  | "preview, no changes"
  | "up, no changes"
  | "refresh"
  | "request check, re-run (triggers)"
  | "owner change (team to developer)"
  | "status change (approved to revoked)"
  | "delete registration"
  | "delete application"
  | "delete team"
  | "delete request check";

const TEAMS_PATH = "/v3/portals/{id}/teams";
const APPLICATIONS_PATH = "/v3/portals/{id}/applications";
const REGISTRATIONS_PATH = `${APPLICATIONS_PATH}/{id}/registrations`;

/**
 * The request check's requests, to the stand-ins of Azure's token endpoint (`token:`) and of the gateway route
 * (`gateway:`), when everything works: one token, one call of the route, no Konnect request.
 */
export const REQUEST_CHECK_REQUESTS: readonly string[] = ["token: POST /{tenant}/oauth2/token", "gateway: GET /orders"];

/**
 * The portal-members floors (issue 19), exactly the requests each step makes (Konnect requests as `METHOD /path`,
 * ids as `{id}`; stand-in requests as in {@link REQUEST_CHECK_REQUESTS}). Team create = 1 list + 1 POST (teams carry
 * no labels, so the lookup by name is how an interrupted create is found); application create = 1 list (by creation
 * key) + 1 POST; registration create = 1 POST (its 409 is its own lookup) when Konnect approves it on create; owner
 * and status change = 1 PATCH; refresh = 1 GET each (the check makes none); no-op preview and `up` = 0; each
 * delete = 1 DELETE (the check's = none); the request check = 1 token request + 1 gateway request.
 */
export const PORTAL_MEMBERS_FLOORS: Readonly<Record<PortalMembersStep, readonly string[]>> = {
  "create team": [`GET ${TEAMS_PATH}`, `POST ${TEAMS_PATH}`],
  "create application": [`GET ${APPLICATIONS_PATH}`, `POST ${APPLICATIONS_PATH}`],
  "create registration": [`POST ${REGISTRATIONS_PATH}`],
  "request check, create": REQUEST_CHECK_REQUESTS,
  "preview, no changes": [],
  "up, no changes": [],
  // In the order of a sorted list: refresh reads in parallel.
  refresh: [`GET ${APPLICATIONS_PATH}/{id}`, `GET ${REGISTRATIONS_PATH}/{id}`, `GET ${TEAMS_PATH}/{id}`],
  "request check, re-run (triggers)": REQUEST_CHECK_REQUESTS,
  "owner change (team to developer)": [`PATCH ${APPLICATIONS_PATH}/{id}`],
  "status change (approved to revoked)": [`PATCH ${REGISTRATIONS_PATH}/{id}`],
  "delete registration": [`DELETE ${REGISTRATIONS_PATH}/{id}`],
  "delete application": [`DELETE ${APPLICATIONS_PATH}/{id}`],
  "delete team": [`DELETE ${TEAMS_PATH}/{id}`],
  "delete request check": [],
};
