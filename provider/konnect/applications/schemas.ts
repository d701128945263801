/**
 * Portal applications on the wire (`/v3/portals/{portalId}/applications`) and in the client's camelCase model.
 * Requests are strict to Kong's contract (`CreateApplicationRequest`; `UpdateApplicationRequest` takes `owner` only;
 * both `additionalProperties: false`), built from the rows of `./fields.ts`; the owner is declared as `{ teamId }` or
 * `{ developerId }` and sent as `{ type, id }`. Responses are read tolerantly: both application shapes Kong defines
 * (client credentials, key auth) and any credential type added later, unknown fields dropped, null or empty values
 * absent. No response carries a client secret: Konnect's management API never returns one.
 */
import { z } from "zod";
import { wireNames } from "../fieldTable";
import type { PlainValue } from "../fieldTable";
import { cached, listPageSchema, mapped, toWireKeys, valueSchema } from "../schemas";
import { APPLICATION_FIELDS as F, type ApplicationOwnerType } from "./fields";

/** An application's owner as declared: `{ teamId }` or `{ developerId }`. */
export type ApplicationOwner = PlainValue<(typeof F)["owner"]["value"]>;

/** Body of `POST /v3/portals/{portalId}/applications` (camelCase). */
export interface CreateApplicationRequest {
  name: string;
  description?: string;
  labels?: Record<string, string>;
  authStrategyId: string;
  owner: ApplicationOwner;
  dcrClientId?: string;
  clientId?: string;
}

/** Body of `PATCH /v3/portals/{portalId}/applications/{applicationId}` (camelCase): the owner only (Kong's rule). */
export interface UpdateApplicationRequest {
  owner?: ApplicationOwner;
}

/** A portal application as Konnect reports it (camelCase; unknown fields dropped; never a secret). */
export interface PortalApplication {
  id: string;
  name: string;
  /** Absent when the application has none (Konnect sends null). */
  description?: string;
  /** Every label on the application, the creation label included (`{}` when none). */
  labels: Record<string, string>;
  /** The auth strategy it uses (`auth_strategy.id`). */
  authStrategyId?: string;
  /** `client_credentials` (DCR), `self_managed_client_credentials`, `key_auth`, or a type added later. */
  credentialType?: string;
  /** The owner as Konnect spells it (`{ type: "team" | "developer", id }`). */
  owner?: { type: string; id: string };
  /** The client id in the IdP (DCR: created or linked by Konnect; without DCR: the declared one). */
  clientId?: string;
  /** The DCR provider the application's client lives in (DCR applications only). */
  dcrProviderId?: string;
  /** Scopes granted to the application (absent when its type does not report them). */
  grantedScopes?: string[];
  /** Registrations of any status. */
  registrationCount: number;
  /** The portal (`portal.id`). */
  portalId?: string;
  createdAt: string;
  updatedAt: string;
}

/** Fields applications can be filtered on (wire names). */
export type ApplicationFilterField = "developer_id" | "name" | "team_id";

/** The wire form of a declared owner: `{ type, id }`. */
export function ownerToWire(owner: ApplicationOwner): { type: ApplicationOwnerType; id: string } {
  return owner.teamId !== undefined ? { type: "team", id: owner.teamId } : { type: "developer", id: owner.developerId };
}

/** The declared form of Konnect's owner, or undefined for an owner type this package does not know. */
export function ownerFromWire(owner: { type: string; id: string }): ApplicationOwner | undefined {
  if (owner.type === "team") return { teamId: owner.id };
  if (owner.type === "developer") return { developerId: owner.id };
  return undefined;
}

const BODY_NAMES = (() => {
  const { owner: _owner, ...rest } = wireNames(F);
  return rest;
})();

/** Strict create request: camelCase in, Konnect's wire body out. */
export function createApplicationRequestSchema() {
  return cached("createApplicationRequestSchema", () =>
    z
      .strictObject({
        name: valueSchema(F.name.value),
        description: valueSchema(F.description.value).optional(),
        labels: valueSchema(F.labels.value).optional(),
        authStrategyId: valueSchema(F.authStrategyId.value),
        owner: valueSchema(F.owner.value),
        dcrClientId: valueSchema(F.dcrClientId.value).optional(),
        clientId: valueSchema(F.clientId.value).optional(),
      })
      .transform((request) => ({ ...toWireKeys(request, BODY_NAMES), owner: ownerToWire(request.owner) })),
  );
}

/** Strict update request (the owner only): camelCase in, Konnect's wire body out. */
export function updateApplicationRequestSchema() {
  return cached("updateApplicationRequestSchema", () =>
    z
      .strictObject({ owner: valueSchema(F.owner.value).optional() })
      .transform((request) => (request.owner === undefined ? {} : { owner: ownerToWire(request.owner) })),
  );
}

/** Tolerant reader of one application (`Application`: either shape, any credential type). */
export function applicationResponseSchema() {
  return cached("applicationResponseSchema", () =>
    mapped(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.string().nullable().optional(),
        labels: z.record(z.string(), z.string().nullable()).nullable().optional(),
        client_id: z.string().nullable().optional(),
        registration_count: z.number().optional(),
        dcr_provider: z.object({ id: z.string() }).nullable().optional(),
        portal: z.object({ id: z.string() }).optional(),
        auth_strategy: z.object({ id: z.string(), credential_type: z.string().optional() }).nullable().optional(),
        granted_scopes: z.array(z.string()).nullable().optional(),
        owner: z.object({ type: z.string(), id: z.string() }).nullable().optional(),
        created_at: z.string(),
        updated_at: z.string(),
      }),
      (wire): PortalApplication => {
        const labels = Object.fromEntries(
          Object.entries(wire.labels ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
        );
        const application: PortalApplication = {
          id: wire.id,
          name: wire.name,
          labels,
          registrationCount: wire.registration_count ?? 0,
          createdAt: wire.created_at,
          updatedAt: wire.updated_at,
        };
        if (typeof wire.description === "string") application.description = wire.description;
        if (wire.auth_strategy) {
          application.authStrategyId = wire.auth_strategy.id;
          if (wire.auth_strategy.credential_type !== undefined) {
            application.credentialType = wire.auth_strategy.credential_type;
          }
        }
        if (wire.owner) application.owner = { type: wire.owner.type, id: wire.owner.id };
        // An empty client id is none (Konnect's key-auth and unlinked shapes).
        if (typeof wire.client_id === "string" && wire.client_id !== "") application.clientId = wire.client_id;
        if (wire.dcr_provider) application.dcrProviderId = wire.dcr_provider.id;
        if (Array.isArray(wire.granted_scopes)) application.grantedScopes = [...wire.granted_scopes];
        if (wire.portal) application.portalId = wire.portal.id;
        return application;
      },
    ),
  );
}

/** Tolerant reader of one page of `GET /v3/portals/{portalId}/applications`. */
export function applicationListSchema() {
  return listPageSchema("application", applicationResponseSchema);
}
