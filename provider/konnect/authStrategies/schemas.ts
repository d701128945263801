/**
 * Application auth strategies on the wire (`/v2/application-auth-strategies`) and in the client's camelCase model.
 * Wire `configs["openid-connect"]` ↔ model `openidConnect` (extra OIDC plugin options ↔ `additionalProperties`),
 * wire `configs["key-auth"]` ↔ model `keyAuth`, wire `dcr_provider_id` (requests) and `dcr_provider.id` (responses).
 */
import { z } from "zod";
import type { DcrProviderType } from "../dcrProviders/schemas";
import { wireNames, type BodyOf, type PatchOf, type ResponseOf } from "../fieldTable";
import {
  idText,
  listPageSchema,
  mapped,
  requestShape,
  rowsResponse,
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
  otherTypeRows,
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

/** Rows of `AUTH_STRATEGY_FIELDS` whose wire shape the value rule does not say (configs, a null DCR provider). */
type OwnShapeRows = "openidConnect" | "keyAuth" | "dcrProviderId";

/** Body of `POST` (and `PUT`) for a strategy, camelCase: one property per row of `AUTH_STRATEGY_FIELDS`. */
export interface CreateAuthStrategyRequest extends Omit<BodyOf<typeof AUTH_STRATEGY_FIELDS>, OwnShapeRows> {
  openidConnect?: OpenIdConnectConfig;
  keyAuth?: KeyAuthConfig;
  /** openid_connect only. */
  dcrProviderId?: string | null;
}

/**
 * Body of `PATCH` for a strategy, camelCase: the rows a change updates in place (the type cannot change); a null
 * label value removes that label.
 */
export interface UpdateAuthStrategyRequest extends Omit<PatchOf<typeof AUTH_STRATEGY_FIELDS>, OwnShapeRows> {
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

/**
 * An auth strategy as Konnect reports it: one property per row (the configs of its type, the DCR provider as Konnect
 * links it), then the read-only fields.
 */
export interface AuthStrategy extends Omit<
  ResponseOf<typeof AUTH_STRATEGY_FIELDS>,
  OwnShapeRows | "strategyType" | "principals"
> {
  id: string;
  strategyType: AuthStrategyType;
  openidConnect?: OpenIdConnectConfig;
  keyAuth?: KeyAuthConfig;
  dcrProvider: LinkedDcrProvider | null;
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

/** The rows' request schemas for a strategy of `type` (`partial` for PATCH), configs and a null DCR provider included. */
function strategyShape(type: AuthStrategyType, partial: boolean) {
  return requestShape(F, {
    patch: partial,
    omit: otherTypeRows(type),
    custom: {
      strategyType: z.literal(type),
      openidConnect: openIdConnectConfigSchema(partial),
      keyAuth: keyAuthConfigSchema(partial),
      dcrProviderId: valueSchema(F.dcrProviderId.value).nullable(),
    },
  });
}

/** Create (and PUT) request: camelCase in, validated per type, wire body out. */
export function createAuthStrategyRequestSchema() {
  return cached("createAuthStrategyRequestSchema", () => buildCreateAuthStrategyRequestSchema());
}

function buildCreateAuthStrategyRequestSchema() {
  return z
    .discriminatedUnion(
      "strategyType",
      [
        // openid_connect requires its config (the row is optional: key_auth strategies have none).
        z.strictObject({ ...strategyShape("openid_connect", false), openidConnect: openIdConnectConfigSchema(false) }),
        z.strictObject(strategyShape("key_auth", false)),
      ],
      { error: `must be one of ${AUTH_STRATEGY_TYPES.join(", ")}` },
    )
    .transform((request) => {
      const req = request as CreateAuthStrategyRequest;
      return {
        ...toWireKeys(request, AUTH_STRATEGY_WIRE_NAMES),
        configs:
          req.strategyType === "openid_connect"
            ? { "openid-connect": openIdConnectToWire(req.openidConnect!) }
            : { "key-auth": keyAuthToWire(req.keyAuth ?? {}) },
      };
    });
}

/** PATCH request for a strategy of the given type: camelCase in, wire body out. */
export function updateAuthStrategyRequestSchema(type: AuthStrategyType) {
  return cached(`updateAuthStrategyRequestSchema:${type}`, () => buildUpdateAuthStrategyRequestSchema(type));
}

function buildUpdateAuthStrategyRequestSchema(type: AuthStrategyType) {
  return z.strictObject(strategyShape(type, true)).transform((req: Record<string, unknown>) => {
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

/** The read-only wire fields of a strategy (and its `strategy_type`), as the reader checked them. */
interface AuthStrategyWire {
  id: string;
  strategy_type: AuthStrategyType;
  configs: {
    "openid-connect"?: Record<string, unknown> | undefined;
    "key-auth"?: { key_names?: string[] | undefined; ttl?: KeyAuthTtl | null | undefined } | undefined;
  };
  active: boolean;
  dcr_provider?:
    { id: string; name: string; display_name?: string | undefined; provider_type: string } | null | undefined;
  supports_multiple_credentials?: boolean | undefined;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

function buildAuthStrategyResponseSchema() {
  // The configs and the linked DCR provider are read below, by the strategy's type.
  const rows = rowsResponse(F, {
    strategyType: { schema: z.enum(AUTH_STRATEGY_TYPES) },
    principals: { schema: z.object({ enabled: z.boolean() }).optional() },
    openidConnect: false,
    keyAuth: false,
    dcrProviderId: false,
  });
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
        ...rows.shape,
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
        supports_multiple_credentials: z.boolean().optional(),
        created_at: z.string(),
        updated_at: z.string(),
      })
      .superRefine((checked, ctx) => {
        const wire = checked as AuthStrategyWire;
        const key = wire.strategy_type === "openid_connect" ? "openid-connect" : "key-auth";
        if (!wire.configs[key]) ctx.addIssue({ code: "custom", path: ["configs", key], message: "missing" });
      }),
    (checked): AuthStrategy => {
      const wire = checked as AuthStrategyWire;
      const strategy: AuthStrategy = {
        id: wire.id,
        ...(rows.fromWire(wire) as Pick<
          AuthStrategy,
          "name" | "displayName" | "strategyType" | "labels" | "principals"
        >),
        dcrProvider: wire.dcr_provider
          ? {
              id: wire.dcr_provider.id,
              name: wire.dcr_provider.name,
              providerType: wire.dcr_provider.provider_type,
              ...(wire.dcr_provider.display_name !== undefined ? { displayName: wire.dcr_provider.display_name } : {}),
            }
          : null,
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
      return strategy;
    },
  );
}

/** A page of strategies. */
export function authStrategyListSchema() {
  return listPageSchema("authStrategy", authStrategyResponseSchema, "strategy_type", AUTH_STRATEGY_TYPES);
}
