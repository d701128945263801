/**
 * `konnect.PortalTeam` as a resource definition for the generic handlers: a developer team of a Dev Portal,
 * `/v3/portals/{portalId}/teams`. Each step names its API calls (the economy floor):
 * - **id**: the team's Konnect id; the portal comes from the props.
 * - **create** = 1 list (the portal's teams named like the declared one) + 1 POST. A `derived` create, not a keyed
 *   one: teams carry **no labels**, so a team cannot carry a creation key, and nothing proves that a team found later
 *   is the one this resource made. The rule that follows:
 *   - the name is the lookup: a team with the declared name in the portal stops the create, naming its id, and the
 *     user decides (`adopt: "<id>"` takes it over; otherwise another name). So a team an interrupted `up` made (the
 *     plugin host killed after Konnect stored the POST) is **found** by the next `up` and never made twice, and a team
 *     someone else made is **never taken over** without being asked to.
 *   - Kong's contract does not say team names are unique in a portal (the create has no 409): this resource keeps them
 *     unique among the teams it creates. A Konnect that refuses a duplicate (409) gets the same answer (one more list
 *     to name the team holding the name).
 *   - a POST whose outcome is unknown (a 5xx, a timeout, a reset connection, an unparseable answer) lists by name
 *     again: nothing there means Konnect did not store it, and it is sent again (at most 3 attempts); a team there
 *     stops the create with its id and `adopt`, as above (it is very likely ours, but cannot be proven).
 * - **adopt** = 1 GET + at most 1 PATCH (the declared name, description and flag). A team of another portal is a 404.
 * - **update** (name, description, `canOwnApplications`) = 1 PATCH of the changed fields; `portalId` and `region`
 *   replace (the new team is created first: it lives in another portal). A description removed from the inputs is
 *   kept (Konnect cannot clear one).
 * - **delete** = 1 DELETE; 404 means already gone; a 409 (whether Konnect refuses to delete a team that owns
 *   applications is not documented) is explained. **read** = 1 GET; 404 means gone.
 */
import {
  createTeam,
  deleteTeam,
  getTeam,
  isConflict,
  isNotFound,
  listAllTeams,
  sleep,
  updateTeam,
  type KonnectTransport,
  type PortalTeam,
  type UpdateTeamRequest,
} from "../../konnect";
import { createRetryDelayMs, providerLog } from "../core/context";
import { MAX_CREATE_ATTEMPTS, isCreateOutcomeUnknown } from "../core/createOnce";
import { tableOutputs, tableRules, updateBody, type FieldRule } from "../core/fieldRules";
import { resourceHandlers, type CallContext, type ResourceDefinition } from "../core/handlerFactory";
import type { PortalTeamInputs, PortalTeamOutputs } from "./args";
import { checkPortalTeamInputs, toCreateRequest } from "./check";
import { PORTAL_TEAM_INPUTS } from "./inputs";

/**
 * The rows, from the input table: `portalId` and `region` replace, the name, description and flag update in place (an
 * absent flag is false), `adopt` is local. A description left out keeps the team's (Konnect cannot clear it).
 */
const TEAM_RULES: readonly FieldRule<PortalTeamOutputs, PortalTeamInputs, UpdateTeamRequest>[] = tableRules(
  PORTAL_TEAM_INPUTS,
  {
    description: {
      property: "description",
      effect: "update",
      keptWhenAbsent: (n) => n.description === undefined,
      before: (o) => o.description,
      after: (n) => n.description,
      send: (body, _o, n) => (body.description = n.description),
    },
  },
);

/** Outputs, in row order: the declared portal and local inputs, the sent rows as Konnect reports them. */
export function teamOutputs(declared: PortalTeamInputs, team: PortalTeam): PortalTeamOutputs {
  return {
    ...tableOutputs(PORTAL_TEAM_INPUTS, declared, team),
    createdAt: team.createdAt,
    updatedAt: team.updatedAt,
  } as PortalTeamOutputs;
}

/** The teams of the portal with exactly the declared name (the list filter may compare more loosely). */
async function teamsNamed(transport: KonnectTransport, inputs: PortalTeamInputs): Promise<PortalTeam[]> {
  const teams = await listAllTeams(transport, { portalId: inputs.portalId }, { filter: { name: { eq: inputs.name } } });
  return teams.filter((team) => team.name === inputs.name);
}

/** Why a team with the declared name stops the create, and what to do. */
export function nameTakenMessage(
  inputs: PortalTeamInputs,
  holders: readonly PortalTeam[],
  lostAnswer?: string,
): string {
  const ids = holders.map((team) => team.id);
  const which = ids.length === 1 ? `id ${ids[0]}` : `ids ${ids.join(", ")}`;
  const adopt = ids.length === 1 ? `adopt: "${ids[0]}"` : "adopt to one of these ids";
  const head =
    lostAnswer === undefined
      ? `a team named "${inputs.name}" exists in portal ${inputs.portalId} already (${which})`
      : `the create's answer was lost (${lostAnswer}), and a team named "${inputs.name}" now exists in portal ` +
        `${inputs.portalId} (${which}): most likely the one this create made`;
  return (
    `${head}. Teams carry no labels, so this resource cannot prove that an earlier, interrupted \`up\` made it rather ` +
    `than someone else. To manage it with this resource, set ${adopt}; otherwise choose another name.`
  );
}

/**
 * The create without `adopt` = 1 list + 1 POST: stops on a team with the declared name; after a POST whose outcome is
 * unknown, lists again and posts again only when no such team appeared (see the module comment).
 */
async function createTeamOnce(transport: KonnectTransport, inputs: PortalTeamInputs): Promise<PortalTeam> {
  const holders = await teamsNamed(transport, inputs);
  if (holders.length > 0) throw new Error(nameTakenMessage(inputs, holders));
  let delay = createRetryDelayMs();
  for (let attempt = 1; ; attempt++) {
    try {
      return await createTeam(transport, { portalId: inputs.portalId }, toCreateRequest(inputs));
    } catch (error) {
      if (isConflict(error)) {
        // Konnect refuses the name: name the team holding it.
        const taken = await teamsNamed(transport, inputs);
        if (taken.length > 0) throw new Error(nameTakenMessage(inputs, taken), { cause: error });
        throw error;
      }
      if (!isCreateOutcomeUnknown(error)) throw error;
      const cause = (error as Error).message;
      let found: PortalTeam[];
      try {
        found = await teamsNamed(transport, inputs);
      } catch (listingError) {
        throw new Error(
          `${cause}; looking for the team then failed: ${(listingError as Error).message}. The team may exist: the ` +
            "next `up` finds it by its name and names its id",
          { cause: listingError },
        );
      }
      if (found.length > 0) throw new Error(nameTakenMessage(inputs, found, cause), { cause: error });
      if (attempt >= MAX_CREATE_ATTEMPTS) throw error;
      providerLog(`the create was not applied (${cause}); trying again`);
      await sleep(delay);
      delay *= 2;
    }
  }
}

/** The create with `adopt` = 1 GET + at most 1 PATCH to the declared name, description and flag. */
async function adoptTeam(context: CallContext, inputs: PortalTeamInputs, id: string): Promise<PortalTeam> {
  providerLog(`adopting portal team ${id} in region ${context.region}`);
  const scope = { portalId: inputs.portalId };
  let existing: PortalTeam;
  try {
    existing = await getTeam(context.transport, scope, id);
  } catch (error) {
    if (isNotFound(error)) {
      throw new Error(`adopt: no portal team with id ${id} in portal ${inputs.portalId} in region ${context.region}`, {
        cause: error,
      });
    }
    throw error;
  }
  const body = updateBody(TEAM_RULES, teamOutputs(inputs, existing), inputs, {});
  if (body === undefined) return existing;
  providerLog(`updating portal team ${id}: ${Object.keys(body).join(", ")}`);
  return updateTeam(context.transport, scope, id, body);
}

/** What the generic handlers need to know about portal teams. */
export const portalTeamDefinition: ResourceDefinition<PortalTeamInputs, PortalTeamOutputs, PortalTeam> = {
  noun: "portal team",
  inputs: PORTAL_TEAM_INPUTS,
  subject: (props) => `portal team "${props.name}"`,
  check: checkPortalTeamInputs,
  rules: () => TEAM_RULES,
  get: (transport, id, props) => getTeam(transport, { portalId: props.portalId }, id),
  planUpdate(olds, news) {
    const body = updateBody(TEAM_RULES, olds, news, {});
    if (body === undefined) return undefined;
    return {
      fields: Object.keys(body),
      send: (transport, id) => updateTeam(transport, { portalId: news.portalId }, id, body),
    };
  },
  outputs: (declared, team) => teamOutputs(declared, team),
  create: {
    kind: "derived",
    idOf: (_inputs, team) => team.id,
    run: (context, inputs) =>
      inputs.adopt === undefined ? createTeamOnce(context.transport, inputs) : adoptTeam(context, inputs, inputs.adopt),
  },
  delete: {
    kind: "byId",
    remove: (transport, id, props) => deleteTeam(transport, { portalId: props.portalId }, id),
    usedBy:
      "applications the team owns (Kong does not document whether Konnect refuses this); delete them or give them " +
      "another owner first",
  },
};

/** Handlers behind the serialized `konnect.PortalTeam` provider. */
export const portalTeamHandlers = resourceHandlers(portalTeamDefinition);
