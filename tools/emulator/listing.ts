/**
 * List queries: `filter[field]` / `filter[field][op]`, `sort=field [asc|desc],...`, `page[size]`, `page[number]`.
 * Filtering is one pass over the region's objects (which are kept in creation order, the default order); sorting is
 * a stable sort on top of it. Query problems answer 400 with `source: "query"`.
 */
import { invalidRequest, type InvalidParameter } from "./problem";
import { ownValue } from "./validation";

/** Filter operators Konnect defines (`StringFieldFilter`, `UuidFieldFilter`). */
export type FilterOperator = "eq" | "neq" | "contains" | "oeq" | "ocontains";

/**
 * A filterable field: how to read it and which operators it accepts (a bare value always means `eq`). A `boolean`
 * field (`BooleanFieldFilter`) takes only a bare `true` or `false`; `read` then answers `"true"` or `"false"`.
 */
export interface FilterField<T> {
  read: (item: T) => string | null | undefined;
  operators: readonly FilterOperator[];
  boolean?: true;
}

/** What a collection supports; `sorts: null` when the operation has no `sort` parameter (it is then ignored [INF]). */
export interface ListSpec<T> {
  filters: Record<string, FilterField<T>>;
  sorts: Record<string, (item: T) => string | null | undefined> | null;
}

/** Page size limits. */
export interface PageOptions {
  defaultPageSize: number;
  maxPageSize: number;
}

/** The list response body. */
export interface ListBody<R> {
  data: R[];
  meta: { page: { number: number; size: number; total: number } };
}

interface ParsedFilter<T> {
  field: FilterField<T>;
  operator: FilterOperator;
  value: string;
}

interface ParsedSort<T> {
  read: (item: T) => string | null | undefined;
  descending: boolean;
}

const FILTER_KEY = /^filter\[([^\]]+)\](?:\[([^\]]+)\])?$/;
const SORT_TERM = /^([a-z_]+)(?:\s+(asc|desc))?$/i;

function queryIssue(field: string, issue: Omit<InvalidParameter, "field" | "source">): InvalidParameter {
  return { field, ...issue, source: "query" };
}

function matches(actual: string | null | undefined, operator: FilterOperator, expected: string): boolean {
  switch (operator) {
    case "eq":
      return actual === expected;
    case "neq":
      return actual !== expected;
    case "contains":
      return typeof actual === "string" && actual.includes(expected);
    case "oeq":
      return expected.split(",").some((option) => actual === option);
    case "ocontains":
      return typeof actual === "string" && expected.split(",").some((option) => actual.includes(option));
  }
}

function parsePageParameter(
  query: URLSearchParams,
  name: string,
  fallback: number,
  maximum: number | undefined,
  issues: InvalidParameter[],
): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^-?\d+$/.test(raw)) {
    issues.push(queryIssue(name, { rule: "is_integer", reason: "must be an integer" }));
    return fallback;
  }
  const value = Number(raw);
  if (value < 1) {
    issues.push(queryIssue(name, { rule: "min", minimum: 1, reason: "must be greater than or equal to 1" }));
  } else if (maximum !== undefined && value > maximum) {
    issues.push(queryIssue(name, { rule: "max", maximum, reason: `must be less than or equal to ${maximum}` }));
  }
  return value;
}

function parseFilters<T>(query: URLSearchParams, spec: ListSpec<T>, issues: InvalidParameter[]): ParsedFilter<T>[] {
  const filters: ParsedFilter<T>[] = [];
  for (const [key, value] of query) {
    const match = FILTER_KEY.exec(key);
    if (match === null) continue;
    const name = match[1] ?? "";
    const operator = match[2] ?? "eq";
    const field = ownValue(spec.filters, name);
    if (field === undefined) {
      issues.push(queryIssue(key, { rule: "unknown_property", reason: "is not a supported filter" }));
      continue;
    }
    if (field.boolean === true) {
      if (match[2] !== undefined) {
        issues.push(queryIssue(key, { rule: "unknown_property", reason: "is not a supported filter" }));
      } else if (value !== "true" && value !== "false") {
        issues.push(queryIssue(key, { rule: "is_boolean", reason: "must be a boolean" }));
      } else {
        filters.push({ field, operator: "eq", value });
      }
      continue;
    }
    if (!(field.operators as readonly string[]).includes(operator)) {
      issues.push(
        queryIssue(key, {
          rule: "enum",
          choices: [...field.operators],
          reason: `must use one of: ${field.operators.join(", ")}`,
        }),
      );
      continue;
    }
    filters.push({ field, operator: operator as FilterOperator, value });
  }
  return filters;
}

function parseSort<T>(query: URLSearchParams, spec: ListSpec<T>, issues: InvalidParameter[]): ParsedSort<T>[] {
  const raw = query.get("sort");
  if (spec.sorts === null || raw === null || raw.trim() === "") return [];
  const allowed = spec.sorts;
  const sorts: ParsedSort<T>[] = [];
  for (const term of raw.split(",")) {
    const match = SORT_TERM.exec(term.trim());
    const read = match === null ? undefined : ownValue(allowed, match[1] ?? "");
    if (match === null || read === undefined) {
      const choices = Object.keys(allowed);
      issues.push(queryIssue("sort", { rule: "enum", choices, reason: `must sort by: ${choices.join(", ")}` }));
      continue;
    }
    sorts.push({ read, descending: match[2]?.toLowerCase() === "desc" });
  }
  return sorts;
}

function compareBy<T>(sorts: ParsedSort<T>[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const { read, descending } of sorts) {
      // Absent values sort as the empty string (first when ascending).
      const left = read(a) ?? "";
      const right = read(b) ?? "";
      if (left !== right) return (left < right ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  };
}

/**
 * Filters, sorts and pages `items` (given oldest first) and renders the page. Throws a 400 problem for a bad query.
 */
export function listPage<T, R>(
  items: T[],
  query: URLSearchParams,
  spec: ListSpec<T>,
  options: PageOptions,
  render: (item: T) => R,
): ListBody<R> {
  const issues: InvalidParameter[] = [];
  const size = parsePageParameter(query, "page[size]", options.defaultPageSize, options.maxPageSize, issues);
  const number = parsePageParameter(query, "page[number]", 1, undefined, issues);
  const filters = parseFilters(query, spec, issues);
  const sorts = parseSort(query, spec, issues);
  if (issues.length > 0) throw invalidRequest(issues);
  const selected = items.filter((item) => filters.every((f) => matches(f.field.read(item), f.operator, f.value)));
  if (sorts.length > 0) selected.sort(compareBy(sorts));
  const start = (number - 1) * size;
  return {
    data: selected.slice(start, start + size).map(render),
    meta: { page: { number, size, total: selected.length } },
  };
}
