/** Typed operations on `/v2/dcr-providers`: list, create, get, update (PATCH), delete, verify. */
import type { KonnectTransport } from "../http";
import { call, collectionOperations, idPath, toWire } from "../operation";
import {
  createDcrProviderRequestSchema,
  dcrConfigSecrets,
  dcrProviderListSchema,
  dcrProviderResponseSchema,
  dcrVerifyResponseSchema,
  updateDcrProviderRequestSchema,
  type CreateDcrProviderRequest,
  type DcrProvider,
  type DcrProviderType,
  type DcrVerifyResult,
  type UpdateDcrProviderRequest,
} from "./schemas";

const BASE = "/v2/dcr-providers";

/** Fields DCR providers can be filtered on (wire names). */
export type DcrProviderFilterField =
  "id" | "issuer" | "name" | "provider_type" | "initial_client_id" | "initial_client_audience";
/** Fields DCR providers can be sorted on (wire names). */
export type DcrProviderSortField = "created_at" | "updated_at" | "provider_type" | "issuer" | "name";

/**
 * `GET /v2/dcr-providers` one page (`listDcrProviders`; objects of types this package does not know are left out), every page
 * (`listAllDcrProviders`), `GET /v2/dcr-providers/{id}` (`getDcrProvider`) and `DELETE /v2/dcr-providers/{id}` (`deleteDcrProvider`).
 */
export const {
  list: listDcrProviders,
  listAll: listAllDcrProviders,
  get: getDcrProvider,
  delete: deleteDcrProvider,
} = collectionOperations<DcrProvider, DcrProviderFilterField, DcrProviderSortField>({
  base: BASE,
  noun: "DCR provider",
  plural: "DCR providers",
  item: dcrProviderResponseSchema,
  page: dcrProviderListSchema,
});

/** `POST /v2/dcr-providers`. Never retried blindly: see the retry policy. */
export async function createDcrProvider(
  transport: KonnectTransport,
  request: CreateDcrProviderRequest,
): Promise<DcrProvider> {
  const operation = `create DCR provider "${request.name}"`;
  const body = toWire(operation, createDcrProviderRequestSchema(), request);
  return call(
    transport,
    { operation, method: "POST", path: BASE, body, secrets: dcrConfigSecrets(request.dcrConfig) },
    dcrProviderResponseSchema(),
  );
}

/** `PATCH /v2/dcr-providers/{id}`; `providerType` is the stored type (it selects the allowed config fields). */
export async function updateDcrProvider(
  transport: KonnectTransport,
  id: string,
  providerType: DcrProviderType,
  request: UpdateDcrProviderRequest,
): Promise<DcrProvider> {
  const operation = `update DCR provider ${id}`;
  const body = toWire(operation, updateDcrProviderRequestSchema(providerType), request);
  return call(
    transport,
    {
      operation,
      method: "PATCH",
      path: idPath(operation, BASE, id),
      body,
      secrets: dcrConfigSecrets(request.dcrConfig),
    },
    dcrProviderResponseSchema(),
  );
}

/** `POST /v2/dcr-providers/{id}/verify`: asks Konnect to check it can reach the IdP with the stored credentials. */
export async function verifyDcrProvider(transport: KonnectTransport, id: string): Promise<DcrVerifyResult> {
  const operation = `verify DCR provider ${id}`;
  return call(
    transport,
    { operation, method: "POST", path: idPath(operation, BASE, id, "/verify") },
    dcrVerifyResponseSchema(),
  );
}
