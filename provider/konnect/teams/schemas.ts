/**
 * Portal teams on the wire (`/v3/portals/{portalId}/teams`) and in the client's camelCase model. Requests are strict to
 * Kong's contract (`PortalCreateTeamRequest`, `PortalUpdateTeamRequest`: `additionalProperties: false`), built from the
 * rows of `./fields.ts`; responses are read tolerantly (unknown fields dropped, a description Konnect leaves out or
 * sends as null is absent, an absent `can_own_applications` is false). Schemas are built on first use and cached.
 */
import { z } from "zod";
import type { BodyOf, PatchOf, ResponseOf } from "../fieldTable";
import { bodySchema, cached, listPageSchema, mapped, patchBodySchema, rowsResponse } from "../schemas";
import { TEAM_FIELDS as F } from "./fields";

/** Body of `POST /v3/portals/{portalId}/teams` (camelCase), one property per sent row. */
export interface CreateTeamRequest extends BodyOf<typeof F> {}

/** Body of `PATCH /v3/portals/{portalId}/teams/{teamId}` (camelCase): only the fields that change. */
export interface UpdateTeamRequest extends PatchOf<typeof F> {}

/**
 * A portal team as Konnect reports it (camelCase; unknown fields dropped), one property per sent row: a description
 * Konnect leaves out or sends as null is absent, a `canOwnApplications` it leaves out is false.
 */
export interface PortalTeam extends ResponseOf<typeof F> {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** Fields teams can be filtered on (wire names). */
export type TeamFilterField = "name" | "can_own_applications";

/** Strict create request: camelCase in, Konnect's wire body out. */
export function createTeamRequestSchema() {
  return cached("createTeamRequestSchema", () => bodySchema(F));
}

/** Strict update request (every field optional): camelCase in, Konnect's wire body out. */
export function updateTeamRequestSchema() {
  return cached("updateTeamRequestSchema", () => patchBodySchema(F));
}

/** The wire fields of a team, as the reader checked them. */
interface TeamWire {
  id: string;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

/** Tolerant reader of one team (`PortalTeamResponse`): the rows' fields, then the read-only ones. */
export function teamResponseSchema() {
  return cached("teamResponseSchema", () => {
    const rows = rowsResponse(F);
    return mapped(
      z.object({
        id: z.string(),
        ...rows.shape,
        created_at: z.string(),
        updated_at: z.string(),
      }) as z.ZodType<TeamWire>,
      (wire): PortalTeam => ({
        id: wire.id,
        ...(rows.fromWire(wire) as ResponseOf<typeof F>),
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      }),
    );
  });
}

/** Tolerant reader of one page of `GET /v3/portals/{portalId}/teams`. */
export function teamListSchema() {
  return listPageSchema("team", teamResponseSchema);
}
