/**
 * DCR providers on the wire (`/v2/dcr-providers`) and in the client's camelCase model. The snake_case ↔ camelCase
 * mapping happens here, once. Secrets (`initial_client_secret`, `dcr_token`, `api_key`) are write-only: requests
 * carry them, responses never do.
 */
import { z } from "zod";
import { idText, labelsSchema, labelsUpdateSchema, pageMetaSchema, text, urlText, cached } from "./common";

/** Provider types, as Konnect spells them. */
export const DCR_PROVIDER_TYPES = ["azureAd", "okta", "auth0", "curity", "http", "kongIdentity"] as const;
/** One provider type. */
export type DcrProviderType = (typeof DCR_PROVIDER_TYPES)[number];

/** Every DCR config field, camelCase, with its wire name. */
export const DCR_CONFIG_WIRE_NAMES = {
  initialClientId: "initial_client_id",
  initialClientSecret: "initial_client_secret",
  initialClientAudience: "initial_client_audience",
  useDeveloperManagedScopes: "use_developer_managed_scopes",
  dcrToken: "dcr_token",
  dcrBaseUrl: "dcr_base_url",
  apiKey: "api_key",
  disableEventHooks: "disable_event_hooks",
  disableRefreshSecret: "disable_refresh_secret",
  allowMultipleCredentials: "allow_multiple_credentials",
} as const;
/** A DCR config field name. */
export type DcrConfigField = keyof typeof DCR_CONFIG_WIRE_NAMES;

/** Which config fields each type has, which are required on create, which are write-only secrets, which are flags. */
export interface DcrTypeRules {
  fields: readonly DcrConfigField[];
  required: readonly DcrConfigField[];
  secrets: readonly DcrConfigField[];
  booleans: readonly DcrConfigField[];
  /** Whether `dcr_config` itself is required on create. */
  configRequired: boolean;
  /** Whether Konnect accepts a `dcr_config` on PATCH for this type (kongIdentity has no update variant). */
  configUpdatable: boolean;
}

/** azureAd and curity: an initial client id and its write-only secret. */
const INITIAL_CLIENT_RULES: DcrTypeRules = {
  fields: ["initialClientId", "initialClientSecret"],
  required: ["initialClientId", "initialClientSecret"],
  secrets: ["initialClientSecret"],
  booleans: [],
  configRequired: true,
  configUpdatable: true,
};

/** The per-type field table, from Kong's OpenAPI contract. */
export const DCR_TYPE_RULES: Record<DcrProviderType, DcrTypeRules> = {
  azureAd: INITIAL_CLIENT_RULES,
  curity: INITIAL_CLIENT_RULES,
  auth0: {
    fields: ["initialClientId", "initialClientSecret", "initialClientAudience", "useDeveloperManagedScopes"],
    required: ["initialClientId", "initialClientSecret"],
    secrets: ["initialClientSecret"],
    booleans: ["useDeveloperManagedScopes"],
    configRequired: true,
    configUpdatable: true,
  },
  okta: {
    fields: ["dcrToken"],
    required: ["dcrToken"],
    secrets: ["dcrToken"],
    booleans: [],
    configRequired: true,
    configUpdatable: true,
  },
  http: {
    fields: ["dcrBaseUrl", "apiKey", "disableEventHooks", "disableRefreshSecret", "allowMultipleCredentials"],
    required: ["dcrBaseUrl", "apiKey"],
    secrets: ["apiKey"],
    booleans: ["disableEventHooks", "disableRefreshSecret", "allowMultipleCredentials"],
    configRequired: true,
    configUpdatable: true,
  },
  kongIdentity: {
    fields: [],
    required: [],
    secrets: [],
    booleans: [],
    configRequired: false,
    configUpdatable: false,
  },
};

/** Every write-only secret field over all types. */
export const DCR_SECRET_FIELDS: readonly DcrConfigField[] = ["initialClientSecret", "dcrToken", "apiKey"];

/** DCR settings sent to Konnect (camelCase). */
export interface DcrConfigInput {
  initialClientId?: string;
  initialClientSecret?: string;
  initialClientAudience?: string | null;
  useDeveloperManagedScopes?: boolean;
  dcrToken?: string;
  dcrBaseUrl?: string;
  apiKey?: string;
  disableEventHooks?: boolean;
  disableRefreshSecret?: boolean;
  allowMultipleCredentials?: boolean;
}

/** DCR settings Konnect returns (never the secrets). */
export type DcrConfigRead = Omit<DcrConfigInput, "initialClientSecret" | "dcrToken" | "apiKey">;

/** Body of `POST /v2/dcr-providers`, camelCase. */
export interface CreateDcrProviderRequest {
  name: string;
  displayName?: string;
  providerType: DcrProviderType;
  issuer: string;
  labels?: Record<string, string>;
  dcrConfig?: DcrConfigInput;
}

/** Body of `PATCH /v2/dcr-providers/{id}`, camelCase. `providerType` cannot change. */
export interface UpdateDcrProviderRequest {
  name?: string;
  displayName?: string;
  issuer?: string;
  /** A null value removes that label. */
  labels?: Record<string, string | null>;
  /** Partial: fields left out (secrets included) are kept by Konnect. */
  dcrConfig?: DcrConfigInput;
}

/** A DCR provider as Konnect reports it. */
export interface DcrProvider {
  id: string;
  name: string;
  /** Konnect may omit it even when set. */
  displayName?: string;
  providerType: DcrProviderType;
  issuer: string;
  /** True when at least one auth strategy uses it. */
  active: boolean;
  labels: Record<string, string>;
  dcrConfig: DcrConfigRead;
  createdAt: string;
  updatedAt: string;
}

/** Result of `POST /v2/dcr-providers/{id}/verify`. */
export interface DcrVerifyResult {
  status: "success" | "failed";
  errors: string[];
}

/** Schema of one DCR config field's value (full rules). */
export function dcrConfigFieldSchema(field: DcrConfigField) {
  return cached(`dcrConfigFieldSchema:${field}`, () => buildDcrConfigFieldSchema(field));
}

function buildDcrConfigFieldSchema(field: DcrConfigField) {
  switch (field) {
    case "initialClientId":
      return text(256);
    case "initialClientSecret":
    case "dcrToken":
      return text(256);
    case "initialClientAudience":
      return text(256).nullable();
    case "dcrBaseUrl":
      return urlText(256);
    case "apiKey":
      return z
        .string({ error: "must be a string" })
        .min(12, "must be at least 12 characters")
        .max(256, "must be at most 256 characters")
        .regex(/^[a-zA-Z0-9_]+$/, "must contain only letters, digits and '_'");
    case "useDeveloperManagedScopes":
    case "disableEventHooks":
    case "disableRefreshSecret":
    case "allowMultipleCredentials":
      return z.boolean({ error: "must be true or false" });
  }
}

/** The camelCase DCR config schema of one type; `partial` for PATCH. */
export function dcrConfigSchema(type: DcrProviderType, partial: boolean) {
  return cached(`dcrConfigSchema:${type}:${partial}`, () => buildDcrConfigSchema(type, partial));
}

function buildDcrConfigSchema(type: DcrProviderType, partial: boolean) {
  const rules = DCR_TYPE_RULES[type];
  const shape: Record<string, z.ZodType> = {};
  for (const field of rules.fields) {
    const schema = dcrConfigFieldSchema(field);
    shape[field] = partial || !rules.required.includes(field) ? schema.optional() : schema;
  }
  return z.strictObject(shape);
}

function createVariant(type: DcrProviderType) {
  const config = dcrConfigSchema(type, false);
  return z.strictObject({
    name: text(256),
    displayName: text(256).optional(),
    providerType: z.literal(type),
    issuer: urlText(256),
    labels: labelsSchema().optional(),
    dcrConfig: DCR_TYPE_RULES[type].configRequired ? config : config.optional(),
  });
}

/** Converts a camelCase DCR config to wire names, dropping undefined fields. */
export function dcrConfigToWire(config: DcrConfigInput): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const [field, wireName] of Object.entries(DCR_CONFIG_WIRE_NAMES)) {
    const value = config[field as DcrConfigField];
    if (value !== undefined) wire[wireName] = value;
  }
  return wire;
}

/** The secret values inside a DCR config (to redact from error messages). */
export function dcrConfigSecrets(config: DcrConfigInput | undefined): string[] {
  if (!config) return [];
  return DCR_SECRET_FIELDS.map((f) => config[f]).filter((v): v is string => typeof v === "string" && v !== "");
}

/** Create request: camelCase in (validated per type), wire body out. */
export function createDcrProviderRequestSchema() {
  return cached("createDcrProviderRequestSchema", () => buildCreateDcrProviderRequestSchema());
}

function buildCreateDcrProviderRequestSchema() {
  return z
    .discriminatedUnion(
      "providerType",
      [
        createVariant("azureAd"),
        createVariant("okta"),
        createVariant("auth0"),
        createVariant("curity"),
        createVariant("http"),
        createVariant("kongIdentity"),
      ],
      { error: `must be one of ${DCR_PROVIDER_TYPES.join(", ")}` },
    )
    .transform((req) => {
      const wire: Record<string, unknown> = {
        name: req.name,
        provider_type: req.providerType,
        issuer: req.issuer,
      };
      if (req.displayName !== undefined) wire.display_name = req.displayName;
      if (req.labels !== undefined) wire.labels = req.labels;
      if (req.dcrConfig !== undefined) wire.dcr_config = dcrConfigToWire(req.dcrConfig);
      return wire;
    });
}

/** Update request for a provider of the given type: camelCase in, wire body out. */
export function updateDcrProviderRequestSchema(type: DcrProviderType) {
  return cached(`updateDcrProviderRequestSchema:${type}`, () => buildUpdateDcrProviderRequestSchema(type));
}

function buildUpdateDcrProviderRequestSchema(type: DcrProviderType) {
  return z
    .strictObject({
      name: text(256).optional(),
      displayName: text(256).optional(),
      issuer: urlText(256).optional(),
      labels: labelsUpdateSchema().optional(),
      dcrConfig: DCR_TYPE_RULES[type].configUpdatable
        ? dcrConfigSchema(type, true).optional()
        : z.undefined({ error: `providerType ${type} has no updatable dcrConfig` }).optional(),
    })
    .transform((req) => {
      const wire: Record<string, unknown> = {};
      if (req.name !== undefined) wire.name = req.name;
      if (req.displayName !== undefined) wire.display_name = req.displayName;
      if (req.issuer !== undefined) wire.issuer = req.issuer;
      if (req.labels !== undefined) wire.labels = req.labels;
      if (req.dcrConfig !== undefined) wire.dcr_config = dcrConfigToWire(req.dcrConfig);
      return wire;
    });
}

/** One DCR provider from a response: wire in, camelCase out. Unknown fields are ignored (tolerant reader). */
export function dcrProviderResponseSchema() {
  return cached("dcrProviderResponseSchema", () => buildDcrProviderResponseSchema());
}

function buildDcrProviderResponseSchema() {
  return z
    .object({
      id: idText(),
      name: z.string(),
      display_name: z.string().optional(),
      provider_type: z.enum(DCR_PROVIDER_TYPES),
      issuer: z.string(),
      active: z.boolean(),
      labels: z.record(z.string(), z.string()).optional(),
      dcr_config: z
        .object({
          initial_client_id: z.string().optional(),
          initial_client_audience: z.string().nullable().optional(),
          use_developer_managed_scopes: z.boolean().optional(),
          dcr_base_url: z.string().optional(),
          disable_event_hooks: z.boolean().optional(),
          disable_refresh_secret: z.boolean().optional(),
          allow_multiple_credentials: z.boolean().optional(),
        })
        .optional(),
      created_at: z.string(),
      updated_at: z.string(),
    })
    .transform((wire): DcrProvider => {
      const config = wire.dcr_config ?? {};
      const dcrConfig: DcrConfigRead = {};
      if (config.initial_client_id !== undefined) dcrConfig.initialClientId = config.initial_client_id;
      if (config.initial_client_audience !== undefined)
        dcrConfig.initialClientAudience = config.initial_client_audience;
      if (config.use_developer_managed_scopes !== undefined) {
        dcrConfig.useDeveloperManagedScopes = config.use_developer_managed_scopes;
      }
      if (config.dcr_base_url !== undefined) dcrConfig.dcrBaseUrl = config.dcr_base_url;
      if (config.disable_event_hooks !== undefined) dcrConfig.disableEventHooks = config.disable_event_hooks;
      if (config.disable_refresh_secret !== undefined) dcrConfig.disableRefreshSecret = config.disable_refresh_secret;
      if (config.allow_multiple_credentials !== undefined) {
        dcrConfig.allowMultipleCredentials = config.allow_multiple_credentials;
      }
      const provider: DcrProvider = {
        id: wire.id,
        name: wire.name,
        providerType: wire.provider_type,
        issuer: wire.issuer,
        active: wire.active,
        labels: wire.labels ?? {},
        dcrConfig,
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      };
      if (wire.display_name !== undefined) provider.displayName = wire.display_name;
      return provider;
    });
}

/** A page of DCR providers. */
export function dcrProviderListSchema() {
  return cached("dcrProviderListSchema", () => buildDcrProviderListSchema());
}

function buildDcrProviderListSchema() {
  return z.object({ data: z.array(dcrProviderResponseSchema()), meta: pageMetaSchema() });
}

/** The verify answer. */
export function dcrVerifyResponseSchema() {
  return cached("dcrVerifyResponseSchema", () => buildDcrVerifyResponseSchema());
}

function buildDcrVerifyResponseSchema() {
  return z.object({ status: z.enum(["success", "failed"]), errors: z.array(z.string()) });
}
