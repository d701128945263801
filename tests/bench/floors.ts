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
