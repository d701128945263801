/**
 * A DcrRequestCheck alone, against stand-ins for Azure's token endpoint (`scenario:loginUrl`) and a gateway route
 * (`scenario:route`): the tenant, client id and secret (`scenario:clientSecret`, secret config) come from config, and
 * `scenario:trigger` is its `triggers` value. No Konnect config at all: the check needs no Konnect token or region.
 */
import * as pulumi from "@pulumi/pulumi";
import { DcrRequestCheck } from "../../../provider/resources/dcrRequestCheck/resource";

/** Runs the program. */
export default function program() {
  const config = new pulumi.Config("scenario");
  const check = new DcrRequestCheck("first-request", {
    tenantId: config.require("tenantId"),
    clientId: config.require("clientId"),
    clientSecret: config.requireSecret("clientSecret"),
    route: config.require("route"),
    loginUrl: config.require("loginUrl"),
    triggers: { trigger: config.get("trigger") ?? "1" },
  });
  return { checkedAt: check.checkedAt, claims: check.claims, attempts: check.attempts };
}
