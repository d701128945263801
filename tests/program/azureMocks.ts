/**
 * Realistic, deterministic `pulumi.runtime.setMocks` mocks for @pulumi/azuread 6.x and the Konnect dynamic resources.
 *
 * What real azuread returns (shared/reference/azure-ad.md §1 and §6): path-style ids (`/applications/<oid>`,
 * `/servicePrincipals/<oid>`, `<appOid>/password/<keyId>`, ...), GUID object ids, and Microsoft Graph's service
 * principal with `appRoleIds`/`oauth2PermissionScopeIds` keyed by permission value. Inputs the real provider validates
 * (`IsUUID` on object ids, the `/applications/<oid>` form of `ApplicationPassword.applicationId`, Graph role ids) are
 * checked here too: a violation throws (the registration fails) and is also recorded in `errors`.
 *
 * Konnect dynamic resources (`pulumi-nodejs:dynamic/konnect:*`) echo their inputs plus Konnect's read-only fields.
 * Every id and GUID is derived from resource names (and, for secrets, from the inputs that force a replacement), so two
 * runs of the same program produce the same values. Reused by offline demos and engine-lifecycle tests.
 */
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";

/** Type tokens of the resources the mocks model. */
export const TYPES = {
  application: "azuread:index/application:Application",
  servicePrincipal: "azuread:index/servicePrincipal:ServicePrincipal",
  appRoleAssignment: "azuread:index/appRoleAssignment:AppRoleAssignment",
  delegatedGrant: "azuread:index/servicePrincipalDelegatedPermissionGrant:ServicePrincipalDelegatedPermissionGrant",
  applicationPassword: "azuread:index/applicationPassword:ApplicationPassword",
  dcrProvider: "pulumi-nodejs:dynamic/konnect:DcrProvider",
  authStrategy: "pulumi-nodejs:dynamic/konnect:AuthStrategy",
  apiPublication: "pulumi-nodejs:dynamic/konnect:ApiPublication",
  portalDefault: "pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy",
  portalTeam: "pulumi-nodejs:dynamic/konnect:PortalTeam",
  portalApplication: "pulumi-nodejs:dynamic/konnect:PortalApplication",
  applicationRegistration: "pulumi-nodejs:dynamic/konnect:ApplicationRegistration",
  dcrRequestCheck: "pulumi-nodejs:dynamic/konnect:DcrRequestCheck",
} as const;

/** Invoke tokens the mocks answer. */
export const INVOKES = {
  getClientConfig: "azuread:index/getClientConfig:getClientConfig",
  getServicePrincipal: "azuread:index/getServicePrincipal:getServicePrincipal",
  getApplicationPublishedAppIds: "azuread:index/getApplicationPublishedAppIds:getApplicationPublishedAppIds",
} as const;

/** Microsoft Graph's application id. Written out here on purpose: the tests compare the library's table to it. */
export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

/** Microsoft Graph application permissions (app roles) by value, from the Graph permissions reference. */
export const GRAPH_APP_ROLE_IDS: Readonly<Record<string, string>> = {
  "Application.Read.All": "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30",
  "Application.ReadWrite.All": "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
  "Application.ReadWrite.OwnedBy": "18a4783c-866b-4cc7-a460-3d5e5662c884",
  "AppRoleAssignment.ReadWrite.All": "06b708a9-e830-4db3-a914-8e69da51d44f",
  "User.Read.All": "df021288-bdef-4463-88db-98f22de89214",
};

/** Microsoft Graph delegated permissions (OAuth2 scopes) by value. */
export const GRAPH_SCOPE_IDS: Readonly<Record<string, string>> = {
  "Application.Read.All": "c79f8feb-a9db-4090-85f9-90d820caa0eb",
  "Application.ReadWrite.All": "bdfbf15f-ee85-4955-8675-146e8e5296b5",
  "User.Read": "e1fe6dd8-ba31-4d61-89e7-88639da4683d",
  openid: "37f7f235-527c-4136-accd-4a02d197296e",
};

/** Options of {@link createAzureMocks}; every value has a fixed default. */
export interface AzureMocksOptions {
  /** Tenant of the deployer. */
  tenantId?: string;
  /** Object id of the deploying identity (getClientConfig.objectId). */
  deployerObjectId?: string;
  /** Client id of the deploying identity (getClientConfig.clientId). */
  deployerClientId?: string;
  /** Tenant-specific object id of Microsoft Graph's service principal. */
  graphServicePrincipalObjectId?: string;
  /** `startDate` of new passwords and Konnect `createdAt`/`updatedAt` (RFC 3339). */
  now?: string;
  /** Verified domain reported as `publisherDomain`. */
  publisherDomain?: string;
}

/** Defaults of {@link AzureMocksOptions}. */
export const MOCK_DEFAULTS: Required<AzureMocksOptions> = {
  tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
  deployerObjectId: "b0a8c6f2-1d3e-4f5a-9b7c-2e4d6f8a0c1e",
  deployerClientId: "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
  graphServicePrincipalObjectId: "5f2c1d9e-7a3b-4c8d-9e0f-1a2b3c4d5e6f",
  now: "2026-01-15T10:00:00Z",
  publisherDomain: "contoso.onmicrosoft.com",
};

/** One resource registration the mocks saw. */
export interface RecordedResource {
  /** Type token. */
  type: string;
  /** Pulumi name. */
  name: string;
  /** True for custom resources, false for components. */
  custom: boolean;
  /** Inputs as the monitor received them: secret inputs are still wrapped (see {@link isSecretValue}). */
  inputs: Record<string, unknown>;
  /** The id the mock returned. */
  id: string | undefined;
  /** The state the mock returned. */
  state: Record<string, unknown>;
}

/** One invoke the mocks answered. */
export interface RecordedInvoke {
  /** Invoke token. */
  token: string;
  /** Arguments. */
  inputs: Record<string, unknown>;
}

/** The mocks plus everything they recorded. */
export interface AzureMocks {
  /** Pass to `pulumi.runtime.setMocks`. */
  mocks: pulumi.runtime.Mocks;
  /** Every registration, in order. */
  resources: RecordedResource[];
  /** Every invoke, in order. */
  invokes: RecordedInvoke[];
  /** Validation failures (each also failed its registration). Empty in a correct program. */
  errors: string[];
  /** The resolved options. */
  options: Required<AzureMocksOptions>;
  /** Custom resources of a type, optionally only those whose name starts with `prefix`. */
  ofType(type: string, prefix?: string): RecordedResource[];
  /** The one custom resource with this type and name; throws when absent. */
  get(type: string, name: string): RecordedResource;
}

const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID derived from a seed (v4 layout), so the same name always gets the same id. */
export function guidFrom(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** True for a GUID. */
export function isGuid(value: unknown): value is string {
  return typeof value === "string" && GUID.test(value);
}

/** True for the wire form of a secret input as mocks receive it. */
export function isSecretValue(value: unknown): value is { value: unknown } {
  return (
    typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIG] === SECRET_SIG_VALUE
  );
}

/** A deep copy with every secret wrapper replaced by its value. */
export function reveal<T = unknown>(value: unknown): T {
  if (isSecretValue(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map((v) => reveal(v)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)])) as T;
  }
  return value as T;
}

/**
 * Dotted paths of the secret values inside a value. The SDK's deserializer marks a whole object secret when one of its
 * properties is, so mocks see `dcrConfig` as secret where the engine keeps only `dcrConfig.initialClientSecret` secret.
 */
export function secretPaths(value: unknown, prefix = ""): string[] {
  if (isSecretValue(value)) return [prefix];
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => secretPaths(v, prefix === "" ? k : `${prefix}.${k}`));
  }
  return [];
}

/** True when `needle` occurs in a string anywhere in `value` outside secret wrappers (a leak of a secret in plain text). */
export function appearsInPlainText(value: unknown, needle: string): boolean {
  if (isSecretValue(value)) return false;
  if (typeof value === "string") return value.includes(needle);
  if (typeof value === "object" && value !== null)
    return Object.values(value).some((v) => appearsInPlainText(v, needle));
  return false;
}

/** JSON with sorted keys: a stable seed. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** An opaque base64url id such as Graph uses for app role assignments and grants. */
function opaqueId(seed: string): string {
  return createHash("sha256").update(seed).digest("base64url").slice(0, 43);
}

/** A 40-character secret in Azure's shape (`xxx8Q~` + 34 characters). */
function secretValue(seed: string): string {
  const body = createHash("sha512").update(seed).digest("base64url").replace(/[-_]/g, "A");
  return `${body.slice(0, 3)}8Q~${body.slice(3, 37)}`;
}

function addYears(rfc3339: string, years: number): string {
  const d = new Date(rfc3339);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Mocks for a run. Pass `result.mocks` to `pulumi.runtime.setMocks`; read `resources`, `invokes` and `errors` after
 * awaiting the outputs under test.
 */
export function createAzureMocks(options: AzureMocksOptions = {}): AzureMocks {
  const opts: Required<AzureMocksOptions> = { ...MOCK_DEFAULTS, ...options };
  const resources: RecordedResource[] = [];
  const invokes: RecordedInvoke[] = [];
  const errors: string[] = [];
  const graphSp = graphServicePrincipal(opts);

  const fail = (message: string): never => {
    errors.push(message);
    throw new Error(message);
  };
  /** Checks an input the real provider validates with IsUUID; unknown values (preview) are skipped. */
  const requireGuid = (where: string, value: unknown) => {
    if (value !== undefined && !isGuid(reveal(value))) fail(`${where}: must be a GUID, got ${JSON.stringify(value)}`);
  };
  const requireGuids = (where: string, value: unknown) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) fail(`${where}: must be a list`);
    (value as unknown[]).forEach((v, i) => requireGuid(`${where}[${i}]`, v));
  };
  const requireIn = (where: string, value: unknown, allowed: Readonly<Record<string, string>>) => {
    if (value !== undefined && !Object.values(allowed).includes(reveal<string>(value))) {
      fail(`${where}: ${JSON.stringify(value)} is not a Microsoft Graph id`);
    }
  };

  const azure = (args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } => {
    const inputs = args.inputs as Record<string, unknown>;
    const at = `${args.type.split(":").pop() ?? args.type} ${args.name}`;
    switch (args.type) {
      case TYPES.application: {
        requireGuids(`${at}.owners`, inputs.owners);
        const objectId = guidFrom(`application:${args.name}`);
        return {
          id: `/applications/${objectId}`,
          state: {
            ...inputs,
            objectId,
            clientId: guidFrom(`client:${args.name}`),
            publisherDomain: opts.publisherDomain,
            appRoleIds: {},
            oauth2PermissionScopeIds: {},
            disabledByMicrosoft: "",
            logoUrl: "",
            tags: [],
            featureTags: [],
            templateId: "",
            signInAudience: inputs.signInAudience ?? "AzureADMyOrg",
          },
        };
      }
      case TYPES.servicePrincipal: {
        requireGuid(`${at}.clientId`, inputs.clientId);
        requireGuids(`${at}.owners`, inputs.owners);
        const objectId = guidFrom(`servicePrincipal:${args.name}`);
        const app = resources.find((r) => r.type === TYPES.application && r.state.clientId === inputs.clientId);
        return {
          id: `/servicePrincipals/${objectId}`,
          state: {
            ...inputs,
            objectId,
            applicationTenantId: opts.tenantId,
            displayName: app?.inputs.displayName ?? "",
            appRoleIds: {},
            oauth2PermissionScopeIds: {},
            appRoles: [],
            oauth2PermissionScopes: [],
            servicePrincipalNames: [inputs.clientId],
            signInAudience: "AzureADMyOrg",
            type: "Application",
          },
        };
      }
      case TYPES.appRoleAssignment: {
        requireGuid(`${at}.appRoleId`, inputs.appRoleId);
        requireGuid(`${at}.principalObjectId`, inputs.principalObjectId);
        requireGuid(`${at}.resourceObjectId`, inputs.resourceObjectId);
        if (inputs.resourceObjectId === opts.graphServicePrincipalObjectId) {
          requireIn(`${at}.appRoleId`, inputs.appRoleId, GRAPH_APP_ROLE_IDS);
        }
        const principal = resources.find((r) => r.state.objectId === inputs.principalObjectId);
        return {
          id: `/servicePrincipals/${String(inputs.resourceObjectId)}/appRoleAssignedTo/${opaqueId(`ara:${args.name}`)}`,
          state: {
            ...inputs,
            principalDisplayName: principal?.state.displayName ?? "",
            principalType: "ServicePrincipal",
            resourceDisplayName:
              inputs.resourceObjectId === opts.graphServicePrincipalObjectId ? "Microsoft Graph" : "",
          },
        };
      }
      case TYPES.delegatedGrant: {
        requireGuid(`${at}.servicePrincipalObjectId`, inputs.servicePrincipalObjectId);
        requireGuid(`${at}.resourceServicePrincipalObjectId`, inputs.resourceServicePrincipalObjectId);
        requireGuid(`${at}.userObjectId`, inputs.userObjectId);
        const claims = inputs.claimValues;
        if (!Array.isArray(claims) || claims.length === 0) fail(`${at}.claimValues: must be a non-empty list`);
        if (inputs.resourceServicePrincipalObjectId === opts.graphServicePrincipalObjectId) {
          for (const claim of claims as unknown[]) {
            if (typeof claim !== "string" || !(claim in GRAPH_SCOPE_IDS)) {
              fail(`${at}.claimValues: ${JSON.stringify(claim)} is not a Microsoft Graph scope value`);
            }
          }
        }
        return { id: `/oauth2PermissionGrants/${opaqueId(`grant:${args.name}`)}`, state: { ...inputs } };
      }
      case TYPES.applicationPassword: {
        const applicationId = inputs.applicationId;
        const match =
          typeof applicationId === "string" ? /^\/applications\/([0-9a-f-]{36})$/.exec(applicationId) : null;
        if (match === null || !isGuid(match[1])) {
          return fail(`${at}.applicationId: must be /applications/<objectId>, got ${JSON.stringify(applicationId)}`);
        }
        const startDate = typeof inputs.startDate === "string" ? inputs.startDate : opts.now;
        if (inputs.endDate !== undefined && (typeof inputs.endDate !== "string" || isNaN(Date.parse(inputs.endDate)))) {
          fail(`${at}.endDate: not RFC 3339: ${JSON.stringify(inputs.endDate)}`);
        }
        // Every input of ApplicationPassword forces a replacement, so a new secret follows from any input change.
        const seed = `password:${args.name}:${stableJson(reveal(inputs))}`;
        const keyId = guidFrom(seed);
        return {
          id: `${match[1]}/password/${keyId}`,
          state: {
            ...inputs,
            keyId,
            value: secretValue(seed),
            startDate,
            endDate: inputs.endDate ?? addYears(startDate, 2),
            displayName: inputs.displayName ?? "Password",
          },
        };
      }
      default: {
        const id = guidFrom(`${args.type}:${args.name}`);
        return { id, state: { ...inputs } };
      }
    }
  };

  const konnect = (args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } => {
    const inputs = args.inputs as Record<string, unknown>;
    if (args.type === TYPES.apiPublication) return devPortal.publication(inputs);
    if (args.type === TYPES.portalDefault) return devPortal.portalDefault(inputs);
    if (args.type === TYPES.portalTeam) return testApplication.team(args.name, inputs);
    if (args.type === TYPES.portalApplication) return testApplication.application(args.name, inputs);
    if (args.type === TYPES.applicationRegistration) return testApplication.registration(args.name, inputs);
    if (args.type === TYPES.dcrRequestCheck) return testApplication.check(args.name, inputs);
    const id = guidFrom(`${args.type}:${args.name}`);
    const state: Record<string, unknown> = { ...inputs, active: false, createdAt: opts.now, updatedAt: opts.now };
    if (args.type === TYPES.authStrategy) {
      const dcr = resources.find((r) => r.type === TYPES.dcrProvider && r.id === inputs.dcrProviderId);
      state.supportsMultipleCredentials = ["azureAd", "okta", "http"].includes(String(dcr?.inputs.providerType));
      state.dcrProvider =
        dcr === undefined
          ? null
          : {
              id: dcr.id,
              name: dcr.inputs.name,
              ...(dcr.inputs.displayName === undefined ? {} : { displayName: dcr.inputs.displayName }),
              providerType: dcr.inputs.providerType,
            };
    }
    return { id: inputs.adoptId === undefined ? id : String(reveal(inputs.adoptId)), state };
  };

  /**
   * The Dev Portal resources as their providers answer: a publication's id is `<apiId>/<portalId>` and its outputs
   * carry Konnect's effective settings (visibility `private`, no auto approval, no warnings when left out); a portal
   * default's id is the portal id, with the portal's previous default recorded (none, for a fresh mock portal).
   */
  const devPortal = {
    publication(inputs: Record<string, unknown>) {
      return {
        id: `${String(inputs.apiId)}/${String(inputs.portalId)}`,
        state: {
          ...inputs,
          authStrategyIds: inputs.authStrategyIds ?? [],
          visibility: inputs.visibility ?? "private",
          autoApproveRegistrations: inputs.autoApproveRegistrations ?? false,
          warnings: [],
          createdAt: opts.now,
          updatedAt: opts.now,
        },
      };
    },
    portalDefault(inputs: Record<string, unknown>) {
      return {
        id: String(inputs.portalId),
        state: { ...inputs, appliedAuthStrategyId: inputs.authStrategyId, previousAuthStrategyId: null },
      };
    },
  };

  /**
   * The test application's resources as their providers answer: a team and an application with Konnect's read-only
   * fields (a DCR application reports its linked client and its strategy's DCR provider), a registration approved
   * unless declared otherwise, and a passing request check whose claims name the tenant and client.
   */
  const testApplication = {
    team(name: string, inputs: Record<string, unknown>) {
      const state = { ...inputs, canOwnApplications: inputs.canOwnApplications ?? false };
      return {
        id: guidFrom(`${TYPES.portalTeam}:${name}`),
        state: { ...state, createdAt: opts.now, updatedAt: opts.now },
      };
    },
    application(name: string, inputs: Record<string, unknown>) {
      const strategy = resources.find((r) => r.type === TYPES.authStrategy && r.id === inputs.authStrategyId);
      const state = {
        ...inputs,
        clientId: inputs.dcrClientId ?? inputs.clientId,
        dcrProviderId: strategy?.inputs.dcrProviderId,
        grantedScopes: ["openid"],
        registrationCount: 0,
        createdAt: opts.now,
        updatedAt: opts.now,
      };
      return { id: guidFrom(`${TYPES.portalApplication}:${name}`), state };
    },
    registration(name: string, inputs: Record<string, unknown>) {
      const state = { ...inputs, status: inputs.status ?? "approved", createdAt: opts.now, updatedAt: opts.now };
      return { id: guidFrom(`${TYPES.applicationRegistration}:${name}`), state };
    },
    check(name: string, inputs: Record<string, unknown>) {
      const tenant = reveal<string>(inputs.tenantId);
      const claims = {
        ver: "1.0",
        iss: `https://sts.windows.net/${tenant}/`,
        appid: reveal(inputs.clientId),
        tid: tenant,
      };
      const state = { ...inputs, checkedAt: opts.now, attempts: 1, results: [], claims };
      return { id: guidFrom(`${TYPES.dcrRequestCheck}:${name}`), state };
    },
  };

  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const inputs = { ...(args.inputs as Record<string, unknown>) };
      if (args.custom === false) {
        resources.push({ type: args.type, name: args.name, custom: false, inputs, id: undefined, state: {} });
        return { id: undefined, state: {} };
      }
      const result = args.type.startsWith("pulumi-nodejs:dynamic/") ? konnect(args) : azure(args);
      resources.push({ type: args.type, name: args.name, custom: true, inputs, id: result.id, state: result.state });
      return result;
    },
    call(args) {
      const inputs = { ...(args.inputs as Record<string, unknown>) };
      invokes.push({ token: args.token, inputs });
      switch (args.token) {
        case INVOKES.getClientConfig:
          return {
            id: `${opts.tenantId}-${opts.deployerClientId}-${opts.deployerObjectId}`,
            tenantId: opts.tenantId,
            clientId: opts.deployerClientId,
            objectId: opts.deployerObjectId,
          };
        case INVOKES.getServicePrincipal:
          if (
            inputs.clientId === GRAPH_APP_ID ||
            inputs.objectId === opts.graphServicePrincipalObjectId ||
            inputs.displayName === "Microsoft Graph"
          ) {
            return graphSp;
          }
          return fail(`getServicePrincipal: no service principal matches ${JSON.stringify(inputs)}`);
        case INVOKES.getApplicationPublishedAppIds:
          return {
            id: "appIds",
            result: { MicrosoftGraph: GRAPH_APP_ID, AzureActiveDirectoryGraph: "00000002-0000-0000-c000-000000000000" },
          };
        default:
          return fail(`unexpected invoke ${args.token}`);
      }
    },
  };

  return {
    mocks,
    resources,
    invokes,
    errors,
    options: opts,
    ofType: (type, prefix = "") => resources.filter((r) => r.custom && r.type === type && r.name.startsWith(prefix)),
    get(type, name) {
      const found = resources.find((r) => r.custom && r.type === type && r.name === name);
      if (found === undefined) throw new Error(`no ${type} named ${name} was registered`);
      return found;
    },
  };
}

/** What getServicePrincipal returns for Microsoft Graph in every tenant (object id aside). */
function graphServicePrincipal(opts: Required<AzureMocksOptions>): Record<string, unknown> {
  return {
    id: `/servicePrincipals/${opts.graphServicePrincipalObjectId}`,
    objectId: opts.graphServicePrincipalObjectId,
    clientId: GRAPH_APP_ID,
    displayName: "Microsoft Graph",
    accountEnabled: true,
    appRoleAssignmentRequired: false,
    applicationTenantId: "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
    appRoleIds: { ...GRAPH_APP_ROLE_IDS },
    oauth2PermissionScopeIds: { ...GRAPH_SCOPE_IDS },
    appRoles: Object.entries(GRAPH_APP_ROLE_IDS).map(([value, id]) => ({
      id,
      value,
      displayName: value,
      description: value,
      allowedMemberTypes: ["Application"],
      enabled: true,
    })),
    oauth2PermissionScopes: Object.entries(GRAPH_SCOPE_IDS).map(([value, id]) => ({
      id,
      value,
      adminConsentDisplayName: value,
      adminConsentDescription: value,
      type: value === "User.Read" || value === "openid" ? "User" : "Admin",
      enabled: true,
    })),
    servicePrincipalNames: [GRAPH_APP_ID, "https://graph.microsoft.com"],
    signInAudience: "AzureADMultipleOrgs",
    type: "Application",
    tags: [],
    featureTags: [],
    features: [],
  };
}
