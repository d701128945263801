/**
 * Resource arguments shared by the policy tests: a compliant Azure DCR stack, to vary one property at a time.
 */
import {
  API_PUBLICATION_TYPE,
  APPLICATION_PASSWORD_TYPE,
  APPLICATION_TYPE,
  AUTH_STRATEGY_TYPE,
  DCR_PROVIDER_TYPE,
  PORTAL_DEFAULT_AUTH_STRATEGY_TYPE,
} from "../../examples/policy-pack/lib/types";
import type { TestResource } from "./harness";

/** Tenant of the fixtures. */
export const TENANT = "3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f";
/** The v1 issuer of {@link TENANT}. */
export const ISSUER = `https://sts.windows.net/${TENANT}`;
/** Fixed "now" of the tests. */
export const NOW = new Date("2026-01-01T00:00:00Z");

/** Graph permission entries. */
export const OWNED_BY_ROLE = { id: "18a4783c-866b-4cc7-a460-3d5e5662c884", type: "Role" };
export const USER_READ_SCOPE = { id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d", type: "Scope" };
export const READWRITE_ALL_ROLE = { id: "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", type: "Role" };
export const READWRITE_ALL_SCOPE = { id: "bdfbf15f-ee85-4955-8675-146e8e5296b5", type: "Scope" };
export const READ_ALL_ROLE = { id: "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30", type: "Role" };

/** A `requiredResourceAccesses` list asking Graph for the given permissions. */
export function graph(...accesses: { id: string; type: string }[]) {
  return [{ resourceAppId: "00000003-0000-0000-c000-000000000000", resourceAccesses: accesses }];
}

/** The compliant DCR admin app. */
export function adminApp(props: Record<string, unknown> = {}): TestResource {
  return {
    type: APPLICATION_TYPE,
    name: "konnect-dcr-admin",
    props: {
      displayName: "Konnect DCR",
      api: { requestedAccessTokenVersion: 1 },
      requiredResourceAccesses: graph(OWNED_BY_ROLE, USER_READ_SCOPE),
      ...props,
    },
  };
}

/** A compliant client secret (valid 180 days from {@link NOW}). */
export function password(props: Record<string, unknown> = {}): TestResource {
  return {
    type: APPLICATION_PASSWORD_TYPE,
    name: "konnect-dcr-secret",
    props: {
      applicationId: "/applications/0000",
      endDate: "2026-06-30T00:00:00Z",
      rotateWhenChanged: { rotation: "2026-H1" },
      ...props,
    },
  };
}

/** A compliant azureAd DCR provider. */
export function dcrProvider(props: Record<string, unknown> = {}, extra: Partial<TestResource> = {}): TestResource {
  return {
    type: DCR_PROVIDER_TYPE,
    name: "portal-dcr",
    props: {
      name: "Azure DCR",
      providerType: "azureAd",
      issuer: ISSUER,
      labels: { "managed-by": "pulumi-konnect-dcr" },
      dcrConfig: { initialClientId: "c1", initialClientSecret: "s" },
      ...props,
    },
    ...extra,
  };
}

/** A compliant DCR auth strategy; `dcrProviderId` defaults to a literal id. */
export function authStrategy(props: Record<string, unknown> = {}, extra: Partial<TestResource> = {}): TestResource {
  return {
    type: AUTH_STRATEGY_TYPE,
    name: "portal-dcr-strategy",
    props: {
      name: "Azure DCR",
      displayName: "Azure DCR",
      strategyType: "openid_connect",
      openidConnect: {
        issuer: ISSUER,
        credentialClaim: ["appid"],
        scopes: ["openid"],
        authMethods: ["client_credentials", "bearer", "session"],
      },
      dcrProviderId: "dcr-1",
      labels: { "managed-by": "pulumi-konnect-dcr" },
      ...props,
    },
    ...extra,
  };
}

/** Ids of the API and portal the publication fixtures use (existing objects, managed outside the stack). */
export const API_ID = "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
export const PORTAL_ID = "0a1b2c3d-4e5f-4061-8728-394a5b6c7d8e";

/** A public API publication using the DCR strategy by a literal id (`dcr-strategy-1`). */
export function apiPublication(props: Record<string, unknown> = {}, extra: Partial<TestResource> = {}): TestResource {
  return {
    type: API_PUBLICATION_TYPE,
    name: "orders-in-portal",
    props: {
      apiId: API_ID,
      portalId: PORTAL_ID,
      authStrategyIds: ["dcr-strategy-1"],
      visibility: "public",
      ...props,
    },
    ...extra,
  };
}

/** A portal default auth strategy for {@link PORTAL_ID}, pointing at the literal strategy id `dcr-strategy-1`. */
export function portalDefault(props: Record<string, unknown> = {}, extra: Partial<TestResource> = {}): TestResource {
  return {
    type: PORTAL_DEFAULT_AUTH_STRATEGY_TYPE,
    name: "portal-default",
    props: { portalId: PORTAL_ID, authStrategyId: "dcr-strategy-1", ...props },
    ...extra,
  };
}
