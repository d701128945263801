/**
 * fast-check arbitraries for resource inputs: valid inputs per DCR provider type and per strategy type, hostile but
 * valid strings, and invalid inputs made by mutating a valid one in exactly one known way (with the property path
 * `check` must name). Also a stand-in for Konnect's answer to a create, so outputs can be built offline.
 */
import fc from "fast-check";
import {
  authStrategyResponseSchema,
  createAuthStrategyRequestSchema,
  createDcrProviderRequestSchema,
  dcrProviderResponseSchema,
  REGIONS,
  type AuthStrategy,
  type DcrProvider,
} from "../../provider/konnect";
import type { AuthStrategyInputs, DcrProviderInputs } from "../../provider";
import { toCreateRequest as dcrCreateRequest } from "../../provider/resources/dcrProvider/check";
import { toCreateRequest as strategyCreateRequest } from "../../provider/resources/authStrategy/check";
import { protoKeyPath } from "../../provider/resources/core/check";

/** Strings that look like attacks or encodings but are plain, valid text (no control characters). */
export const HOSTILE_TEXT = [
  "'; DROP TABLE dcr_providers; --",
  "../../etc/passwd",
  "..\\..\\windows",
  "%00",
  "%2e%2e%2f",
  "<script>alert(1)</script>",
  "{{ .Secrets }}",
  "${process.env.KONNECT_TOKEN}",
  "__proto__",
  "constructor",
  "Ünïcödé ✓ 日本語 🚀",
  "emoji 👩‍👩‍👧‍👦 zwj",
  "rtl \u202e gnp.exe",
  " leading and trailing ",
] as const;

/** A name `check` accepts: {@link textArb} without control characters and not only whitespace. */
export function nameArb(max: number, min = 1): fc.Arbitrary<string> {
  // eslint-disable-next-line no-control-regex -- control characters are what check refuses in names
  const usable = (s: string) => !/[\u0000-\u001f\u007f]/.test(s) && (s === "" || s.trim() !== "");
  const base = min === 0 ? fc.oneof(fc.constant(""), textArb(max)) : textArb(max);
  return base.filter(usable);
}

/** A non-empty string of at most `max` UTF-16 units, mixing ordinary, unicode and hostile text. */
export function textArb(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ minLength: 1, maxLength: Math.min(max, 40) }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }).filter((s) => s.length <= max),
    fc.constantFrom(...HOSTILE_TEXT).filter((s) => s.length <= max),
    fc.constant("x".repeat(max)),
  );
}

const uuid = () => fc.uuid();
const labelValue = () => fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,20}[a-zA-Z0-9])?$/);
const labelKey = () =>
  fc
    .stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_-]{0,30}$/)
    .filter((k) => !/^(kong|konnect|mesh|kic|_)/.test(k) && k !== "pulumi-create-id");

/** Labels Konnect accepts, up to 49 (one slot is kept for the creation label). */
export const labelsArb = () => fc.dictionary(labelKey(), labelValue(), { maxKeys: 6 });

/**
 * An absolute https URL without whitespace, credentials, query or fragment (what Konnect may be given as an issuer or
 * DCR base URL), at most `max` characters.
 */
export const httpsUrlArb = (max = 256) =>
  fc
    .webUrl({ validSchemes: ["https"], withQueryParameters: false, withFragments: false })
    .filter((u) => u.length <= max - 2);

/** Optional shared properties of the DCR provider and the auth strategy. */
const common = {
  labels: fc.option(labelsArb(), { nil: undefined }),
  region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
  adoptId: fc.option(uuid(), { nil: undefined }),
};

/** Secrets `check` accepts: at least MIN_SECRET_LENGTH (8) characters, so they can be redacted. */
const secretArb = () => textArb(256).filter((s) => s.length >= 8);
const apiKeyArb = () => fc.stringMatching(/^[a-zA-Z0-9_]{12,64}$/);
const issuerWithSlashes = (issuer: fc.Arbitrary<string>) =>
  fc.tuple(issuer, fc.nat(2)).map(([i, slashes]) => i + "/".repeat(slashes));

/** Valid DCR provider inputs, one generator per provider type. */
export const DCR_VALID: Record<DcrProviderInputs["providerType"], fc.Arbitrary<DcrProviderInputs>> = {
  azureAd: fc.record(
    {
      name: nameArb(256),
      displayName: fc.option(nameArb(256), { nil: undefined }),
      providerType: fc.constant("azureAd" as const),
      issuer: issuerWithSlashes(uuid().map((t) => `https://sts.windows.net/${t}`)),
      dcrConfig: fc.record({ initialClientId: uuid(), initialClientSecret: secretArb() }),
      verify: fc.option(fc.boolean(), { nil: undefined }),
      ...common,
    },
    { requiredKeys: ["name", "providerType", "issuer", "dcrConfig"] },
  ),
  okta: fc.record(
    {
      name: nameArb(256),
      displayName: fc.option(nameArb(256), { nil: undefined }),
      providerType: fc.constant("okta" as const),
      issuer: issuerWithSlashes(httpsUrlArb()),
      dcrConfig: fc.record({ dcrToken: secretArb() }),
      ...common,
    },
    { requiredKeys: ["name", "providerType", "issuer", "dcrConfig"] },
  ),
  auth0: fc.record(
    {
      name: nameArb(256),
      providerType: fc.constant("auth0" as const),
      issuer: httpsUrlArb(),
      dcrConfig: fc.record(
        {
          initialClientId: textArb(256),
          initialClientSecret: secretArb(),
          initialClientAudience: textArb(256),
          useDeveloperManagedScopes: fc.boolean(),
        },
        { requiredKeys: ["initialClientId", "initialClientSecret"] },
      ),
      ...common,
    },
    { requiredKeys: ["name", "providerType", "issuer", "dcrConfig"] },
  ),
  curity: fc.record(
    {
      name: nameArb(256),
      providerType: fc.constant("curity" as const),
      issuer: httpsUrlArb(),
      dcrConfig: fc.record({ initialClientId: textArb(256), initialClientSecret: secretArb() }),
      ...common,
    },
    { requiredKeys: ["name", "providerType", "issuer", "dcrConfig"] },
  ),
  http: fc.record(
    {
      name: nameArb(256),
      providerType: fc.constant("http" as const),
      issuer: httpsUrlArb(),
      dcrConfig: fc.record(
        {
          dcrBaseUrl: httpsUrlArb(),
          apiKey: apiKeyArb(),
          disableEventHooks: fc.boolean(),
          disableRefreshSecret: fc.boolean(),
          allowMultipleCredentials: fc.boolean(),
        },
        { requiredKeys: ["dcrBaseUrl", "apiKey"] },
      ),
      ...common,
    },
    { requiredKeys: ["name", "providerType", "issuer", "dcrConfig"] },
  ),
  kongIdentity: fc.record(
    {
      name: nameArb(256),
      providerType: fc.constant("kongIdentity" as const),
      issuer: httpsUrlArb(),
      ...common,
    },
    { requiredKeys: ["name", "providerType", "issuer"] },
  ),
};

/** Any valid DCR provider input. */
export const dcrValidArb = fc.oneof(...Object.values(DCR_VALID));

/** Keys `check` refuses in additionalProperties: the named OIDC keys and the strategy's own top-level fields. */
const RESERVED_EXTRA_KEYS = [
  "issuer",
  "credential_claim",
  "scopes",
  "auth_methods",
  "name",
  "display_name",
  "strategy_type",
  "dcr_provider_id",
  "labels",
  "principals",
  "configs",
];

const oidcArb = fc.record(
  {
    issuer: httpsUrlArb(),
    credentialClaim: fc.array(textArb(128), { maxLength: 10 }),
    scopes: fc.array(textArb(128), { maxLength: 8 }),
    authMethods: fc.array(textArb(64), { maxLength: 10 }),
    additionalProperties: fc.dictionary(
      fc.stringMatching(/^[a-z][a-z_]{0,15}$/).filter((k) => !RESERVED_EXTRA_KEYS.includes(k)),
      // fast-check's JSON values may hold a nested "__proto__" key, which `check` refuses at any depth.
      fc.jsonValue({ maxDepth: 2 }).filter((value) => protoKeyPath(value) === undefined),
      { maxKeys: 4 },
    ),
  },
  { requiredKeys: ["issuer", "credentialClaim", "scopes", "authMethods"] },
);

/** Valid auth strategy inputs, one generator per strategy type. */
export const STRATEGY_VALID: Record<AuthStrategyInputs["strategyType"], fc.Arbitrary<AuthStrategyInputs>> = {
  openid_connect: fc.record(
    {
      name: nameArb(256),
      displayName: nameArb(256, 0),
      strategyType: fc.constant("openid_connect" as const),
      openidConnect: oidcArb,
      dcrProviderId: fc.option(uuid(), { nil: undefined }),
      principals: fc.option(fc.record({ enabled: fc.boolean() }), { nil: undefined }),
      ...common,
    },
    { requiredKeys: ["name", "displayName", "strategyType", "openidConnect"] },
  ),
  key_auth: fc.record(
    {
      name: nameArb(256),
      displayName: nameArb(256, 0),
      strategyType: fc.constant("key_auth" as const),
      keyAuth: fc.record(
        {
          keyNames: fc.array(textArb(256), { minLength: 1, maxLength: 10 }),
          ttl: fc.record({
            value: fc.integer({ min: 1, max: 10_000 }),
            unit: fc.constantFrom("days" as const, "weeks" as const, "years" as const),
          }),
        },
        { requiredKeys: [] },
      ),
      principals: fc.option(fc.record({ enabled: fc.boolean() }), { nil: undefined }),
      ...common,
    },
    { requiredKeys: ["name", "displayName", "strategyType"] },
  ),
};

/** Any valid auth strategy input. */
export const strategyValidArb = fc.oneof(...Object.values(STRATEGY_VALID));

/** An invalid input: a valid one changed in one known way, and the property `check` must name. */
export interface Mutated {
  input: Record<string, unknown>;
  property: string;
  how: string;
}

type Mutation<T> = { how: string; apply: (valid: T) => Mutated | undefined };

const set = (obj: object, path: string[], value: unknown): Record<string, unknown> => {
  const copy = structuredClone(obj) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    at[key] = typeof at[key] === "object" && at[key] !== null ? at[key] : {};
    at = at[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
};
const mutate = (valid: object, path: string[], value: unknown, how: string): Mutated => ({
  input: set(valid, path, value),
  property: path.join("."),
  how,
});

const DCR_MUTATIONS: Mutation<DcrProviderInputs>[] = [
  { how: "name missing", apply: (v) => mutate(v, ["name"], undefined, "name missing") },
  { how: "name empty", apply: (v) => mutate(v, ["name"], "", "name empty") },
  { how: "name too long", apply: (v) => mutate(v, ["name"], "n".repeat(257), "name too long") },
  { how: "name a number", apply: (v) => mutate(v, ["name"], 42, "name a number") },
  { how: "providerType legacy", apply: (v) => mutate(v, ["providerType"], "Azure", "providerType legacy") },
  { how: "issuer not a URL", apply: (v) => mutate(v, ["issuer"], "not a url", "issuer not a URL") },
  { how: "issuer ftp", apply: (v) => mutate(v, ["issuer"], "ftp://idp.example.com", "issuer ftp") },
  {
    how: "issuer with a newline",
    apply: (v) => mutate(v, ["issuer"], `${v.issuer.replace(/\/+$/, "")}\n/x`, "issuer with a newline"),
  },
  {
    how: "issuer with a NUL",
    apply: (v) => mutate(v, ["issuer"], `${v.issuer.replace(/\/+$/, "")}\u0000`, "issuer with a NUL"),
  },
  { how: "issuer too long", apply: (v) => mutate(v, ["issuer"], `https://a.example/${"p".repeat(260)}`, "") },
  { how: "unknown top-level key", apply: (v) => mutate(v, ["clientSecret"], "x", "unknown key") },
  { how: "reserved label key", apply: (v) => mutate(v, ["labels", "kong-owned"], "x", "reserved label key") },
  { how: "bad label value", apply: (v) => mutate(v, ["labels", "env"], "-bad-", "bad label value") },
  { how: "creation label", apply: (v) => mutate(v, ["labels", "pulumi-create-id"], "x", "creation label") },
  { how: "region unknown", apply: (v) => mutate(v, ["region"], "mars", "region unknown") },
  { how: "verify not boolean", apply: (v) => mutate(v, ["verify"], "yes", "verify not boolean") },
  { how: "adoptId not a UUID", apply: (v) => mutate(v, ["adoptId"], "../x", "adoptId not a UUID") },
  {
    how: "config field of another type",
    apply: (v) =>
      v.providerType === "okta"
        ? mutate(v, ["dcrConfig", "initialClientId"], "id", "")
        : mutate(v, ["dcrConfig", "dcrToken"], "t", ""),
  },
  {
    how: "required secret missing",
    apply: (v) => {
      const secret = { azureAd: "initialClientSecret", auth0: "initialClientSecret", curity: "initialClientSecret" }[
        v.providerType as string
      ];
      if (v.providerType === "okta") return mutate(v, ["dcrConfig", "dcrToken"], undefined, "");
      if (v.providerType === "http") return mutate(v, ["dcrConfig", "apiKey"], undefined, "");
      return secret ? mutate(v, ["dcrConfig", secret], undefined, "") : undefined;
    },
  },
  {
    how: "type-specific value rule",
    apply: (v) => {
      if (v.providerType === "azureAd") return mutate(v, ["dcrConfig", "initialClientId"], "not-a-guid", "");
      if (v.providerType === "http") return mutate(v, ["dcrConfig", "apiKey"], "short", "");
      if (v.providerType === "auth0") return mutate(v, ["dcrConfig", "useDeveloperManagedScopes"], "true", "");
      return undefined;
    },
  },
];

const STRATEGY_MUTATIONS: Mutation<AuthStrategyInputs>[] = [
  { how: "name empty", apply: (v) => mutate(v, ["name"], "", "") },
  { how: "name too long", apply: (v) => mutate(v, ["name"], "n".repeat(257), "") },
  { how: "displayName missing", apply: (v) => mutate(v, ["displayName"], undefined, "") },
  { how: "displayName too long", apply: (v) => mutate(v, ["displayName"], "d".repeat(257), "") },
  { how: "strategyType unknown", apply: (v) => mutate(v, ["strategyType"], "oauth", "") },
  { how: "unknown top-level key", apply: (v) => mutate(v, ["clientId"], "x", "") },
  { how: "reserved label key", apply: (v) => mutate(v, ["labels", "konnect-x"], "x", "") },
  { how: "region unknown", apply: (v) => mutate(v, ["region"], "EU", "") },
  { how: "adoptId not a UUID", apply: (v) => mutate(v, ["adoptId"], "'; DROP TABLE", "") },
  { how: "principals.enabled not boolean", apply: (v) => mutate(v, ["principals", "enabled"], "yes", "") },
  {
    how: "type-specific",
    apply: (v) =>
      v.strategyType === "openid_connect"
        ? mutate(v, ["openidConnect", "issuer"], "<script>", "")
        : mutate(v, ["keyAuth", "ttl", "unit"], "months", ""),
  },
  {
    how: "type-specific 2",
    apply: (v) =>
      v.strategyType === "openid_connect"
        ? mutate(
            v,
            ["openidConnect", "credentialClaim"],
            Array.from({ length: 11 }, () => "c"),
            "",
          )
        : mutate(v, ["keyAuth", "keyNames"], [], ""),
  },
  {
    how: "type-specific 3",
    apply: (v) =>
      v.strategyType === "openid_connect"
        ? mutate(v, ["openidConnect", "scopes"], undefined, "")
        : mutate(v, ["dcrProviderId"], "8a6b1f3c-2d4e-4f5a-9b6c-7d8e9f0a1b2c", ""),
  },
  {
    how: "type-specific 4",
    apply: (v) =>
      v.strategyType === "openid_connect"
        ? mutate(v, ["openidConnect", "additionalProperties", "issuer"], "https://x.example", "")
        : mutate(v, ["openidConnect"], { issuer: "https://x.example" }, ""),
  },
  {
    how: "type-specific 5",
    apply: (v) =>
      v.strategyType === "openid_connect"
        ? mutate(v, ["dcrProviderId"], "%00", "")
        : mutate(v, ["keyAuth", "ttl", "value"], 0, ""),
  },
  {
    how: "type-specific 6",
    apply: (v) =>
      v.strategyType === "openid_connect"
        ? mutate(v, ["openidConnect", "clientSecret"], "x", "")
        : { ...mutate(v, ["keyAuth", "keyNames"], ["k".repeat(257)], ""), property: "keyAuth.keyNames.0" },
  },
];

function mutatedArb<T>(valid: fc.Arbitrary<T>, mutations: Mutation<T>[]): fc.Arbitrary<Mutated> {
  return fc
    .tuple(valid, fc.constantFrom(...mutations))
    .map(([v, m]) => {
      const result = m.apply(v);
      return result && { ...result, how: m.how };
    })
    .filter((m): m is Mutated => m !== undefined);
}

/** Invalid DCR provider inputs with the property `check` must name. */
export const dcrInvalidArb = mutatedArb(dcrValidArb, DCR_MUTATIONS);
/** Invalid auth strategy inputs with the property `check` must name. */
export const strategyInvalidArb = mutatedArb(strategyValidArb, STRATEGY_MUTATIONS);

const STAMP = { id: "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", created_at: "2026-01-01T00:00:00Z" };

/** What Konnect answers to a create of these (checked) inputs: the wire request echoed, secrets left out. */
export function konnectAnswerForDcr(inputs: DcrProviderInputs, omitDisplayName: boolean): DcrProvider {
  const wire = JSON.parse(JSON.stringify(createDcrProviderRequestSchema().parse(dcrCreateRequest(inputs)))) as Record<
    string,
    unknown
  >;
  const {
    initial_client_secret: _s,
    dcr_token: _t,
    api_key: _k,
    ...config
  } = (wire.dcr_config ?? {}) as Record<string, unknown>;
  const answer = { ...wire, ...STAMP, updated_at: STAMP.created_at, active: false, dcr_config: config };
  return dcrProviderResponseSchema().parse(omitDisplayName ? { ...answer, display_name: undefined } : answer);
}

/** What Konnect answers to a create of these (checked) strategy inputs. */
export function konnectAnswerForStrategy(inputs: AuthStrategyInputs): AuthStrategy {
  const wire = JSON.parse(
    JSON.stringify(createAuthStrategyRequestSchema().parse(strategyCreateRequest(inputs))),
  ) as Record<string, unknown>;
  const dcrId = wire.dcr_provider_id as string | null | undefined;
  const { dcr_provider_id: _d, ...rest } = wire;
  return authStrategyResponseSchema().parse({
    ...rest,
    ...STAMP,
    updated_at: STAMP.created_at,
    active: false,
    labels: wire.labels ?? {},
    dcr_provider: dcrId ? { id: dcrId, name: "dcr", provider_type: "azureAd" } : null,
  });
}
