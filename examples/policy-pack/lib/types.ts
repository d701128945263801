/**
 * Type tokens and well-known Azure identifiers the rules look for. GUIDs from the Microsoft Graph permissions
 * reference (https://learn.microsoft.com/en-us/graph/permissions-reference).
 */

/** Konnect DCR provider (dynamic resource of pulumi-konnect-dcr). */
export const DCR_PROVIDER_TYPE = "pulumi-nodejs:dynamic/konnect:DcrProvider";
/** Konnect application auth strategy (dynamic resource of pulumi-konnect-dcr). */
export const AUTH_STRATEGY_TYPE = "pulumi-nodejs:dynamic/konnect:AuthStrategy";
/** Konnect API publication to a Dev Portal (dynamic resource of pulumi-konnect-dcr). */
export const API_PUBLICATION_TYPE = "pulumi-nodejs:dynamic/konnect:ApiPublication";
/** A Dev Portal's default application auth strategy (dynamic resource of pulumi-konnect-dcr). */
export const PORTAL_DEFAULT_AUTH_STRATEGY_TYPE = "pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy";
/** A Dev Portal application (dynamic resource of pulumi-konnect-dcr). */
export const PORTAL_APPLICATION_TYPE = "pulumi-nodejs:dynamic/konnect:PortalApplication";
/** Azure AD application registration. */
export const APPLICATION_TYPE = "azuread:index/application:Application";
/** Azure AD service principal (an application's identity in the tenant; what `owners` lists). */
export const SERVICE_PRINCIPAL_TYPE = "azuread:index/servicePrincipal:ServicePrincipal";
/** Azure AD application client secret. */
export const APPLICATION_PASSWORD_TYPE = "azuread:index/applicationPassword:ApplicationPassword";

/** Microsoft Graph's application id (`resourceAppId`). */
export const MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

/** Microsoft Graph permissions the rules know by id. `type` is `Role` (application) or `Scope` (delegated). */
export const GRAPH_PERMISSIONS = {
  applicationReadAllRole: { id: "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30", name: "Application.Read.All", type: "Role" },
  applicationReadWriteAllRole: {
    id: "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
    name: "Application.ReadWrite.All",
    type: "Role",
  },
  applicationReadWriteOwnedByRole: {
    id: "18a4783c-866b-4cc7-a460-3d5e5662c884",
    name: "Application.ReadWrite.OwnedBy",
    type: "Role",
  },
  applicationReadAllScope: { id: "c79f8feb-a9db-4090-85f9-90d820caa0eb", name: "Application.Read.All", type: "Scope" },
  applicationReadWriteAllScope: {
    id: "bdfbf15f-ee85-4955-8675-146e8e5296b5",
    name: "Application.ReadWrite.All",
    type: "Scope",
  },
} as const;

/** Konnect provider type for Azure AD / Entra ID. */
export const AZURE_PROVIDER_TYPE = "azureAd";
