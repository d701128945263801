/**
 * `check` of `konnect.ApplicationRegistration`: the input table's rules (the portal, application and API ids, the
 * status, the region). Every status is accepted: one a create cannot ask for (`rejected`, `revoked`) is reached by a
 * PATCH after it (see `./definition.ts`).
 */
import { checkTable, startCheck, type CheckFailure } from "../core/check";
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
