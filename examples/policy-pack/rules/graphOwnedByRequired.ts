/**
 * AZ-GRAPH-OWNEDBY-REQUIRED: the Konnect DCR admin app requests Microsoft Graph `Application.ReadWrite.OwnedBy` as an
 * application permission (`type: "Role"`).
 *
 * Why: Konnect registers developer applications with an app-only token of this app (client credentials), and
 * `Application.ReadWrite.OwnedBy` is the application permission that allows it. As a delegated scope it does not exist
 * (a common mistake in public code) and the registration fails.
 *
 * Which applications are checked: see `isDcrAdminApp` - those requesting any Graph application permission or any
 * Graph `Application.*` permission. Other apps in the stack with Graph application permissions need a suppression.
 */
import { graphAccesses, isDcrAdminApp } from "../lib/azure";
import type { ResourceRule } from "../lib/rule";
import { APPLICATION_TYPE, GRAPH_PERMISSIONS } from "../lib/types";

const OWNED_BY = GRAPH_PERMISSIONS.applicationReadWriteOwnedByRole;

/** The rule. */
export const graphOwnedByRequired: ResourceRule = {
  id: "azure-graph-ownedby-required",
  description:
    "The Konnect DCR admin app requests Microsoft Graph Application.ReadWrite.OwnedBy as an application permission (type Role): Konnect registers developer apps with it.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {},
  defaults: {},
  appliesTo: [APPLICATION_TYPE],
  check: ({ props }) => {
    const accesses = graphAccesses(props);
    if (accesses === undefined || !isDcrAdminApp(accesses)) return [];
    const entries = accesses.filter((a) => a.id === OWNED_BY.id);
    if (entries.some((a) => a.type === "Role" || a.type === undefined)) return [];
    if (entries.length > 0) {
      return [
        `requests Microsoft Graph ${OWNED_BY.name} (${OWNED_BY.id}) with type "${entries[0]?.type ?? ""}": it is an application permission, set type "Role".`,
      ];
    }
    return [
      `requests Microsoft Graph application permissions but not ${OWNED_BY.name}: add { id: "${OWNED_BY.id}", type: "Role" } to the Microsoft Graph requiredResourceAccesses entry.`,
    ];
  },
};
