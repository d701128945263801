/**
 * Response views of the Dev Portal's members: teams, developers, applications and registrations, as S4 shapes them.
 * No view carries a client secret: the emulator's IdP stores only hashes, and Konnect's management API never returns
 * one [SPEC: no secret field in any application schema].
 */
import { type EmulatorStore } from "./store";
import {
  type StoredApplication,
  type StoredAuthStrategy,
  type StoredDeveloper,
  type StoredRegistration,
  type StoredTeam,
} from "./types";

/** A `PortalTeamResponse`; `description` is left out when never set [INF: required in the schema, optional on create]. */
export function renderTeam(team: StoredTeam): Record<string, unknown> {
  const body: Record<string, unknown> = { id: team.id, name: team.name };
  if (team.description !== null) body.description = team.description;
  body.can_own_applications = team.can_own_applications;
  body.created_at = team.created_at;
  body.updated_at = team.updated_at;
  return body;
}

/** A `PortalDeveloper`. */
export function renderDeveloper(developer: StoredDeveloper): Record<string, unknown> {
  return {
    id: developer.id,
    email: developer.email,
    full_name: developer.full_name,
    status: developer.status,
    created_at: developer.created_at,
    updated_at: developer.updated_at,
  };
}

/**
 * The `auth_strategy` of an application. `name` is the strategy's `display_name` [INF: the spec's examples show
 * "API Key" and "Client Credentials", the v2 spec's display names]. Client-credentials `credential_type` is
 * `client_credentials` with DCR and `self_managed_client_credentials` without [SPEC examples].
 */
function strategySummary(application: StoredApplication, strategy: StoredAuthStrategy | undefined) {
  const name = strategy?.display_name ?? "";
  if (strategy?.strategy_type === "key_auth") {
    const config = strategy.configs["key-auth"] ?? {};
    const summary: Record<string, unknown> = {
      id: strategy.id,
      name,
      credential_type: "key_auth",
      key_names: Array.isArray(config.key_names) ? [...(config.key_names as string[])] : [],
    };
    if (config.ttl !== undefined) summary.ttl = structuredClone(config.ttl);
    return summary;
  }
  const config = strategy?.configs["openid-connect"] ?? {};
  return {
    id: application.auth_strategy_id,
    name,
    credential_type: application.dcr_provider_id === null ? "self_managed_client_credentials" : "client_credentials",
    auth_methods: Array.isArray(config.auth_methods) ? [...(config.auth_methods as string[])] : [],
  };
}

/**
 * An `Application`: `KeyAuthApplication` for a key-auth strategy, `ClientCredentialsApplication` otherwise (with
 * `client_id`, `dcr_provider` `{id}` or null, `granted_scopes`). `registration_count` counts registrations of any
 * status [SPEC]; `labels` is always present (`{}` when none) and `owner` always shown [INF: optional in the schema,
 * present in every example].
 */
export function renderApplication(application: StoredApplication, store: EmulatorStore): Record<string, unknown> {
  const strategy = store.getAuthStrategy(application.region, application.auth_strategy_id);
  const keyAuth = strategy?.strategy_type === "key_auth";
  const body: Record<string, unknown> = {
    id: application.id,
    name: application.name,
    description: application.description,
    labels: { ...application.labels },
  };
  if (!keyAuth) body.client_id = application.client_id ?? "";
  body.registration_count = store.registrationsOf(application.region, application.id).length;
  body.portal = { id: application.portal_id };
  body.auth_strategy = strategySummary(application, strategy);
  if (!keyAuth) {
    body.dcr_provider = application.dcr_provider_id === null ? null : { id: application.dcr_provider_id };
    body.granted_scopes = application.granted_scopes === null ? null : [...application.granted_scopes];
  }
  body.owner = { ...application.owner };
  body.created_at = application.created_at;
  body.updated_at = application.updated_at;
  return body;
}

/** An `ApplicationRegistration` (no `consumer`: consumer mappings are not emulated). */
export function renderRegistration(registration: StoredRegistration, store: EmulatorStore): Record<string, unknown> {
  const application = store.getItem("applications", registration.region, registration.application_id);
  const api = store.getApi(registration.region, registration.api_id);
  return {
    id: registration.id,
    status: registration.status,
    application: { id: registration.application_id, name: application?.name ?? "" },
    api: { id: registration.api_id, name: api?.name ?? "", version: api?.version ?? null, entity_type: "api" },
    created_at: registration.created_at,
    updated_at: registration.updated_at,
  };
}
