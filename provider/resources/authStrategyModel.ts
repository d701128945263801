/**
 * The pure logic of `konnect.AuthStrategy`: input validation, offline diff, the PATCH (or PUT) that moves Konnect to
 * the declared state, and outputs that mirror the inputs.
 */
import { z } from "zod";
import {
  AUTH_STRATEGY_TYPES,
  REGIONS,
  createAuthStrategyRequestSchema,
  formatIssues,
  idText,
  keyAuthConfigSchema,
  openIdConnectConfigSchema,
  text,
  type AuthStrategy,
  type AuthStrategyType,
  type CreateAuthStrategyRequest,
  type UpdateAuthStrategyRequest,
} from "../konnect";
import type { AuthStrategyInputs, AuthStrategyOutputs, OpenIdConnectState } from "./args";
import { FailureList, checkLabelsInput, isRecord, type CheckFailure } from "./checkSupport";
import { userLabels } from "./createOnce";
import { deepEqual, labelsEqual, labelsPatch, withoutUndefined } from "./compare";
import { containsUnknown, isUnknown } from "./unknowns";

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

const OIDC_KEYS = ["issuer", "credentialClaim", "scopes", "authMethods", "additionalProperties"];

/** Validates auth strategy inputs. Unknown values are accepted and checked on a later call. */
export function checkAuthStrategyInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const f = new FailureList();
  const { __provider, ...props } = news;
  f.rejectUnknownKeys("", props, AUTH_STRATEGY_INPUT_KEYS, `expected one of ${AUTH_STRATEGY_INPUT_KEYS.join(", ")}`);
  const inputs: Record<string, unknown> = { ...props };
  if (__provider !== undefined) inputs.__provider = __provider;

  if (f.require("name", props.name, "required: the strategy's name (1-256 characters)")) {
    f.check("name", props.name, text(256));
  }
  if (
    f.require("displayName", props.displayName, "required: the name shown in the Dev Portal (at most 256 characters)")
  ) {
    f.check("displayName", props.displayName, text(256, 0));
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
    if (
      f.require(
        "openidConnect",
        props.openidConnect,
        "required for strategyType openid_connect: issuer, credentialClaim, scopes, authMethods",
      )
    ) {
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
  if (props.labels !== undefined) checkLabelsInput(f, props.labels);
  if (props.principals !== undefined) {
    f.check("principals", props.principals, z.strictObject({ enabled: z.boolean({ error: "must be true or false" }) }));
  }
  if (props.adoptId !== undefined) f.check("adoptId", props.adoptId, idText());
  if (props.region !== undefined) {
    f.check("region", props.region, z.enum(REGIONS, { error: `must be one of ${REGIONS.join(", ")}` }));
  }

  if (f.failures.length === 0 && !containsUnknown(inputs)) {
    const parsed = createAuthStrategyRequestSchema().safeParse(
      toCreateRequest(inputs as unknown as AuthStrategyInputs),
    );
    if (!parsed.success) {
      for (const issue of formatIssues(parsed.error)) {
        const at = issue.indexOf(": ");
        f.add(at > 0 ? issue.slice(0, at) : "", at > 0 ? issue.slice(at + 2) : issue);
      }
    }
  }
  return { inputs, failures: f.failures };
}

function checkOpenIdConnect(f: FailureList, value: unknown): void {
  if (isUnknown(value)) return;
  if (!isRecord(value)) {
    f.add("openidConnect", "must be an object with issuer, credentialClaim, scopes and authMethods");
    return;
  }
  f.rejectUnknownKeys("openidConnect", value, OIDC_KEYS, `expected one of ${OIDC_KEYS.join(", ")}`);
  const schema = openIdConnectConfigSchema(false);
  for (const key of ["issuer", "credentialClaim", "scopes", "authMethods"] as const) {
    if (f.require(`openidConnect.${key}`, value[key], "required")) {
      f.check(`openidConnect.${key}`, value[key], schema.shape[key]);
    }
  }
  if (value.additionalProperties !== undefined) {
    f.check("openidConnect.additionalProperties", value.additionalProperties, schema.shape.additionalProperties);
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

/** Which declared properties differ between prior outputs and new inputs (unknowns count as different). */
export function changedAuthStrategyProperties(olds: AuthStrategyOutputs, news: AuthStrategyInputs): string[] {
  const changed: string[] = [];
  const differs = (a: unknown, b: unknown) => containsUnknown(b) || !deepEqual(a, b);
  if (differs(olds.strategyType, news.strategyType)) changed.push("strategyType");
  if (differs(olds.region, news.region)) changed.push("region");
  if (differs(olds.name, news.name)) changed.push("name");
  if (differs(olds.displayName, news.displayName)) changed.push("displayName");
  if (differs(olds.dcrProviderId, news.dcrProviderId)) changed.push("dcrProviderId");
  if (containsUnknown(news.labels) || !labelsEqual(olds.labels, news.labels)) changed.push("labels");
  if (differs(olds.principals?.enabled ?? false, news.principals?.enabled ?? false)) changed.push("principals");
  if (news.strategyType === "openid_connect") {
    const before = olds.openidConnect;
    const after = news.openidConnect;
    if (containsUnknown(after)) changed.push("openidConnect");
    else {
      for (const key of ["issuer", "credentialClaim", "scopes", "authMethods"] as const) {
        if (!deepEqual(before?.[key], after?.[key])) changed.push(`openidConnect.${key}`);
      }
      if (!deepEqual(before?.additionalProperties ?? {}, after?.additionalProperties ?? {})) {
        changed.push("openidConnect.additionalProperties");
      }
    }
  } else {
    const after = news.keyAuth;
    if (containsUnknown(after)) changed.push("keyAuth");
    else {
      // Key names left out keep Konnect's value; a TTL left out is removed.
      if (after?.keyNames !== undefined && !deepEqual(olds.keyAuth?.keyNames, after.keyNames)) {
        changed.push("keyAuth.keyNames");
      }
      if (!deepEqual(olds.keyAuth?.ttl, after?.ttl)) changed.push("keyAuth.ttl");
    }
  }
  return changed;
}

/** Properties whose change needs a new Konnect object. */
export const AUTH_STRATEGY_REPLACE_KEYS = ["strategyType", "region"];

/** How to move Konnect from `olds` to `news`: nothing, a PATCH of what changed, or a PUT (extra options removed). */
export type StrategyChange =
  | { kind: "none" }
  | { kind: "patch"; body: UpdateAuthStrategyRequest }
  | { kind: "put"; body: CreateAuthStrategyRequest };

/** Plans the API call for an update. */
export function planAuthStrategyUpdate(olds: AuthStrategyOutputs, news: AuthStrategyInputs): StrategyChange {
  const beforeExtra = olds.openidConnect?.additionalProperties ?? {};
  const afterExtra = news.openidConnect?.additionalProperties ?? {};
  if (Object.keys(beforeExtra).some((key) => !(key in afterExtra))) {
    // PATCH merges configs, so removing an extra OpenID Connect option needs a full replacement.
    return { kind: "put", body: toCreateRequest(news) };
  }
  const body: UpdateAuthStrategyRequest = {};
  if (olds.name !== news.name) body.name = news.name;
  if (olds.displayName !== news.displayName) body.displayName = news.displayName;
  if (!labelsEqual(olds.labels, news.labels)) body.labels = labelsPatch(olds.labels, news.labels);
  if ((olds.principals?.enabled ?? false) !== (news.principals?.enabled ?? false)) {
    body.principals = { enabled: news.principals?.enabled ?? false };
  }
  if (news.strategyType === "openid_connect") {
    if (olds.dcrProviderId !== news.dcrProviderId) body.dcrProviderId = news.dcrProviderId ?? null;
    const oidc: Partial<OpenIdConnectState> = {};
    const before = olds.openidConnect;
    const after = news.openidConnect;
    if (after) {
      for (const key of ["issuer", "credentialClaim", "scopes", "authMethods"] as const) {
        if (!deepEqual(before?.[key], after[key])) (oidc as Record<string, unknown>)[key] = after[key];
      }
      const extraChanges = Object.fromEntries(
        Object.entries(afterExtra).filter(([key, value]) => !deepEqual(beforeExtra[key], value)),
      );
      if (Object.keys(extraChanges).length > 0) oidc.additionalProperties = extraChanges;
    }
    if (Object.keys(oidc).length > 0) body.openidConnect = oidc;
  } else {
    const keyAuth: NonNullable<UpdateAuthStrategyRequest["keyAuth"]> = {};
    const after = news.keyAuth;
    if (after?.keyNames !== undefined && !deepEqual(olds.keyAuth?.keyNames, after.keyNames)) {
      keyAuth.keyNames = after.keyNames;
    }
    if (!deepEqual(olds.keyAuth?.ttl, after?.ttl)) keyAuth.ttl = after?.ttl ?? null;
    if (Object.keys(keyAuth).length > 0) body.keyAuth = keyAuth;
  }
  return Object.keys(body).length > 0 ? { kind: "patch", body } : { kind: "none" };
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
  const visible = userLabels(strategy.labels);
  const labels = Object.keys(visible).length > 0 || declared.labels !== undefined ? visible : undefined;
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
  return inputs;
}
