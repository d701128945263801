/**
 * `check` of `konnect.ApplicationRegistration`: the input table's rules (the portal, application and API ids, the
 * status, the region). Every status is accepted: one a create cannot ask for (`rejected`, `revoked`) is reached by a
 * PATCH after it (see `./definition.ts`). Also the create request of checked inputs.
 */
import type { CreateRegistrationRequest } from "../../konnect";
import { sentValues } from "../../konnect/fieldTable";
import type { RegistrationStatus } from "../../konnect/registrations/fields";
import { checkTable, startCheck, type CheckFailure } from "../core/check";
import type { ApplicationRegistrationInputs } from "./args";
import { APPLICATION_REGISTRATION_INPUTS } from "./inputs";

/** Validates registration inputs. Unknown values are accepted and checked on a later call. */
export function checkApplicationRegistrationInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const { f, props, inputs } = startCheck(news);
  checkTable(f, APPLICATION_REGISTRATION_INPUTS, props);
  return { inputs, failures: f.failures };
}

/** The status a registration is declared with (absent: `approved`). */
export function declaredStatus(inputs: Pick<ApplicationRegistrationInputs, "status">): RegistrationStatus {
  return inputs.status ?? "approved";
}

/**
 * The status a create asks for: the declared one when a create may ask for it, else `pending` (a registration
 * declared `rejected` or `revoked` blocks traffic from the start, and a PATCH then sets the declared status).
 */
export function createStatus(declared: RegistrationStatus): "approved" | "pending" {
  return declared === "approved" ? "approved" : "pending";
}

/** The create request for checked inputs: the sent rows, the status one a create may ask for. */
export function toCreateRequest(inputs: ApplicationRegistrationInputs): CreateRegistrationRequest {
  return sentValues(APPLICATION_REGISTRATION_INPUTS, inputs, {
    custom: { status: (i) => createStatus(declaredStatus(i)) },
  }) as unknown as CreateRegistrationRequest;
}
