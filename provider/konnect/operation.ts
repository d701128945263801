/**
 * Shared mechanics of one typed operation: validate the camelCase request with its schema (to the wire form),
 * send it, and validate the answer back into the camelCase model. List queries (filters, sort, pages) are built here.
 */
import type { z } from "zod";
import { KonnectRequestError, KonnectResponseError } from "./errors";
import type { KonnectTransport, RequestSpec } from "./http";
import { formatIssues, UUID_PATTERN, type Page, type Reader, type WirePage } from "./schemas";

/** Validates a request body; throws `KonnectRequestError` naming each bad field. */
export function toWire<S extends z.ZodType>(operation: string, schema: S, request: unknown): z.output<S> {
  const parsed = schema.safeParse(request);
  if (!parsed.success) throw new KonnectRequestError(operation, formatIssues(parsed.error));
  return parsed.data;
}

/** Validates a response body; throws `KonnectResponseError` naming each unexpected field (never values). */
export function fromWire<T>(operation: string, schema: Reader<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new KonnectResponseError(operation, formatIssues(parsed.error));
  return parsed.data;
}

/** Checks an object id before it goes into a URL path. */
export function idPath(operation: string, base: string, id: string, suffix = ""): string {
  if (!UUID_PATTERN.test(id))
    throw new KonnectRequestError(operation, [`id: must be a UUID, got ${JSON.stringify(id)}`]);
  return `${base}/${id}${suffix}`;
}

/** Sends a request and validates the answer. */
export async function call<T>(transport: KonnectTransport, spec: RequestSpec, responseSchema: Reader<T>): Promise<T> {
  const response = await transport.send(spec);
  return fromWire(spec.operation, responseSchema, response.data);
}

/** A filter on one field: a bare value (exact match) or operators. */
export type FieldFilter =
  | string
  | {
      eq?: string;
      neq?: string;
      contains?: string;
      /** Any of these values. */
      oeq?: string[];
      /** Contains any of these. */
      ocontains?: string[];
    };

/** Sort by a field, ascending by default. */
export interface SortSpec<F extends string> {
  field: F;
  direction?: "asc" | "desc";
}

/** Options of a list call. */
export interface ListOptions<F extends string, S extends string> {
  /** Filters by wire field name (e.g. `name`, `provider_type`). */
  filter?: Partial<Record<F, FieldFilter>>;
  /** Sort order. */
  sort?: SortSpec<S>[];
  /** Page size (Konnect caps it; 100 is the largest the client asks for). */
  pageSize?: number;
  /** 1-based page number. */
  pageNumber?: number;
}

/** Builds the query string parameters of a list call. */
export function listQuery<F extends string, S extends string>(
  options: ListOptions<F, S>,
): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const [field, filter] of Object.entries<FieldFilter | undefined>(options.filter ?? {})) {
    if (filter === undefined) continue;
    if (typeof filter === "string") {
      query[`filter[${field}]`] = filter;
      continue;
    }
    if (filter.eq !== undefined) query[`filter[${field}][eq]`] = filter.eq;
    if (filter.neq !== undefined) query[`filter[${field}][neq]`] = filter.neq;
    if (filter.contains !== undefined) query[`filter[${field}][contains]`] = filter.contains;
    if (filter.oeq !== undefined) query[`filter[${field}][oeq]`] = filter.oeq.join(",");
    if (filter.ocontains !== undefined) query[`filter[${field}][ocontains]`] = filter.ocontains.join(",");
  }
  if (options.sort && options.sort.length > 0) {
    query.sort = options.sort.map((s) => (s.direction ? `${s.field} ${s.direction}` : s.field)).join(",");
  }
  if (options.pageSize !== undefined) query["page[size]"] = options.pageSize;
  if (options.pageNumber !== undefined) query["page[number]"] = options.pageNumber;
  return query;
}

/** Reads every page of a list, 100 items at a time. */
export async function collectAllPages<T>(fetchPage: (pageNumber: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let number = 1; ; number++) {
    const page = await fetchPage(number);
    items.push(...page.data);
    if (page.data.length === 0 || number * page.size >= page.total) return items;
  }
}

/** The path parameters of a collection path (`{portalId}` → `portalId`), as a scope object. */
export type Scope<P extends string> = { readonly [K in P]: string };

/**
 * A collection path with its parameters filled from `scope` (`/v3/portals/{portalId}/teams`), each checked to be a
 * UUID before it goes into the URL (the operation fails naming the parameter otherwise).
 */
export function scopedPath(operation: string, template: string, scope: Readonly<Record<string, string>>): string {
  if (!template.includes("{")) return template;
  const issues: string[] = [];
  const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = scope[name];
    if (value === undefined || !UUID_PATTERN.test(value)) {
      issues.push(`${name}: must be a UUID, got ${JSON.stringify(value)}`);
      return "_";
    }
    return value;
  });
  if (issues.length > 0) throw new KonnectRequestError(operation, issues);
  return path;
}

/** What one collection's shared operations are built from. */
export interface CollectionSpec<T> {
  /** Singular noun for operation names, e.g. `DCR provider`. */
  noun: string;
  /** Plural noun, e.g. `DCR providers`. */
  plural: string;
  /** Schema of one object from a response. */
  item: () => Reader<T>;
  /** Schema of a list page. */
  page: () => Reader<WirePage<T>>;
}

/**
 * The operations every Konnect collection has (list one page, list all, get, delete), for a collection that lives
 * under a parent (`/v3/portals/{portalId}/applications/{applicationId}/registrations`): each takes the scope that fills
 * the path's parameters, then the object's id. A resource's module adds its create and update calls, whose bodies
 * differ.
 */
export function scopedCollectionOperations<T, F extends string, S extends string, P extends string>(
  options: CollectionSpec<T> & {
    /** Path of the collection with `{parameter}` segments, e.g. `/v3/portals/{portalId}/teams`. */
    path: string;
  },
) {
  const { noun, plural } = options;
  /** One page. */
  async function list(transport: KonnectTransport, scope: Scope<P>, listOptions: ListOptions<F, S> = {}) {
    const operation = `list ${plural}`;
    const path = scopedPath(operation, options.path, scope);
    const body = await call(
      transport,
      { operation, method: "GET", path, query: listQuery(listOptions) },
      options.page(),
    );
    return { data: body.data, ...body.meta.page } satisfies Page<T>;
  }
  /** Every object matching the filter, over all pages. */
  const listAll = (
    transport: KonnectTransport,
    scope: Scope<P>,
    listOptions: Omit<ListOptions<F, S>, "pageNumber" | "pageSize"> = {},
  ): Promise<T[]> =>
    collectAllPages((pageNumber) => list(transport, scope, { ...listOptions, pageSize: 100, pageNumber }));
  /** GET by id. */
  const get = async (transport: KonnectTransport, scope: Scope<P>, id: string): Promise<T> => {
    const operation = `read ${noun} ${id}`;
    const path = idPath(operation, scopedPath(operation, options.path, scope), id);
    return call(transport, { operation, method: "GET", path }, options.item());
  };
  /** DELETE by id. */
  const remove = async (transport: KonnectTransport, scope: Scope<P>, id: string): Promise<void> => {
    const operation = `delete ${noun} ${id}`;
    await transport.send({
      operation,
      method: "DELETE",
      path: idPath(operation, scopedPath(operation, options.path, scope), id),
    });
  };
  return { list, listAll, get, delete: remove };
}

/**
 * The operations every top-level Konnect collection has (list one page, list all, get, delete), for one base path:
 * {@link scopedCollectionOperations} without parameters.
 */
export function collectionOperations<T, F extends string, S extends string>(
  options: CollectionSpec<T> & {
    /** Base path, e.g. `/v2/dcr-providers`. */
    base: string;
  },
) {
  const scoped = scopedCollectionOperations<T, F, S, never>({ ...options, path: options.base });
  const none: Scope<never> = {};
  return {
    /** One page. */
    list: (transport: KonnectTransport, listOptions: ListOptions<F, S> = {}) =>
      scoped.list(transport, none, listOptions),
    /** Every object matching the filter, over all pages. */
    listAll: (transport: KonnectTransport, listOptions: Omit<ListOptions<F, S>, "pageNumber" | "pageSize"> = {}) =>
      scoped.listAll(transport, none, listOptions),
    /** GET by id. */
    get: (transport: KonnectTransport, id: string) => scoped.get(transport, none, id),
    /** DELETE by id. */
    delete: (transport: KonnectTransport, id: string) => scoped.delete(transport, none, id),
  };
}
