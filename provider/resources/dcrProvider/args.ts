/**
 * Public types of `konnect.DcrProvider`, derived from its input table (`./inputs.ts`): each property's TSDoc is its
 * row's. Outputs mirror the inputs (same names, normalized values) plus read-only fields, so `pulumi preview --diff`
 * shows only real changes. Types only: nothing here loads at run time.
 */
import type { DCR_CONFIG_FIELDS } from "../../konnect/dcrProviders/fields";
import type { RecordedLocation } from "../core/location";
import type { ArgsOf, PlainOf } from "../core/tableTypes";
import type { DCR_PROVIDER_INPUTS } from "./inputs";

/**
 * Provider-specific DCR settings, one optional property per row of the DCR config field table. Each field belongs to
 * some provider types only; `check` rejects the others. Secret fields are write-only in Konnect (never returned) and
 * always stored as Pulumi secrets.
 */
export interface DcrConfigArgs extends ArgsOf<typeof DCR_CONFIG_FIELDS> {}

/** Arguments of a Konnect DCR provider (`konnect.DcrProvider`). */
export interface DcrProviderArgs extends ArgsOf<typeof DCR_PROVIDER_INPUTS> {}

/** Plain (resolved) DCR config as the provider sees and returns it. */
export interface DcrConfigState extends PlainOf<typeof DCR_CONFIG_FIELDS> {}

/** Plain DCR provider inputs as the dynamic provider receives them after `check`. */
export interface DcrProviderInputs extends PlainOf<typeof DCR_PROVIDER_INPUTS> {}

/** Plain DCR provider outputs stored in state: the inputs plus read-only fields. */
export interface DcrProviderOutputs extends DcrProviderInputs, RecordedLocation {
  /** True when at least one auth strategy uses this DCR provider. */
  active: boolean;
  /** Creation time (ISO 8601). */
  createdAt: string;
  /** Last update time (ISO 8601). */
  updatedAt: string;
}
