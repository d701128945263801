/** Typed operations on `/v2/application-auth-strategies`: list, create, get, replace (PUT), update (PATCH), delete. */
import type { KonnectTransport } from "../http";
import { call, collectionOperations, idPath, toWire } from "../operation";
import {
  authStrategyListSchema,
  authStrategyResponseSchema,
  createAuthStrategyRequestSchema,
  updateAuthStrategyRequestSchema,
  type AuthStrategy,
  type AuthStrategyType,
  type CreateAuthStrategyRequest,
  type UpdateAuthStrategyRequest,
} from "./schemas";

const BASE = "/v2/application-auth-strategies";

/** Fields strategies can be filtered on (wire names). */
export type AuthStrategyFilterField =
  "strategy_type" | "name" | "display_name" | "dcr_provider_id" | "dcr_provider_name" | "dcr_provider_type";
/** Fields strategies can be sorted on (wire names). */
export type AuthStrategySortField =
  | "created_at"
  | "updated_at"
  | "strategy_type"
  | "name"
  | "display_name"
  | "dcr_provider_id"
  | "dcr_provider_name"
  | "dcr_provider_type";

/**
 * `GET /v2/application-auth-strategies` one page (`listAuthStrategies`; objects of types this package does not know are left out), every page
 * (`listAllAuthStrategies`), `GET /v2/application-auth-strategies/{id}` (`getAuthStrategy`) and `DELETE /v2/application-auth-strategies/{id}` (`deleteAuthStrategy`).
 */
export const {
  list: listAuthStrategies,
  listAll: listAllAuthStrategies,
  get: getAuthStrategy,
  delete: deleteAuthStrategy,
} = collectionOperations<AuthStrategy, AuthStrategyFilterField, AuthStrategySortField>({
  base: BASE,
  noun: "auth strategy",
  plural: "auth strategies",
  item: authStrategyResponseSchema,
  page: authStrategyListSchema,
});

/** `POST /v2/application-auth-strategies`. Never retried blindly. */
export async function createAuthStrategy(
  transport: KonnectTransport,
  request: CreateAuthStrategyRequest,
): Promise<AuthStrategy> {
  const operation = `create auth strategy "${request.name}"`;
  const body = toWire(operation, createAuthStrategyRequestSchema(), request);
  return call(transport, { operation, method: "POST", path: BASE, body }, authStrategyResponseSchema());
}

/** `PUT /v2/application-auth-strategies/{id}`: replaces every mutable field (removes extra OIDC options left out). */
export async function replaceAuthStrategy(
  transport: KonnectTransport,
  id: string,
  request: CreateAuthStrategyRequest,
): Promise<AuthStrategy> {
  const operation = `replace auth strategy ${id}`;
  const body = toWire(operation, createAuthStrategyRequestSchema(), request);
  return call(
    transport,
    { operation, method: "PUT", path: idPath(operation, BASE, id), body },
    authStrategyResponseSchema(),
  );
}

/** `PATCH /v2/application-auth-strategies/{id}`; `strategyType` is the stored type. */
export async function updateAuthStrategy(
  transport: KonnectTransport,
  id: string,
  strategyType: AuthStrategyType,
  request: UpdateAuthStrategyRequest,
): Promise<AuthStrategy> {
  const operation = `update auth strategy ${id}`;
  const body = toWire(operation, updateAuthStrategyRequestSchema(strategyType), request);
  return call(
    transport,
    { operation, method: "PATCH", path: idPath(operation, BASE, id), body },
    authStrategyResponseSchema(),
  );
}
