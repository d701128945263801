/**
 * The API calls of `konnect.ApiPublication` per lifecycle step, on one transport (the resource's region): create,
 * update, read and delete, each at its economy floor (see `./apiPublicationArgs.ts`). No Pulumi here; the handler
 * factory wraps these as the resource's endpoint.
 */
import { isNotFound, type KonnectTransport } from "../../konnect";
import {
  deleteApiPublication,
  getApiPublication,
  putApiPublication,
  type ApiPublication,
} from "../../konnect/apiPublications/operations";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "./args";
import { createDecision, publicationId, publicationOutputs, publicationRequest, settingsFromKonnect } from "./model";

/** How create ended: a new publication, an equal one taken over, or a different one overwritten (`adopt`). */
export type PublicationCreateOutcome = "published" | "taken over" | "overwritten";

/** What create returns. */
export interface PublicationCreateResult {
  /** `<apiId>/<portalId>`. */
  id: string;
  outs: ApiPublicationOutputs;
  outcome: PublicationCreateOutcome;
}

/** GET, with Konnect's 404 (not published there) as undefined. */
async function findPublication(
  transport: KonnectTransport,
  apiId: string,
  portalId: string,
): Promise<ApiPublication | undefined> {
  try {
    return await getApiPublication(transport, apiId, portalId);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** What the create step left in Konnect, and how. */
export interface PublicationCreated {
  publication: ApiPublication;
  outcome: PublicationCreateOutcome;
}

/**
 * The create strategy = 1 GET (+ 1 PUT): publishes when nothing is published; takes over an equal publication
 * without a PUT; overwrites a different one only with `adopt: true`, and otherwise fails naming each difference.
 */
export async function publishOrTakeOver(
  transport: KonnectTransport,
  inputs: ApiPublicationInputs,
): Promise<PublicationCreated> {
  const existing = await findPublication(transport, inputs.apiId, inputs.portalId);
  const decision = createDecision(inputs, existing === undefined ? undefined : settingsFromKonnect(existing));
  switch (decision.kind) {
    case "conflict":
      throw new Error(decision.message);
    case "take-over":
      return { publication: existing!, outcome: "taken over" };
    case "publish":
    case "overwrite":
      return {
        publication: await putDeclared(transport, inputs),
        outcome: decision.kind === "publish" ? "published" : "overwritten",
      };
  }
}

/** create = {@link publishOrTakeOver} with the resource id and outputs. */
export async function createPublication(
  transport: KonnectTransport,
  inputs: ApiPublicationInputs,
): Promise<PublicationCreateResult> {
  const { publication, outcome } = await publishOrTakeOver(transport, inputs);
  return { id: publicationId(inputs.apiId, inputs.portalId), outs: publicationOutputs(inputs, publication), outcome };
}

/** One PUT of the whole declared publication (a PUT replaces: fields left out get Konnect's defaults). */
export function putDeclared(transport: KonnectTransport, declared: ApiPublicationInputs): Promise<ApiPublication> {
  return putApiPublication(transport, declared.apiId, declared.portalId, publicationRequest(declared));
}

/** update = 1 PUT of the whole declared publication (`apiId` and `portalId` never change here: they replace). */
export async function updatePublication(
  transport: KonnectTransport,
  news: ApiPublicationInputs,
): Promise<ApiPublicationOutputs> {
  return publicationOutputs(news, await putDeclared(transport, news));
}

/** read = 1 GET: Konnect's current settings in the outputs, or undefined when the publication is gone (404). */
export async function readPublication(
  transport: KonnectTransport,
  olds: ApiPublicationOutputs,
): Promise<ApiPublicationOutputs | undefined> {
  const current = await findPublication(transport, olds.apiId, olds.portalId);
  return current === undefined ? undefined : publicationOutputs(olds, current);
}

/** delete = 1 DELETE; a 404 means already unpublished, which is done. */
export async function deletePublication(transport: KonnectTransport, olds: ApiPublicationOutputs): Promise<void> {
  try {
    await deleteApiPublication(transport, olds.apiId, olds.portalId);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
