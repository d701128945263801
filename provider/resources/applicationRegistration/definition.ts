/**
 * `konnect.ApplicationRegistration` as a resource definition for the generic handlers: a portal application's
 * registration for one API, `/v3/portals/{portalId}/applications/{applicationId}/registrations`. Each step names its
 * API calls (the economy floor):
 * - **id**: the registration's Konnect id; the portal and the application come from the props.
 * - **create** = 1 POST. A `derived` create: registrations carry no labels, but Konnect holds at most one per
 *   application and API and answers a second POST with 409, so the POST is its own lookup:
 *   - **409** (registered already: by an interrupted earlier `up`, or in the Dev Portal) = 1 list of the application's
 *     registrations (Kong's contract filters them by status only, so the API is matched here), and the one for the API
 *     is kept, its status made the declared one (at most 1 PATCH). Never a duplicate.
 *   - a POST whose outcome is unknown (a 5xx, a timeout, a reset connection, an unparseable answer) is sent again (at
 *     most 3 attempts): if the first one landed, Konnect answers 409 and the registration is found as above.
 *   - **status**: a create may ask for `approved` or `pending` only (Kong's `CreateApplicationRegistrationRequest`),
 *     and Konnect applies the portal's and the publication's auto-approve settings. When its answer is not the declared
 *     status (approval is manual, or `rejected` / `revoked` is declared: posted as `pending`, which blocks traffic as
 *     they do, so no request ever gets through), 1 PATCH sets it.
 * - **update** (`status`) = 1 PATCH; `portalId`, `applicationId`, `apiId` and `region` replace, deleting the old
 *   registration first (a new one for the same application and API would be the old one, found by its 409).
 * - **delete** = 1 DELETE; 404 means already gone (deleting an application deletes its registrations).
 *   **read** = 1 GET; 404 means gone; a status changed in the Dev Portal shows as a change the next `up` puts back.
 */
import {
  createRegistration,
  deleteRegistration,
  getRegistration,
  isConflict,
  listAllRegistrations,
  sleep,
  updateRegistration,
  type ApplicationRegistration,
  type KonnectTransport,
  type UpdateRegistrationRequest,
} from "../../konnect";
import { createRetryDelayMs, providerLog } from "../core/context";
import { MAX_CREATE_ATTEMPTS, isCreateOutcomeUnknown } from "../core/createOnce";
import { tableOutputs, tableRules, updateBody, type FieldRule } from "../core/fieldRules";
import { resourceHandlers, type ResourceDefinition } from "../core/handlerFactory";
import type { ApplicationRegistrationInputs, ApplicationRegistrationOutputs } from "./args";
import { checkApplicationRegistrationInputs, declaredStatus, toCreateRequest } from "./check";
import { APPLICATION_REGISTRATION_INPUTS } from "./inputs";

export { createStatus, declaredStatus } from "./check";

/** The rows, from the input table: the status updates in place (absent is `approved`); everything else replaces. */
const REGISTRATION_RULES: readonly FieldRule<
  ApplicationRegistrationOutputs,
  ApplicationRegistrationInputs,
  UpdateRegistrationRequest
>[] = tableRules(APPLICATION_REGISTRATION_INPUTS, {
  status: {
    property: "status",
    effect: "update",
    before: (o) => o.status,
    after: (n) => declaredStatus(n),
    send: (body, _o, n) => (body.status = declaredStatus(n)),
  },
});

/** The application of a registration, as the client's scope. */
const scopeOf = (props: { portalId: string; applicationId: string }) => ({
  portalId: props.portalId,
  applicationId: props.applicationId,
});

/**
 * Outputs: the declared ids and region, the status as Konnect reports it (a status Konnect adds later passed through),
 * and the read-only fields. The API id stays as declared (Konnect reports the linked API).
 */
export function registrationOutputs(
  declared: ApplicationRegistrationInputs,
  registration: ApplicationRegistration,
): ApplicationRegistrationOutputs {
  return {
    ...tableOutputs(APPLICATION_REGISTRATION_INPUTS, declared, registration, { apiId: (d) => d.apiId }),
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
  } as ApplicationRegistrationOutputs;
}

/** After a 409: the application's registration for the declared API (1 list of its registrations). */
async function existingRegistration(
  transport: KonnectTransport,
  inputs: ApplicationRegistrationInputs,
  conflict: unknown,
): Promise<ApplicationRegistration> {
  const registrations = await listAllRegistrations(transport, scopeOf(inputs));
  const apiId = inputs.apiId.toLowerCase();
  const found = registrations.find((registration) => registration.apiId?.toLowerCase() === apiId);
  if (found === undefined) {
    throw new Error(
      `${(conflict as Error).message}; but none of the ${registrations.length} registrations of application ` +
        `${inputs.applicationId} is for API ${inputs.apiId}`,
      { cause: conflict },
    );
  }
  providerLog(
    `application ${inputs.applicationId} is registered for API ${inputs.apiId} already (registration ${found.id}, ` +
      `${found.status}); keeping it`,
  );
  return found;
}

/**
 * The POST, sent again after an unknown outcome (Konnect refuses a second registration of the same API, so a retry
 * never duplicates); a 409 finds the existing registration.
 */
async function postOnce(
  transport: KonnectTransport,
  inputs: ApplicationRegistrationInputs,
): Promise<ApplicationRegistration> {
  const request = toCreateRequest(inputs);
  let delay = createRetryDelayMs();
  for (let attempt = 1; ; attempt++) {
    try {
      return await createRegistration(transport, scopeOf(inputs), request);
    } catch (error) {
      if (isConflict(error)) return existingRegistration(transport, inputs, error);
      if (!isCreateOutcomeUnknown(error) || attempt >= MAX_CREATE_ATTEMPTS) throw error;
      providerLog(
        `the registration's outcome is unknown (${(error as Error).message}); sending it again (a registration that ` +
          "landed answers 409 and is found)",
      );
      await sleep(delay);
      delay *= 2;
    }
  }
}

/** The create = 1 POST (+ 1 list after a 409) + 1 PATCH when Konnect's status is not the declared one. */
async function register(
  transport: KonnectTransport,
  inputs: ApplicationRegistrationInputs,
): Promise<ApplicationRegistration> {
  const registration = await postOnce(transport, inputs);
  const status = declaredStatus(inputs);
  if (registration.status === status) return registration;
  providerLog(`registration ${registration.id}: Konnect has status ${registration.status}; setting ${status}`);
  return updateRegistration(transport, scopeOf(inputs), registration.id, { status });
}

/** What the generic handlers need to know about application registrations. */
export const applicationRegistrationDefinition: ResourceDefinition<
  ApplicationRegistrationInputs,
  ApplicationRegistrationOutputs,
  ApplicationRegistration
> = {
  noun: "application registration",
  inputs: APPLICATION_REGISTRATION_INPUTS,
  subject: (props) => `registration of application ${props.applicationId} for API ${props.apiId}`,
  check: checkApplicationRegistrationInputs,
  rules: () => REGISTRATION_RULES,
  get: (transport, id, props) => getRegistration(transport, scopeOf(props), id),
  planUpdate(olds, news) {
    const body = updateBody(REGISTRATION_RULES, olds, news, {});
    if (body === undefined) return undefined;
    return {
      fields: Object.keys(body),
      send: (transport, id) => updateRegistration(transport, scopeOf(news), id, body),
    };
  },
  outputs: (declared, registration) => registrationOutputs(declared, registration),
  create: {
    kind: "derived",
    idOf: (_inputs, registration) => registration.id,
    run: (context, inputs) => register(context.transport, inputs),
  },
  delete: {
    kind: "byId",
    remove: (transport, id, props) => deleteRegistration(transport, scopeOf(props), id),
    usedBy: "something Konnect did not name; retry, or look at the registration in the Dev Portal",
  },
  // A replacement for the same application and API would find the old registration (409) and keep it, and the
  // delete of the old resource would then remove it: the old one goes first.
  deleteBeforeReplace: true,
};

/** Handlers behind the serialized `konnect.ApplicationRegistration` provider. */
export const applicationRegistrationHandlers = resourceHandlers(applicationRegistrationDefinition);
