/**
 * The pure logic of `konnect.AuthStrategy`: input validation, offline diff, the PATCH (or PUT) that moves Konnect to
 * the declared state, and outputs that mirror the inputs.
 */
import { z } from "zod";
import {
  AUTH_STRATEGY_TYPES,
  createAuthStrategyRequestSchema,
  idText,
  OIDC_FIELD_NAMES,
  keyAuthConfigSchema,
  oidcFieldSchema,
  openIdConnectConfigSchema,
  text,
  type AuthStrategy,
  type AuthStrategyType,
  type CreateAuthStrategyRequest,
  type UpdateAuthStrategyRequest,
} from "../../konnect";
import type { AuthStrategyInputs, AuthStrategyOutputs, OpenIdConnectState } from "../args";
import {
  type FailureList,
  checkCommonInputs,
  checkNameInput,
  checkWholeRequest,
  protoKeyPath,
  PROTO_KEY_REASON,
  isRecord,
  startCheck,
  type CheckFailure,
} from "../core/check";
import { deepEqual, withoutUndefined } from "../core/compare";
import { ownedLabels } from "../core/labelOwnership";
import { withoutLocation } from "../core/location";
import { changedProperties, commonRules, plainRule, updateBody, type FieldRule } from "../core/fieldRules";
import { isUnknown } from "../core/unknowns";

/** Top-level input properties of an auth strategy (besides Pulumi's `__provider`). */
export const AUTH_STRATEGY_INPUT_KEYS = [
  "name",
  "displayName",
  "strategyType",
  "openidConnect",
  "keyAuth",
  "dcrProviderId",
  "labels",
  "principals",
  "adoptId",
  "region",
] as const;

const OIDC_KEYS = [...OIDC_FIELD_NAMES, "additionalProperties"];
const OIDC_NAMED = OIDC_FIELD_NAMES.join(", ");

/** Validates auth strategy inputs. Unknown values are accepted and checked on a later call. */
export function checkAuthStrategyInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const { f, props, inputs } = startCheck(news, AUTH_STRATEGY_INPUT_KEYS);

  if (f.require("name", props.name, "required: the strategy's name (1-256 characters)")) {
    checkNameInput(f, "name", props.name, text(256));
  }
  if (
    f.require("displayName", props.displayName, "required: the name shown in the Dev Portal (at most 256 characters)")
  ) {
    checkNameInput(f, "displayName", props.displayName, text(256, 0));
  }
  let type: AuthStrategyType | undefined;
  if (f.require("strategyType", props.strategyType, `required: one of ${AUTH_STRATEGY_TYPES.join(", ")}`)) {
    type = f.check(
      "strategyType",
      props.strategyType,
      z.enum(AUTH_STRATEGY_TYPES, { error: `must be one of ${AUTH_STRATEGY_TYPES.join(", ")}` }),
    );
  }

  if (type === "openid_connect") {
    if (props.keyAuth !== undefined) f.add("keyAuth", "only for strategyType key_auth; use openidConnect");
    if (f.require("openidConnect", props.openidConnect, `required for strategyType openid_connect: ${OIDC_NAMED}`)) {
      checkOpenIdConnect(f, props.openidConnect);
    }
  } else if (type === "key_auth") {
    if (props.openidConnect !== undefined) f.add("openidConnect", "only for strategyType openid_connect; use keyAuth");
    if (props.dcrProviderId !== undefined) {
      f.add("dcrProviderId", "only openid_connect strategies can use a DCR provider");
    }
    if (props.keyAuth !== undefined) f.check("keyAuth", props.keyAuth, keyAuthConfigSchema(false));
  }

  if (props.dcrProviderId !== undefined && type !== "key_auth") f.check("dcrProviderId", props.dcrProviderId, idText());
  checkCommonInputs(f, props);
  if (props.principals !== undefined) {
    f.check("principals", props.principals, z.strictObject({ enabled: z.boolean({ error: "must be true or false" }) }));
  }

  checkWholeRequest(
    f,
    inputs,
    () => toCreateRequest(inputs as unknown as AuthStrategyInputs),
    createAuthStrategyRequestSchema(),
  );
  return { inputs, failures: f.failures };
}

function checkOpenIdConnect(f: FailureList, value: unknown): void {
  if (isUnknown(value)) return;
  if (!isRecord(value)) {
    f.add("openidConnect", `must be an object with ${OIDC_NAMED}`);
    return;
  }
  f.rejectUnknownKeys("openidConnect", value, OIDC_KEYS, `expected one of ${OIDC_KEYS.join(", ")}`);
  const schema = openIdConnectConfigSchema(false);
  for (const key of OIDC_FIELD_NAMES) {
    if (f.require(`openidConnect.${key}`, value[key], "required")) {
      f.check(`openidConnect.${key}`, value[key], oidcFieldSchema(key));
    }
  }
  const extra = value.additionalProperties;
  const protoPath = isRecord(extra) ? protoKeyPath(extra) : undefined;
  if (protoPath !== undefined) {
    f.add(`openidConnect.additionalProperties${protoPath}`, PROTO_KEY_REASON);
  } else if (extra !== undefined) {
    f.check("openidConnect.additionalProperties", extra, schema.shape.additionalProperties);
  }
}

/** The create (or PUT) request for checked inputs. */
export function toCreateRequest(inputs: AuthStrategyInputs): CreateAuthStrategyRequest {
  const request: CreateAuthStrategyRequest = withoutUndefined({
    name: inputs.name,
    displayName: inputs.displayName,
    strategyType: inputs.strategyType,
    labels: inputs.labels,
    principals: inputs.principals,
  });
  if (inputs.strategyType === "openid_connect") {
    if (inputs.openidConnect) request.openidConnect = withoutUndefined({ ...inputs.openidConnect });
    if (inputs.dcrProviderId !== undefined) request.dcrProviderId = inputs.dcrProviderId;
  } else if (inputs.keyAuth) {
    request.keyAuth = withoutUndefined({ ...inputs.keyAuth });
  }
  return request;
}

type Rule = FieldRule<AuthStrategyOutputs, AuthStrategyInputs, UpdateAuthStrategyRequest>;

const extrasOf = (config: { additionalProperties?: Record<string, unknown> } | undefined) =>
  config?.additionalProperties ?? {};

/** Top-level rows of the auth strategy's field table. */
const TOP_RULES: readonly Rule[] = [
  ...commonRules<AuthStrategyOutputs, AuthStrategyInputs, UpdateAuthStrategyRequest>("strategyType"),
  plainRule("displayName", "update"),
  {
    property: "dcrProviderId",
    effect: "update",
    before: (o) => o.dcrProviderId,
    after: (n) => n.dcrProviderId,
    // null unlinks the DCR provider.
    send: (body, _o, n) => (body.dcrProviderId = n.dcrProviderId ?? null),
  },
  {
    property: "principals",
    effect: "update",
    before: (o) => o.principals?.enabled ?? false,
    after: (n) => n.principals?.enabled ?? false,
    send: (body, _o, n) => (body.principals = { enabled: n.principals?.enabled ?? false }),
  },
];

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

/** Which declared properties differ between prior outputs and new inputs (unknowns count as different). */
export function changedAuthStrategyProperties(olds: AuthStrategyOutputs, news: AuthStrategyInputs): string[] {
  return changedProperties(
    authStrategyRules(news.strategyType),
    olds,
    news,
    (n, group) => n[group as "openidConnect" | "keyAuth"],
  );
}

/** Properties whose change needs a new Konnect object. */
export const AUTH_STRATEGY_REPLACE_KEYS = TOP_RULES.filter((r) => r.effect === "replace").map((r) => r.property);

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

/** Outputs from Konnect's answer and the declared inputs. */
export function authStrategyOutputs(declared: AuthStrategyInputs, strategy: AuthStrategy): AuthStrategyOutputs {
  let openidConnect: OpenIdConnectState | undefined;
  if (strategy.openidConnect) {
    const { additionalProperties, ...core } = strategy.openidConnect;
    const extra = additionalProperties ?? {};
    openidConnect =
      Object.keys(extra).length > 0 || declared.openidConnect?.additionalProperties !== undefined
        ? { ...core, additionalProperties: extra }
        : core;
  }
  let keyAuth = strategy.keyAuth ? withoutUndefined({ ...strategy.keyAuth }) : undefined;
  if (keyAuth && Object.keys(keyAuth).length === 0 && declared.keyAuth === undefined) keyAuth = undefined;
  // Only the declared keys (labels set outside Pulumi are not ours and never show as a change).
  const labels = ownedLabels(strategy.labels, declared.labels);
  const principals =
    strategy.principals && (declared.principals !== undefined || strategy.principals.enabled)
      ? strategy.principals
      : undefined;
  return withoutUndefined({
    name: strategy.name,
    displayName: strategy.displayName,
    strategyType: strategy.strategyType,
    openidConnect,
    keyAuth,
    dcrProviderId: strategy.dcrProvider?.id,
    labels,
    principals,
    adoptId: declared.adoptId,
    region: declared.region,
    active: strategy.active,
    supportsMultipleCredentials: strategy.supportsMultipleCredentials,
    dcrProvider: strategy.dcrProvider ? withoutUndefined({ ...strategy.dcrProvider }) : null,
    createdAt: strategy.createdAt,
    updatedAt: strategy.updatedAt,
  });
}

/** The declared-input view of outputs. */
export function authStrategyInputsFromOutputs(outputs: AuthStrategyOutputs): AuthStrategyInputs {
  const {
    active: _a,
    supportsMultipleCredentials: _s,
    dcrProvider: _d,
    createdAt: _c,
    updatedAt: _u,
    ...inputs
  } = outputs;
  return withoutLocation(inputs);
}
