/**
 * pulumi-konnect-dcr: Kong Konnect Dev Portal Dynamic Client Registration as Pulumi resources. The program side
 * only: loading this module loads neither the Konnect client nor axios nor zod (the serialized providers load them at
 * call time through `pulumi-konnect-dcr/runtime`).
 *
 * - `DcrProvider` and `AuthStrategy`: dynamic resources for `/v2/dcr-providers` and `/v2/application-auth-strategies`.
 * - `ApiPublication` and `PortalDefaultAuthStrategy`: an API published to a Dev Portal with a strategy, and a portal's
 *   default strategy (`/v3/apis/{apiId}/publications/{portalId}`, `/v3/portals/{portalId}`).
 * - `PortalTeam`, `PortalApplication` and `ApplicationRegistration`: a Dev Portal's developer team, an application
 *   owned by a team or a developer (linked to an existing IdP client with `dcrClientId`), and its registration for an
 *   API (`/v3/portals/{portalId}/teams`, `.../applications`, `.../applications/{applicationId}/registrations`).
 * - `DcrRequestCheck`: a first successful request (an Azure v1 token, its claims, the gateway route) inside `pulumi up`;
 *   it talks to no Konnect API.
 * - `AzureDcrAdminApp`: the Azure AD (Entra ID) application Konnect uses to register developer apps.
 * - `AzureKonnectDcr`: the whole Azure DCR flow in one component.
 * - `providers`: the underlying `pulumi.dynamic.ResourceProvider` objects, usable directly with plain values.
 */
import { apiPublicationProvider } from "./resources/apiPublication/resource";
import { applicationRegistrationProvider } from "./resources/applicationRegistration/resource";
import { authStrategyProvider } from "./resources/authStrategy/resource";
import { dcrProviderProvider } from "./resources/dcrProvider/resource";
import { portalApplicationProvider } from "./resources/portalApplication/resource";
import { dcrRequestCheckProvider } from "./resources/dcrRequestCheck/resource";
import { portalDefaultAuthStrategyProvider } from "./resources/portalDefaultAuthStrategy/resource";
import { portalTeamProvider } from "./resources/portalTeam/resource";

export { AUTH_STRATEGY_TYPES, type AuthStrategyType } from "./konnect/authStrategies/fields";
export { DCR_PROVIDER_TYPES, type DcrProviderType } from "./konnect/dcrProviders/fields";
export { REGIONS as KONNECT_REGIONS } from "./konnect/regions";
export type { KonnectRegion, Labels } from "./resources/core/types";

export { DcrProvider } from "./resources/dcrProvider/resource";
export type * from "./resources/dcrProvider/args";
export { AuthStrategy } from "./resources/authStrategy/resource";
export type * from "./resources/authStrategy/args";
export { ApiPublication } from "./resources/apiPublication/resource";
export type * from "./resources/apiPublication/args";
export { PortalDefaultAuthStrategy } from "./resources/portalDefaultAuthStrategy/resource";
export type * from "./resources/portalDefaultAuthStrategy/args";
export { PortalTeam } from "./resources/portalTeam/resource";
export type * from "./resources/portalTeam/args";
export { PortalApplication } from "./resources/portalApplication/resource";
export type * from "./resources/portalApplication/args";
export { ApplicationRegistration } from "./resources/applicationRegistration/resource";
export type * from "./resources/applicationRegistration/args";
export { DcrRequestCheck } from "./resources/dcrRequestCheck/resource";
export type * from "./resources/dcrRequestCheck/args";
export * from "./azure";
export * from "./components";

/** The dynamic resource providers themselves (check, diff, create, read, update, delete with plain values). */
export const providers = {
  dcrProvider: dcrProviderProvider,
  authStrategy: authStrategyProvider,
  apiPublication: apiPublicationProvider,
  portalDefaultAuthStrategy: portalDefaultAuthStrategyProvider,
  portalTeam: portalTeamProvider,
  portalApplication: portalApplicationProvider,
  applicationRegistration: applicationRegistrationProvider,
  dcrRequestCheck: dcrRequestCheckProvider,
};
