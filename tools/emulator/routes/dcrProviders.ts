/**
 * `/v2/dcr-providers`: list, create (201), get, PATCH (200, partial `dcr_config` merge that keeps secrets left
 * out), DELETE (204, or `dcrDeleteInUseStatus` while a strategy references the provider) and verify.
 */
import { randomUUID } from "node:crypto";
import { parseCreateDcrProvider, parseUpdateDcrProvider } from "../dcrProviderSchema";
import { applyLabelPatch } from "../labels";
import { type ListSpec, listPage } from "../listing";
import { ProblemError, notFound } from "../problem";
import { renderDcrProvider } from "../render";
import { type ApiRequest, type ApiResponse, type EmulatorState } from "../state";
import { type Region, type StoredDcrProvider } from "../types";

const DCR_LIST_SPEC: ListSpec<StoredDcrProvider> = {
  filters: {
    id: { read: (p) => p.id, operators: ["eq", "contains"] },
    issuer: { read: (p) => p.issuer, operators: ["eq", "contains"] },
    name: { read: (p) => p.name, operators: ["eq", "contains"] },
    provider_type: { read: (p) => p.provider_type, operators: ["eq"] },
    initial_client_id: {
      read: (p) => p.dcr_config.initial_client_id as string | undefined,
      operators: ["eq", "contains"],
    },
    initial_client_audience: {
      read: (p) => p.dcr_config.initial_client_audience as string | null | undefined,
      operators: ["eq", "contains"],
    },
  },
  sorts: {
    created_at: (p) => p.created_at,
    updated_at: (p) => p.updated_at,
    provider_type: (p) => p.provider_type,
    issuer: (p) => p.issuer,
    name: (p) => p.name,
  },
};

function requireProvider(state: EmulatorState, region: Region, id: string): StoredDcrProvider {
  const provider = state.store.getDcrProvider(region, id);
  if (provider === undefined) throw notFound();
  return provider;
}

/** With `uniqueNames`, a name already used by another provider of the region answers 409. */
function checkNameFree(state: EmulatorState, region: Region, name: string, exceptId?: string): void {
  if (!state.options.uniqueNames) return;
  const taken = state.store.dcrProviders(region).some((p) => p.name === name && p.id !== exceptId);
  if (taken) throw new ProblemError(409, `A DCR provider named [${name}] already exists`);
}

/** Validates and stores a new DCR provider; used by POST and by seeding. */
export function createDcrProvider(state: EmulatorState, region: Region, body: unknown, id?: string): StoredDcrProvider {
  const parsed = parseCreateDcrProvider(body);
  checkNameFree(state, region, parsed.name);
  const now = state.clock.nowIso();
  const provider: StoredDcrProvider = { id: id ?? randomUUID(), region, ...parsed, created_at: now, updated_at: now };
  state.store.putDcrProvider(provider);
  return provider;
}

function updateDcrProvider(state: EmulatorState, current: StoredDcrProvider, body: unknown): StoredDcrProvider {
  const update = parseUpdateDcrProvider(body, current.provider_type);
  if (update.name !== undefined) checkNameFree(state, current.region, update.name, current.id);
  const next: StoredDcrProvider = {
    ...current,
    dcr_config: { ...current.dcr_config, ...(update.dcr_config ?? {}) },
    labels:
      update.labels === undefined
        ? current.labels
        : applyLabelPatch(current.labels, update.labels, state.options.labelPatchMode),
    updated_at: state.clock.nowIso(),
  };
  if (update.name !== undefined) next.name = update.name;
  if (update.display_name !== undefined) next.display_name = update.display_name;
  if (update.issuer !== undefined) next.issuer = update.issuer;
  state.store.putDcrProvider(next);
  return next;
}

function deleteDcrProvider(state: EmulatorState, provider: StoredDcrProvider): void {
  const users = state.store.strategiesUsing(provider.region, provider.id);
  const status = state.options.dcrDeleteInUseStatus;
  if (users.length > 0 && status !== 204) {
    const detail = `DCR provider [${provider.id}] is used by application auth strategies [${users.join(", ")}]`;
    const invalid = status === 400 ? [{ field: "id", rule: "invalid", reason: detail, source: "path" }] : undefined;
    throw new ProblemError(status, detail, invalid);
  }
  // With dcrDeleteInUseStatus 204 the delete goes through and the strategies lose their link.
  for (const strategyId of users) {
    const strategy = state.store.getAuthStrategy(provider.region, strategyId);
    if (strategy !== undefined) state.store.putAuthStrategy({ ...strategy, dcr_provider_id: null });
  }
  state.store.deleteDcrProvider(provider.region, provider.id);
}

const DEFAULT_VERIFY_ERRORS = ["Unable to create the DCR application"];

function verifyDcrProvider(state: EmulatorState, provider: StoredDcrProvider): ApiResponse {
  const behavior = state.options.verifyResultById[provider.id] ?? state.options.verifyResult;
  const calls = state.verifyCalls.get(provider.id) ?? 0;
  state.verifyCalls.set(provider.id, calls + 1);
  const failed = behavior.result === "failed" || (behavior.result === "fail-then-succeed" && calls < behavior.failures);
  if (!failed) return { status: 200, body: { status: "success", errors: [] } };
  const errors = behavior.errors ?? DEFAULT_VERIFY_ERRORS;
  // [UNK] "4xx for failure": only the 200 body is documented, so a 4xx answer is a plain problem naming the errors.
  if (state.options.verifyFailureStatus !== 200)
    throw new ProblemError(state.options.verifyFailureStatus, errors.join("; "));
  return { status: 200, body: { status: "failed", errors } };
}

/** Handles `/v2/dcr-providers[/{id}[/verify]]`; the router has already checked method and path shape. */
export function handleDcrProviders(
  request: ApiRequest,
  state: EmulatorState,
  id?: string,
  action?: string,
): ApiResponse {
  const { region, method } = request;
  const render = (p: StoredDcrProvider) => renderDcrProvider(p, state.store, state.options);
  if (id === undefined) {
    if (method === "GET") {
      return {
        status: 200,
        body: listPage(state.store.dcrProviders(region), request.query, DCR_LIST_SPEC, state.options, render),
      };
    }
    return { status: 201, body: render(createDcrProvider(state, region, request.body)) };
  }
  const provider = requireProvider(state, region, id);
  if (action === "verify") return verifyDcrProvider(state, provider);
  switch (method) {
    case "GET":
      return { status: 200, body: render(provider) };
    case "PATCH":
      return { status: 200, body: render(updateDcrProvider(state, provider, request.body)) };
    default:
      deleteDcrProvider(state, provider);
      return { status: 204 };
  }
}
