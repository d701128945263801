/**
 * Typed operations on Dev Portals (Konnect Portal Management v3) that this package needs: read and list portals, and
 * set a portal's default application auth strategy. Portals themselves are managed elsewhere; nothing here creates or
 * deletes one, and the PATCH body carries `default_application_auth_strategy_id` and labels only (the labels a caller
 * names, nothing else), so no other portal setting is touched.
 *
 * Responses are read tolerantly: only the fields used here are validated, everything else Konnect returns is dropped.
 */
import { KonnectApiError, isNotFound } from "../errors";
import type { KonnectTransport } from "../http";
import { call, collectionOperations, idPath, toWire } from "../operation";
import { removedRecordLabels, restoreFailureAction } from "./defaultRecord";
import {
  portalDefaultStrategyRequestSchema,
  portalListSchema,
  portalResponseSchema,
  type Portal,
  type PortalDefaultPatch,
  type PortalFilterField,
} from "./schemas";

export * from "./defaultRecord";
export * from "./schemas";

const BASE = "/v3/portals";

/**
 * `GET /v3/portals/{portalId}` (`getPortal`) and `GET /v3/portals` (`listAllPortals`, for example the portals whose
 * default is a strategy), from the shared collection operations. Portals are managed elsewhere: this package never
 * creates or deletes one.
 */
export const { get: getPortal, listAll: listAllPortals } = collectionOperations<Portal, PortalFilterField, never>({
  base: BASE,
  noun: "portal",
  plural: "portals",
  item: portalResponseSchema,
  page: portalListSchema,
});

/**
 * `PATCH /v3/portals/{portalId}` with `{"default_application_auth_strategy_id": …}` only: sets (an id) or clears
 * (null) the portal's default application auth strategy. Idempotent, so retried like any PATCH.
 */
export async function setPortalDefaultAuthStrategy(
  transport: KonnectTransport,
  portalId: string,
  authStrategyId: string | null,
): Promise<Portal> {
  return patchPortalDefault(transport, portalId, { defaultApplicationAuthStrategyId: authStrategyId });
}

/**
 * `PATCH /v3/portals/{portalId}` with the default strategy (an id, null to clear, or left out) and the labels named
 * in `patch.labels` (a value sets the key, null removes it; other labels are not sent). One request, so the default
 * and the labels that record it change together. Idempotent, so retried like any PATCH.
 */
export async function patchPortalDefault(
  transport: KonnectTransport,
  portalId: string,
  patch: PortalDefaultPatch,
): Promise<Portal> {
  const target = patch.defaultApplicationAuthStrategyId;
  const operation =
    target === undefined
      ? `update the labels of portal ${portalId}`
      : target === null
        ? `clear the default auth strategy of portal ${portalId}`
        : `set the default auth strategy of portal ${portalId} to ${target}`;
  const path = idPath(operation, BASE, portalId);
  const body = toWire(operation, portalDefaultStrategyRequestSchema(), patch);
  return call(transport, { operation, method: "PATCH", path, body }, portalResponseSchema());
}

/** How {@link restorePortalDefault} ended: put back, cleared (the previous strategy is gone), or the portal is gone. */
export type RestoreOutcome = "restored" | "cleared" | "portal gone";

/**
 * Puts a portal's default back to `to` (a strategy id, or null for none) and, with `removeRecord`, removes the record
 * labels in the same PATCH. When Konnect refuses `to` because that strategy no longer exists (see
 * `restoreFailureAction`), the default is cleared instead (1 more PATCH). A portal that is gone is done.
 */
export async function restorePortalDefault(
  transport: KonnectTransport,
  portalId: string,
  to: string | null,
  removeRecord: boolean,
): Promise<RestoreOutcome> {
  const labels = removeRecord ? { labels: removedRecordLabels() } : {};
  try {
    await patchPortalDefault(transport, portalId, { defaultApplicationAuthStrategyId: to, ...labels });
    return "restored";
  } catch (error) {
    if (!(error instanceof KonnectApiError)) throw error;
    const fields = error.invalidParameters.map((p) => p.field);
    const action = restoreFailureAction(error.status, fields, to);
    if (action === "done") return "portal gone";
    if (action === "fail") throw error;
  }
  try {
    await patchPortalDefault(transport, portalId, { defaultApplicationAuthStrategyId: null, ...labels });
    return "cleared";
  } catch (error) {
    if (isNotFound(error)) return "portal gone";
    throw error;
  }
}
