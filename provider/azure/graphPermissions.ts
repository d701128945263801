/**
 * Microsoft Graph permissions the Konnect DCR "initial client" may request, in one table.
 *
 * Ids are global (the same in every tenant) and come from the Microsoft Graph permissions reference
 * (learn.microsoft.com/graph/permissions-reference). `Role` is an application permission (app-only tokens, the kind
 * Konnect uses), `Scope` a delegated permission.
 */
import { UUID_PATTERN } from "../konnect/ids";

/** Application (client) id of Microsoft Graph, the `resourceAppId` of every permission below. */
export const MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

/** `Role`: application permission (needs an app role assignment); `Scope`: delegated permission (needs a grant). */
export type GraphPermissionType = "Role" | "Scope";

/** One Microsoft Graph permission. */
export interface GraphPermission {
  /** Permission value as Graph names it, for example `Application.ReadWrite.OwnedBy`. */
  readonly value: string;
  /** Permission id (GUID): the app role id for `Role`, the OAuth2 scope id for `Scope`. */
  readonly id: string;
  /** `Role` (application) or `Scope` (delegated). */
  readonly type: GraphPermissionType;
}

/** The known permissions, in the fixed order used everywhere (requested permissions, consent resources). */
export const GRAPH_PERMISSIONS = {
  "Application.Read.All": { value: "Application.Read.All", id: "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30", type: "Role" },
  "Application.ReadWrite.All": {
    value: "Application.ReadWrite.All",
    id: "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
    type: "Role",
  },
  "Application.ReadWrite.OwnedBy": {
    value: "Application.ReadWrite.OwnedBy",
    id: "18a4783c-866b-4cc7-a460-3d5e5662c884",
    type: "Role",
  },
  "User.Read": { value: "User.Read", id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d", type: "Scope" },
} as const satisfies Record<string, GraphPermission>;

/** Name of a permission in {@link GRAPH_PERMISSIONS}. */
export type GraphPermissionName = keyof typeof GRAPH_PERMISSIONS;

/**
 * Permission presets:
 * - `leastPrivilege` (default): Kong's current Azure DCR guide, `Application.ReadWrite.OwnedBy` (application) and
 *   `User.Read` (delegated). Konnect can manage only the applications it created.
 * - `legacyGuide`: the original Azure DCR guide, which adds `Application.Read.All` and the tenant-wide
 *   `Application.ReadWrite.All` (lets the Konnect secret rewrite any application: avoid unless required).
 * - `none`: nothing; list the permissions explicitly.
 */
export const GRAPH_PERMISSION_PRESETS = {
  leastPrivilege: ["Application.ReadWrite.OwnedBy", "User.Read"],
  legacyGuide: ["Application.Read.All", "Application.ReadWrite.All", "Application.ReadWrite.OwnedBy", "User.Read"],
  none: [],
} as const satisfies Record<string, readonly GraphPermissionName[]>;

/** Name of a permission preset. */
export type GraphPermissionPreset = keyof typeof GRAPH_PERMISSION_PRESETS;

/** The preset used when none is given. */
export const DEFAULT_GRAPH_PERMISSION_PRESET: GraphPermissionPreset = "leastPrivilege";

const GUID = UUID_PATTERN;

/** True for a GUID such as `18a4783c-866b-4cc7-a460-3d5e5662c884`. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

function isPreset(value: string): value is GraphPermissionPreset {
  return Object.prototype.hasOwnProperty.call(GRAPH_PERMISSION_PRESETS, value);
}

function isKnownName(value: string): value is GraphPermissionName {
  return Object.prototype.hasOwnProperty.call(GRAPH_PERMISSIONS, value);
}

/**
 * The permissions of a preset plus an explicit list, deduplicated and in a fixed order: application permissions
 * (`Role`) before delegated ones (`Scope`), each sorted by value. The order never depends on the order of the
 * arguments, so reordering a list in code never shows a diff (Azure keeps `resourceAccesses` as a list).
 *
 * @param preset a preset name (default `leastPrivilege`).
 * @param extra permission names from {@link GRAPH_PERMISSIONS}, or custom `{value, id, type}` entries.
 * @throws on an unknown preset or name, a malformed custom entry, or one value listed with two different ids or types.
 */
export function resolveGraphPermissions(
  preset: string = DEFAULT_GRAPH_PERMISSION_PRESET,
  extra: readonly (string | GraphPermission)[] = [],
): GraphPermission[] {
  if (!isPreset(preset)) {
    throw new Error(
      `graphPermissionPreset: unknown preset "${preset}" (expected one of ${Object.keys(GRAPH_PERMISSION_PRESETS).join(", ")})`,
    );
  }
  const byValue = new Map<string, GraphPermission>();
  const add = (permission: GraphPermission) => {
    const seen = byValue.get(permission.value);
    if (seen !== undefined && (seen.id !== permission.id || seen.type !== permission.type)) {
      throw new Error(`graphPermissions: "${permission.value}" is listed with two different ids or types`);
    }
    byValue.set(permission.value, permission);
  };
  for (const name of GRAPH_PERMISSION_PRESETS[preset]) add(GRAPH_PERMISSIONS[name]);
  for (const entry of extra) {
    if (typeof entry === "string") {
      if (!isKnownName(entry)) {
        throw new Error(
          `graphPermissions: unknown permission "${entry}" (known: ${Object.keys(GRAPH_PERMISSIONS).join(", ")}; ` +
            "pass {value, id, type} for others)",
        );
      }
      add(GRAPH_PERMISSIONS[entry]);
    } else {
      if (entry.value.length === 0) throw new Error("graphPermissions: a custom permission needs a value");
      if (!isGuid(entry.id)) throw new Error(`graphPermissions: "${entry.value}" id must be a GUID`);
      if (entry.type !== "Role" && entry.type !== "Scope") {
        throw new Error(`graphPermissions: "${entry.value}" type must be Role or Scope`);
      }
      add({ value: entry.value, id: entry.id.toLowerCase(), type: entry.type });
    }
  }
  const rank = (p: GraphPermission) => (p.type === "Role" ? 0 : 1);
  return [...byValue.values()].sort(
    (a, b) => rank(a) - rank(b) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
}
