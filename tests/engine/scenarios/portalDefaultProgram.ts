/**
 * A portal default declared directly. Two key-auth strategies (`first` and `second`) and a PortalDefaultAuthStrategy
 * on `scenario:portalId` using the one named by `scenario:use` (`first`, the default, or `second`). With
 * `scenario:strategyId` the program declares only the portal default, with that existing strategy (codifying a
 * default the portal may have already).
 */
import * as pulumi from "@pulumi/pulumi";
import { AuthStrategy } from "../../../provider/resources/authStrategy/resource";
import { PortalDefaultAuthStrategy } from "../../../provider/resources/portalDefaultAuthStrategy/resource";

/** Runs the program. */
export default function program() {
  const config = new pulumi.Config("scenario");
  const portalId = config.require("portalId");
  const existing = config.get("strategyId");
  if (existing !== undefined) {
    const codified = new PortalDefaultAuthStrategy("portal-default", { portalId, authStrategyId: existing });
    return { portalDefault: codified.id };
  }
  const keyAuth = (name: string) =>
    new AuthStrategy(name, {
      name: `portal-default-${name}`,
      displayName: name,
      strategyType: "key_auth",
      keyAuth: { keyNames: ["apikey"] },
    });
  const first = keyAuth("first");
  const second = keyAuth("second");
  const strategy = config.get("use") === "second" ? second : first;
  const portalDefault = new PortalDefaultAuthStrategy("portal-default", { portalId, authStrategyId: strategy.id });
  return { portalDefault: portalDefault.id };
}
