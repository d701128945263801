/**
 * pulumi-konnect-dcr: Kong Konnect Dev Portal Dynamic Client Registration as Pulumi resources.
 *
 * - `DcrProvider` and `AuthStrategy`: dynamic resources for `/v2/dcr-providers` and `/v2/application-auth-strategies`.
 * - `AzureDcrAdminApp`: the Azure AD (Entra ID) application Konnect uses to register developer apps.
 * - `AzureKonnectDcr`: the whole Azure DCR flow in one component.
 * - `providers`: the underlying `pulumi.dynamic.ResourceProvider` objects, usable directly with plain values.
 */
import { authStrategyProvider } from "./resources/authStrategy";
import { dcrProviderProvider } from "./resources/dcrProvider";

export * from "./resources/args";
export { AuthStrategy } from "./resources/authStrategy";
export { DcrProvider } from "./resources/dcrProvider";
export * from "./azure";
export * from "./components";

/** The dynamic resource providers themselves (check, diff, create, read, update, delete with plain values). */
export const providers = {
  dcrProvider: dcrProviderProvider,
  authStrategy: authStrategyProvider,
};

// Dev Portal resources (issue 14); `providers.apiPublication` / `providers.portalDefaultAuthStrategy` join `providers`
// when the handler factory serves them.
export { ApiPublication } from "./resources/apiPublication";
export { PortalDefaultAuthStrategy } from "./resources/portalDefaultAuthStrategy";
export type * from "./resources/apiPublicationArgs";
export type * from "./resources/portalDefaultArgs";
