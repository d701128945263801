/**
 * `check` of `konnect.PortalTeam`: the input table's rules (the portal id, the name without control characters, the
 * description's length, the flag, `adopt`, the region), then the create request against the client's schema. Also the
 * create request of checked inputs.
 */
import { createTeamRequestSchema, type CreateTeamRequest } from "../../konnect";
import { checkTable, checkWholeRequest, startCheck, type CheckFailure } from "../core/check";
import { sentValues } from "../../konnect/fieldTable";
import type { PortalTeamInputs } from "./args";
import { PORTAL_TEAM_INPUTS } from "./inputs";

/** Validates portal team inputs. Unknown values are accepted and checked on a later call. */
export function checkPortalTeamInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const { f, props, inputs } = startCheck(news);
  checkTable(f, PORTAL_TEAM_INPUTS, props);
  checkWholeRequest(f, inputs, () => toCreateRequest(inputs as PortalTeamInputs), createTeamRequestSchema());
  return { inputs, failures: f.failures };
}

/** The create request for checked inputs (also what `check` validates against the client's schema): the sent rows. */
export function toCreateRequest(inputs: PortalTeamInputs): CreateTeamRequest {
  return sentValues(PORTAL_TEAM_INPUTS, inputs) as CreateTeamRequest;
}
