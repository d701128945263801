/**
 * Helpers over Dev Portal test applications: a PortalApplication linked (`dcrClientId`) to an Azure client application
 * that the stack itself creates, so the stack holds the client's secret (what `AzureKonnectDcr`'s `testApplication`
 * builds). Found through property dependencies, which also work in preview, where the new ids are unknown.
 */
import { graphAccesses, isDcrAdminApp } from "./azure";
import { referencedStrategies } from "./konnect";
import type { StackRuleResource } from "./rule";
import { APPLICATION_TYPE, DCR_PROVIDER_TYPE, PORTAL_APPLICATION_TYPE, SERVICE_PRINCIPAL_TYPE } from "./types";
import { findDcrProvider } from "../rules/strategyAzureClaims";

/** Whether `resource`'s property `property` came from `other` (a property dependency). */
function fedBy(resource: StackRuleResource, property: string, other: StackRuleResource): boolean {
  return (resource.propertyDependencies[property] ?? []).includes(other.urn);
}

/** A known string property. */
function text(resource: StackRuleResource, property: string): string | undefined {
  const value = resource.props[property];
  return typeof value === "string" ? value : undefined;
}

/**
 * The Azure applications of the stack a portal application links with `dcrClientId`: the one whose output fed it, or
 * one whose known `clientId` equals it. Empty when the application creates its client in Konnect (no `dcrClientId`)
 * or links a client managed outside the stack.
 */
export function linkedAzureClients(
  application: StackRuleResource,
  resources: readonly StackRuleResource[],
): StackRuleResource[] {
  if (application.type !== PORTAL_APPLICATION_TYPE || application.props["dcrClientId"] === undefined) return [];
  const id = text(application, "dcrClientId");
  return resources.filter(
    (r) =>
      r.type === APPLICATION_TYPE &&
      (fedBy(application, "dcrClientId", r) || (id !== undefined && text(r, "clientId") === id)),
  );
}

/**
 * The DCR admin apps (Azure applications Konnect signs in as) a portal application's client must be reachable by,
 * most exact first: the one behind its strategy's DCR provider (`dcrConfig` came from the app's outputs); failing
 * that, every application of the stack that looks like a DCR admin app (Graph application permissions).
 */
export function dcrAdminAppsFor(
  application: StackRuleResource,
  resources: readonly StackRuleResource[],
): StackRuleResource[] {
  const apps = resources.filter((r) => r.type === APPLICATION_TYPE);
  for (const strategy of referencedStrategies(application, "authStrategyId", resources)) {
    const link = findDcrProvider(strategy, resources);
    if (link.via === "none" || link.provider.type !== DCR_PROVIDER_TYPE) continue;
    const provider = link.provider;
    const behind = apps.filter((a) => fedBy(provider, "dcrConfig", a));
    if (behind.length > 0) return behind;
  }
  return apps.filter((a) => {
    const accesses = graphAccesses(a.props);
    return accesses !== undefined && isDcrAdminApp(accesses);
  });
}

/** The service principals of the given applications (their `clientId` came from the app, or equals its `clientId`). */
export function servicePrincipalsOf(
  apps: readonly StackRuleResource[],
  resources: readonly StackRuleResource[],
): StackRuleResource[] {
  return resources.filter(
    (sp) =>
      sp.type === SERVICE_PRINCIPAL_TYPE &&
      apps.some((app) => fedBy(sp, "clientId", app) || (text(app, "clientId") ?? "") === (text(sp, "clientId") ?? "-")),
  );
}

/**
 * Whether `owned`'s `owners` include the service principal `sp`: its object id came from `sp` (a property dependency)
 * or is listed literally; `undefined` when the owners are unknown in preview and no dependency tells.
 */
export function ownedBy(owned: StackRuleResource, sp: StackRuleResource): boolean | undefined {
  if (fedBy(owned, "owners", sp)) return true;
  const owners = owned.props["owners"];
  if (!Array.isArray(owners)) return owners === undefined || owners === null ? false : undefined;
  const objectId = text(sp, "objectId");
  if (objectId !== undefined && owners.includes(objectId)) return true;
  return owners.some((o) => typeof o !== "string") || objectId === undefined ? undefined : false;
}
