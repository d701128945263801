/**
 * The field table of a Dev Portal's applications (`/v3/portals/{portalId}/applications`, rows in the one format of
 * `../fieldTable.ts`): the portal that holds the application (a path parameter) and the body fields of
 * `CreateApplicationRequest`. Kong's `UpdateApplicationRequest` takes `owner` only, so every other field replaces the
 * application. Plain data (no zod).
 */
import type { FieldTable } from "../fieldTable";

/** Owner types, as Konnect spells them (`owner.type`). */
export const APPLICATION_OWNER_TYPES = ["team", "developer"] as const;
/** The type of an application's owner. */
export type ApplicationOwnerType = (typeof APPLICATION_OWNER_TYPES)[number];

/** The owner of an application: a team or a developer of the portal (exactly one). On the wire `{ type, id }`. */
export const OWNER_FIELDS = {
  /**
   * Id (UUID) of the portal team that owns the application (the team needs `canOwnApplications: true`). Set this or
   * `developerId`. Changing it updates the application in place (one PATCH).
   */
  teamId: { value: { kind: "id" }, effect: "update" },
  /**
   * Id (UUID) of the portal developer who owns the application. Set this or `teamId`. Changing it updates the
   * application in place (one PATCH).
   */
  developerId: { value: { kind: "id" }, effect: "update" },
} as const satisfies FieldTable;

/** The fields of a portal application. */
export const APPLICATION_FIELDS = {
  /**
   * Id (UUID) of the Dev Portal the application belongs to; the portal is managed elsewhere. Changing it replaces the
   * application.
   */
  portalId: {
    value: { kind: "id" },
    required: "required: the id (UUID) of the portal the application belongs to",
    effect: "replace",
  },
  /** Name of the application (1-255 characters). Konnect cannot rename an application: changing it replaces it. */
  name: {
    wire: "name",
    value: { kind: "text", max: 255, name: true },
    required: "required: the application's name (1-255 characters)",
    effect: "replace",
  },
  /** Description (at most 255 characters). Default: none. Konnect cannot change it: changing it replaces the application. */
  description: { wire: "description", value: { kind: "text", max: 255, min: 0 }, effect: "replace" },
  /**
   * Labels on the application (at most 49; Konnect's label rules). Only declared keys are compared: labels set outside
   * Pulumi are kept. Konnect sets labels only at create: changing them replaces the application.
   */
  labels: { wire: "labels", value: { kind: "labels" }, effect: "replace" },
  /**
   * Id (UUID) of the auth strategy the application uses for the APIs it registers for: a DCR strategy (Konnect then
   * creates the IdP client, or links `dcrClientId`), an OpenID Connect strategy without DCR (with `clientId`) or a
   * key-auth strategy. Changing it replaces the application.
   */
  authStrategyId: {
    wire: "auth_strategy_id",
    value: { kind: "id" },
    required: "required: the id (UUID) of the auth strategy the application uses",
    effect: "replace",
  },
  /**
   * Who owns the application: `{ teamId }` (a team that can own applications) or `{ developerId }`, exactly one.
   * Changing it updates the application in place (one PATCH, the only change Konnect allows).
   */
  owner: {
    wire: "owner",
    value: { kind: "object", fields: OWNER_FIELDS, exactlyOne: true },
    required: "required: the owner, { teamId } or { developerId }",
    effect: "update",
  },
  /**
   * DCR strategies only: the client id of an existing IdP application to link, instead of having Konnect create a new
   * client (1-255 characters). For Azure AD it must resolve to an Entra application the DCR provider's credentials can
   * reach (with `Application.ReadWrite.OwnedBy`, one the DCR admin app owns). Default: Konnect creates the client.
   * Changing it replaces the application.
   */
  dcrClientId: { wire: "dcr_client_id", value: { kind: "text", max: 255 }, effect: "replace" },
  /**
   * OpenID Connect strategies without DCR only: the client id that maps tokens to this application (1-255
   * characters). Not with DCR (Konnect's rule). Changing it replaces the application; removing it keeps the
   * application as it is.
   */
  clientId: { wire: "client_id", value: { kind: "text", max: 255 }, effect: "replace" },
} as const satisfies FieldTable;
