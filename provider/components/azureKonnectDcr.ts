/**
 * `AzureKonnectDcr`: the whole Azure AD (Entra ID) Dynamic Client Registration flow in one component:
 * Azure admin application → Konnect DCR provider → Konnect OpenID Connect auth strategy → API publications and portal
 * defaults in the Dev Portal.
 */
import * as pulumi from "@pulumi/pulumi";
import { AzureDcrAdminApp, type AzureDcrAdminAppArgs } from "../azure/dcrAdminApp";
import { isGuid } from "../azure/graphPermissions";
import type { SecretScheduleSettings } from "../azure/secretSchedule";
import { adminConsentUrl, azureV1Issuer } from "../azure/urls";
import type { KonnectRegion } from "../resources/core/types";
import type { ApiPublication } from "../resources/apiPublication/resource";
import { AuthStrategy } from "../resources/authStrategy/resource";
import { DcrProvider } from "../resources/dcrProvider/resource";
import type { PortalDefaultAuthStrategy } from "../resources/portalDefaultAuthStrategy/resource";
import type { ApplicationRegistration } from "../resources/applicationRegistration/resource";
import type { DcrRequestCheck } from "../resources/dcrRequestCheck/resource";
import type { PortalApplication } from "../resources/portalApplication/resource";
import type { PortalTeam } from "../resources/portalTeam/resource";
import type { AzureDcrTestClient } from "../azure/testClientApp";
import { createDevPortalChildren, planDevPortalChildren, type AzureKonnectDcrPublication } from "./devPortal";
import { konnectLabels } from "./labels";
import { createTestApplication } from "./testApplication";
import { planTestApplication, type AzureKonnectDcrTestApplication } from "./testApplicationPlan";

/** Scopes of the auth strategy unless given. */
export const DEFAULT_SCOPES: readonly string[] = ["openid"];
/** Auth methods of the auth strategy unless given (Kong's Azure DCR guide). */
export const DEFAULT_AUTH_METHODS: readonly string[] = ["client_credentials", "bearer", "session"];
/** Claim that identifies the client in Azure v1 access tokens. */
export const DEFAULT_CREDENTIAL_CLAIM: readonly string[] = ["appid"];
/** Dev Portal display name of the auth strategy unless given. */
export const DEFAULT_AUTH_STRATEGY_DISPLAY_NAME = "Microsoft Entra ID";

/** An Azure AD application that already exists (bring your own): Konnect signs in with it. */
export interface ExistingAzureApplication {
  /** Directory (tenant) id, a GUID. */
  tenantId: pulumi.Input<string>;
  /** Application (client) id, a GUID. */
  clientId: pulumi.Input<string>;
  /** A client secret of the application (stored as a Pulumi secret). */
  clientSecret: pulumi.Input<string>;
}

/** Settings of the Azure application the component creates; all ignored (and rejected) with `existingApplication`. */
type CreatedAppArgs = Omit<AzureDcrAdminAppArgs, "displayName">;

/** Arguments of {@link AzureKonnectDcr}. Every argument is optional. */
export interface AzureKonnectDcrArgs extends CreatedAppArgs {
  /** Display name of the created app registration. Default `Konnect DCR (<component name>)`. */
  applicationDisplayName?: pulumi.Input<string>;
  /**
   * Use this application instead of creating one (no Azure resources are created; permissions and consent are
   * yours). Cannot be combined with the arguments of the created application.
   */
  existingApplication?: ExistingAzureApplication;
  /** Konnect name of the DCR provider. Default: the component name. */
  dcrProviderName?: pulumi.Input<string>;
  /** Dev Portal display name of the DCR provider. Default: none (Konnect shows the name). */
  dcrProviderDisplayName?: pulumi.Input<string>;
  /** Konnect name of the auth strategy. Default: the component name. */
  authStrategyName?: pulumi.Input<string>;
  /** Dev Portal display name of the auth strategy. Default `Microsoft Entra ID`. */
  authStrategyDisplayName?: pulumi.Input<string>;
  /** Auth strategy scopes. Default `["openid"]`. */
  scopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Auth strategy auth methods. Default `["client_credentials", "bearer", "session"]`. */
  authMethods?: pulumi.Input<pulumi.Input<string>[]>;
  /** Claims that identify the client. Default `["appid"]` (Azure v1 tokens; Konnect supports v1 only). */
  credentialClaim?: pulumi.Input<pulumi.Input<string>[]>;
  /** Extra OpenID Connect plugin settings for the auth strategy, for example `{ cache_tokens: false }`. */
  additionalOidcProperties?: pulumi.Input<Record<string, unknown>>;
  /**
   * Labels on both Konnect objects, merged over `{"managed-by": "pulumi"}`. Keys must not start with `kong`,
   * `konnect`, `mesh`, `kic` or `_`.
   */
  labels?: Record<string, pulumi.Input<string>>;
  /** Konnect region of both objects. Default: `konnect:region` / `KONNECT_REGION` (the provider's configuration). */
  region?: pulumi.Input<KonnectRegion>;
  /** Call Konnect's DCR provider `/verify` after create and update. Default: off. */
  verify?: pulumi.Input<boolean>;
  /**
   * APIs to publish to Dev Portals with this component's auth strategy (`PUT /v3/apis/{apiId}/publications/{portalId}`
   * with `auth_strategy_ids: [strategy]`). The APIs and portals exist already (same region). Ids are plain strings:
   * they name the children, so reordering the list changes nothing. Default: none.
   */
  publications?: AzureKonnectDcrPublication[];
  /**
   * Portal ids (plain strings) whose default application auth strategy becomes this component's strategy; the
   * previous default comes back when the component is destroyed (unless someone changed it since). Default: none.
   */
  defaultForPortals?: string[];
  /**
   * A Dev Portal application the stack makes to prove DCR works: an Azure client owned by the DCR admin app's service
   * principal (secret on the admin secret's schedule), a team that owns the application (unless `owner` is given),
   * the application linked to the client (`dcrClientId`) with this component's strategy, an approved registration
   * per API, and a request check (a v1 token, then `route`) that fails the `up` when DCR does not work. Removing it
   * deletes them all (the check first, the team last). Default: none.
   */
  testApplication?: AzureKonnectDcrTestApplication;
}

const CREATED_APP_KEYS = [
  "applicationDisplayName",
  "graphPermissionPreset",
  "graphPermissions",
  "grantAdminConsent",
  "owners",
  "preventDuplicateNames",
  "secretDisplayName",
  "secretLifetimeDays",
  "secretRotationDays",
  "secretEndDate",
  "secretRotationKey",
] as const satisfies readonly (keyof AzureKonnectDcrArgs)[];

/** The Azure side as the Konnect side needs it, created or brought. */
interface AzureSide {
  tenantId: pulumi.Output<string>;
  clientId: pulumi.Output<string>;
  clientSecret: pulumi.Output<string>;
  issuer: pulumi.Output<string>;
  adminConsentUrl: pulumi.Output<string>;
  consentResources: pulumi.Resource[];
}

function existingSide(app: ExistingAzureApplication, args: AzureKonnectDcrArgs): AzureSide {
  const conflicting = CREATED_APP_KEYS.filter((k) => args[k] !== undefined);
  if (conflicting.length > 0) {
    throw new Error(`existingApplication: cannot be combined with ${conflicting.join(", ")}`);
  }
  for (const key of ["tenantId", "clientId"] as const) {
    const value = app[key];
    if (typeof value === "string" && !isGuid(value)) throw new Error(`existingApplication.${key}: must be a GUID`);
  }
  const tenantId = pulumi.output(app.tenantId);
  const clientId = pulumi.output(app.clientId);
  return {
    tenantId,
    clientId,
    clientSecret: pulumi.secret(app.clientSecret),
    issuer: azureV1Issuer(tenantId),
    adminConsentUrl: adminConsentUrl(tenantId, clientId),
    consentResources: [],
  };
}

/**
 * Kong Konnect Dev Portal DCR with Azure AD in one call: an {@link AzureDcrAdminApp} (or an existing application),
 * a Konnect DCR provider of type `azureAd` with the v1 issuer and the app's client id and secret, and an
 * `openid_connect` auth strategy linked to it (credential claim `appid`). The Konnect objects wait for admin consent.
 * Rotating the Azure secret updates the DCR provider in place in the same `pulumi up`.
 */
export class AzureKonnectDcr extends pulumi.ComponentResource {
  /** Directory (tenant) id. */
  public readonly tenantId: pulumi.Output<string>;
  /** Application (client) id Konnect signs in with. */
  public readonly clientId: pulumi.Output<string>;
  /** Client secret Konnect signs in with (a Pulumi secret). */
  public readonly clientSecret: pulumi.Output<string>;
  /** Object id of the created application; undefined with `existingApplication`. */
  public readonly applicationObjectId: pulumi.Output<string | undefined>;
  /** Object id of the created application's service principal; undefined with `existingApplication`. */
  public readonly servicePrincipalObjectId: pulumi.Output<string | undefined>;
  /** OAuth v1 issuer `https://sts.windows.net/<tenantId>`, used by both Konnect objects. */
  public readonly issuer: pulumi.Output<string>;
  /** Expiry of the created client secret; undefined with `existingApplication`. */
  public readonly secretEndDate: pulumi.Output<string | undefined>;
  /** Where a tenant admin grants consent by hand (needed with `grantAdminConsent: false` or an existing app). */
  public readonly adminConsentUrl: pulumi.Output<string>;
  /** Konnect id of the DCR provider. */
  public readonly dcrProviderId: pulumi.Output<string>;
  /** Konnect id of the auth strategy: what an API publication's `auth_strategy_ids` takes. */
  public readonly authStrategyId: pulumi.Output<string>;
  /** The created Azure application; undefined with `existingApplication`. */
  public readonly adminApp: AzureDcrAdminApp | undefined;
  /** The Konnect DCR provider. */
  public readonly dcrProvider: DcrProvider;
  /** The Konnect auth strategy. */
  public readonly authStrategy: AuthStrategy;
  /** The API publications, in the order of `publications`. */
  public readonly publications: ApiPublication[];
  /** The portal defaults, in the order of `defaultForPortals`. */
  public readonly portalDefaults: PortalDefaultAuthStrategy[];
  /** Resource ids (`<apiId>/<portalId>`) of the API publications. */
  public readonly publicationIds: pulumi.Output<string[]>;
  /** Konnect id of the test application; undefined without `testApplication`. */
  public readonly testApplicationId: pulumi.Output<string | undefined>;
  /** Client id of the test application's Azure client; undefined without `testApplication`. */
  public readonly testClientId: pulumi.Output<string | undefined>;
  /** Client secret of the test application's Azure client (a Pulumi secret); undefined without `testApplication`. */
  public readonly testClientSecret: pulumi.Output<string | undefined>;
  /** The test application's Azure client; undefined without `testApplication`. */
  public readonly testClient: AzureDcrTestClient | undefined;
  /** The team that owns the test application; undefined without `testApplication` or with its `owner`. */
  public readonly testTeam: PortalTeam | undefined;
  /** The test application; undefined without `testApplication`. */
  public readonly testApplication: PortalApplication | undefined;
  /** The test application's registrations, in the order of its API ids. */
  public readonly testRegistrations: ApplicationRegistration[];
  /** The request check; undefined without `testApplication`. */
  public readonly testCheck: DcrRequestCheck | undefined;

  /**
   * @param name Component name; children are `<name>-azure` (an AzureDcrAdminApp), `<name>-dcr-provider`,
   *   `<name>-auth-strategy`, `<name>-publication-<apiId>-<portalId>` per publication and
   *   `<name>-portal-default-<portalId>` per portal default; with `testApplication`, `<name>-test-client` (an
   *   AzureDcrTestClient), `<name>-test-team`, `<name>-test-application`, `<name>-test-registration-<apiId>` per API and
   *   `<name>-test-check`. Also the default Konnect name of both Konnect objects.
   * @param args Optional settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: AzureKonnectDcrArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("pulumi-konnect-dcr:index:AzureKonnectDcr", name, {}, opts);
    const labels = konnectLabels(args.labels);
    const devPortalPlan = planDevPortalChildren(name, args);
    const testPlan =
      args.testApplication === undefined
        ? undefined
        : planTestApplication(name, args.testApplication, {
            publications: devPortalPlan.publications,
            existingApplication: args.existingApplication !== undefined,
          });

    let azure: AzureSide;
    if (args.existingApplication !== undefined) {
      azure = existingSide(args.existingApplication, args);
      this.adminApp = undefined;
    } else {
      const { applicationDisplayName, ...appArgs } = pickCreatedAppArgs(args);
      this.adminApp = new AzureDcrAdminApp(
        `${name}-azure`,
        { ...appArgs, ...(applicationDisplayName === undefined ? {} : { displayName: applicationDisplayName }) },
        { parent: this },
      );
      azure = this.adminApp;
    }
    const waitForConsent = { parent: this, dependsOn: azure.consentResources };

    this.dcrProvider = new DcrProvider(
      `${name}-dcr-provider`,
      {
        name: args.dcrProviderName ?? name,
        ...(args.dcrProviderDisplayName === undefined ? {} : { displayName: args.dcrProviderDisplayName }),
        providerType: "azureAd",
        issuer: azure.issuer,
        labels: { ...labels },
        dcrConfig: { initialClientId: azure.clientId, initialClientSecret: azure.clientSecret },
        ...(args.verify === undefined ? {} : { verify: args.verify }),
        ...(args.region === undefined ? {} : { region: args.region }),
      },
      { ...waitForConsent },
    );

    this.authStrategy = new AuthStrategy(
      `${name}-auth-strategy`,
      {
        name: args.authStrategyName ?? name,
        displayName: args.authStrategyDisplayName ?? DEFAULT_AUTH_STRATEGY_DISPLAY_NAME,
        strategyType: "openid_connect",
        openidConnect: {
          issuer: azure.issuer,
          credentialClaim: args.credentialClaim ?? [...DEFAULT_CREDENTIAL_CLAIM],
          scopes: args.scopes ?? [...DEFAULT_SCOPES],
          authMethods: args.authMethods ?? [...DEFAULT_AUTH_METHODS],
          ...(args.additionalOidcProperties === undefined
            ? {}
            : { additionalProperties: args.additionalOidcProperties }),
        },
        dcrProviderId: this.dcrProvider.id,
        labels: { ...labels },
        ...(args.region === undefined ? {} : { region: args.region }),
      },
      { ...waitForConsent },
    );

    const devPortal = createDevPortalChildren(devPortalPlan, this.authStrategy, args.region, this);
    this.publications = devPortal.publications;
    this.portalDefaults = devPortal.portalDefaults;
    this.publicationIds = pulumi.all(this.publications.map((p) => p.id));

    const test =
      testPlan === undefined
        ? undefined
        : createTestApplication(testPlan, {
            strategy: this.authStrategy,
            publications: new Map(devPortalPlan.publications.map((p, i) => [p.name, this.publications[i]!])),
            portalDefaults: this.portalDefaults,
            adminServicePrincipalObjectId:
              this.adminApp?.servicePrincipalObjectId ?? testPlan.entry.adminServicePrincipalObjectId!,
            tenantId: azure.tenantId,
            secretSchedule: pickSecretSchedule(args),
            labels,
            region: args.region,
            parent: this,
            component: name,
          });
    this.testClient = test?.client;
    this.testTeam = test?.team;
    this.testApplication = test?.application;
    this.testRegistrations = test?.registrations ?? [];
    this.testCheck = test?.check;
    this.testApplicationId = pulumi.output(test?.application.id);
    this.testClientId = pulumi.output(test?.client.clientId);
    // Resolves once the check passed: a consumer of the secret gets one that works.
    this.testClientSecret =
      test === undefined
        ? pulumi.output(undefined)
        : pulumi.secret(pulumi.all([test.client.clientSecret, test.check.id]).apply(([secret]) => secret));

    this.tenantId = azure.tenantId;
    this.clientId = azure.clientId;
    this.clientSecret = azure.clientSecret;
    this.issuer = azure.issuer;
    this.adminConsentUrl = azure.adminConsentUrl;
    this.applicationObjectId = pulumi.output(this.adminApp?.applicationObjectId);
    this.servicePrincipalObjectId = pulumi.output(this.adminApp?.servicePrincipalObjectId);
    this.secretEndDate = pulumi.output(this.adminApp?.secretEndDate);
    this.dcrProviderId = this.dcrProvider.id;
    this.authStrategyId = this.authStrategy.id;

    this.registerOutputs({
      tenantId: this.tenantId,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      applicationObjectId: this.applicationObjectId,
      servicePrincipalObjectId: this.servicePrincipalObjectId,
      issuer: this.issuer,
      secretEndDate: this.secretEndDate,
      adminConsentUrl: this.adminConsentUrl,
      dcrProviderId: this.dcrProviderId,
      authStrategyId: this.authStrategyId,
      publicationIds: this.publicationIds,
      testApplicationId: this.testApplicationId,
      testClientId: this.testClientId,
      testClientSecret: this.testClientSecret,
    });
  }
}

/** The secret schedule settings that were given (the test client's secret follows the admin secret's schedule). */
function pickSecretSchedule(args: AzureKonnectDcrArgs): SecretScheduleSettings {
  return {
    ...(args.secretLifetimeDays === undefined ? {} : { secretLifetimeDays: args.secretLifetimeDays }),
    ...(args.secretRotationDays === undefined ? {} : { secretRotationDays: args.secretRotationDays }),
    ...(args.secretEndDate === undefined ? {} : { secretEndDate: args.secretEndDate }),
    ...(args.secretRotationKey === undefined ? {} : { secretRotationKey: args.secretRotationKey }),
  };
}

/** The created-application arguments that were given (undefined ones dropped). */
function pickCreatedAppArgs(
  args: AzureKonnectDcrArgs,
): CreatedAppArgs & { applicationDisplayName?: pulumi.Input<string> } {
  const picked: Record<string, unknown> = {};
  for (const key of CREATED_APP_KEYS) if (args[key] !== undefined) picked[key] = args[key];
  return picked;
}
