/**
 * Maps an API path (after the region prefix) to its route, answering 404 for unknown paths, 405 for a method the
 * path does not support (there is no PUT on DCR providers) and `malformedIdStatus` for an id that is not a UUID.
 */
import { ProblemError, invalidRequest, notFound } from "./problem";
import { handleAuthStrategies } from "./routes/authStrategies";
import { handleDcrProviders } from "./routes/dcrProviders";
import { type ApiRequest, type ApiResponse, type EmulatorState } from "./state";
import { isUuid, ownValue } from "./validation";

interface Endpoint {
  methods: readonly string[];
  idParameter: string;
  handle: (request: ApiRequest, state: EmulatorState, id?: string, action?: string) => ApiResponse;
}

const ENDPOINTS: Record<string, { collection: Endpoint; item: Endpoint; actions: Record<string, Endpoint> }> = {
  "dcr-providers": {
    collection: { methods: ["GET", "POST"], idParameter: "", handle: handleDcrProviders },
    item: { methods: ["GET", "PATCH", "DELETE"], idParameter: "dcrProviderId", handle: handleDcrProviders },
    actions: { verify: { methods: ["POST"], idParameter: "dcrProviderId", handle: handleDcrProviders } },
  },
  "application-auth-strategies": {
    collection: { methods: ["GET", "POST"], idParameter: "", handle: handleAuthStrategies },
    item: { methods: ["GET", "PUT", "PATCH", "DELETE"], idParameter: "authStrategyId", handle: handleAuthStrategies },
    actions: {},
  },
};

function checkId(id: string, parameter: string, state: EmulatorState): void {
  if (isUuid(id)) return;
  if (state.options.malformedIdStatus === 404) throw notFound();
  throw invalidRequest([{ field: parameter, rule: "is_uuid", reason: "must be a valid UUID", source: "path" }]);
}

/** Dispatches an authenticated API request. */
export function routeApiRequest(request: ApiRequest, state: EmulatorState): ApiResponse {
  const [version, collection, id, action, ...rest] = request.segments;
  const resource = collection === undefined ? undefined : ownValue(ENDPOINTS, collection);
  if (version !== "v2" || resource === undefined || rest.length > 0 || id === "" || action === "") throw notFound();
  let endpoint: Endpoint | undefined = resource.collection;
  if (id !== undefined) endpoint = action === undefined ? resource.item : ownValue(resource.actions, action);
  if (endpoint === undefined) throw notFound();
  if (!endpoint.methods.includes(request.method)) {
    throw new ProblemError(405, `Method ${request.method} is not allowed here`, undefined, {
      Allow: endpoint.methods.join(", "),
    });
  }
  if (id !== undefined) checkId(id, endpoint.idParameter, state);
  return endpoint.handle(request, state, id, action);
}
