/**
 * Maps an API path (after the region prefix) to its route, answering 404 for unknown paths, 405 for a method the
 * path does not support (there is no PUT on DCR providers) and `malformedIdStatus` for an id that is not a UUID.
 * v2 serves DCR providers and auth strategies; v3 serves the portal, API and publication subset and the portal's
 * teams, developers, applications and registrations.
 */
import { ProblemError, invalidRequest, notFound } from "./problem";
import { handleAuthStrategies } from "./routes/authStrategies";
import { handleApis } from "./routes/apis";
import { handleApplicationInAnyPortal, handleApplications } from "./routes/applications";
import { handleDevelopers } from "./routes/developers";
import { handleDcrProviders } from "./routes/dcrProviders";
import { handlePortals } from "./routes/portals";
import { handlePublication, handlePublicationList } from "./routes/publications";
import { handlePortalRegistrationList, handleRegistrations } from "./routes/registrations";
import { handleTeams } from "./routes/teams";
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

function checkMethod(request: ApiRequest, methods: readonly string[]): void {
  if (!methods.includes(request.method)) {
    throw new ProblemError(405, `Method ${request.method} is not allowed here`, undefined, {
      Allow: methods.join(", "),
    });
  }
}

/** A v3 route: its path shape (`:name` is a UUID path id), methods and handler. */
interface V3Route {
  pattern: readonly string[];
  methods: readonly string[];
  handle: (request: ApiRequest, state: EmulatorState, ids: string[]) => ApiResponse;
}

const V3_ROUTES: readonly V3Route[] = [
  { pattern: ["portals"], methods: ["GET", "POST"], handle: (r, s) => handlePortals(r, s) },
  { pattern: ["portals", ":portalId"], methods: ["GET", "PATCH"], handle: (r, s, [id]) => handlePortals(r, s, id) },
  { pattern: ["apis"], methods: ["POST"], handle: (r, s) => handleApis(r, s) },
  { pattern: ["apis", ":apiId"], methods: ["GET"], handle: (r, s, [id]) => handleApis(r, s, id) },
  {
    pattern: ["apis", ":apiId", "publications", ":portalId"],
    methods: ["PUT", "GET", "DELETE"],
    handle: (r, s, [apiId, portalId]) => handlePublication(r, s, apiId ?? "", portalId ?? ""),
  },
  { pattern: ["api-publications"], methods: ["GET"], handle: (r, s) => handlePublicationList(r, s) },
  {
    pattern: ["portals", ":portalId", "teams"],
    methods: ["GET", "POST"],
    handle: (r, s, [portalId]) => handleTeams(r, s, portalId ?? ""),
  },
  {
    pattern: ["portals", ":portalId", "teams", ":teamId"],
    methods: ["GET", "PATCH", "DELETE"],
    handle: (r, s, [portalId, teamId]) => handleTeams(r, s, portalId ?? "", teamId),
  },
  {
    pattern: ["portals", ":portalId", "developers"],
    methods: ["GET", "POST"],
    handle: (r, s, [portalId]) => handleDevelopers(r, s, portalId ?? ""),
  },
  {
    pattern: ["portals", ":portalId", "developers", ":developerId"],
    methods: ["GET"],
    handle: (r, s, [portalId, developerId]) => handleDevelopers(r, s, portalId ?? "", developerId),
  },
  {
    pattern: ["portals", ":portalId", "applications"],
    methods: ["GET", "POST"],
    handle: (r, s, [portalId]) => handleApplications(r, s, portalId ?? ""),
  },
  {
    pattern: ["portals", ":portalId", "applications", ":applicationId"],
    methods: ["GET", "PATCH", "DELETE"],
    handle: (r, s, [portalId, applicationId]) => handleApplications(r, s, portalId ?? "", applicationId),
  },
  {
    pattern: ["applications", ":applicationId"],
    methods: ["GET"],
    handle: (r, s, [applicationId]) => handleApplicationInAnyPortal(r, s, applicationId ?? ""),
  },
  {
    pattern: ["portals", ":portalId", "applications", ":applicationId", "registrations"],
    methods: ["GET", "POST"],
    handle: (r, s, [portalId, applicationId]) =>
      handleRegistrations(r, s, { portalId: portalId ?? "", applicationId: applicationId ?? "" }),
  },
  {
    pattern: ["portals", ":portalId", "applications", ":applicationId", "registrations", ":registrationId"],
    methods: ["GET", "PATCH", "DELETE"],
    handle: (r, s, [portalId, applicationId, registrationId]) =>
      handleRegistrations(r, s, { portalId: portalId ?? "", applicationId: applicationId ?? "", registrationId }),
  },
  {
    pattern: ["portals", ":portalId", "application-registrations"],
    methods: ["GET"],
    handle: (r, s, [portalId]) => handlePortalRegistrationList(r, s, portalId ?? ""),
  },
];

function routeV3(request: ApiRequest, state: EmulatorState, path: string[]): ApiResponse {
  const route = V3_ROUTES.find(
    (r) =>
      r.pattern.length === path.length &&
      r.pattern.every((part, i) => (part.startsWith(":") ? path[i] !== "" : part === path[i])),
  );
  if (route === undefined) throw notFound();
  checkMethod(request, route.methods);
  const ids: string[] = [];
  route.pattern.forEach((part, i) => {
    if (!part.startsWith(":")) return;
    const id = path[i] ?? "";
    checkId(id, part.slice(1), state);
    ids.push(id);
  });
  return route.handle(request, state, ids);
}

/** Dispatches an authenticated API request. */
export function routeApiRequest(request: ApiRequest, state: EmulatorState): ApiResponse {
  const [version, collection, id, action, ...rest] = request.segments;
  if (version === "v3") return routeV3(request, state, request.segments.slice(1));
  const resource = collection === undefined ? undefined : ownValue(ENDPOINTS, collection);
  if (version !== "v2" || resource === undefined || rest.length > 0 || id === "" || action === "") throw notFound();
  let endpoint: Endpoint | undefined = resource.collection;
  if (id !== undefined) endpoint = action === undefined ? resource.item : ownValue(resource.actions, action);
  if (endpoint === undefined) throw notFound();
  checkMethod(request, endpoint.methods);
  if (id !== undefined) checkId(id, endpoint.idParameter, state);
  return endpoint.handle(request, state, id, action);
}
