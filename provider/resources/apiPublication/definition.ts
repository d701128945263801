/** `konnect.ApiPublication` as a resource definition for the generic handlers. */
import {
  deleteApiPublication,
  getApiPublication,
  putApiPublication,
  type ApiPublication,
} from "../../konnect/apiPublications/operations";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "./args";
import { publishOrTakeOver } from "./actions";
import {
  PUBLICATION_DELETE_BEFORE_REPLACE,
  PUBLICATION_RULES,
  parsePublicationId,
  publicationId,
  publicationOutputs,
  publicationUpdate,
} from "./model";
import { providerLog } from "../core/context";
import { API_PUBLICATION_INPUT_KEYS, checkApiPublicationInputs } from "./check";
import { resourceHandlers, type ResourceDefinition } from "../core/handlerFactory";

/** The input properties of outputs (what `read` reports as the resource's inputs). */
function inputsOf(outputs: ApiPublicationOutputs): ApiPublicationInputs {
  const record = outputs as unknown as Record<string, unknown>;
  return Object.fromEntries(
    API_PUBLICATION_INPUT_KEYS.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]),
  ) as unknown as ApiPublicationInputs;
}

/** What the generic handlers need to know about API publications. */
export const apiPublicationDefinition: ResourceDefinition<ApiPublicationInputs, ApiPublicationOutputs, ApiPublication> =
  {
    kind: "apiPublication",
    noun: "API publication",
    subject: (props) => `API publication ${publicationId(props.apiId, props.portalId)}`,
    check: checkApiPublicationInputs,
    rules: () => PUBLICATION_RULES,
    idOf: (inputs) => publicationId(inputs.apiId, inputs.portalId),
    async create(context, inputs) {
      const { publication, outcome } = await publishOrTakeOver(context.transport, inputs);
      const id = publicationId(inputs.apiId, inputs.portalId);
      if (outcome !== "published") providerLog(`API publication ${id}: existing publication ${outcome}`);
      return publication;
    },
    endpoint: {
      get(transport, id) {
        const { apiId, portalId } = parsePublicationId(id);
        return getApiPublication(transport, apiId, portalId);
      },
      planUpdate(olds, news) {
        const update = publicationUpdate(olds, news);
        return (
          update && {
            fields: update.fields,
            send: (transport) => putApiPublication(transport, news.apiId, news.portalId, update.request),
          }
        );
      },
      delete(transport, id) {
        const { apiId, portalId } = parsePublicationId(id);
        return deleteApiPublication(transport, apiId, portalId);
      },
    },
    outputs: publicationOutputs,
    inputsFromOutputs: inputsOf,
    readOnlyOutputs: (olds) => ({
      authStrategyIds: olds.authStrategyIds,
      visibility: olds.visibility,
      autoApproveRegistrations: olds.autoApproveRegistrations,
      warnings: olds.warnings,
      createdAt: olds.createdAt,
      updatedAt: olds.updatedAt,
    }),
    deleteConflictHint: "nothing known uses a publication; retry, or check the API and portal in Konnect",
    deleteBeforeReplace: PUBLICATION_DELETE_BEFORE_REPLACE,
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
