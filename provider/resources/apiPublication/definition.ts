/**
 * `konnect.ApiPublication` as a resource definition for the generic handlers: one API published to one Dev Portal,
 * `PUT|GET|DELETE /v3/apis/{apiId}/publications/{portalId}`. Each step names its API calls (the economy floor):
 * - **id**: `<apiId>/<portalId>` (a publication has no id of its own in Konnect).
 * - **create** = 1 GET (+ 1 PUT): 404 → PUT the declared publication. Found → fail naming what to set, unless
 *   `adopt: true`: then one equal to the declared one (see {@link publicationDifferences}) is taken over without a
 *   PUT, and a different one gets the declared settings PUT over it. A publication has no labels, so an existing one
 *   cannot be proven to be this resource's own (an earlier `up` killed after its PUT): see {@link createDecision}.
 * - **update** = 1 PUT of the whole declared publication (a PUT replaces: fields left out get Konnect's defaults).
 *   Without declared `authStrategyIds` it sends the strategy in effect (the outputs' `authStrategyIds`): left out, the
 *   PUT would get the portal's default *now*, which may be another strategy or none (F2 of issue 21).
 * - **delete** = 1 DELETE; 404 means already gone. **read** = 1 GET; 404 means gone.
 * - **diff** (no call): `apiId`, `portalId` and `region` replace (deleting first: old and new can be the same Konnect
 *   object); the settings update in place, compared as effective values (an absent setting is its row's `default`:
 *   `visibility` `private`; an absent flag, `autoApproveRegistrations`, is `false`; an absent `authStrategyIds` is not
 *   compared: the portal default Konnect chose is not ours to diff); `adopt` changes nothing in Konnect.
 * - **wire**: `authStrategyIds` absent → not sent on the create of a new publication (portal default), the strategy
 *   in effect on every other PUT; `[]` → `null` (no app auth); `[id]` → `[id]`. Every other setting is always sent
 *   with its effective value. Outputs report Konnect's `null` as `[]`.
 * - **rows**: the settings are the rows of `konnect/apiPublications/fields.ts`; the diff, the PUT body
 *   ({@link publicationRequest}), "how an existing publication differs" ({@link publicationDifferences}) and the
 *   outputs ({@link publicationOutputs}) derive from them with the generic helpers of `core/fieldRules.ts`. Only
 *   `authStrategyIds` has its own rule; a plain setting needs its row only.
 */
import {
  deleteApiPublication,
  getApiPublication,
  isNotFound,
  putApiPublication,
  type ApiPublication,
  type KonnectTransport,
  type PutApiPublicationRequest,
} from "../../konnect";
import { API_PUBLICATION_FIELDS } from "../../konnect/apiPublications/fields";
import { AUTH_STRATEGY_NOUN } from "../../konnect/authStrategies/fields";
import type { EffectiveOf } from "../../konnect/fieldTable";
import { providerLog } from "../core/context";
import {
  differences,
  effectiveReported,
  tableOutputs,
  tableRules,
  updateBody,
  wholeBody,
  type FieldRule,
} from "../core/fieldRules";
import { resourceHandlers, type ResourceDefinition } from "../core/handlerFactory";
import type { KeptReference } from "../core/replacementWatch";
import { isUnknown } from "../core/unknowns";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "./args";
import { checkApiPublicationInputs } from "./check";
import { API_PUBLICATION_INPUTS } from "./inputs";

/** The resource id of a publication: `<apiId>/<portalId>` (Konnect gives a publication no id of its own). */
export function publicationId(apiId: string, portalId: string): string {
  return `${apiId}/${portalId}`;
}

/**
 * Declared `authStrategyIds` on the wire: absent → undefined (the field is not sent, Konnect uses the portal's
 * default), `[]` → null (no application auth), `[id]` → `[id]`.
 */
export function authStrategyIdsToWire(declared: readonly string[] | undefined): string[] | null | undefined {
  if (declared === undefined) return undefined;
  return declared.length === 0 ? null : [...declared];
}

/** Two strategy id lists name the same strategies (UUIDs compared case-insensitively, order ignored). */
function sameIds(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  const norm = (ids: unknown[]) => ids.map((id) => String(id).toLowerCase()).sort();
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/**
 * What Konnect holds of a publication, in the input shape (from a GET or from prior outputs): every setting row with
 * its effective value.
 */
export type PublicationSettings = EffectiveOf<typeof API_PUBLICATION_FIELDS>;

/**
 * Konnect's publication in the input shape, from the rows: each setting's effective value (a flag Konnect leaves out
 * is false), `null` strategies (no auth) as `[]`.
 */
export function settingsFromKonnect(publication: ApiPublication): PublicationSettings {
  return effectiveReported(API_PUBLICATION_FIELDS, publication, {
    authStrategyIds: (ids) => (ids === null ? [] : [...(ids as string[])]),
  }) as PublicationSettings;
}

/**
 * What the rows compare on the old side: prior outputs, or an existing publication's settings over the declared
 * inputs; for a whole PUT body, only the strategy in effect (see {@link publicationRequest}).
 */
type PublicationView = Partial<PublicationSettings & Omit<ApiPublicationInputs, keyof PublicationSettings>>;

/**
 * The rows, from the input table: `apiId`, `portalId` and `region` replace, `adopt` is local, and the settings
 * update in place (one PUT), compared as effective values (`visibility` absent is its row's default, `private`; an
 * absent flag is false) and sent with them. `authStrategyIds` has its own row: absent, it is not compared (it asks
 * for whatever default the portal gives) and sends the strategy in effect (none for a new publication: not sent);
 * ids compare as a case-insensitive set; `[]` is sent as `null`.
 */
const PUBLICATION_RULES: readonly FieldRule<PublicationView, ApiPublicationInputs, PutApiPublicationRequest>[] =
  tableRules(API_PUBLICATION_INPUTS, {
    authStrategyIds: {
      property: "authStrategyIds",
      effect: "update",
      keptWhenAbsent: (n) => n.authStrategyIds === undefined,
      before: (o) => o.authStrategyIds,
      after: (n) => n.authStrategyIds,
      equal: sameIds,
      send: (body, o, n) => {
        const wire = authStrategyIdsToWire(n.authStrategyIds ?? o.authStrategyIds);
        if (wire !== undefined) body.authStrategyIds = wire;
      },
    },
  });

/** The settings rows alone (what "is the existing publication the declared one?" compares). */
const SETTINGS_RULES = PUBLICATION_RULES.filter(
  (rule) => API_PUBLICATION_INPUTS[rule.property as keyof typeof API_PUBLICATION_INPUTS]?.effect === "update",
);

/**
 * How an existing publication differs from the declared one, one line per settings row (`visibility: Konnect has
 * "public", declared "private"`); empty when it is the declared publication.
 */
export function publicationDifferences(declared: ApiPublicationInputs, existing: PublicationSettings): string[] {
  return differences(SETTINGS_RULES, { ...declared, ...existing }, declared);
}

/** What create does after its GET. */
export type PublicationCreateDecision =
  /** Not published yet: PUT. */
  | { kind: "publish" }
  /** Published exactly as declared and `adopt: true`: take it over, no PUT. */
  | { kind: "take-over" }
  /** Published differently and `adopt: true`: PUT the declared settings over it. */
  | { kind: "overwrite"; differences: string[] }
  /** Published already, without `adopt`: fail with this message (nothing is changed). */
  | { kind: "conflict"; message: string };

/**
 * Decides create from the declared inputs and the publication the GET found (undefined on 404). An existing
 * publication is taken over only with `adopt: true`, also when its settings equal the declared ones: a publication
 * carries no labels, so nothing tells one an earlier attempt of this create made (an `up` killed after its PUT) from
 * one someone else made (by hand, another stack), whose destroy would then unpublish it (F3 of issue 21).
 */
export function createDecision(
  declared: ApiPublicationInputs,
  existing: PublicationSettings | undefined,
): PublicationCreateDecision {
  if (existing === undefined) return { kind: "publish" };
  const differences = publicationDifferences(declared, existing);
  if (declared.adopt === true)
    return differences.length === 0 ? { kind: "take-over" } : { kind: "overwrite", differences };
  const where = `API ${declared.apiId} is already published to portal ${declared.portalId}`;
  const adopt = "set adopt: true on this resource to take it over (destroy then unpublishes it)";
  return {
    kind: "conflict",
    message:
      differences.length === 0
        ? `${where}, with the declared settings. A publication carries no labels, so nothing shows whether this ` +
          "stack made it (an earlier `up` interrupted after publishing) or someone else did (by hand, or another " +
          `stack), and it is not taken over without adopt. If this stack made it or should manage it from now on, ` +
          `${adopt}; otherwise remove this resource from the program.`
        : `${where} with other settings (${differences.join("; ")}). To apply the declared settings, ${adopt}; ` +
          "or declare the settings it has, or unpublish it first.",
  };
}

/**
 * The PUT body for the declared publication, every settings row's send: the settings' effective values, strategies
 * as declared. For an existing publication (`inEffect`: the strategies Konnect enforces, `[]` for none) an absent
 * `authStrategyIds` sends those: a PUT that left them out would get the portal's default *now* (another strategy, or
 * none at all), so a settings update keeps the strategy in effect. Only a new publication leaves them out (the
 * portal's default).
 */
export function publicationRequest(
  declared: ApiPublicationInputs,
  inEffect?: readonly string[],
): PutApiPublicationRequest {
  return wholeBody(PUBLICATION_RULES, inEffect === undefined ? {} : { authStrategyIds: [...inEffect] }, declared, {});
}

/**
 * Outputs from the rows: the declared identity and flags, Konnect's settings in the input shape (a visibility Konnect
 * adds later is passed through as reported), and the read-only fields.
 */
export function publicationOutputs(declared: ApiPublicationInputs, publication: ApiPublication): ApiPublicationOutputs {
  return {
    ...tableOutputs(API_PUBLICATION_INPUTS, declared, settingsFromKonnect(publication)),
    warnings: [...publication.warnings],
    createdAt: publication.createdAt,
    updatedAt: publication.updatedAt,
  } as ApiPublicationOutputs;
}

/**
 * The strategies a publication still uses after an update (for the replacement watch, F6 of issue 21): the declared
 * ids when known, or, without declared `authStrategyIds`, the ones in effect, which Konnect keeps (a new portal
 * default does not move a publication). Unknown ids (a strategy being created or replaced) keep nothing.
 */
export function keptStrategies(olds: ApiPublicationOutputs, news: ApiPublicationInputs): KeptReference[] {
  const holder = `API publication ${publicationId(news.apiId, news.portalId)}`;
  const reference = (id: string, remedy: string): KeptReference => ({ noun: AUTH_STRATEGY_NOUN, id, holder, remedy });
  if (news.authStrategyIds === undefined) {
    return (olds.authStrategyIds ?? []).map((id) =>
      reference(
        id,
        "it declares no authStrategyIds, so it keeps the strategy Konnect gave it (the portal's default when it was " +
          "published; a new default does not move it). Declare authStrategyIds on it: [<the strategy resource>.id] " +
          "to move it to the replacement in the same update, or [] for no application auth",
      ),
    );
  }
  if (news.authStrategyIds.some(isUnknown)) return [];
  return news.authStrategyIds.map((id) =>
    reference(id, "it declares this id; declare the replacement's id instead ([<the strategy resource>.id])"),
  );
}

/** GET, with Konnect's 404 (not published there) as undefined. */
async function findPublication(
  transport: KonnectTransport,
  inputs: ApiPublicationInputs,
): Promise<ApiPublication | undefined> {
  try {
    return await getApiPublication(transport, inputs.apiId, inputs.portalId);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * The create = 1 GET (+ 1 PUT): publishes when nothing is published; with `adopt: true`, takes over an equal
 * publication without a PUT and overwrites a different one; otherwise fails saying what to set.
 */
async function publishOrTakeOver(transport: KonnectTransport, inputs: ApiPublicationInputs): Promise<ApiPublication> {
  const existing = await findPublication(transport, inputs);
  const decision = createDecision(inputs, existing === undefined ? undefined : settingsFromKonnect(existing));
  const id = publicationId(inputs.apiId, inputs.portalId);
  switch (decision.kind) {
    case "conflict":
      throw new Error(decision.message);
    case "take-over":
      providerLog(`API publication ${id}: existing publication taken over`);
      return existing!;
    case "overwrite": {
      providerLog(`API publication ${id}: existing publication overwritten`);
      const inEffect = settingsFromKonnect(existing!).authStrategyIds;
      return putApiPublication(transport, inputs.apiId, inputs.portalId, publicationRequest(inputs, inEffect));
    }
    case "publish":
      return putApiPublication(transport, inputs.apiId, inputs.portalId, publicationRequest(inputs));
  }
}

/** What the generic handlers need to know about API publications. */
export const apiPublicationDefinition: ResourceDefinition<ApiPublicationInputs, ApiPublicationOutputs, ApiPublication> =
  {
    noun: "API publication",
    inputs: API_PUBLICATION_INPUTS,
    subject: (props) => `API publication ${publicationId(props.apiId, props.portalId)}`,
    check: checkApiPublicationInputs,
    rules: () => PUBLICATION_RULES,
    get: (transport, _id, props) => getApiPublication(transport, props.apiId, props.portalId),
    planUpdate(olds, news) {
      const changed = updateBody(PUBLICATION_RULES, olds, news, {});
      if (changed === undefined) return undefined;
      // One PUT of the whole declared publication; without declared strategies, the ones in effect (see
      // publicationRequest): Konnect would otherwise apply the portal's current default, or none.
      const request = publicationRequest(news, olds.authStrategyIds);
      return {
        fields: Object.keys(changed),
        send: (transport) => putApiPublication(transport, news.apiId, news.portalId, request),
      };
    },
    outputs: (declared, publication) => publicationOutputs(declared, publication),
    keptReferences: keptStrategies,
    create: {
      kind: "derived",
      idOf: (inputs) => publicationId(inputs.apiId, inputs.portalId),
      run: (context, inputs) => publishOrTakeOver(context.transport, inputs),
    },
    delete: {
      kind: "byId",
      remove: (transport, _id, props) => deleteApiPublication(transport, props.apiId, props.portalId),
      usedBy: "something Konnect did not name; retry, or check the API and portal in Konnect",
    },
    // Old and new can be the same Konnect object (a `region` change from unset to the stack's default region):
    // creating first would take it over and the delete would then unpublish it.
    deleteBeforeReplace: true,
    afterWrite(_context, id, outs, step) {
      // Konnect's informational warnings (for example fields stripped for ACE), one log line.
      if (step.sent && outs.warnings.length > 0) {
        providerLog(`API publication ${id}: Konnect warns: ${outs.warnings.join("; ")}`);
      }
      return Promise.resolve();
    },
  };

/** Handlers behind the serialized `konnect.ApiPublication` provider. */
export const apiPublicationHandlers = resourceHandlers(apiPublicationDefinition);
