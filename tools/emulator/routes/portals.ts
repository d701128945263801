/**
 * `/v3/portals`: list (200, with the spec's `PortalFilterParameters` and `SortPortals`), create (201), and
 * `/{portalId}` get (200) and PATCH (200). Other portal operations (delete, customization, domains) are not emulated. Defaults of fields a create leaves out are the spec's `default`s
 * [SPEC]; the ones without a stated default (`display_name`, the visibilities, domains) are [INF].
 */
import { randomBytes, randomUUID } from "node:crypto";
import { applyLabelPatch } from "../labels";
import { type ListSpec, listPage } from "../listing";
import { type PortalFields, createLabels, parseCreatePortal, parseUpdatePortal } from "../portalSchema";
import { ProblemError, notFound } from "../problem";
import { checkStrategyReference } from "../references";
import { renderPortal } from "../render";
import { type ApiRequest, type ApiResponse, type EmulatorState } from "../state";
import { type Region, type StoredPortal } from "../types";
import { createAuthStrategy } from "./authStrategies";

/** With `uniquePortalNames`, a name another portal of the region has answers 409 [INF status]. */
function checkNameFree(state: EmulatorState, region: Region, name: string, exceptId?: string): void {
  if (!state.options.uniquePortalNames) return;
  const taken = state.store.portals(region).some((p) => p.name === name && p.id !== exceptId);
  if (taken) throw new ProblemError(409, `A portal named [${name}] already exists`);
}

function checkDefaultStrategy(state: EmulatorState, region: Region, fields: PortalFields): void {
  const id = fields.default_application_auth_strategy_id;
  if (typeof id === "string") checkStrategyReference(state, region, id, "default_application_auth_strategy_id");
}

/** [DOC] the key-auth strategy Konnect creates with a portal, when `portalKeyAuthStrategy` asks for it. */
function createPortalKeyAuthStrategy(state: EmulatorState, region: Region, portalName: string): string | undefined {
  if (state.options.portalKeyAuthStrategy === "none") return undefined;
  const strategy = createAuthStrategy(state, region, {
    name: `${portalName} key auth`,
    display_name: "Key Auth",
    strategy_type: "key_auth",
    configs: { "key-auth": { key_names: ["apikey"] } },
  });
  return state.options.portalKeyAuthStrategy === "create-and-default" ? strategy.id : undefined;
}

/** Validates and stores a new portal; used by POST and by seeding. */
export function createPortal(state: EmulatorState, region: Region, body: unknown, id?: string): StoredPortal {
  const fields = parseCreatePortal(body);
  checkNameFree(state, region, fields.name);
  checkDefaultStrategy(state, region, fields);
  const keyAuthStrategyId = createPortalKeyAuthStrategy(state, region, fields.name);
  const sentDefault = fields.default_application_auth_strategy_id;
  const defaultStrategyId = sentDefault === undefined ? (keyAuthStrategyId ?? null) : sentDefault;
  // [INF] Konnect assigns a `<hex>.<region>.portal.konghq.com` host; canonical equals it without a custom domain.
  const domain = `${randomBytes(6).toString("hex")}.${region}.portal.konghq.com`;
  const now = state.clock.nowIso();
  const portal: StoredPortal = {
    id: id ?? randomUUID(),
    region,
    name: fields.name,
    display_name: fields.display_name ?? fields.name,
    description: fields.description ?? null,
    authentication_enabled: fields.authentication_enabled ?? true,
    rbac_enabled: fields.rbac_enabled ?? false,
    sipr_enabled: fields.sipr_enabled ?? false,
    default_api_visibility: fields.default_api_visibility ?? "private",
    default_page_visibility: fields.default_page_visibility ?? "private",
    default_application_auth_strategy_id: defaultStrategyId,
    auto_approve_developers: fields.auto_approve_developers ?? false,
    auto_approve_applications: fields.auto_approve_applications ?? false,
    default_domain: domain,
    canonical_domain: domain,
    labels: createLabels(fields.labels),
    notifications_developer_pii_visibility_enabled: fields.notifications_developer_pii_visibility_enabled ?? false,
    created_at: now,
    updated_at: now,
  };
  state.store.putPortal(portal);
  return portal;
}

/** PATCH: sets the fields sent; `labels` follow `labelPatchMode`; `default_application_auth_strategy_id: null` clears. */
function updatePortal(state: EmulatorState, current: StoredPortal, body: unknown): StoredPortal {
  const { labels, ...fields } = parseUpdatePortal(body);
  if (fields.name !== undefined) checkNameFree(state, current.region, fields.name, current.id);
  checkDefaultStrategy(state, current.region, fields);
  const next: StoredPortal = { ...current, ...fields, updated_at: state.clock.nowIso() };
  if (labels !== undefined) next.labels = applyLabelPatch(current.labels, labels, state.options.labelPatchMode);
  state.store.putPortal(next);
  return next;
}

/**
 * [SPEC] S4 `list-portals`: the filters of `PortalFilterParameters` (a `BooleanFieldFilter` is a bare `true|false`,
 * so flags take `eq` only) and the sorts of `SortPortals`.
 */
function listSpec(): ListSpec<StoredPortal> {
  const strings = ["eq", "neq", "contains", "oeq", "ocontains"] as const;
  const uuids = ["eq", "oeq", "neq"] as const;
  const flags = ["eq"] as const;
  const flag = (read: (p: StoredPortal) => boolean) => ({
    read: (p: StoredPortal) => String(read(p)),
    operators: flags,
  });
  return {
    filters: {
      id: { read: (p) => p.id, operators: uuids },
      name: { read: (p) => p.name, operators: strings },
      description: { read: (p) => p.description, operators: strings },
      default_application_auth_strategy_id: { read: (p) => p.default_application_auth_strategy_id, operators: uuids },
      default_api_visibility: { read: (p) => p.default_api_visibility, operators: strings },
      default_page_visibility: { read: (p) => p.default_page_visibility, operators: strings },
      default_domain: { read: (p) => p.default_domain, operators: strings },
      canonical_domain: { read: (p) => p.canonical_domain, operators: strings },
      authentication_enabled: flag((p) => p.authentication_enabled),
      auto_approve_applications: flag((p) => p.auto_approve_applications),
      auto_approve_developers: flag((p) => p.auto_approve_developers),
      rbac_enabled: flag((p) => p.rbac_enabled),
    },
    sorts: {
      name: (p) => p.name,
      description: (p) => p.description,
      authentication_enabled: (p) => String(p.authentication_enabled),
      rbac_enabled: (p) => String(p.rbac_enabled),
      auto_approve_applications: (p) => String(p.auto_approve_applications),
      auto_approve_developers: (p) => String(p.auto_approve_developers),
      default_domain: (p) => p.default_domain,
      canonical_domain: (p) => p.canonical_domain,
      created_at: (p) => p.created_at,
      updated_at: (p) => p.updated_at,
    },
  };
}

/** The portal a `/v3/portals/{portalId}/...` path names, or the 404 problem. */
export function requirePortal(state: EmulatorState, region: Region, portalId: string): StoredPortal {
  const portal = state.store.getPortal(region, portalId);
  if (portal === undefined) throw notFound();
  return portal;
}

/** Handles `/v3/portals[/{portalId}]`; the router has already checked method and path shape. */
export function handlePortals(request: ApiRequest, state: EmulatorState, id?: string): ApiResponse {
  const { region, method } = request;
  if (id === undefined && method === "GET") {
    const portals = state.store.portals(region);
    return { status: 200, body: listPage(portals, request.query, listSpec(), state.options, renderPortal) };
  }
  if (id === undefined) return { status: 201, body: renderPortal(createPortal(state, region, request.body)) };
  const portal = requirePortal(state, region, id);
  if (method === "GET") return { status: 200, body: renderPortal(portal) };
  return { status: 200, body: renderPortal(updatePortal(state, portal, request.body)) };
}
