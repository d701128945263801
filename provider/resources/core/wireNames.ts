/**
 * Konnect names rejected fields by their wire paths (`dcr_config.initial_client_id`,
 * `configs.openid-connect.credential_claim`); users wrote input properties (`dcrConfig.initialClientId`,
 * `openidConnect.credentialClaim`). These functions translate the one into the other for error messages.
 */
import {
  AUTH_STRATEGY_WIRE_NAMES,
  DCR_CONFIG_WIRE_NAMES,
  DCR_PROVIDER_WIRE_NAMES,
  KEY_AUTH_FIELDS,
  KonnectApiError,
  OIDC_FIELDS,
} from "../../konnect";

/** Which resource's inputs the path belongs to. */
export type ResourceKind = "dcrProvider" | "authStrategy" | "apiPublication" | "portalDefaultAuthStrategy";

const snakeToCamel = (segment: string) => segment.replace(/[_-]([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Wire name → input name, from a field table. */
const inverse = (table: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(table).map(([input, wire]) => [wire, input]));
const wireOf = (table: Record<string, { wire: string }>): Record<string, string> =>
  Object.fromEntries(Object.entries(table).map(([input, spec]) => [input, spec.wire]));

/** Input property → wire field of an API publication's PUT body. */
const API_PUBLICATION_WIRE_NAMES: Record<string, string> = {
  authStrategyIds: "auth_strategy_ids",
  autoApproveRegistrations: "auto_approve_registrations",
  visibility: "visibility",
};
/** Input property → wire field of the portal PATCH this resource sends. */
const PORTAL_DEFAULT_WIRE_NAMES: Record<string, string> = {
  authStrategyId: "default_application_auth_strategy_id",
};

const DCR_CONFIG_INPUT_NAMES = inverse(DCR_CONFIG_WIRE_NAMES);
const OIDC_CORE = inverse(wireOf(OIDC_FIELDS));
const KEY_AUTH_INPUT_NAMES = inverse(wireOf(KEY_AUTH_FIELDS));
const TOP_INPUT_NAMES: Record<ResourceKind, Record<string, string>> = {
  dcrProvider: inverse(DCR_PROVIDER_WIRE_NAMES),
  authStrategy: inverse(AUTH_STRATEGY_WIRE_NAMES),
  apiPublication: inverse(API_PUBLICATION_WIRE_NAMES),
  portalDefaultAuthStrategy: inverse(PORTAL_DEFAULT_WIRE_NAMES),
};

/**
 * The input property path for a wire field path. Label keys and extra OpenID Connect options keep their own
 * spelling; list indexes are kept. Unknown wire names are converted from snake_case to camelCase.
 */
export function inputPathForWireField(kind: ResourceKind, field: string): string {
  const [head, ...rest] = field.split(".");
  if (head === undefined || head === "") return field;
  if (head === "labels") return field;
  if (kind === "dcrProvider" && head === "dcr_config") {
    const [name, ...tail] = rest;
    if (name === undefined) return "dcrConfig";
    return ["dcrConfig", DCR_CONFIG_INPUT_NAMES[name] ?? snakeToCamel(name), ...tail].join(".");
  }
  if (kind === "authStrategy" && head === "configs") {
    const [config, name, ...tail] = rest;
    if (config === "openid-connect") {
      if (name === undefined) return "openidConnect";
      const core = OIDC_CORE[name];
      return core
        ? ["openidConnect", core, ...tail].join(".")
        : ["openidConnect", "additionalProperties", name, ...tail].join(".");
    }
    if (config === "key-auth") {
      if (name === undefined) return "keyAuth";
      return ["keyAuth", KEY_AUTH_INPUT_NAMES[name] ?? snakeToCamel(name), ...tail].join(".");
    }
    return ["configs", ...rest].join(".");
  }
  return [TOP_INPUT_NAMES[kind][head] ?? snakeToCamel(head), ...rest].join(".");
}

/**
 * A Konnect API error with its invalid parameters renamed to input properties, so a 400 names what the user wrote.
 * Status, title, detail and trace stay; the message keeps the original's redaction. Other errors pass through.
 */
export function withInputNames(error: unknown, kind: ResourceKind): unknown {
  if (!(error instanceof KonnectApiError) || error.invalidParameters.length === 0) return error;
  const renamed = error.invalidParameters.map((p) => ({ ...p, field: inputPathForWireField(kind, p.field) }));
  const mapped = new KonnectApiError(error.operation, error.status, error.title, error.detail, error.instance, renamed);
  // Rebuild the message from the original (already redacted) one, renaming each `field: ` in order.
  let message = error.message;
  let from = message.indexOf(`${error.status} ${error.title}`);
  error.invalidParameters.forEach((p, i) => {
    const at = message.indexOf(`${p.field}: `, from);
    if (at < 0) return;
    const name = renamed[i]!.field;
    message = message.slice(0, at) + name + message.slice(at + p.field.length);
    from = at + name.length;
  });
  mapped.message = message;
  mapped.stack = `${mapped.name}: ${message}\n${(error.stack ?? "").split("\n").slice(1).join("\n")}`;
  return mapped;
}
