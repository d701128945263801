/**
 * AZ-GRAPH-NO-READWRITE-ALL (advisory): no application requests Microsoft Graph `Application.ReadWrite.All`.
 *
 * Why: Kong's older guide asked for it, the current one asks for `Application.ReadWrite.OwnedBy` only. With
 * `ReadWrite.All`, the secret stored in Konnect can add credentials to any application in the tenant, privileged ones
 * included; `OwnedBy` limits it to the applications Konnect itself created.
 */
import { graphAccesses } from "../lib/azure";
import type { ResourceRule } from "../lib/rule";
import { APPLICATION_TYPE, GRAPH_PERMISSIONS } from "../lib/types";

/** The two forms of the over-grant. */
const OVER_GRANTS = [GRAPH_PERMISSIONS.applicationReadWriteAllRole, GRAPH_PERMISSIONS.applicationReadWriteAllScope];

/** The rule. */
export const graphNoReadWriteAll: ResourceRule = {
  id: "azure-graph-no-readwrite-all",
  description:
    "Applications do not request Microsoft Graph Application.ReadWrite.All: Konnect DCR needs only Application.ReadWrite.OwnedBy.",
  enforcementLevel: "advisory",
  severity: "high",
  configSchema: {},
  defaults: {},
  appliesTo: [APPLICATION_TYPE],
  check: ({ props }) => {
    const accesses = graphAccesses(props) ?? [];
    return OVER_GRANTS.filter((p) => accesses.some((a) => a.id === p.id)).map(
      (p) =>
        `requests Microsoft Graph ${p.name} (${p.type === "Role" ? "application" : "delegated"} permission ${p.id}): it allows changing every application in the tenant; remove it and keep Application.ReadWrite.OwnedBy.`,
    );
  },
};
