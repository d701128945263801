/**
 * `/v3/apis`: create (201) and `/{apiId}` get (200). Update, delete, versions, specifications and implementations
 * are not emulated.
 */
import { randomUUID } from "node:crypto";
import { parseCreateApi, slugify } from "../apiSchema";
import { ProblemError, notFound } from "../problem";
import { renderApi } from "../render";
import { type ApiRequest, type ApiResponse, type EmulatorState } from "../state";
import { type Region, type StoredApi } from "../types";

/** Validates and stores a new API; used by POST and by seeding. */
export function createApi(state: EmulatorState, region: Region, body: unknown, id?: string): StoredApi {
  const parsed = parseCreateApi(body);
  if (state.options.uniqueApiNameVersion) {
    const taken = state.store.apis(region).some((a) => a.name === parsed.name && a.version === parsed.version);
    if (taken) {
      const version = parsed.version === null ? "" : ` version [${parsed.version}]`;
      throw new ProblemError(409, `An API named [${parsed.name}]${version} already exists`);
    }
  }
  const now = state.clock.nowIso();
  const api: StoredApi = {
    id: id ?? randomUUID(),
    region,
    name: parsed.name,
    version: parsed.version,
    slug: parsed.slug ?? slugify(parsed.name, parsed.version),
    labels: parsed.labels,
    created_at: now,
    updated_at: now,
  };
  if (parsed.description !== undefined) api.description = parsed.description;
  if (parsed.attributes !== undefined) api.attributes = parsed.attributes;
  state.store.putApi(api);
  return api;
}

/** Handles `/v3/apis[/{apiId}]`; the router has already checked method and path shape. */
export function handleApis(request: ApiRequest, state: EmulatorState, id?: string): ApiResponse {
  const { region } = request;
  if (id === undefined) return { status: 201, body: renderApi(createApi(state, region, request.body), state.store) };
  const api = state.store.getApi(region, id);
  if (api === undefined) throw notFound();
  return { status: 200, body: renderApi(api, state.store) };
}
