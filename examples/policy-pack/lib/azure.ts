/**
 * Helpers over the plain arguments of Azure AD resources and Konnect issuers, shared by several rules.
 */
import { GRAPH_PERMISSIONS, MICROSOFT_GRAPH_APP_ID } from "./types";
import { asArray, asObject, asString, isUnknown } from "./plain";
import type { PlainObject } from "./plain";

/** One requested Graph permission; `id`/`type` are undefined when unknown in preview. */
export interface GraphAccess {
  id: string | undefined;
  type: string | undefined;
}

/**
 * The Microsoft Graph permissions an `azuread.Application` requests (`requiredResourceAccesses` entries whose
 * `resourceAppId` is Graph), or `undefined` when the list itself is unknown in preview.
 */
export function graphAccesses(props: PlainObject): GraphAccess[] | undefined {
  const required = props["requiredResourceAccesses"];
  if (isUnknown(required)) return undefined;
  const out: GraphAccess[] = [];
  for (const entry of asArray(required) ?? []) {
    const resource = asObject(entry);
    if (resource === undefined || resource["resourceAppId"] !== MICROSOFT_GRAPH_APP_ID) continue;
    const accesses = resource["resourceAccesses"];
    if (isUnknown(accesses)) return undefined;
    for (const access of asArray(accesses) ?? []) {
      const item = asObject(access);
      if (item === undefined) continue;
      out.push({ id: asString(item["id"]), type: asString(item["type"]) });
    }
  }
  return out;
}

/** Ids of the Graph `Application.*` permissions, in either form (Role or Scope). */
const APPLICATION_PERMISSION_IDS: ReadonlySet<string> = new Set(Object.values(GRAPH_PERMISSIONS).map((p) => p.id));

/**
 * Whether an application is the Konnect DCR admin ("initial client") app, judged from its own arguments: it requests
 * at least one Microsoft Graph application permission (`type: "Role"`; DCR uses the client-credentials flow, which
 * only carries application permissions) or any Graph `Application.*` permission in either form. Apps that only ask
 * for delegated Graph scopes such as `User.Read` (ordinary sign-in apps) are not.
 */
export function isDcrAdminApp(accesses: readonly GraphAccess[]): boolean {
  return accesses.some((a) => a.type === "Role" || (a.id !== undefined && APPLICATION_PERMISSION_IDS.has(a.id)));
}

/** Lower-case GUID. */
const GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** The Azure v1 issuer Konnect DCR expects: `https://sts.windows.net/<tenant GUID>`, no trailing slash. */
export const AZURE_V1_ISSUER = new RegExp(`^https://sts\\.windows\\.net/${GUID}$`);

/** Issuer with one trailing slash removed, for comparing issuers the way Konnect and kongctl normalise them. */
export function normalizeIssuer(issuer: string): string {
  return issuer.endsWith("/") ? issuer.slice(0, -1) : issuer;
}
