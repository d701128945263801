/**
 * `konnect.AuthStrategy` as a resource definition for the generic handlers: its diff rows (from the input table, the
 * OpenID Connect or key-auth rows per strategy type), the PATCH or PUT that moves Konnect to the declared state,
 * outputs that mirror the inputs, a keyed create (POST with the creation key) and DELETE by id.
 */
import {
  createAuthStrategy,
  deleteAuthStrategy,
  getAuthStrategy,
  listAllApiPublications,
  listAllAuthStrategies,
  listAllPortals,
  recordInForce,
  replaceAuthStrategy,
  restorePortalDefault,
  sameStrategy,
  updateAuthStrategy,
  type AuthStrategy,
  type KonnectTransport,
  type AuthStrategyType,
  type CreateAuthStrategyRequest,
  type UpdateAuthStrategyRequest,
} from "../../konnect";
import { AUTH_STRATEGY_NOUN, OIDC_FIELD_NAMES } from "../../konnect/authStrategies/fields";
import { deepEqual, withoutUndefined } from "../core/compare";
import { tableOutputs, tableRules, updateBody, type FieldRule } from "../core/fieldRules";
import { keyedCreate, resourceHandlers, type ConflictHolders, type ResourceDefinition } from "../core/handlerFactory";
import type { AuthStrategyInputs, AuthStrategyOutputs, OpenIdConnectState } from "./args";
import { checkAuthStrategyInputs, toCreateRequest } from "./check";
import { AUTH_STRATEGY_INPUTS } from "./inputs";

type Rule = FieldRule<AuthStrategyOutputs, AuthStrategyInputs, UpdateAuthStrategyRequest>;

const extrasOf = (config: { additionalProperties?: Record<string, unknown> } | undefined) =>
  config?.additionalProperties ?? {};

/** Top-level rows, from the input table; the settings objects get their rows per strategy type (below). */
const TOP_RULES: readonly Rule[] = tableRules<AuthStrategyOutputs, AuthStrategyInputs, UpdateAuthStrategyRequest>(
  AUTH_STRATEGY_INPUTS,
  {
    dcrProviderId: {
      property: "dcrProviderId",
      effect: "update",
      before: (o) => o.dcrProviderId,
      after: (n) => n.dcrProviderId,
      // null unlinks the DCR provider.
      send: (body, _o, n) => (body.dcrProviderId = n.dcrProviderId ?? null),
    },
    principals: {
      property: "principals",
      effect: "update",
      before: (o) => o.principals?.enabled ?? false,
      after: (n) => n.principals?.enabled ?? false,
      send: (body, _o, n) => (body.principals = { enabled: n.principals?.enabled ?? false }),
    },
    openidConnect: null,
    keyAuth: null,
  },
);

/** Rows of the named OpenID Connect keys (from the key table) and the extra plugin options. */
const OIDC_RULES: readonly Rule[] = [
  ...OIDC_FIELD_NAMES.map((key): Rule => ({
    property: `openidConnect.${key}`,
    effect: "update",
    group: "openidConnect",
    before: (o) => o.openidConnect?.[key],
    after: (n) => n.openidConnect?.[key],
    send: (body, _o, n) => (body.openidConnect = { ...body.openidConnect, [key]: n.openidConnect?.[key] }),
  })),
  {
    property: "openidConnect.additionalProperties",
    effect: "update",
    group: "openidConnect",
    before: (o) => extrasOf(o.openidConnect),
    after: (n) => extrasOf(n.openidConnect),
    // PATCH merges: only changed or added options are sent (removed ones need the PUT, see planAuthStrategyUpdate).
    send: (body, o, n) => {
      const before = extrasOf(o.openidConnect);
      const changes = Object.fromEntries(
        Object.entries(extrasOf(n.openidConnect)).filter(([key, value]) => !deepEqual(before[key], value)),
      );
      if (Object.keys(changes).length > 0) {
        body.openidConnect = { ...body.openidConnect, additionalProperties: changes };
      }
    },
  },
];

/** Rows of the key-auth keys. */
const KEY_AUTH_RULES: readonly Rule[] = [
  {
    property: "keyAuth.keyNames",
    effect: "update",
    group: "keyAuth",
    // Key names left out keep Konnect's value.
    keptWhenAbsent: (n) => n.keyAuth?.keyNames === undefined,
    before: (o) => o.keyAuth?.keyNames,
    after: (n) => n.keyAuth?.keyNames,
    send: (body, _o, n) => (body.keyAuth = { ...body.keyAuth, keyNames: n.keyAuth?.keyNames }),
  },
  {
    property: "keyAuth.ttl",
    effect: "update",
    group: "keyAuth",
    before: (o) => o.keyAuth?.ttl,
    after: (n) => n.keyAuth?.ttl,
    // A TTL left out is removed.
    send: (body, _o, n) => (body.keyAuth = { ...body.keyAuth, ttl: n.keyAuth?.ttl ?? null }),
  },
];

/** Every row for the declared strategy type. */
export function authStrategyRules(type: AuthStrategyType): readonly Rule[] {
  return [...TOP_RULES, ...(type === "openid_connect" ? OIDC_RULES : KEY_AUTH_RULES)];
}

/** How to move Konnect from `olds` to `news`: nothing, a PATCH of what changed, or a PUT (extra options removed). */
export type StrategyChange =
  | { kind: "none" }
  | { kind: "patch"; body: UpdateAuthStrategyRequest }
  | { kind: "put"; body: CreateAuthStrategyRequest };

/** Plans the API call for an update. */
export function planAuthStrategyUpdate(olds: AuthStrategyOutputs, news: AuthStrategyInputs): StrategyChange {
  const afterExtra = extrasOf(news.openidConnect);
  if (Object.keys(extrasOf(olds.openidConnect)).some((key) => !(key in afterExtra))) {
    // PATCH merges configs, so removing an extra OpenID Connect option needs a full replacement.
    return { kind: "put", body: toCreateRequest(news) };
  }
  const body = updateBody(authStrategyRules(news.strategyType), olds, news, {});
  return body ? { kind: "patch", body } : { kind: "none" };
}

/**
 * Outputs from Konnect's answer and the declared inputs: the rows as Konnect reports them (the DCR provider as the
 * linked one's id; settings objects and extra options shown when declared or set), read-only fields added.
 */
export function authStrategyOutputs(declared: AuthStrategyInputs, strategy: AuthStrategy): AuthStrategyOutputs {
  return withoutUndefined({
    ...tableOutputs(AUTH_STRATEGY_INPUTS, declared, strategy, {
      openidConnect: (d, s) => openidConnectOutput(d, s),
      keyAuth: (d, s) => {
        const keyAuth = s.keyAuth ? withoutUndefined({ ...s.keyAuth }) : undefined;
        return keyAuth && Object.keys(keyAuth).length === 0 && d.keyAuth === undefined ? undefined : keyAuth;
      },
      dcrProviderId: (_d, s) => s.dcrProvider?.id,
      principals: (d, s) =>
        s.principals && (d.principals !== undefined || s.principals.enabled) ? s.principals : undefined,
    }),
    active: strategy.active,
    supportsMultipleCredentials: strategy.supportsMultipleCredentials,
    dcrProvider: strategy.dcrProvider ? withoutUndefined({ ...strategy.dcrProvider }) : null,
    createdAt: strategy.createdAt,
    updatedAt: strategy.updatedAt,
  }) as AuthStrategyOutputs;
}

/** The `openidConnect` output: Konnect's settings, extra options shown when Konnect has some or they are declared. */
function openidConnectOutput(declared: AuthStrategyInputs, strategy: AuthStrategy): OpenIdConnectState | undefined {
  if (!strategy.openidConnect) return undefined;
  const { additionalProperties, ...core } = strategy.openidConnect;
  const extra = additionalProperties ?? {};
  return Object.keys(extra).length > 0 || declared.openidConnect?.additionalProperties !== undefined
    ? { ...core, additionalProperties: extra }
    : core;
}

/**
 * What holds a strategy Konnect refused to delete (409), asked of Konnect: the API publications using it (1 list,
 * filtered by strategy) and the portals whose default it is (1 list, filtered by default). A portal whose default a
 * `PortalDefaultAuthStrategy` set to this strategy, as the record on the portal proves, is put back to the default that
 * record says it replaced (what that resource's delete does; Pulumi may run the two deletes in either order when an
 * interrupted `up` left the state without their dependency), and the DELETE is tried once more. Only on the 409 path:
 * a delete that succeeds makes no extra call.
 */
async function strategyHolders(transport: KonnectTransport, id: string): Promise<ConflictHolders> {
  const [publications, portals] = await Promise.all([
    listAllApiPublications(transport, { filter: { auth_strategy_id: { eq: id } } }),
    listAllPortals(transport, { filter: { default_application_auth_strategy_id: { eq: id } } }),
  ]);
  const released: string[] = [];
  const holding: string[] = [];
  for (const portal of portals) {
    const record = recordInForce({ current: portal.defaultApplicationAuthStrategyId, labels: portal.labels });
    if (record !== undefined && sameStrategy(record.applied, id)) {
      const outcome = await restorePortalDefault(transport, portal.id, record.previous, true);
      const previous = record.previous === null ? "no default" : `strategy ${record.previous}`;
      released.push(
        `portal ${portal.id}: its default was this strategy, set by a PortalDefaultAuthStrategy that replaced ` +
          `${previous}; ${outcome === "cleared" ? "that strategy is gone, so the default was cleared" : "put that back"}` +
          " so the strategy can be deleted",
      );
    } else {
      holding.push(
        `the default auth strategy of portal "${portal.name}" (${portal.id}): give the portal another default (or ` +
          "delete the PortalDefaultAuthStrategy that set it) first",
      );
    }
  }
  for (const publication of publications) {
    holding.push(
      `API publication ${publication.apiId}/${publication.portalId} (its auth_strategy_ids): give it another ` +
        "strategy or unpublish it first (an ApiPublication declared without authStrategyIds got the portal's " +
        "default when it was published and keeps it: declare authStrategyIds on it)",
    );
  }
  if (holding.length === 0 && released.length === 0) {
    holding.push(
      "something other than an API publication or a portal's default (none uses it): a developer application " +
        "registered with it (Dev Portal → Applications), which Konnect's answer may name",
    );
  }
  return { released, holding };
}

/** What the generic handlers need to know about auth strategies. */
export const authStrategyDefinition: ResourceDefinition<AuthStrategyInputs, AuthStrategyOutputs, AuthStrategy> = {
  noun: AUTH_STRATEGY_NOUN,
  inputs: AUTH_STRATEGY_INPUTS,
  subject: (props) => `auth strategy "${props.name}"`,
  check: checkAuthStrategyInputs,
  rules: (news) => authStrategyRules(news.strategyType),
  get: (transport, id) => getAuthStrategy(transport, id),
  planUpdate(olds, news) {
    const plan = planAuthStrategyUpdate(olds, news);
    if (plan.kind === "none") return undefined;
    if (plan.kind === "put") {
      return {
        fields: Object.keys(plan.body),
        replaceAllReason: "extra OIDC options removed",
        // The PUT replaces every label: the handlers pass the declared ones plus the object's creation label.
        replacesLabels: true,
        send: (transport, id, labels) => replaceAuthStrategy(transport, id, { ...plan.body, labels }),
      };
    }
    return {
      fields: Object.keys(plan.body),
      send: (transport, id) => updateAuthStrategy(transport, id, olds.strategyType, plan.body),
    };
  },
  outputs: (declared, strategy) => authStrategyOutputs(declared, strategy),
  create: keyedCreate<AuthStrategyInputs, AuthStrategy>({
    post: (transport, inputs, labels) => createAuthStrategy(transport, { ...toCreateRequest(inputs), labels }),
    findByName: (transport, name) => listAllAuthStrategies(transport, { filter: { name: { eq: name } } }),
    type: { property: "strategyType", of: (strategy) => strategy.strategyType },
    adoptBaseline: (inputs) => ({ ...inputs, labels: undefined }),
  }),
  delete: {
    kind: "byId",
    remove: (transport, id) => deleteAuthStrategy(transport, id),
    usedBy:
      "an API publication (its auth_strategy_ids), a portal's default auth strategy, or a developer application " +
      "registered with it; move them to another strategy first",
    holders: (transport, id) => strategyHolders(transport, id),
  },
};

/** Handlers behind the serialized `konnect.AuthStrategy` provider. */
export const authStrategyHandlers = resourceHandlers(authStrategyDefinition);
