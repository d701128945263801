/**
 * `check` of `konnect.PortalApplication`: the input table's rules (ids, the name without control characters, lengths,
 * labels, the owner as exactly one of `teamId` and `developerId`, `adopt`, the region), then what depends on several
 * inputs: `clientId` (strategies without DCR) and `dcrClientId` (DCR strategies) exclude each other. Also the create
 * request of checked inputs, which `check` validates against the client's request schema.
 */
import { createApplicationRequestSchema, type CreateApplicationRequest } from "../../konnect";
import { sentValues } from "../../konnect/fieldTable";
import { checkTable, checkWholeRequest, startCheck, type CheckFailure } from "../core/check";
import type { PortalApplicationInputs } from "./args";
import { PORTAL_APPLICATION_INPUTS } from "./inputs";

/** Validates portal application inputs. Unknown values are accepted and checked on a later call. */
export function checkPortalApplicationInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const { f, props, inputs } = startCheck(news);
  checkTable(f, PORTAL_APPLICATION_INPUTS, props);
  if (props.clientId !== undefined && props.dcrClientId !== undefined) {
    f.add(
      "clientId",
      "set clientId (OpenID Connect strategies without DCR) or dcrClientId (DCR strategies), not both: Konnect " +
        "refuses clientId with DCR, and dcrClientId without it",
    );
  }
  checkWholeRequest(
    f,
    inputs,
    () => toCreateRequest(inputs as PortalApplicationInputs),
    createApplicationRequestSchema(),
  );
  return { inputs, failures: f.failures };
}

/**
 * The create request for checked inputs, without the creation label (the keyed create adds it): the sent rows.
 */
export function toCreateRequest(inputs: PortalApplicationInputs): CreateApplicationRequest {
  return sentValues(PORTAL_APPLICATION_INPUTS, inputs) as unknown as CreateApplicationRequest;
}
