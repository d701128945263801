/**
 * A portal team, an application and its registration declared directly, for the engine tests of the Dev Portal's
 * members. The portal, API, strategy and developer come from config (`scenario:portalId`, `scenario:apiId`,
 * `scenario:strategyId`, `scenario:developerId`). `scenario:owner` = `developer` moves the application to the developer
 * (an in-place owner change); `scenario:status` sets the registration's status. With `scenario:teamId` the application
 * is owned by that existing team and no team is declared (so every input of the application is known up front).
 */
import * as pulumi from "@pulumi/pulumi";
import { ApplicationRegistration } from "../../../provider/resources/applicationRegistration/resource";
import { PortalApplication } from "../../../provider/resources/portalApplication/resource";
import { PortalTeam } from "../../../provider/resources/portalTeam/resource";

/** Runs the program. */
export default function program() {
  const config = new pulumi.Config("scenario");
  const portalId = config.require("portalId");
  const existingTeam = config.get("teamId");
  const teamId: pulumi.Input<string> =
    existingTeam ?? new PortalTeam("partners", { portalId, name: "Partners", canOwnApplications: true }).id;
  const owner = config.get("owner") === "developer" ? { developerId: config.require("developerId") } : { teamId };
  const application = new PortalApplication("orders-client", {
    portalId,
    name: "Orders client",
    authStrategyId: config.require("strategyId"),
    owner,
  });
  new ApplicationRegistration("orders", {
    portalId,
    applicationId: application.id,
    apiId: config.require("apiId"),
    status: config.get<"approved" | "pending" | "rejected" | "revoked">("status"),
  });
}
