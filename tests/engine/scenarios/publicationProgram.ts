/**
 * An API publication declared directly, on `scenario:apiId` and `scenario:portalId`: `visibility` from
 * `scenario:visibility` (default private), `adopt: true` with `scenario:adopt`, and `authStrategyIds: [<id>]` with
 * `scenario:strategyId`. With `scenario:withDefault` the program also declares a strategy `shared` (key_auth, or
 * openid_connect with `scenario:strategyType`, a change that replaces it) and makes it the portal's default; the
 * publication relies on that default (no `authStrategyIds`) unless `scenario:follow` declares `[shared.id]`.
 */
import * as pulumi from "@pulumi/pulumi";
import { ApiPublication } from "../../../provider/resources/apiPublication/resource";
import { AuthStrategy } from "../../../provider/resources/authStrategy/resource";
import { PortalDefaultAuthStrategy } from "../../../provider/resources/portalDefaultAuthStrategy/resource";
import { keyAuthStrategyInputs, oidcStrategyInputs } from "../../support/validInputs";

/** Runs the program. */
export default function program() {
  const config = new pulumi.Config("scenario");
  const portalId = config.require("portalId");
  let authStrategyIds: pulumi.Input<string>[] | undefined;
  let portalDefault: PortalDefaultAuthStrategy | undefined;
  if (config.getBoolean("withDefault")) {
    const name = { name: "shared", displayName: "Shared" };
    const strategy = new AuthStrategy(
      "shared",
      config.get("strategyType") === "openid_connect" ? oidcStrategyInputs(name) : keyAuthStrategyInputs(name),
    );
    portalDefault = new PortalDefaultAuthStrategy("portal-default", { portalId, authStrategyId: strategy.id });
    if (config.getBoolean("follow")) authStrategyIds = [strategy.id];
  }
  const literal = config.get("strategyId");
  if (literal !== undefined) authStrategyIds = [literal];
  const publication = new ApiPublication(
    "orders",
    {
      apiId: config.require("apiId"),
      portalId,
      visibility: config.get("visibility") === "public" ? "public" : "private",
      ...(authStrategyIds === undefined ? {} : { authStrategyIds }),
      ...(config.getBoolean("adopt") ? { adopt: true } : {}),
    },
    portalDefault === undefined ? {} : { dependsOn: [portalDefault] },
  );
  return { publication: publication.id };
}
