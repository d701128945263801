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
