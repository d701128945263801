/**
 * `AzureDcrTestClient`: an Azure AD (Entra ID) client application made by the stack for a Dev Portal test application
 * (Konnect links it with `dcr_client_id`), so the stack holds a working client secret and can make the first request
 * of Kong's guide itself. Konnect's management API never hands out the secret of a client it creates, hence this.
 */
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import { isGuid } from "./graphPermissions";
import { planSecret, type SecretScheduleSettings } from "./secretSchedule";

/** Arguments of {@link AzureDcrTestClient}. */
export interface AzureDcrTestClientArgs extends SecretScheduleSettings {
  /**
   * Object id (GUID) of the DCR admin app's **service principal** (`AzureDcrAdminApp.servicePrincipalObjectId`), made
   * an owner of the client: Konnect signs in as that app, and with `Application.ReadWrite.OwnedBy` (the
   * least-privilege preset) it reaches only applications it owns, so without this the link fails. Required. Changing
   * it updates the owners in place.
   */
  adminServicePrincipalObjectId: pulumi.Input<string>;
  /** Display name of the app registration. Default `Konnect DCR test client (<component name>)`. Changing it renames. */
  displayName?: pulumi.Input<string>;
  /** Extra owners (object ids) of the client and its service principal, besides the deployer and the admin SP. */
  owners?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The tenant the DCR provider's issuer names. The client is created in the deployer's tenant (the azuread
   * provider's); when this is given and differs, the registration fails with a message instead of Konnect refusing
   * the link later. Default: not checked.
   */
  tenantId?: pulumi.Input<string>;
  /** Display name of the client secret. Default `konnect-dcr-test`. Changing it rotates the secret. */
  secretDisplayName?: pulumi.Input<string>;
}

/**
 * The deployer's tenant when it is the expected one (GUIDs compared case-insensitively).
 * @throws naming both tenants otherwise: Konnect can only link a client of the DCR provider's own tenant.
 */
export function sameTenant(actual: string, expected: string): string {
  if (actual.toLowerCase() !== expected.toLowerCase()) {
    throw new Error(
      `tenantId: the DCR provider's issuer names tenant ${expected}, but the azuread provider deploys to ` +
        `tenant ${actual}; Konnect can only link a client of its own tenant`,
    );
  }
  return actual;
}

/**
 * A single-tenant client application with v1 access tokens, owned by the deployer and by the DCR admin app's service
 * principal, with its service principal and a client secret on the given rotation schedule (the admin secret's
 * schedule when the same settings are passed: both rotate in the same `up`).
 *
 * Children: `<name>-app` (Application), `<name>-sp` (ServicePrincipal), `<name>-secret` (ApplicationPassword).
 *
 * When Konnect deletes the linked client itself (Kong does not document whether it does for a `dcr_client_id`
 * application), azuread's delete of `<name>-app` fails with "Application was not found" (the provider reads the
 * application before deleting it): `pulumi refresh` drops it from the state, then the destroy finishes.
 */
export class AzureDcrTestClient extends pulumi.ComponentResource {
  /** Directory (tenant) id the client lives in (the deployer's). */
  public readonly tenantId: pulumi.Output<string>;
  /** Application (client) id: the Konnect application's `dcrClientId`. */
  public readonly clientId: pulumi.Output<string>;
  /** Client secret value (a Pulumi secret). */
  public readonly clientSecret: pulumi.Output<string>;
  /** Object id of the application. */
  public readonly applicationObjectId: pulumi.Output<string>;
  /** Object id of the client's service principal. */
  public readonly servicePrincipalObjectId: pulumi.Output<string>;
  /** Expiry of the current client secret (RFC 3339). */
  public readonly secretEndDate: pulumi.Output<string>;
  /** Owners of the application and its service principal: the deployer, the admin SP, then `owners`. */
  public readonly owners: pulumi.Output<string[]>;
  /** The app registration. */
  public readonly application: azuread.Application;
  /** The client's service principal. */
  public readonly servicePrincipal: azuread.ServicePrincipal;
  /** The client secret. */
  public readonly password: azuread.ApplicationPassword;

  /**
   * @param name Component name; children are `<name>-app`, `<name>-sp` and `<name>-secret`.
   * @param args Settings; `adminServicePrincipalObjectId` is required.
   * @param opts Pulumi resource options (for example an explicit `azuread` provider).
   */
  constructor(name: string, args: AzureDcrTestClientArgs, opts?: pulumi.ComponentResourceOptions) {
    super("pulumi-konnect-dcr:azure:AzureDcrTestClient", name, {}, opts);
    const admin = args.adminServicePrincipalObjectId as unknown;
    if (admin === undefined || admin === null || (typeof admin === "string" && !isGuid(admin))) {
      throw new Error(
        "adminServicePrincipalObjectId: must be the object id (a GUID) of the DCR admin app's service principal",
      );
    }
    const secret = planSecret(args, Date.now());
    const deployer = azuread.getClientConfigOutput({ parent: this });
    const tenantChecked =
      args.tenantId === undefined
        ? deployer.tenantId
        : pulumi.all([deployer.tenantId, args.tenantId]).apply(([actual, expected]) => sameTenant(actual, expected));
    // The tenant check rides on the owners, so a wrong tenant stops the application before it is created.
    this.owners = pulumi
      .all([deployer.objectId, args.adminServicePrincipalObjectId, pulumi.output(args.owners ?? []), tenantChecked])
      .apply(([self, adminSp, extra]) => [...new Set([self, adminSp, ...extra])]);

    this.application = new azuread.Application(
      `${name}-app`,
      {
        displayName: args.displayName ?? `Konnect DCR test client (${name})`,
        notes: "Kong Konnect Dev Portal DCR test application client, managed by Pulumi (pulumi-konnect-dcr).",
        signInAudience: "AzureADMyOrg",
        owners: this.owners,
        api: { requestedAccessTokenVersion: 1 },
      },
      { parent: this },
    );

    this.servicePrincipal = new azuread.ServicePrincipal(
      `${name}-sp`,
      { clientId: this.application.clientId, owners: this.owners },
      { parent: this },
    );

    this.password = new azuread.ApplicationPassword(
      `${name}-secret`,
      {
        applicationId: this.application.id,
        displayName: args.secretDisplayName ?? "konnect-dcr-test",
        endDate: secret.endDate,
        ...(secret.rotateWhenChanged === undefined ? {} : { rotateWhenChanged: secret.rotateWhenChanged }),
      },
      { parent: this },
    );

    this.tenantId = tenantChecked;
    this.clientId = this.application.clientId;
    this.applicationObjectId = this.application.objectId;
    this.servicePrincipalObjectId = this.servicePrincipal.objectId;
    this.secretEndDate = this.password.endDate;
    // The client secret resolves once the service principal exists: a token needs it.
    this.clientSecret = pulumi.secret(
      pulumi.all([this.password.value, this.servicePrincipal.objectId]).apply(([value]) => value),
    );

    this.registerOutputs({
      tenantId: this.tenantId,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      applicationObjectId: this.applicationObjectId,
      servicePrincipalObjectId: this.servicePrincipalObjectId,
      secretEndDate: this.secretEndDate,
      owners: this.owners,
    });
  }
}
