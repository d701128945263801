/**
 * `AzureDcrAdminApp`: the Azure AD (Entra ID) application Konnect signs in as to register developer applications
 * (Konnect's "initial client"), with its Microsoft Graph permissions, admin consent as code and a rotating secret.
 */
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import {
  DEFAULT_GRAPH_PERMISSION_PRESET,
  MICROSOFT_GRAPH_APP_ID,
  resolveGraphPermissions,
  type GraphPermission,
  type GraphPermissionName,
  type GraphPermissionPreset,
} from "./graphPermissions";
import { planSecret } from "./secretSchedule";
import { adminConsentUrl, azureV1Issuer } from "./urls";

/** Arguments of {@link AzureDcrAdminApp}. Every argument is optional. */
export interface AzureDcrAdminAppArgs {
  /** Display name of the app registration. Default `Konnect DCR (<component name>)`. */
  displayName?: pulumi.Input<string>;
  /** Microsoft Graph permission preset. Default `leastPrivilege` (`Application.ReadWrite.OwnedBy` + `User.Read`). */
  graphPermissionPreset?: GraphPermissionPreset;
  /** Permissions added to the preset: names from `GRAPH_PERMISSIONS` or custom `{value, id, type}`. Default none. */
  graphPermissions?: readonly (GraphPermissionName | GraphPermission)[];
  /**
   * Grant admin consent as code: one app role assignment per application permission and one delegated grant for the
   * delegated ones. Needs a deployer allowed to consent to Microsoft Graph (Privileged Role Administrator, or the
   * `AppRoleAssignment.ReadWrite.All` and `DelegatedPermissionGrant.ReadWrite.All` app roles). With `false`, an admin
   * opens `adminConsentUrl` instead. Default `true`.
   */
  grantAdminConsent?: boolean;
  /** Extra owners (object ids) of the application and its service principal. The deployer is always an owner. */
  owners?: pulumi.Input<pulumi.Input<string>[]>;
  /** Fail when an application with the same display name already exists. Default `false`. */
  preventDuplicateNames?: pulumi.Input<boolean>;
  /** Display name of the client secret. Default `konnect-dcr`. */
  secretDisplayName?: pulumi.Input<string>;
  /** Days a client secret stays valid, counted from its rotation window start. Default 180. */
  secretLifetimeDays?: number;
  /** Rotation period in days: a new secret replaces the old one in the first `up` of each period. Default 90. */
  secretRotationDays?: number;
  /**
   * Explicit expiry of the client secret (RFC 3339, for example `2027-01-31T00:00:00Z`) instead of the periodic
   * schedule; exclusive with `secretLifetimeDays` and `secretRotationDays`. Changing it rotates the secret.
   */
  secretEndDate?: string;
  /** Any value; changing it rotates the secret now (for example after a leak). Default none. */
  secretRotationKey?: pulumi.Input<string>;
}

/**
 * The Azure AD application Konnect uses to register developer applications: single tenant, v1 access tokens, the
 * deployer as owner, Microsoft Graph permissions in a fixed order, admin consent as code (or a consent URL), and a
 * client secret with an explicit end date that rotates create-before-delete.
 *
 * Children: `Application`, `ServicePrincipal`, `ApplicationPassword`, and with consent one `AppRoleAssignment` per
 * application permission plus one `ServicePrincipalDelegatedPermissionGrant` when delegated permissions are requested.
 * Microsoft Graph's own service principal is looked up, never managed.
 */
export class AzureDcrAdminApp extends pulumi.ComponentResource {
  /** Directory (tenant) id of the deployer's tenant. */
  public readonly tenantId: pulumi.Output<string>;
  /** Application (client) id: Konnect's `initialClientId`. */
  public readonly clientId: pulumi.Output<string>;
  /**
   * Client secret value (a Pulumi secret): Konnect's `initialClientSecret`. It resolves once admin consent exists,
   * so whatever consumes it waits for consent.
   */
  public readonly clientSecret: pulumi.Output<string>;
  /** Object id of the application. */
  public readonly applicationObjectId: pulumi.Output<string>;
  /** Object id of the application's service principal. */
  public readonly servicePrincipalObjectId: pulumi.Output<string>;
  /** OAuth v1 issuer `https://sts.windows.net/<tenantId>` (no trailing slash), as Konnect expects. */
  public readonly issuer: pulumi.Output<string>;
  /** Expiry of the current client secret (RFC 3339). */
  public readonly secretEndDate: pulumi.Output<string>;
  /** URL where a tenant admin grants consent by hand: needed when `grantAdminConsent` is `false`. */
  public readonly adminConsentUrl: pulumi.Output<string>;
  /** The requested Microsoft Graph permissions, in the order sent to Azure. */
  public readonly graphPermissions: GraphPermission[];
  /** Whether consent is granted as code. */
  public readonly grantAdminConsent: boolean;
  /** The app registration. */
  public readonly application: azuread.Application;
  /** The application's service principal in the tenant. */
  public readonly servicePrincipal: azuread.ServicePrincipal;
  /** The client secret. */
  public readonly password: azuread.ApplicationPassword;
  /** Consent resources (role assignments, then the delegated grant); empty without `grantAdminConsent`. */
  public readonly consentResources: pulumi.CustomResource[];

  /**
   * @param name Component name; children are named `<name>-app`, `<name>-sp`, `<name>-secret`, `<name>-role-<value>`
   *   and `<name>-delegated-grant`.
   * @param args Optional settings.
   * @param opts Pulumi resource options (for example an explicit `azuread` provider).
   */
  constructor(name: string, args: AzureDcrAdminAppArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("pulumi-konnect-dcr:azure:AzureDcrAdminApp", name, {}, opts);
    const permissions = resolveGraphPermissions(
      args.graphPermissionPreset ?? DEFAULT_GRAPH_PERMISSION_PRESET,
      args.graphPermissions ?? [],
    );
    const secret = planSecret(args, Date.now());
    this.graphPermissions = permissions;
    this.grantAdminConsent = args.grantAdminConsent ?? true;

    const deployer = azuread.getClientConfigOutput({ parent: this });
    const owners = pulumi
      .all([deployer.objectId, pulumi.output(args.owners ?? [])])
      .apply(([self, extra]) => [...new Set([self, ...extra])]);

    this.application = new azuread.Application(
      `${name}-app`,
      {
        displayName: args.displayName ?? `Konnect DCR (${name})`,
        notes: "Kong Konnect Dev Portal DCR initial client, managed by Pulumi (pulumi-konnect-dcr).",
        signInAudience: "AzureADMyOrg",
        owners,
        preventDuplicateNames: args.preventDuplicateNames ?? false,
        api: { requestedAccessTokenVersion: 1 },
        requiredResourceAccesses:
          permissions.length === 0
            ? []
            : [
                {
                  resourceAppId: MICROSOFT_GRAPH_APP_ID,
                  resourceAccesses: permissions.map((p) => ({ id: p.id, type: p.type })),
                },
              ],
      },
      { parent: this },
    );

    this.servicePrincipal = new azuread.ServicePrincipal(
      `${name}-sp`,
      { clientId: this.application.clientId, owners },
      { parent: this },
    );

    this.consentResources = this.grantAdminConsent ? this.grantConsent(name, permissions) : [];

    this.password = new azuread.ApplicationPassword(
      `${name}-secret`,
      {
        applicationId: this.application.id,
        displayName: args.secretDisplayName ?? "konnect-dcr",
        endDate: secret.endDate,
        ...(secret.rotateWhenChanged === undefined ? {} : { rotateWhenChanged: secret.rotateWhenChanged }),
      },
      { parent: this },
    );

    this.tenantId = deployer.tenantId;
    this.clientId = this.application.clientId;
    this.applicationObjectId = this.application.objectId;
    this.servicePrincipalObjectId = this.servicePrincipal.objectId;
    this.issuer = azureV1Issuer(this.tenantId);
    this.adminConsentUrl = adminConsentUrl(this.tenantId, this.clientId);
    this.secretEndDate = this.password.endDate;
    const consentIds = pulumi.all(this.consentResources.map((r) => r.id));
    this.clientSecret = pulumi.secret(pulumi.all([this.password.value, consentIds]).apply(([value]) => value));

    this.registerOutputs({
      tenantId: this.tenantId,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      applicationObjectId: this.applicationObjectId,
      servicePrincipalObjectId: this.servicePrincipalObjectId,
      issuer: this.issuer,
      secretEndDate: this.secretEndDate,
      adminConsentUrl: this.adminConsentUrl,
    });
  }

  /** Admin consent: one app role assignment per application permission, one grant for all delegated scopes. */
  private grantConsent(name: string, permissions: GraphPermission[]): pulumi.CustomResource[] {
    const graph = azuread.getServicePrincipalOutput({ clientId: MICROSOFT_GRAPH_APP_ID }, { parent: this });
    const consent: pulumi.CustomResource[] = [];
    for (const permission of permissions.filter((p) => p.type === "Role")) {
      // The table's id must match the tenant's Graph app role: a mismatch means a wrong table entry, so stop.
      const appRoleId = graph.appRoleIds.apply((ids) => {
        const live = ids[permission.value];
        if (live !== undefined && live.toLowerCase() !== permission.id) {
          throw new Error(
            `graphPermissions: Microsoft Graph reports app role ${permission.value} as ${live}, not ${permission.id}`,
          );
        }
        return permission.id;
      });
      consent.push(
        new azuread.AppRoleAssignment(
          `${name}-role-${permission.value}`,
          { appRoleId, principalObjectId: this.servicePrincipal.objectId, resourceObjectId: graph.objectId },
          { parent: this },
        ),
      );
    }
    const scopes = permissions.filter((p) => p.type === "Scope").map((p) => p.value);
    if (scopes.length > 0) {
      consent.push(
        new azuread.ServicePrincipalDelegatedPermissionGrant(
          `${name}-delegated-grant`,
          {
            servicePrincipalObjectId: this.servicePrincipal.objectId,
            resourceServicePrincipalObjectId: graph.objectId,
            claimValues: scopes,
          },
          { parent: this },
        ),
      );
    }
    return consent;
  }
}
