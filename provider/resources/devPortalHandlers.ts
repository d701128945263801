/**
 * TEMPORARY handlers of the two Dev Portal resources (listed in `./handlers`), until they are built by the generic
 * handler factory (then this file goes: check, diff, the lifecycle steps and the outputs it wires are the resources'
 * definition, and stay). Thin glue only: every decision lives in `./devPortalCheck`, `./apiPublicationModel`,
 * `./portalDefaultModel` and the `*Actions` modules.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ApiPublicationInputs, ApiPublicationOutputs } from "./apiPublicationArgs";
import { createPublication, deletePublication, readPublication, updatePublication } from "./apiPublicationActions";
import {
  PUBLICATION_DELETE_BEFORE_REPLACE,
  PUBLICATION_REPLACE_PROPERTIES,
  PUBLICATION_UPDATE_PROPERTIES,
  publicationChanges,
} from "./apiPublicationModel";
import { withoutProviderCode } from "./compare";
import { providerLog, transportFor } from "./context";
import {
  API_PUBLICATION_INPUT_KEYS,
  PORTAL_DEFAULT_INPUT_KEYS,
  checkApiPublicationInputs,
  checkPortalDefaultInputs,
} from "./devPortalCheck";
import { IMPORT_UNSUPPORTED } from "./errorsForUsers";
import {
  createPortalDefault,
  deletePortalDefault,
  readPortalDefault,
  updatePortalDefault,
} from "./portalDefaultActions";
import type { PortalDefaultAuthStrategyInputs, PortalDefaultAuthStrategyOutputs } from "./portalDefaultArgs";
import {
  PORTAL_DEFAULT_DELETE_BEFORE_REPLACE,
  PORTAL_DEFAULT_REPLACE_PROPERTIES,
  portalDefaultChanges,
} from "./portalDefaultModel";
import { containsUnknown } from "./unknowns";

/** The input properties of outputs (what `read` reports as the resource's inputs). */
function pick<T extends object>(value: T, keys: readonly string[]): T {
  const record = value as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, record[k]])) as T;
}

type Handlers<I, O> = Required<Omit<pulumi.dynamic.ResourceProvider<I, O>, "configure">>;

/** Diff with preview's unknown values: an unknown replace property replaces, an unknown update property updates. */
function diffResult(
  olds: object,
  news: object,
  replaceProperties: readonly string[],
  updateProperties: readonly string[],
  known: () => { changes: string[]; replaces: string[] },
  deleteBeforeReplace: boolean,
): pulumi.dynamic.DiffResult {
  const o = olds as Record<string, unknown>;
  const n = news as Record<string, unknown>;
  const codeChanged = o.__provider !== n.__provider;
  const unknown = [...replaceProperties, ...updateProperties].filter((p) => containsUnknown(n[p]));
  if (unknown.length > 0) {
    const replaces = unknown.filter((p) => replaceProperties.includes(p));
    return { changes: true, replaces, deleteBeforeReplace };
  }
  const { changes, replaces } = known();
  return { changes: codeChanged || changes.length > 0, replaces, deleteBeforeReplace };
}

/** Konnect's informational warnings about a publication (for example fields stripped for ACE), one log line. */
function logWarnings(id: string, outs: ApiPublicationOutputs): ApiPublicationOutputs {
  if (outs.warnings.length > 0) providerLog(`API publication ${id}: Konnect warns: ${outs.warnings.join("; ")}`);
  return outs;
}

/** Handlers behind the serialized `konnect.ApiPublication` provider. */
const apiPublication: Handlers<ApiPublicationInputs, ApiPublicationOutputs> = {
  check(_olds, news) {
    const { inputs, failures } = checkApiPublicationInputs(news as unknown as Record<string, unknown>);
    return Promise.resolve({ inputs: inputs as unknown as ApiPublicationInputs, failures });
  },
  diff(_id, olds, news) {
    return Promise.resolve(
      diffResult(
        olds,
        news,
        PUBLICATION_REPLACE_PROPERTIES,
        PUBLICATION_UPDATE_PROPERTIES,
        () => publicationChanges(olds, news),
        PUBLICATION_DELETE_BEFORE_REPLACE,
      ),
    );
  },
  async create(inputs) {
    const { transport, region } = transportFor(inputs.region);
    providerLog(`publishing API ${inputs.apiId} to portal ${inputs.portalId} in region ${region}`);
    const { id, outs, outcome } = await createPublication(transport, withoutProviderCode(inputs));
    if (outcome !== "published") providerLog(`API publication ${id}: existing publication ${outcome}`);
    return { id, outs: logWarnings(id, outs) };
  },
  async read(id, props) {
    if (!props) throw new Error(IMPORT_UNSUPPORTED);
    const outs = await readPublication(transportFor(props.region).transport, props);
    return outs === undefined ? {} : { id, props: outs, inputs: pick(outs, API_PUBLICATION_INPUT_KEYS) };
  },
  async update(id, _olds, news) {
    const { transport, region } = transportFor(news.region);
    providerLog(`updating API publication ${id} in region ${region}`);
    return { outs: logWarnings(id, await updatePublication(transport, withoutProviderCode(news))) };
  },
  async delete(id, props) {
    const { transport, region } = transportFor(props.region);
    providerLog(`unpublishing API publication ${id} in region ${region}`);
    await deletePublication(transport, props);
  },
};

/** Handlers behind the serialized `konnect.PortalDefaultAuthStrategy` provider. */
const portalDefaultAuthStrategy: Handlers<PortalDefaultAuthStrategyInputs, PortalDefaultAuthStrategyOutputs> = {
  check(_olds, news) {
    const { inputs, failures } = checkPortalDefaultInputs(news as unknown as Record<string, unknown>);
    return Promise.resolve({ inputs: inputs as unknown as PortalDefaultAuthStrategyInputs, failures });
  },
  diff(_id, olds, news) {
    return Promise.resolve(
      diffResult(
        olds,
        news,
        PORTAL_DEFAULT_REPLACE_PROPERTIES,
        ["authStrategyId"],
        () => portalDefaultChanges(olds, news),
        PORTAL_DEFAULT_DELETE_BEFORE_REPLACE,
      ),
    );
  },
  async create(inputs) {
    const { transport, region } = transportFor(inputs.region);
    providerLog(`setting the default auth strategy of portal ${inputs.portalId} in region ${region}`);
    return createPortalDefault(transport, withoutProviderCode(inputs));
  },
  async read(id, props) {
    if (!props) throw new Error(IMPORT_UNSUPPORTED);
    const outs = await readPortalDefault(transportFor(props.region).transport, props);
    if (outs === undefined) return {};
    // The declared input stays the strategy we applied; the output shows what the portal has now.
    const inputs = pick({ ...outs, authStrategyId: outs.appliedAuthStrategyId }, PORTAL_DEFAULT_INPUT_KEYS);
    return { id, props: outs, inputs };
  },
  async update(_id, olds, news) {
    const { transport, region } = transportFor(news.region);
    providerLog(`changing the default auth strategy of portal ${news.portalId} in region ${region}`);
    return { outs: await updatePortalDefault(transport, olds, withoutProviderCode(news)) };
  },
  async delete(_id, props) {
    const { transport, region } = transportFor(props.region);
    providerLog(`restoring the default auth strategy of portal ${props.portalId} in region ${region}`);
    await deletePortalDefault(transport, props, providerLog);
  },
};

/** The Dev Portal handlers by the names the serialized providers carry. */
export const devPortalHandlers = { apiPublication, portalDefaultAuthStrategy };
