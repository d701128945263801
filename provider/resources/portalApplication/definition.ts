/**
 * `konnect.PortalApplication` as a resource definition for the generic handlers: an application of a Dev Portal,
 * `/v3/portals/{portalId}/applications`. Each step names its API calls (the economy floor):
 * - **id**: the application's Konnect id; the portal comes from the props.
 * - **create** = 1 list (the portal's applications with the declared name) + 1 POST: a keyed create (see
 *   `core/creationKey.ts`): the POST carries the creation key as the `pulumi-create-id` label, so an application an
 *   interrupted `up` made is found by the next one and taken over instead of made twice. With DCR and no
 *   `dcrClientId`, Konnect creates the IdP client; with `dcrClientId` it links that client.
 * - **adopt** = 1 GET + at most 1 PATCH (the owner). Konnect changes nothing else of an application, so an adopted one
 *   (or one found by its key whose inputs changed since) that differs in another field fails naming each difference.
 * - **update** = 1 PATCH of the owner, the only field Kong's `UpdateApplicationRequest` takes; every other change
 *   replaces the application, deleting the old one first: a client id (created, linked or declared) maps tokens to one
 *   application, so the new one can link the same client only once the old one is gone.
 * - **delete** = 1 DELETE (Konnect deletes the application's registrations and credentials with it); 404 means already
 *   gone. **read** = 1 GET; 404 means gone.
 * - **diff** (no call): the owner compares as `{ type, id }` (ids case-insensitively), `authStrategyId`
 *   case-insensitively, an empty description as none, labels by the declared keys only, and `clientId` only when
 *   declared (Konnect reports the client id of a DCR application, which nobody declares).
 * - Konnect's 400 fields are renamed to input names; the owner's `owner.id` becomes the declared `owner.teamId` or
 *   `owner.developerId`. No output is a secret: Konnect never returns a client secret.
 */
import {
  createApplication,
  deleteApplication,
  getApplication,
  listAllApplications,
  ownerFromWire,
  ownerToWire,
  updateApplication,
  type ApplicationOwner,
  type PortalApplication,
  type UpdateApplicationRequest,
} from "../../konnect";
import type { FieldTable } from "../../konnect/fieldTable";
import { withoutUndefined } from "../core/compare";
import { changedRules, tableOutputs, tableRules, updateBody, type FieldRule } from "../core/fieldRules";
import { keyedCreate, resourceHandlers, type ResourceDefinition } from "../core/handlerFactory";
import { containsUnknown } from "../core/unknowns";
import { withInputNames } from "../core/wireNames";
import type { PortalApplicationInputs, PortalApplicationOutputs } from "./args";
import { checkPortalApplicationInputs, toCreateRequest } from "./check";
import { PORTAL_APPLICATION_INPUTS } from "./inputs";

type Rule = FieldRule<PortalApplicationOutputs, PortalApplicationInputs, UpdateApplicationRequest>;

/** Two ids name the same object (UUIDs compared case-insensitively). */
function sameId(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** An owner compared as Konnect holds it: `type:id`, the id lower-cased (`{}`, an owner type unknown here: none). */
function ownerKey(owner: Partial<Record<"teamId" | "developerId", string>> | undefined): string | undefined {
  if (owner?.teamId !== undefined) return `team:${owner.teamId.toLowerCase()}`;
  if (owner?.developerId !== undefined) return `developer:${owner.developerId.toLowerCase()}`;
  return undefined;
}

/**
 * The rows, from the input table: the owner updates (one PATCH); every other Konnect field replaces; `portalId` and
 * `region` replace; `adopt` is local.
 */
const APPLICATION_RULES: readonly Rule[] = tableRules<
  PortalApplicationOutputs,
  PortalApplicationInputs,
  UpdateApplicationRequest
>(PORTAL_APPLICATION_INPUTS, {
  description: {
    property: "description",
    effect: "replace",
    before: (o) => o.description,
    after: (n) => n.description,
    // Konnect may report an empty description as none.
    equal: (a, b) => (a ?? "") === (b ?? ""),
  },
  authStrategyId: {
    property: "authStrategyId",
    effect: "replace",
    before: (o) => o.authStrategyId,
    after: (n) => n.authStrategyId,
    equal: sameId,
  },
  owner: {
    property: "owner",
    effect: "update",
    before: (o) => ownerKey(o.owner),
    // A value still unknown in preview is passed on as it is (a change).
    after: (n) => (containsUnknown(n.owner) ? n.owner : ownerKey(n.owner)),
    send: (body, _o, n) => (body.owner = withoutUndefined({ ...n.owner })),
  },
  clientId: {
    property: "clientId",
    effect: "replace",
    // Konnect reports the client of a DCR application, which nobody declares: compared only when declared.
    keptWhenAbsent: (n) => n.clientId === undefined,
    before: (o) => o.clientId,
    after: (n) => n.clientId,
  },
});

/** The rows of fields Konnect holds but cannot change (every Konnect field but the owner). */
const FIXED_RULES = APPLICATION_RULES.filter((rule) => {
  const row = (PORTAL_APPLICATION_INPUTS as FieldTable)[rule.property];
  return row?.wire !== undefined && rule.effect === "replace";
});

/**
 * Why an existing application (adopted, or found by its creation key with inputs changed since) cannot be brought to
 * the declared state, or undefined when only its owner differs.
 */
export function unchangeableDifferences(
  olds: PortalApplicationOutputs,
  news: PortalApplicationInputs,
): string | undefined {
  const show = (value: unknown) => (value === undefined ? "none" : JSON.stringify(value));
  const lines = changedRules(FIXED_RULES, olds, news).map(
    (rule) => `${rule.property}: Konnect has ${show(rule.before(olds))}, declared ${show(rule.after(news))}`,
  );
  return lines.length === 0 ? undefined : lines.join("; ");
}

/**
 * Outputs: Konnect's application in the input shape (the rows as reported, declared spellings kept where equal) and
 * read-only fields.
 */
export function applicationOutputs(
  declared: PortalApplicationInputs,
  application: PortalApplication,
): PortalApplicationOutputs {
  return withoutUndefined({
    ...tableOutputs(PORTAL_APPLICATION_INPUTS, declared, application, {
      authStrategyId: (d, a) => {
        const authStrategyId = a.authStrategyId ?? d.authStrategyId;
        return sameId(authStrategyId, d.authStrategyId) ? d.authStrategyId : authStrategyId;
      },
      owner: (d, a) => {
        const reported = a.owner === undefined ? d.owner : (ownerFromWire(a.owner) ?? {});
        return ownerKey(reported) === ownerKey(d.owner) ? d.owner : reported;
      },
      // Konnect does not report the id it was asked to link: kept as declared (its client shows as `clientId`).
      dcrClientId: (d) => d.dcrClientId,
    }),
    dcrProviderId: application.dcrProviderId,
    grantedScopes: application.grantedScopes,
    registrationCount: application.registrationCount,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  }) as PortalApplicationOutputs;
}

/**
 * A Konnect 400 naming the owner by the wire (`owner.id`) named by the declared input (`owner.teamId` or
 * `owner.developerId`); the generic handlers then rename the other fields by the input table.
 */
function withOwnerNames(error: unknown, owner: ApplicationOwner | undefined): unknown {
  if (owner === undefined) return error;
  const key = ownerToWire(owner).type === "team" ? "teamId" : "developerId";
  const ownerRow = PORTAL_APPLICATION_INPUTS.owner;
  const table: FieldTable = {
    ...PORTAL_APPLICATION_INPUTS,
    owner: { ...ownerRow, value: { kind: "object", fields: { [key]: { ...ownerRow.value.fields[key], wire: "id" } } } },
  };
  return withInputNames(error, table);
}

/** The portal of an application, as the client's scope. */
const scopeOf = (props: { portalId: string }) => ({ portalId: props.portalId });

/** The declared-input view of outputs: the table's rows, without the client id Konnect reports for DCR. */
function declaredView(outputs: PortalApplicationOutputs): PortalApplicationInputs {
  const view: Record<string, unknown> = {};
  for (const key of Object.keys(PORTAL_APPLICATION_INPUTS)) {
    const value = (outputs as unknown as Record<string, unknown>)[key];
    if (value !== undefined) view[key] = value;
  }
  // A DCR application's client id is Konnect's (declaring one is refused with DCR).
  if (outputs.dcrProviderId !== undefined) delete view.clientId;
  return view as unknown as PortalApplicationInputs;
}

/** What the generic handlers need to know about portal applications. */
export const portalApplicationDefinition: ResourceDefinition<
  PortalApplicationInputs,
  PortalApplicationOutputs,
  PortalApplication
> = {
  noun: "portal application",
  inputs: PORTAL_APPLICATION_INPUTS,
  subject: (props) => `portal application "${props.name}"`,
  check: checkPortalApplicationInputs,
  rules: () => APPLICATION_RULES,
  get: (transport, id, props) => getApplication(transport, scopeOf(props), id),
  planUpdate(olds, news) {
    // Reached with other differences only when an existing application is taken over (adopt, or found by its key).
    const fixed = unchangeableDifferences(olds, news);
    if (fixed !== undefined) {
      throw new Error(
        `portal application differs from the declared one in what Konnect cannot change (it changes only an ` +
          `application's owner): ${fixed}. Declare what it holds, or let this resource create a new one (remove ` +
          "adopt, or delete that application)",
      );
    }
    const body = updateBody(APPLICATION_RULES, olds, news, {});
    if (body === undefined) return undefined;
    return {
      fields: Object.keys(body),
      send: (transport, id) =>
        updateApplication(transport, scopeOf(news), id, body).catch((error: unknown) => {
          throw withOwnerNames(error, news.owner);
        }),
    };
  },
  outputs: (declared, application) => applicationOutputs(declared, application),
  inputsFromOutputs: declaredView,
  create: keyedCreate<PortalApplicationInputs, PortalApplication>({
    post: (transport, inputs, labels) =>
      createApplication(transport, scopeOf(inputs), { ...toCreateRequest(inputs), labels }).catch((error: unknown) => {
        throw withOwnerNames(error, inputs.owner);
      }),
    findByName: (transport, name, inputs) =>
      listAllApplications(transport, scopeOf(inputs), { filter: { name: { eq: name } } }),
  }),
  delete: {
    kind: "byId",
    remove: (transport, id, props) => deleteApplication(transport, scopeOf(props), id),
    usedBy:
      "something Konnect did not name (Kong's contract deletes an application with its registrations and " +
      "credentials); retry, or look at the application in the Dev Portal",
  },
  // A client id maps tokens to one application: the old one goes first, so the new one can link the same client.
  deleteBeforeReplace: true,
};

/** Handlers behind the serialized `konnect.PortalApplication` provider. */
export const portalApplicationHandlers = resourceHandlers(portalApplicationDefinition);
