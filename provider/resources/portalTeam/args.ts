/**
 * Public types of `konnect.PortalTeam` (type token `pulumi-nodejs:dynamic/konnect:PortalTeam`), derived from its input
 * table (`./inputs.ts`): a developer team in a Dev Portal. What each step does is in `./definition.ts`. Types only:
 * nothing here loads at run time.
 */
import type { RecordedLocation } from "../core/location";
import type { ArgsOf, PlainOf } from "../core/tableTypes";
import type { PORTAL_TEAM_INPUTS } from "./inputs";

/** Arguments of a Dev Portal developer team (`konnect.PortalTeam`). */
export interface PortalTeamArgs extends ArgsOf<typeof PORTAL_TEAM_INPUTS> {}

/** Plain portal team inputs as the dynamic provider receives them after `check`. */
export interface PortalTeamInputs extends PlainOf<typeof PORTAL_TEAM_INPUTS> {}

/** Plain portal team outputs stored in state: the inputs as Konnect reports them, plus read-only fields. */
export interface PortalTeamOutputs extends PortalTeamInputs, RecordedLocation {
  /** Whether the team may own applications, as Konnect reports it (false when never set). */
  canOwnApplications: boolean;
  /** Creation time (ISO 8601). */
  createdAt: string;
  /** Last update time (ISO 8601). */
  updatedAt: string;
}
