/**
 * Default emulator options and the merge used by `setOptions`. Each default names its evidence from
 * /work/shared/reference/konnect-api.md: [SPEC] spec, [OBS] observed, [INF] inferred, [UNK] unknown.
 */
import { type EmulatorOptions } from "./types";

/** The options every emulator starts from. */
export function defaultOptions(): EmulatorOptions {
  return {
    host: "127.0.0.1",
    port: 0,
    readOnlyTokens: [],
    acceptedTokens: null,
    // [INF] §5: auth strategy names are not unique [OBS]; DCR provider names unknown, so duplicates by default.
    uniqueNames: false,
    // [UNK] §2.4: kongctl sends the full set plus nulls, which works under either rule.
    labelPatchMode: "merge",
    // [OBS] §3.4: Konnect can omit display_name; off by default so responses echo what was sent.
    omitDcrDisplayName: false,
    // [OBS] §4.3: `configs.openid-connect.labels` gave 400 `unknown field` in real Konnect.
    rejectedOidcExtraKeys: ["labels"],
    // [UNK]/[INF] §3.9: Konnect rejects the delete; the status code is a guess.
    dcrDeleteInUseStatus: 409,
    // [INF] §2.2: the spec's example size, and kongctl's page[size]=100.
    defaultPageSize: 10,
    maxPageSize: 100,
    // [UNK] §3.1: a malformed UUID in the path.
    malformedIdStatus: 404,
    // [UNK]/[INF] §4.1: PUT on an unknown id and PUT changing the type.
    strategyPutUnknownId: "not-found",
    strategyPutTypeChange: "reject",
    verifyResult: { result: "success" },
    verifyResultById: {},
    // [UNK] §3.6: "Returns 200 for success, 4xx for failure" but only the 200 body is documented.
    verifyFailureStatus: 200,
    // [UNK] §4.3: `{"key-auth":{}}` is accepted; the default key_names is unknown, so none is invented.
    defaultKeyNames: null,
    // [UNK] S5: a publication's auth_strategy_ids naming no strategy; 400 missing_reference like dcr_provider_id [INF].
    unknownStrategyReferenceStatus: 400,
    // [UNK] §4.1: whether a portal default blocks a strategy delete; the task's contract treats it as a use (409).
    strategyDeleteWithPortalDefault: "conflict",
    // [SPEC] S5 lists only 200 for publish-api-to-portal; the how-to expects 201.
    publicationCreateStatus: 200,
    // [INF] S5: omitting auth_strategy_ids "means the portal's default … will be used".
    omittedAuthStrategyIds: "portal-default",
    // [SPEC] S5 ApiPublicationVisibility default private; whether the portal default applies is [UNK].
    omittedVisibility: "private",
    // [SPEC] S4 "Name must be unique"; S5 "name + version combination must be unique"; 409 is [INF].
    uniquePortalNames: true,
    uniqueApiNameVersion: true,
    // [DOC] a key-auth strategy is created with every portal; off by default so tests own every strategy.
    portalKeyAuthStrategy: "none",
    // [UNK] S4 says nothing on team names; off, so tests that need the other answer turn it on.
    uniqueTeamNames: false,
    // [UNK] S4's team DELETE names its roles and members, not its applications; refusing is the safe guess.
    teamDeleteWithApplications: "conflict",
    // [DOC] the HTTP DCR bridge's DELETE "deletes the application in the IDP"; Azure is [INF].
    createdClientOnDelete: "delete",
    // [UNK] an imported (dcr_client_id) client was not Konnect's to begin with; keeping it is the guess.
    linkedClientOnDelete: "keep",
    // [SPEC text] "Registrations created through the portal management API will respect the auto-approve settings".
    registrationStatusRule: "auto-approve",
    // [INF] the portal UI only offers APIs published with the application's strategy.
    registrationPublicationCheck: "same-strategy",
    // [INF] propagation to the gateway is not documented; 0 = at once.
    registrationPropagationMs: 0,
    // [INF] Azure: a new password is not usable for some seconds (azure-ad.md); 0 = at once.
    idpSecretActivationMs: 0,
    latencyMs: 0,
    // [UNK] §2.6: rate limits are not published.
    rateLimit: null,
  };
}

/** Options that only apply when the server starts. */
const START_ONLY_OPTIONS: readonly (keyof EmulatorOptions)[] = ["host", "port"];

/** Drops keys whose value is undefined, so `{port: undefined}` keeps the current port. */
function definedOnly(partial: Partial<EmulatorOptions>): Partial<EmulatorOptions> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
}

function checkKeys(current: EmulatorOptions, partial: Partial<EmulatorOptions>, allowStartOnly: boolean): void {
  const known = Object.keys(current);
  for (const key of Object.keys(partial)) {
    if (!known.includes(key)) throw new Error(`unknown emulator option: ${key}`);
    if (!allowStartOnly && (START_ONLY_OPTIONS as string[]).includes(key)) {
      throw new Error(`option ${key} can only be set at start`);
    }
  }
}

/**
 * Returns `current` with `partial` applied, for `setOptions`. Throws on a start-only option (host, port) or an
 * unknown key, so a typo in a test does not silently leave the default in place.
 */
export function mergeOptions(current: EmulatorOptions, partial: Partial<EmulatorOptions>): EmulatorOptions {
  checkKeys(current, partial, false);
  return { ...current, ...definedOnly(partial) };
}

/** Like `mergeOptions`, for `startKonnectEmulator`, where host and port are allowed. */
export function mergeStartOptions(current: EmulatorOptions, partial: Partial<EmulatorOptions>): EmulatorOptions {
  checkKeys(current, partial, true);
  return { ...current, ...definedOnly(partial) };
}
