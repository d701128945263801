/**
 * Portal applications on the wire (`/v3/portals/{portalId}/applications`) and in the client's camelCase model.
 * Requests are strict to Kong's contract (`CreateApplicationRequest`; `UpdateApplicationRequest` takes `owner` only;
 * both `additionalProperties: false`), built from the rows of `./fields.ts`; the owner is declared as `{ teamId }` or
 * `{ developerId }` and sent as `{ type, id }`. Responses are read tolerantly: both application shapes Kong defines
 * (client credentials, key auth) and any credential type added later, unknown fields dropped, null or empty values
 * absent. No response carries a client secret: Konnect's management API never returns one.
 */
import { z } from "zod";
import type { BodyOf, PatchOf, PlainValue, ResponseOf } from "../fieldTable";
import { bodySchema, cached, listPageSchema, mapped, patchBodySchema, rowsResponse, valueSchema } from "../schemas";
import { APPLICATION_FIELDS as F, type ApplicationOwnerType } from "./fields";

/** An application's owner as declared: `{ teamId }` or `{ developerId }`. */
export type ApplicationOwner = PlainValue<(typeof F)["owner"]["value"]>;

/** Body of `POST /v3/portals/{portalId}/applications` (camelCase), one property per sent row. */
export interface CreateApplicationRequest extends BodyOf<typeof F> {}

/**
 * Body of `PATCH /v3/portals/{portalId}/applications/{applicationId}` (camelCase): the rows a change updates in place,
 * the owner only (Kong's rule).
 */
export interface UpdateApplicationRequest extends PatchOf<typeof F> {}

/**
 * A portal application as Konnect reports it (camelCase; unknown fields dropped; never a secret), one property per
 * reported row (Konnect does not report `dcr_client_id`), then the read-only fields.
 */
export interface PortalApplication extends Omit<ResponseOf<typeof F>, "authStrategyId" | "owner" | "dcrClientId"> {
  id: string;
  /** The auth strategy it uses (`auth_strategy.id`). */
  authStrategyId?: string;
  /** `client_credentials` (DCR), `self_managed_client_credentials`, `key_auth`, or a type added later. */
  credentialType?: string;
  /** The owner as Konnect spells it (`{ type: "team" | "developer", id }`). */
  owner?: { type: string; id: string };
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

/** The declared owner's schema, sent as `{ type, id }`. */
function ownerSchema() {
  return valueSchema(F.owner.value).transform(ownerToWire);
}

/** Strict create request: camelCase in, Konnect's wire body out. */
export function createApplicationRequestSchema() {
  return cached("createApplicationRequestSchema", () => bodySchema(F, { owner: ownerSchema() }));
}

/** Strict update request (the owner only): camelCase in, Konnect's wire body out. */
export function updateApplicationRequestSchema() {
  return cached("updateApplicationRequestSchema", () => patchBodySchema(F, { owner: ownerSchema() }));
}

/** The read-only wire fields of an application, as the reader checked them. */
interface ApplicationWire {
  id: string;
  registration_count?: number | undefined;
  dcr_provider?: { id: string } | null | undefined;
  portal?: { id: string } | undefined;
  auth_strategy?: { id: string; credential_type?: string | undefined } | null | undefined;
  granted_scopes?: string[] | null | undefined;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

/**
 * Tolerant reader of one application (`Application`: either shape, any credential type): the rows' fields (labels
 * with null values left out, the auth strategy and the owner as Konnect links them, an empty client id as none),
 * then the read-only ones.
 */
export function applicationResponseSchema() {
  return cached("applicationResponseSchema", () => {
    const rows = rowsResponse(F, {
      labels: {
        schema: z.record(z.string(), z.string().nullable()).nullable().optional(),
        read: (labels?: Record<string, string | null> | null) =>
          Object.fromEntries(
            Object.entries(labels ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
          ),
      },
      authStrategyId: {
        wire: "auth_strategy",
        schema: z.object({ id: z.string(), credential_type: z.string().optional() }).nullable().optional(),
        read: (strategy?: { id: string } | null) => strategy?.id,
      },
      owner: {
        schema: z.object({ type: z.string(), id: z.string() }).nullable().optional(),
        read: (owner?: { type: string; id: string } | null) => (owner ? { type: owner.type, id: owner.id } : undefined),
      },
      dcrClientId: false,
      // An empty client id is none (Konnect's key-auth and unlinked shapes).
      clientId: { schema: z.string().nullable().optional(), read: (id?: string | null) => (id ? id : undefined) },
    });
    return mapped(
      z.object({
        id: z.string(),
        ...rows.shape,
        registration_count: z.number().optional(),
        dcr_provider: z.object({ id: z.string() }).nullable().optional(),
        portal: z.object({ id: z.string() }).optional(),
        granted_scopes: z.array(z.string()).nullable().optional(),
        created_at: z.string(),
        updated_at: z.string(),
      }) as z.ZodType<ApplicationWire>,
      (wire): PortalApplication => {
        const application = {
          id: wire.id,
          ...rows.fromWire(wire),
          registrationCount: wire.registration_count ?? 0,
          createdAt: wire.created_at,
          updatedAt: wire.updated_at,
        } as PortalApplication;
        if (wire.auth_strategy?.credential_type !== undefined) {
          application.credentialType = wire.auth_strategy.credential_type;
        }
        if (wire.dcr_provider) application.dcrProviderId = wire.dcr_provider.id;
        if (Array.isArray(wire.granted_scopes)) application.grantedScopes = [...wire.granted_scopes];
        if (wire.portal) application.portalId = wire.portal.id;
        return application;
      },
    );
  });
}

/** Tolerant reader of one page of `GET /v3/portals/{portalId}/applications`. */
export function applicationListSchema() {
  return listPageSchema("application", applicationResponseSchema);
}
