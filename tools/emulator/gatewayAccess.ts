/**
 * What a Konnect-managed gateway would decide for a request to an API carrying a verified token's claims, from the
 * emulator's state: the API's publications, their strategies, the applications and their registrations. The gateway
 * stand-in (`tools/standins/emulatorGateway.ts`) verifies the token and asks this.
 *
 * - A publication without strategies (`auth_strategy_ids: null`) needs no application auth: allowed [SPEC].
 * - For each publication with an OpenID Connect strategy: the token's `iss` must be the strategy's issuer (trailing
 *   slashes ignored: Azure's `iss` has one, Kong's documented issuer none [DOC]); the strategy's `credential_claim`
 *   names the claim holding the client id [SPEC]; the application is the one of that portal with that strategy and
 *   that `client_id`.
 * - "Approved application registrations will allow API traffic ... Revoked, rejected, or pending will not" [SPEC];
 *   a newly approved registration reaches the gateway after `registrationPropagationMs` [INF].
 * Key-auth publications are not checked here (the stand-in speaks OIDC only).
 */
import { type EmulatorState } from "./state";
import {
  type GatewayAccess,
  type GatewayAccessQuery,
  type GatewayAccessReason,
  type Region,
  type StoredApplication,
  type StoredAuthStrategy,
  type StoredPublication,
} from "./types";

/** Denials from the least to the most specific: the most specific one found is reported. */
const DENIALS: readonly GatewayAccessReason[] = [
  "no-publication",
  "issuer-mismatch",
  "no-application",
  "not-registered",
  "not-approved",
  "propagating",
];

function trimSlashes(value: string): string {
  return value.replace(/\/+$/, "");
}

/** The credential the strategy's `credential_claim` names (the first claim present that is a string). */
function credentialOf(strategy: StoredAuthStrategy, claims: Record<string, unknown>): string | undefined {
  const names = strategy.configs["openid-connect"]?.credential_claim;
  if (!Array.isArray(names)) return undefined;
  for (const name of names) {
    const value = typeof name === "string" ? claims[name] : undefined;
    if (typeof value === "string") return value;
  }
  return undefined;
}

interface Candidate {
  reason: GatewayAccessReason;
  detail: string;
  application?: StoredApplication;
}

function judgeApplication(state: EmulatorState, application: StoredApplication, apiId: string, nowMs: number) {
  const registration = state.store.registrationsOf(application.region, application.id).find((r) => r.api_id === apiId);
  const name = `application [${application.id}]`;
  if (registration === undefined) {
    return { reason: "not-registered" as const, detail: `${name} has no registration for API [${apiId}]`, application };
  }
  if (registration.status !== "approved" || registration.approved_at === null) {
    return { reason: "not-approved" as const, detail: `${name}'s registration is ${registration.status}`, application };
  }
  const visibleAt = Date.parse(registration.approved_at) + state.options.registrationPropagationMs;
  if (nowMs < visibleAt) {
    const detail = `${name}'s registration was approved but has not reached the gateway yet`;
    return { reason: "propagating" as const, detail, application };
  }
  return { reason: "approved" as const, detail: `${name} has an approved registration`, application };
}

function judgePublication(
  state: EmulatorState,
  publication: StoredPublication,
  claims: Record<string, unknown>,
  nowMs: number,
): Candidate[] {
  const strategyId = publication.auth_strategy_ids?.[0];
  const strategy = strategyId === undefined ? undefined : state.store.getAuthStrategy(publication.region, strategyId);
  if (strategy?.strategy_type !== "openid_connect") return [];
  const issuer = strategy.configs["openid-connect"]?.issuer;
  if (typeof issuer !== "string" || typeof claims.iss !== "string" || trimSlashes(claims.iss) !== trimSlashes(issuer)) {
    return [{ reason: "issuer-mismatch", detail: `the token's issuer is not ${String(issuer)}` }];
  }
  const credential = credentialOf(strategy, claims);
  const applications = state.store
    .items("applications", publication.region, publication.portal_id)
    .filter((a) => a.auth_strategy_id === strategy.id && credential !== undefined && a.client_id === credential);
  if (applications.length === 0) {
    const detail = `no application of portal [${publication.portal_id}] uses that client id with this API's strategy`;
    return [{ reason: "no-application", detail }];
  }
  return applications.map((application) => judgeApplication(state, application, publication.api_id, nowMs));
}

/** Decides one request; see the module comment. */
export function gatewayAccess(
  state: EmulatorState,
  query: GatewayAccessQuery,
  nowMs = state.clock.nowMs(),
): GatewayAccess {
  const region: Region = query.region ?? "us";
  const publications = state.store.publications(region).filter((p) => p.api_id === query.api_id);
  if (publications.some((p) => p.auth_strategy_ids === null)) {
    return { allowed: true, reason: "no-auth", detail: `API [${query.api_id}] is published without application auth` };
  }
  const candidates = publications.flatMap((p) => judgePublication(state, p, query.claims, nowMs));
  const approved = candidates.find((c) => c.reason === "approved");
  const fallback: Candidate = {
    reason: "no-publication",
    detail: `API [${query.api_id}] is not published with an OIDC strategy`,
  };
  const best =
    approved ?? [...candidates].sort((a, b) => DENIALS.indexOf(b.reason) - DENIALS.indexOf(a.reason))[0] ?? fallback;
  const access: GatewayAccess = { allowed: best.reason === "approved", reason: best.reason, detail: best.detail };
  if (best.application !== undefined) access.application_id = best.application.id;
  return access;
}
