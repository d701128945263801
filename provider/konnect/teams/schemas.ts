/**
 * Portal teams on the wire (`/v3/portals/{portalId}/teams`) and in the client's camelCase model. Requests are strict to
 * Kong's contract (`PortalCreateTeamRequest`, `PortalUpdateTeamRequest`: `additionalProperties: false`), built from the
 * rows of `./fields.ts`; responses are read tolerantly (unknown fields dropped, a description Konnect leaves out or
 * sends as null is absent, an absent `can_own_applications` is false). Schemas are built on first use and cached.
 */
import { z } from "zod";
import { wireNames } from "../fieldTable";
import { cached, listPageSchema, mapped, toWireKeys, valueSchema } from "../schemas";
import { TEAM_FIELDS as F } from "./fields";

/** Body of `POST /v3/portals/{portalId}/teams` (camelCase). */
export interface CreateTeamRequest {
  name: string;
  description?: string;
  canOwnApplications?: boolean;
}

/** Body of `PATCH /v3/portals/{portalId}/teams/{teamId}` (camelCase): only the fields that change. */
export type UpdateTeamRequest = Partial<CreateTeamRequest>;

/** A portal team as Konnect reports it (camelCase; unknown fields dropped). */
export interface PortalTeam {
  id: string;
  name: string;
  /** Absent when the team has none. */
  description?: string;
  /** Whether the team may own applications (false when Konnect leaves it out). */
  canOwnApplications: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Fields teams can be filtered on (wire names). */
export type TeamFilterField = "name" | "can_own_applications";

function teamRequestSchema(partial: boolean) {
  const name = valueSchema(F.name.value);
  return z
    .strictObject({
      name: partial ? name.optional() : name,
      description: valueSchema(F.description.value).optional(),
      canOwnApplications: valueSchema(F.canOwnApplications.value).optional(),
    })
    .transform((request) => toWireKeys(request, wireNames(F)));
}

/** Strict create request: camelCase in, Konnect's wire body out. */
export function createTeamRequestSchema() {
  return cached("createTeamRequestSchema", () => teamRequestSchema(false));
}

/** Strict update request (every field optional): camelCase in, Konnect's wire body out. */
export function updateTeamRequestSchema() {
  return cached("updateTeamRequestSchema", () => teamRequestSchema(true));
}

/** Tolerant reader of one team (`PortalTeamResponse`). */
export function teamResponseSchema() {
  return cached("teamResponseSchema", () =>
    mapped(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.string().nullable().optional(),
        can_own_applications: z.boolean().optional(),
        created_at: z.string(),
        updated_at: z.string(),
      }),
      (wire): PortalTeam => ({
        id: wire.id,
        name: wire.name,
        ...(typeof wire.description === "string" ? { description: wire.description } : {}),
        canOwnApplications: wire.can_own_applications ?? false,
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      }),
    ),
  );
}

/** Tolerant reader of one page of `GET /v3/portals/{portalId}/teams`. */
export function teamListSchema() {
  return listPageSchema("team", teamResponseSchema);
}
