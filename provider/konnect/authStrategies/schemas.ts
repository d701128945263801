/**
 * Application auth strategies on the wire (`/v2/application-auth-strategies`) and in the client's camelCase model.
 * Wire `configs["openid-connect"]` ↔ model `openidConnect` (extra OIDC plugin options ↔ `additionalProperties`),
 * wire `configs["key-auth"]` ↔ model `keyAuth`, wire `dcr_provider_id` (requests) and `dcr_provider.id` (responses).
 */
import { z } from "zod";
import type { DcrProviderType } from "../dcrProviders/schemas";
import { wireNames } from "../fieldTable";
import {
  idText,
  labelsUpdateSchema,
  listPageSchema,
  mapped,
  tableSchema,
  toWireKeys,
  valueSchema,
  cached,
} from "../schemas";
import {
  AUTH_STRATEGY_FIELDS,
  AUTH_STRATEGY_TYPES,
  KEY_AUTH_FIELDS,
  KEY_AUTH_TTL_FIELDS,
  OIDC_CORE_WIRE_KEYS,
  OIDC_FIELD_NAMES,
  OIDC_FIELDS,
  TTL_UNITS,
  type AuthStrategyType,
  type OidcField,
} from "./fields";

export { OIDC_CORE_WIRE_KEYS, OIDC_FIELDS, TTL_UNITS } from "./fields";
export type { AuthStrategyType, OidcField } from "./fields";

/** Top-level request fields of a strategy besides `configs`: camelCase → wire name. */
const AUTH_STRATEGY_WIRE_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(wireNames(AUTH_STRATEGY_FIELDS)).filter(([, wire]) => !wire.startsWith("configs.")),
);

/** OpenID Connect settings (camelCase). */
export type OpenIdConnectConfig = {
  [F in OidcField]: (typeof OIDC_FIELDS)[F]["value"] extends { kind: "list" } ? string[] : string;
} & {
  /** Extra OpenID Connect plugin options, sent as-is next to the named keys. */
  additionalProperties?: Record<string, unknown>;
};

/** Schema of one named OpenID Connect key's value. */
export function oidcFieldSchema(field: OidcField): z.ZodType {
  return valueSchema(OIDC_FIELDS[field].value);
}

/** Key-auth TTL. */
export interface KeyAuthTtl {
  value: number;
  unit: (typeof TTL_UNITS)[number];
}

/** Key-auth settings (camelCase). */
export interface KeyAuthConfig {
  keyNames?: string[];
  ttl?: KeyAuthTtl;
}

/** Body of `POST` (and `PUT`) for a strategy, camelCase. */
export interface CreateAuthStrategyRequest {
  name: string;
  displayName: string;
  strategyType: AuthStrategyType;
  openidConnect?: OpenIdConnectConfig;
  keyAuth?: KeyAuthConfig;
  /** openid_connect only. */
  dcrProviderId?: string | null;
  labels?: Record<string, string>;
  principals?: { enabled: boolean };
}

/** Body of `PATCH` for a strategy, camelCase. The type cannot change. */
export interface UpdateAuthStrategyRequest {
  name?: string;
  displayName?: string;
  /** A null value removes that label. */
  labels?: Record<string, string | null>;
  principals?: { enabled: boolean };
  /** null unlinks the DCR provider. */
  dcrProviderId?: string | null;
  /** Partial; Konnect merges into the stored config. */
  openidConnect?: Partial<OpenIdConnectConfig>;
  /** Partial; `ttl: null` removes the TTL. */
  keyAuth?: { keyNames?: string[]; ttl?: KeyAuthTtl | null };
}

/** The DCR provider a strategy uses, as Konnect reports it. */
export interface LinkedDcrProvider {
  id: string;
  name: string;
  displayName?: string;
  /** One of {@link DCR_PROVIDER_TYPES}, or a type Konnect added later. */
  providerType: DcrProviderType | (string & {});
}

/** An auth strategy as Konnect reports it. */
export interface AuthStrategy {
  id: string;
  name: string;
  displayName: string;
  strategyType: AuthStrategyType;
  openidConnect?: OpenIdConnectConfig;
  keyAuth?: KeyAuthConfig;
  dcrProvider: LinkedDcrProvider | null;
  labels: Record<string, string>;
  principals?: { enabled: boolean };
  active: boolean;
  supportsMultipleCredentials: boolean;
  createdAt: string;
  updatedAt: string;
}

function ttlSchema() {
  return tableSchema(KEY_AUTH_TTL_FIELDS);
}

/**
 * Top-level fields of a strategy request: an extra OpenID Connect option under one of these names would shadow the
 * strategy's own field, and Konnect rejects it (`configs.openid-connect.labels` answers 400 `unknown field`).
 */
export const STRATEGY_TOP_LEVEL_WIRE_KEYS: readonly string[] = [...Object.values(AUTH_STRATEGY_WIRE_NAMES), "configs"];

function additionalPropertiesSchema() {
  return z.record(z.string(), z.unknown()).superRefine((extra, ctx) => {
    for (const key of Object.keys(extra)) {
      if (OIDC_CORE_WIRE_KEYS.includes(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `"${key}" is a named field; set it directly instead of in additionalProperties`,
        });
      } else if (STRATEGY_TOP_LEVEL_WIRE_KEYS.includes(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message:
            `"${key}" is a field of the auth strategy itself, not an OpenID Connect plugin option ` +
            "(Konnect rejects it here); set it on the strategy",
        });
      }
    }
  });
}

/** OpenID Connect config schema; `partial` for PATCH. */
export function openIdConnectConfigSchema(partial: boolean) {
  return cached(`openIdConnectConfigSchema:${String(partial)}`, () => buildOpenIdConnectConfigSchema(partial));
}

function buildOpenIdConnectConfigSchema(partial: boolean) {
  const core = Object.fromEntries(
    OIDC_FIELD_NAMES.map((f) => [f, partial ? oidcFieldSchema(f).optional() : oidcFieldSchema(f)]),
  );
  return z.strictObject({ ...core, additionalProperties: additionalPropertiesSchema().optional() });
}

/** Key-auth config schema; `partial` allows `ttl: null` (PATCH). */
export function keyAuthConfigSchema(partial: boolean) {
  return cached(`keyAuthConfigSchema:${String(partial)}`, () => buildKeyAuthConfigSchema(partial));
}

function buildKeyAuthConfigSchema(partial: boolean) {
  return z.strictObject({
    keyNames: valueSchema(KEY_AUTH_FIELDS.keyNames.value).optional(),
    ttl: partial ? ttlSchema().nullable().optional() : ttlSchema().optional(),
  });
}

/** Converts camelCase OIDC settings (full or partial) to the wire object. */
export function openIdConnectToWire(config: Partial<OpenIdConnectConfig>): Record<string, unknown> {
  const wire: Record<string, unknown> = { ...(config.additionalProperties ?? {}) };
  for (const field of OIDC_FIELD_NAMES) {
    if (config[field] !== undefined) wire[OIDC_FIELDS[field].wire] = config[field];
  }
  return wire;
}

/** Converts camelCase key-auth settings to the wire object. */
export function keyAuthToWire(config: { keyNames?: string[]; ttl?: KeyAuthTtl | null }): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  if (config.keyNames !== undefined) wire[KEY_AUTH_FIELDS.keyNames.wire] = config.keyNames;
  if (config.ttl !== undefined) wire[KEY_AUTH_FIELDS.ttl.wire] = config.ttl;
  return wire;
}

const F = AUTH_STRATEGY_FIELDS;
const common = () => ({
  name: valueSchema(F.name.value),
  displayName: valueSchema(F.displayName.value),
  labels: valueSchema(F.labels.value).optional(),
  principals: valueSchema(F.principals.value).optional(),
});

/** Create (and PUT) request: camelCase in, validated per type, wire body out. */
export function createAuthStrategyRequestSchema() {
  return cached("createAuthStrategyRequestSchema", () => buildCreateAuthStrategyRequestSchema());
}

function buildCreateAuthStrategyRequestSchema() {
  return z
    .discriminatedUnion(
      "strategyType",
      [
        z.strictObject({
          ...common(),
          strategyType: z.literal("openid_connect"),
          openidConnect: openIdConnectConfigSchema(false),
          dcrProviderId: valueSchema(F.dcrProviderId.value).nullable().optional(),
        }),
        z.strictObject({
          ...common(),
          strategyType: z.literal("key_auth"),
          keyAuth: keyAuthConfigSchema(false).optional(),
        }),
      ],
      { error: `must be one of ${AUTH_STRATEGY_TYPES.join(", ")}` },
    )
    .transform((req) => ({
      ...toWireKeys(req, AUTH_STRATEGY_WIRE_NAMES),
      configs:
        req.strategyType === "openid_connect"
          ? { "openid-connect": openIdConnectToWire(req.openidConnect) }
          : { "key-auth": keyAuthToWire(req.keyAuth ?? {}) },
    }));
}

/** PATCH request for a strategy of the given type: camelCase in, wire body out. */
export function updateAuthStrategyRequestSchema(type: AuthStrategyType) {
  return cached(`updateAuthStrategyRequestSchema:${type}`, () => buildUpdateAuthStrategyRequestSchema(type));
}

function buildUpdateAuthStrategyRequestSchema(type: AuthStrategyType) {
  const shape = {
    name: valueSchema(F.name.value).optional(),
    displayName: valueSchema(F.displayName.value).optional(),
    labels: labelsUpdateSchema().optional(),
    principals: valueSchema(F.principals.value).optional(),
  };
  const typed =
    type === "openid_connect"
      ? z.strictObject({
          ...shape,
          dcrProviderId: valueSchema(F.dcrProviderId.value).nullable().optional(),
          openidConnect: openIdConnectConfigSchema(true).optional(),
        })
      : z.strictObject({ ...shape, keyAuth: keyAuthConfigSchema(true).optional() });
  return typed.transform((req: Record<string, unknown>) => {
    const r = req as UpdateAuthStrategyRequest;
    const wire = toWireKeys(req, AUTH_STRATEGY_WIRE_NAMES);
    if (r.openidConnect !== undefined) wire.configs = { "openid-connect": openIdConnectToWire(r.openidConnect) };
    if (r.keyAuth !== undefined) wire.configs = { "key-auth": keyAuthToWire(r.keyAuth) };
    return wire;
  });
}

/** One strategy from a response: wire in, camelCase out. Unknown top-level fields are ignored. */
export function authStrategyResponseSchema() {
  return cached("authStrategyResponseSchema", () => buildAuthStrategyResponseSchema());
}

function buildAuthStrategyResponseSchema() {
  const oidcWire = z
    .object(
      Object.fromEntries(
        OIDC_FIELD_NAMES.map((f) => [
          OIDC_FIELDS[f].wire,
          OIDC_FIELDS[f].value.kind === "list" ? z.array(z.string()) : z.string(),
        ]),
      ),
    )
    .catchall(z.unknown());
  const keyAuthWire = z.object({
    key_names: z.array(z.string()).optional(),
    ttl: z
      .object({ value: z.number(), unit: z.enum(TTL_UNITS) })
      .nullable()
      .optional(),
  });
  return mapped(
    z
      .object({
        id: idText(),
        name: z.string(),
        display_name: z.string(),
        strategy_type: z.enum(AUTH_STRATEGY_TYPES),
        configs: z.object({ "openid-connect": oidcWire.optional(), "key-auth": keyAuthWire.optional() }),
        active: z.boolean(),
        dcr_provider: z
          .object({
            id: idText(),
            name: z.string(),
            display_name: z.string().optional(),
            // Tolerant: a DCR provider of a type this package does not know must not break reading the strategy.
            provider_type: z.string(),
          })
          .nullable()
          .optional(),
        labels: z.record(z.string(), z.string()).optional(),
        principals: z.object({ enabled: z.boolean() }).optional(),
        supports_multiple_credentials: z.boolean().optional(),
        created_at: z.string(),
        updated_at: z.string(),
      })
      .superRefine((wire, ctx) => {
        const key = wire.strategy_type === "openid_connect" ? "openid-connect" : "key-auth";
        if (!wire.configs[key]) ctx.addIssue({ code: "custom", path: ["configs", key], message: "missing" });
      }),
    (wire): AuthStrategy => {
      const strategy: AuthStrategy = {
        id: wire.id,
        name: wire.name,
        displayName: wire.display_name,
        strategyType: wire.strategy_type,
        dcrProvider: wire.dcr_provider
          ? {
              id: wire.dcr_provider.id,
              name: wire.dcr_provider.name,
              providerType: wire.dcr_provider.provider_type,
              ...(wire.dcr_provider.display_name !== undefined ? { displayName: wire.dcr_provider.display_name } : {}),
            }
          : null,
        labels: wire.labels ?? {},
        active: wire.active,
        supportsMultipleCredentials: wire.supports_multiple_credentials ?? wire.strategy_type === "key_auth",
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      };
      const oidc = wire.configs["openid-connect"];
      if (wire.strategy_type === "openid_connect" && oidc) {
        const extra: Record<string, unknown> = { ...oidc };
        const named: Record<string, unknown> = {};
        for (const field of OIDC_FIELD_NAMES) {
          named[field] = oidc[OIDC_FIELDS[field].wire];
          delete extra[OIDC_FIELDS[field].wire];
        }
        strategy.openidConnect = { ...(named as OpenIdConnectConfig), additionalProperties: extra };
      }
      const keyAuth = wire.configs["key-auth"];
      if (wire.strategy_type === "key_auth" && keyAuth) {
        strategy.keyAuth = {};
        if (keyAuth.key_names !== undefined) strategy.keyAuth.keyNames = keyAuth.key_names;
        if (keyAuth.ttl) strategy.keyAuth.ttl = keyAuth.ttl;
      }
      if (wire.principals !== undefined) strategy.principals = wire.principals;
      return strategy;
    },
  );
}

/** A page of strategies. */
export function authStrategyListSchema() {
  return listPageSchema("authStrategy", authStrategyResponseSchema, "strategy_type", AUTH_STRATEGY_TYPES);
}
