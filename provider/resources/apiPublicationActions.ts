/**
 * The API calls of `konnect.ApiPublication` per lifecycle step, on one transport (the resource's region): create,
 * update, read and delete, each at its economy floor (see `./apiPublicationArgs.ts`). No Pulumi here; the handler
 * factory wraps these as the resource's endpoint.
 */
import { isNotFound, type KonnectTransport } from "../konnect";
import {
  deleteApiPublication,
  getApiPublication,
  putApiPublication,
  type ApiPublication,
} from "../konnect/apiPublications";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "./apiPublicationArgs";
import {
  createDecision,
  publicationId,
  publicationOutputs,
  publicationRequest,
  settingsFromKonnect,
} from "./apiPublicationModel";

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

/**
 * create = 1 GET (+ 1 PUT): publishes when nothing is published; takes over an equal publication without a PUT;
 * overwrites a different one only with `adopt: true`, and otherwise fails naming each difference.
 */
export async function createPublication(
  transport: KonnectTransport,
  inputs: ApiPublicationInputs,
): Promise<PublicationCreateResult> {
  const id = publicationId(inputs.apiId, inputs.portalId);
  const existing = await findPublication(transport, inputs.apiId, inputs.portalId);
  const decision = createDecision(inputs, existing === undefined ? undefined : settingsFromKonnect(existing));
  switch (decision.kind) {
    case "conflict":
      throw new Error(decision.message);
    case "take-over":
      return { id, outs: publicationOutputs(inputs, existing!), outcome: "taken over" };
    case "publish":
    case "overwrite": {
      const published = await putApiPublication(transport, inputs.apiId, inputs.portalId, publicationRequest(inputs));
      return {
        id,
        outs: publicationOutputs(inputs, published),
        outcome: decision.kind === "publish" ? "published" : "overwritten",
      };
    }
  }
}

/** update = 1 PUT of the whole declared publication (`apiId` and `portalId` never change here: they replace). */
export async function updatePublication(
  transport: KonnectTransport,
  news: ApiPublicationInputs,
): Promise<ApiPublicationOutputs> {
  const published = await putApiPublication(transport, news.apiId, news.portalId, publicationRequest(news));
  return publicationOutputs(news, published);
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
