/**
 * The bench's portal-members stack (`economy.ts` `runPortalMembersEconomy`): a portal team, a DCR application owned
 * by it and linked (`dcrClientId`) to an existing IdP client, its registration for a published API, and the request
 * check of that client through the token endpoint and gateway stand-ins, declared directly. Config `bench:*`: the
 * seeded `portalId`, `apiId`, `strategyId`, `developerId`, `clientId`, `tenantId`, `clientSecret` (secret), the
 * stand-ins' `loginUrl` and `route`; `owner` = `developer` moves the application to the developer, `status` sets the
 * registration's status, `trigger` re-runs the check.
 */
import * as pulumi from "@pulumi/pulumi";
import { ApplicationRegistration } from "../../provider/resources/applicationRegistration/resource";
import { DcrRequestCheck } from "../../provider/resources/dcrRequestCheck/resource";
import { PortalApplication } from "../../provider/resources/portalApplication/resource";
import { PortalTeam } from "../../provider/resources/portalTeam/resource";

/** Runs the program. */
export default function program() {
  const config = new pulumi.Config("bench");
  const portalId = config.require("portalId");
  const team = new PortalTeam("bench-team", { portalId, name: "Bench team", canOwnApplications: true });
  const owner =
    config.get("owner") === "developer" ? { developerId: config.require("developerId") } : { teamId: team.id };
  const application = new PortalApplication("bench-application", {
    portalId,
    name: "Bench application",
    authStrategyId: config.require("strategyId"),
    owner,
    dcrClientId: config.require("clientId"),
  });
  const registration = new ApplicationRegistration("bench-registration", {
    portalId,
    applicationId: application.id,
    apiId: config.require("apiId"),
    status: config.get<"approved" | "pending" | "rejected" | "revoked">("status"),
  });
  new DcrRequestCheck(
    "bench-check",
    {
      tenantId: config.require("tenantId"),
      clientId: config.require("clientId"),
      clientSecret: config.requireSecret("clientSecret"),
      route: config.require("route"),
      loginUrl: config.require("loginUrl"),
      triggers: { trigger: config.get("trigger") ?? "1" },
    },
    { dependsOn: [registration] },
  );
}
