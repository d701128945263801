/**
 * The Dev Portal resources declared directly: two key-auth strategies (`first` and `second`), one API publication and
 * one portal default, both using the strategy named by `scenario:use` (`first`, the default, or `second`).
 * `scenario:dropFirst` removes the first strategy from the program (after the publication and the default moved off
 * it). The API and portal ids come from `scenario:apiId` and `scenario:portalId`.
 */
import * as pulumi from "@pulumi/pulumi";
import { ApiPublication } from "pulumi-konnect-dcr";
import { AuthStrategy } from "pulumi-konnect-dcr";
import { PortalDefaultAuthStrategy } from "pulumi-konnect-dcr";

/** Runs the program. */
export default function program() {
  const config = new pulumi.Config("scenario");
  const keyAuth = (name: string) =>
    new AuthStrategy(name, {
      name: `scenario-${name}`,
      displayName: name,
      strategyType: "key_auth",
      keyAuth: { keyNames: ["apikey"] },
    });
  const first = config.getBoolean("dropFirst") ? undefined : keyAuth("first");
  const second = keyAuth("second");
  const strategy = config.get("use") === "second" || first === undefined ? second : first;
  const publication = new ApiPublication("orders", {
    apiId: config.require("apiId"),
    portalId: config.require("portalId"),
    authStrategyIds: [strategy.id],
  });
  const portalDefault = new PortalDefaultAuthStrategy("portal-default", {
    portalId: config.require("portalId"),
    authStrategyId: strategy.id,
  });
  return { publicationId: publication.id, defaultStrategy: portalDefault.appliedAuthStrategyId };
}
