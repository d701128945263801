/**
 * KONNECT-TEST-CLIENT-OWNED-BY-DCR-ADMIN (stack rule): the Azure client application a Dev Portal application links
 * (`dcrClientId`) is owned by the DCR admin app's service principal.
 *
 * Why: Konnect signs in to Microsoft Graph as the DCR admin app ("initial client"). Kong's contract says a linked
 * client "must resolve to an accessible Microsoft Entra application using the configured DCR provider credentials.
 * Otherwise, application creation fails", and with `Application.ReadWrite.OwnedBy` (the least-privilege permission of
 * Kong's current guide) the admin app reaches only applications it owns. Application owners are directory objects: the
 * admin app's service principal must be listed, not its client id or its application object.
 *
 * Which resources: a PortalApplication whose `dcrClientId` came from (or equals the `clientId` of) an Azure
 * Application of the stack; the admin app is the one behind its strategy's DCR provider (`dcrConfig` came from it),
 * else any app of the stack that requests Graph application permissions; its service principal is the one whose
 * `clientId` came from it. A client or admin app outside the stack (for example `existingApplication`) is not checked.
 * Owners unknown in preview without a recorded dependency are skipped; the rule runs again during `up`.
 */
import type { StackRule, StackViolation } from "../lib/rule";
import { dcrAdminAppsFor, linkedAzureClients, ownedBy, servicePrincipalsOf } from "../lib/testApplications";
import { PORTAL_APPLICATION_TYPE } from "../lib/types";

/** The rule. */
export const testClientOwnedByAdmin: StackRule = {
  id: "konnect-test-client-owned-by-dcr-admin",
  description:
    "An Azure client linked to a Dev Portal application (dcrClientId) is owned by the DCR admin app's service principal: with Application.ReadWrite.OwnedBy, Konnect reaches only applications that app owns.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {},
  defaults: {},
  check: (resources) => {
    const violations: StackViolation[] = [];
    for (const application of resources) {
      if (application.type !== PORTAL_APPLICATION_TYPE) continue;
      const clients = linkedAzureClients(application, resources);
      if (clients.length === 0) continue;
      const admins = servicePrincipalsOf(dcrAdminAppsFor(application, resources), resources);
      if (admins.length === 0) continue;
      for (const client of clients) {
        const verdicts = admins.map((sp) => ownedBy(client, sp));
        if (verdicts.includes(true) || verdicts.includes(undefined)) continue;
        const names = admins.map((sp) => `"${sp.name}"`).join(" or ");
        violations.push({
          urn: client.urn,
          message: `Azure client "${client.name}", linked by portal application "${application.name}" (dcrClientId), is not owned by the DCR admin app's service principal ${names}: Konnect signs in as that app, and Application.ReadWrite.OwnedBy reaches only applications it owns, so the link fails. Add the service principal's objectId to the client's owners.`,
        });
      }
    }
    return violations;
  },
};
