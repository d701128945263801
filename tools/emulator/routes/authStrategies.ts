/**
 * `/v2/application-auth-strategies`: list, create (201), get, PUT (201, full replacement), PATCH (200, partial
 * `configs` merge within the type) and DELETE (204, 409 while a publication, an application, a portal default or a
 * mark uses it).
 */
import { randomUUID } from "node:crypto";
import {
  type AuthStrategyCreate,
  CONFIG_KEY,
  type StrategyValidationOptions,
  parseCreateAuthStrategy,
  parseUpdateAuthStrategy,
} from "../authStrategySchema";
import { applyLabelPatch } from "../labels";
import { type ListSpec, listPage } from "../listing";
import { ProblemError, invalidRequest, notFound } from "../problem";
import { renderAuthStrategy } from "../render";
import { type ApiRequest, type ApiResponse, type EmulatorState } from "../state";
import { type EmulatorStore } from "../store";
import { type Region, type StoredAuthStrategy } from "../types";

function listSpec(store: EmulatorStore): ListSpec<StoredAuthStrategy> {
  const provider = (s: StoredAuthStrategy) =>
    s.dcr_provider_id === null ? undefined : store.getDcrProvider(s.region, s.dcr_provider_id);
  const stringOperators = ["eq", "neq", "contains", "oeq", "ocontains"] as const;
  return {
    filters: {
      strategy_type: { read: (s) => s.strategy_type, operators: stringOperators },
      name: { read: (s) => s.name, operators: stringOperators },
      display_name: { read: (s) => s.display_name, operators: stringOperators },
      dcr_provider_name: { read: (s) => provider(s)?.name, operators: stringOperators },
      dcr_provider_type: { read: (s) => provider(s)?.provider_type, operators: stringOperators },
      dcr_provider_id: { read: (s) => s.dcr_provider_id, operators: ["eq", "oeq", "neq"] },
    },
    sorts: {
      created_at: (s) => s.created_at,
      updated_at: (s) => s.updated_at,
      strategy_type: (s) => s.strategy_type,
      name: (s) => s.name,
      display_name: (s) => s.display_name,
      dcr_provider_id: (s) => s.dcr_provider_id,
      dcr_provider_name: (s) => provider(s)?.name,
      dcr_provider_type: (s) => provider(s)?.provider_type,
    },
  };
}

function validationOptions(state: EmulatorState): StrategyValidationOptions {
  return { rejectedOidcExtraKeys: state.options.rejectedOidcExtraKeys, defaultKeyNames: state.options.defaultKeyNames };
}

function requireStrategy(state: EmulatorState, region: Region, id: string): StoredAuthStrategy {
  const strategy = state.store.getAuthStrategy(region, id);
  if (strategy === undefined) throw notFound();
  return strategy;
}

/** [INF] A `dcr_provider_id` that names no provider of this region answers 400 `missing_reference`. */
function checkDcrProviderExists(state: EmulatorState, region: Region, dcrProviderId: string | null | undefined): void {
  if (
    dcrProviderId === null ||
    dcrProviderId === undefined ||
    state.store.getDcrProvider(region, dcrProviderId) !== undefined
  )
    return;
  throw invalidRequest([
    {
      field: "dcr_provider_id",
      rule: "missing_reference",
      reason: `DCR provider [${dcrProviderId}] does not exist`,
      source: "body",
    },
  ]);
}

/** With `uniqueNames`, a name already used by another strategy of the region answers 409. */
function checkNameFree(state: EmulatorState, region: Region, name: string, exceptId?: string): void {
  if (!state.options.uniqueNames) return;
  const taken = state.store.authStrategies(region).some((s) => s.name === name && s.id !== exceptId);
  if (taken) throw new ProblemError(409, `An application auth strategy named [${name}] already exists`);
}

function storedFrom(
  parsed: AuthStrategyCreate,
  base: Pick<StoredAuthStrategy, "id" | "region" | "in_use" | "created_at" | "updated_at">,
): StoredAuthStrategy {
  const strategy: StoredAuthStrategy = {
    ...base,
    name: parsed.name,
    display_name: parsed.display_name,
    strategy_type: parsed.strategy_type,
    configs: parsed.configs,
    dcr_provider_id: parsed.dcr_provider_id,
    labels: parsed.labels,
  };
  if (parsed.principals !== undefined) strategy.principals = parsed.principals;
  return strategy;
}

/** Validates and stores a new strategy; used by POST, by PUT's upsert option and by seeding. */
export function createAuthStrategy(
  state: EmulatorState,
  region: Region,
  body: unknown,
  id?: string,
): StoredAuthStrategy {
  const parsed = parseCreateAuthStrategy(body, validationOptions(state));
  checkDcrProviderExists(state, region, parsed.dcr_provider_id);
  checkNameFree(state, region, parsed.name);
  const now = state.clock.nowIso();
  const strategy = storedFrom(parsed, {
    id: id ?? randomUUID(),
    region,
    in_use: false,
    created_at: now,
    updated_at: now,
  });
  state.store.putAuthStrategy(strategy);
  return strategy;
}

/**
 * PUT replaces every mutable field [INF]: OIDC extras, labels and principals not sent disappear, and a missing
 * `dcr_provider_id` unlinks. Changing `strategy_type` answers 400 unless `strategyPutTypeChange` is "allow" [UNK].
 */
function replaceAuthStrategy(state: EmulatorState, current: StoredAuthStrategy, body: unknown): StoredAuthStrategy {
  const parsed = parseCreateAuthStrategy(body, validationOptions(state));
  if (parsed.strategy_type !== current.strategy_type && state.options.strategyPutTypeChange === "reject") {
    throw invalidRequest([
      {
        field: "strategy_type",
        rule: "invalid",
        reason: `cannot be changed from ${current.strategy_type} to ${parsed.strategy_type}`,
        source: "body",
      },
    ]);
  }
  checkDcrProviderExists(state, current.region, parsed.dcr_provider_id);
  checkNameFree(state, current.region, parsed.name, current.id);
  const { id, region, in_use, created_at } = current;
  const next = storedFrom(parsed, { id, region, in_use, created_at, updated_at: state.clock.nowIso() });
  state.store.putAuthStrategy(next);
  return next;
}

/** PATCH: partial merge of the type's config (`ttl: null` unsets the TTL); `dcr_provider_id: null` unlinks. */
function updateAuthStrategy(state: EmulatorState, current: StoredAuthStrategy, body: unknown): StoredAuthStrategy {
  const update = parseUpdateAuthStrategy(body, current.strategy_type, validationOptions(state));
  checkDcrProviderExists(state, current.region, update.dcr_provider_id);
  if (update.name !== undefined) checkNameFree(state, current.region, update.name, current.id);
  const next: StoredAuthStrategy = { ...current, updated_at: state.clock.nowIso() };
  if (update.name !== undefined) next.name = update.name;
  if (update.display_name !== undefined) next.display_name = update.display_name;
  if (update.dcr_provider_id !== undefined) next.dcr_provider_id = update.dcr_provider_id;
  if (update.principals !== undefined) next.principals = update.principals;
  if (update.labels !== undefined) {
    next.labels = applyLabelPatch(current.labels, update.labels, state.options.labelPatchMode);
  }
  if (update.configs !== undefined) {
    const key = CONFIG_KEY[current.strategy_type];
    const merged: Record<string, unknown> = { ...current.configs[key], ...update.configs };
    if (current.strategy_type === "key_auth" && merged.ttl === null) delete merged.ttl;
    next.configs = { [key]: merged };
  }
  state.store.putAuthStrategy(next);
  return next;
}

/**
 * DELETE answers 409 while the strategy is used [SPEC]: by an API publication, by the control API's `in_use` mark,
 * by a portal application, or (by `strategyDeleteWithPortalDefault`, [UNK]) as a portal's default; "clear" nulls
 * those defaults instead.
 */
function deleteAuthStrategy(state: EmulatorState, strategy: StoredAuthStrategy): void {
  const { region, id } = strategy;
  const inUse = () => new ProblemError(409, `Application auth strategy [${id}] is in use and cannot be deleted`);
  if (strategy.in_use || state.store.publicationsUsing(region, id).length > 0) throw inUse();
  // [UNK in konnect-api.md §4.1; a rule of issue 19] applications using the strategy block its delete.
  const applications = state.store.applicationsUsing(region, id);
  if (applications.length > 0) {
    const ids = applications.map((a) => a.id).join(", ");
    throw new ProblemError(
      409,
      `Application auth strategy [${id}] is used by applications [${ids}] and cannot be deleted`,
    );
  }
  const portals = state.store.portalsDefaulting(region, id);
  const portalRule = state.options.strategyDeleteWithPortalDefault;
  if (portals.length > 0 && portalRule === "conflict") throw inUse();
  if (portalRule === "clear") {
    for (const portal of portals) {
      state.store.putPortal({
        ...portal,
        default_application_auth_strategy_id: null,
        updated_at: state.clock.nowIso(),
      });
    }
  }
  state.store.deleteAuthStrategy(region, id);
}

/** Handles `/v2/application-auth-strategies[/{id}]`; the router has already checked method and path shape. */
export function handleAuthStrategies(request: ApiRequest, state: EmulatorState, id?: string): ApiResponse {
  const { region, method } = request;
  const render = (s: StoredAuthStrategy) => renderAuthStrategy(s, state.store, state.options);
  if (id === undefined) {
    if (method === "GET") {
      const strategies = state.store.authStrategies(region);
      return { status: 200, body: listPage(strategies, request.query, listSpec(state.store), state.options, render) };
    }
    return { status: 201, body: render(createAuthStrategy(state, region, request.body)) };
  }
  if (method === "PUT") {
    const current = state.store.getAuthStrategy(region, id);
    if (current !== undefined) return { status: 201, body: render(replaceAuthStrategy(state, current, request.body)) };
    if (state.options.strategyPutUnknownId === "not-found") throw notFound();
    return { status: 201, body: render(createAuthStrategy(state, region, request.body, id)) };
  }
  const strategy = requireStrategy(state, region, id);
  switch (method) {
    case "GET":
      return { status: 200, body: render(strategy) };
    case "PATCH":
      return { status: 200, body: render(updateAuthStrategy(state, strategy, request.body)) };
    default:
      deleteAuthStrategy(state, strategy);
      return { status: 204 };
  }
}
