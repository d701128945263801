/**
 * DCR providers on the wire (`/v2/dcr-providers`) and in the client's camelCase model. The snake_case ↔ camelCase
 * mapping happens here, once. Secrets (`initial_client_secret`, `dcr_token`, `api_key`) are write-only: requests
 * carry them, responses never do.
 */
import { z } from "zod";
import { wireNames, type BodyOf, type PatchOf, type ResponseOf } from "../fieldTable";
import {
  idText,
  listPageSchema,
  requestShape,
  rowsResponse,
  valueSchema,
  toWireKeys,
  cached,
  mapped,
} from "../schemas";
import {
  DCR_CONFIG_FIELD_NAMES,
  DCR_PROVIDER_FIELDS,
  DCR_PROVIDER_TYPES,
  DCR_SECRET_FIELDS,
  DCR_TYPE_RULES,
  dcrConfigField,
  type DcrConfigField,
  type DcrConfigValues,
  type DcrProviderType,
} from "./fields";

export {
  DCR_CONFIG_WIRE_NAMES,
  DCR_PROVIDER_TYPES,
  DCR_SECRET_FIELDS,
  DCR_TYPE_RULES,
  isClearedWithNull,
} from "./fields";
export type { DcrConfigField, DcrConfigValues, DcrProviderType } from "./fields";

/** Top-level request fields of a DCR provider: camelCase → wire name (`providerType` is sent on create only). */
const DCR_PROVIDER_WIRE_NAMES = wireNames(DCR_PROVIDER_FIELDS);

/** DCR settings sent to Konnect (camelCase), one optional property per table entry. */
export type DcrConfigInput = Partial<DcrConfigValues>;

/** DCR settings Konnect returns (never the write-only secrets, which it does not report). */
export type DcrConfigRead = DcrConfigInput;

/** Body of `POST /v2/dcr-providers`, camelCase: one property per row of `DCR_PROVIDER_FIELDS`. */
export interface CreateDcrProviderRequest extends Omit<BodyOf<typeof DCR_PROVIDER_FIELDS>, "dcrConfig"> {
  dcrConfig?: DcrConfigInput;
}

/**
 * Body of `PATCH /v2/dcr-providers/{id}`, camelCase: the rows a change updates in place (`providerType` cannot
 * change); a null label value removes that label.
 */
export interface UpdateDcrProviderRequest extends Omit<PatchOf<typeof DCR_PROVIDER_FIELDS>, "dcrConfig"> {
  /** Partial: fields left out (secrets included) are kept by Konnect. */
  dcrConfig?: DcrConfigInput;
}

/**
 * A DCR provider as Konnect reports it: one property per row (a `displayName` Konnect may omit even when set), then
 * the read-only fields.
 */
export interface DcrProvider extends Omit<ResponseOf<typeof DCR_PROVIDER_FIELDS>, "providerType" | "dcrConfig"> {
  id: string;
  providerType: DcrProviderType;
  /** True when at least one auth strategy uses it. */
  active: boolean;
  dcrConfig: DcrConfigRead;
  createdAt: string;
  updatedAt: string;
}

/** Result of `POST /v2/dcr-providers/{id}/verify`. */
export interface DcrVerifyResult {
  status: "success" | "failed";
  errors: string[];
}

/**
 * Schema of one DCR config field's value: Kong's contract, which requests follow. With `type`, plus the stricter
 * rule `check` adds for that provider type (what the IdP needs, e.g. a GUID client id for azureAd).
 */
export function dcrConfigFieldSchema(field: DcrConfigField, type?: DcrProviderType) {
  return cached(`dcrConfigFieldSchema:${field}:${type ?? ""}`, () => {
    const spec = dcrConfigField(field);
    const strict = type === undefined ? undefined : spec.perType?.[type];
    return valueSchema(strict ?? spec.value);
  });
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

/** The create variant of one provider type: the rows, `providerType` that type, its DCR config. */
function createVariant(type: DcrProviderType) {
  const config = dcrConfigSchema(type, false);
  const shape = requestShape(DCR_PROVIDER_FIELDS, { custom: { providerType: z.literal(type), dcrConfig: config } });
  if (DCR_TYPE_RULES[type].configRequired) shape.dcrConfig = config;
  return z.strictObject(shape);
}

/** Converts a camelCase DCR config to wire names, dropping undefined fields. */
export function dcrConfigToWire(config: DcrConfigInput): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const field of DCR_CONFIG_FIELD_NAMES) {
    const value = config[field];
    if (value !== undefined) wire[dcrConfigField(field).wire] = value;
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
      DCR_PROVIDER_TYPES.map(createVariant) as [
        ReturnType<typeof createVariant>,
        ...ReturnType<typeof createVariant>[],
      ],
      { error: `must be one of ${DCR_PROVIDER_TYPES.join(", ")}` },
    )
    .transform((req) => toWireKeys(req, DCR_PROVIDER_WIRE_NAMES, { dcrConfig: dcrConfigToWire }));
}

/** Update request for a provider of the given type: camelCase in, wire body out. */
export function updateDcrProviderRequestSchema(type: DcrProviderType) {
  return cached(`updateDcrProviderRequestSchema:${type}`, () => buildUpdateDcrProviderRequestSchema(type));
}

function buildUpdateDcrProviderRequestSchema(type: DcrProviderType) {
  return z
    .strictObject(
      requestShape(DCR_PROVIDER_FIELDS, {
        patch: true,
        custom: {
          dcrConfig: DCR_TYPE_RULES[type].configUpdatable
            ? dcrConfigSchema(type, true)
            : z.undefined({ error: `providerType ${type} has no updatable dcrConfig` }),
        },
      }),
    )
    .transform((req) => toWireKeys(req, DCR_PROVIDER_WIRE_NAMES, { dcrConfig: dcrConfigToWire }));
}

/** One DCR provider from a response: wire in, camelCase out. Unknown fields are ignored (tolerant reader). */
export function dcrProviderResponseSchema() {
  return cached("dcrProviderResponseSchema", () => buildDcrProviderResponseSchema());
}

/** The read-only wire fields of a DCR provider, as the reader checked them. */
interface DcrProviderWire {
  id: string;
  active: boolean;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

function buildDcrProviderResponseSchema() {
  const rows = rowsResponse(DCR_PROVIDER_FIELDS, {
    displayName: { schema: z.string().optional() },
    providerType: { schema: z.enum(DCR_PROVIDER_TYPES) },
    dcrConfig: {
      schema: z.record(z.string(), z.unknown()).optional(),
      read: (config?: Record<string, unknown>) => dcrConfigFromWire(config ?? {}),
    },
  });
  return mapped(
    z.object({
      id: idText(),
      ...rows.shape,
      active: z.boolean(),
      created_at: z.string(),
      updated_at: z.string(),
    }) as z.ZodType<DcrProviderWire>,
    (wire): DcrProvider => ({
      id: wire.id,
      ...(rows.fromWire(wire) as Omit<DcrProvider, "id" | "active" | "createdAt" | "updatedAt">),
      active: wire.active,
      createdAt: wire.created_at,
      updatedAt: wire.updated_at,
    }),
  );
}

/** Fields read back from a response's `dcr_config`, by the table (tolerant: unexpected values are left out). */
function dcrConfigFromWire(config: Record<string, unknown>): DcrConfigRead {
  const read: Record<string, unknown> = {};
  for (const { field, wire, accepts } of readableConfigFields()) {
    const value = config[wire];
    if (accepts(value)) read[field] = value;
  }
  return read;
}

/** The config fields Konnect returns (secrets never), each with its wire name and the values read back. */
function readableConfigFields() {
  return cached("readableConfigFields", () =>
    DCR_CONFIG_FIELD_NAMES.flatMap((field) => {
      const spec = dcrConfigField(field);
      if (spec.secret) return [];
      const rule = spec.value;
      const accepts =
        rule.kind === "flag"
          ? (value: unknown) => typeof value === "boolean"
          : (value: unknown) =>
              typeof value === "string" || (rule.kind === "text" && rule.nullable === true && value === null);
      return [{ field, wire: spec.wire, accepts }];
    }),
  );
}

/** A page of DCR providers. */
export function dcrProviderListSchema() {
  return listPageSchema("dcrProvider", dcrProviderResponseSchema, "provider_type", DCR_PROVIDER_TYPES);
}

/** The verify answer. */
export function dcrVerifyResponseSchema() {
  return cached("dcrVerifyResponseSchema", () => buildDcrVerifyResponseSchema());
}

function buildDcrVerifyResponseSchema() {
  return z.object({ status: z.enum(["success", "failed"]), errors: z.array(z.string()) });
}
