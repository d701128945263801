/**
 * Public types of `konnect.ApiPublication` (type token `pulumi-nodejs:dynamic/konnect:ApiPublication`), derived from
 * its input table (`./inputs.ts`): one API published to one Dev Portal. The API and the portal exist already and are
 * managed elsewhere; this resource owns only the publication between them. What each step does is in
 * `./definition.ts`. Types only: nothing here loads at run time.
 */
import type { PublicationVisibility } from "../../konnect/apiPublications/fields";
import type { RecordedLocation } from "../core/location";
import type { ArgsOf, PlainOf } from "../core/tableTypes";
import type { API_PUBLICATION_INPUTS } from "./inputs";

/** Visibility of an API in a portal: `public` (listed to everyone) or `private` (signed-in developers). */
export type ApiPublicationVisibility = PublicationVisibility;

/** Arguments of a Konnect API publication (`konnect.ApiPublication`). */
export interface ApiPublicationArgs extends ArgsOf<typeof API_PUBLICATION_INPUTS> {}

/** Plain API publication inputs as the dynamic provider receives them after `check`. */
export interface ApiPublicationInputs extends PlainOf<typeof API_PUBLICATION_INPUTS> {}

/** Plain API publication outputs stored in state: the inputs as Konnect reports them, plus read-only fields. */
export interface ApiPublicationOutputs extends ApiPublicationInputs, RecordedLocation {
  /** The strategy Konnect enforces (`[]` when none), also when the input left it to the portal default. */
  authStrategyIds: string[];
  /** Visibility Konnect reports. */
  visibility: ApiPublicationVisibility;
  /** Auto approval Konnect reports (false when it leaves the field out). */
  autoApproveRegistrations: boolean;
  /** Konnect's informational warnings about the publication (for example fields stripped for ACE); empty if none. */
  warnings: string[];
  /** Creation time (ISO 8601). */
  createdAt: string;
  /** Last update time (ISO 8601). */
  updatedAt: string;
}
