/**
 * The Dev Portal end of {@link AzureKonnectDcr}: API publications with the component's auth strategy, and portals
 * whose default strategy it becomes. Child names derive from the ids, never from list positions, so reordering the
 * lists changes nothing; the ids are therefore plain strings (an Output cannot name a resource).
 */
import type * as pulumi from "@pulumi/pulumi";
import { isGuid } from "../azure/graphPermissions";
import { ApiPublication } from "../resources/apiPublication/resource";
import type { ApiPublicationVisibility } from "../resources/apiPublication/args";
import type { KonnectRegion } from "../resources/core/types";
import { PortalDefaultAuthStrategy } from "../resources/portalDefaultAuthStrategy/resource";

/** One API publication made with the component's auth strategy. */
export interface AzureKonnectDcrPublication {
  /**
   * Id (UUID) of the API to publish, as a plain string: it names the child resource
   * (`<component>-publication-<apiId>-<portalId>`), which an Output cannot. Read it from config or from another
   * stack's output with `await`/`getOutputValue` outside the constructor when it is not literal.
   */
  apiId: string;
  /** Id (UUID) of the portal to publish to, as a plain string (it names the child resource too). */
  portalId: string;
  /** `public` or `private`. Default `private`. */
  visibility?: pulumi.Input<ApiPublicationVisibility>;
  /** Approve registrations for this API automatically. Default: the portal's setting decides. */
  autoApproveRegistrations?: pulumi.Input<boolean>;
  /**
   * Take over an existing publication of this API in this portal (its settings are overwritten with the declared
   * ones). Default false: an existing publication fails the create, also one with the declared settings (a
   * publication cannot show who made it); set it after an `up` interrupted after publishing. See `ApiPublicationArgs`.
   */
  adopt?: pulumi.Input<boolean>;
}

/** What the Dev Portal children are made from. */
export interface DevPortalChildrenArgs {
  /** Publications to make. */
  publications?: readonly AzureKonnectDcrPublication[];
  /** Portal ids (UUIDs, plain strings) whose default strategy becomes the component's strategy. */
  defaultForPortals?: readonly string[];
}

/** The created children. */
export interface DevPortalChildren {
  publications: ApiPublication[];
  portalDefaults: PortalDefaultAuthStrategy[];
}

/** A plain UUID, lower-cased for names and duplicate checks; throws naming `property` otherwise. */
function plainId(value: unknown, property: string): string {
  if (typeof value !== "string") {
    throw new Error(
      `${property}: must be a plain string UUID (it names the child resource, so it cannot be an Output or a Promise)`,
    );
  }
  if (!isGuid(value)) throw new Error(`${property}: must be a UUID, got ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

/** Name of the publication child for an API and a portal (ids lower-cased). */
export function publicationChildName(component: string, apiId: string, portalId: string): string {
  return `${component}-publication-${apiId.toLowerCase()}-${portalId.toLowerCase()}`;
}

/** Name of the portal default child for a portal (id lower-cased). */
export function portalDefaultChildName(component: string, portalId: string): string {
  return `${component}-portal-default-${portalId.toLowerCase()}`;
}

/** The children to create, validated and named. */
export interface DevPortalPlan {
  publications: { name: string; entry: AzureKonnectDcrPublication }[];
  portalDefaults: { name: string; portalId: string }[];
}

/**
 * Validates and names the Dev Portal children before anything is registered: throws on ids that are not plain
 * UUIDs and on duplicates, naming the list entry.
 */
export function planDevPortalChildren(
  component: string,
  args: Pick<DevPortalChildrenArgs, "publications" | "defaultForPortals">,
): DevPortalPlan {
  const seen = new Map<string, number>();
  const publications = (args.publications ?? []).map((entry, i) => {
    const apiId = plainId(entry.apiId, `publications[${i}].apiId`);
    const portalId = plainId(entry.portalId, `publications[${i}].portalId`);
    const name = publicationChildName(component, apiId, portalId);
    const first = seen.get(name);
    if (first !== undefined) {
      throw new Error(
        `publications[${i}]: publishes API ${apiId} to portal ${portalId} again (see publications[${first}])`,
      );
    }
    seen.set(name, i);
    return { name, entry };
  });
  const portals = new Map<string, number>();
  const portalDefaults = (args.defaultForPortals ?? []).map((value, i) => {
    const portalId = plainId(value, `defaultForPortals[${i}]`);
    const first = portals.get(portalId);
    if (first !== undefined) {
      throw new Error(`defaultForPortals[${i}]: portal ${portalId} is listed twice (see defaultForPortals[${first}])`);
    }
    portals.set(portalId, i);
    return { name: portalDefaultChildName(component, portalId), portalId: value };
  });
  return { publications, portalDefaults };
}

/**
 * Creates the planned publications and portal defaults, each depending on the strategy (so `destroy` removes them
 * before the strategy, which Konnect would otherwise refuse with 409).
 */
export function createDevPortalChildren(
  plan: DevPortalPlan,
  strategy: pulumi.CustomResource & { id: pulumi.Output<string> },
  region: pulumi.Input<KonnectRegion> | undefined,
  parent: pulumi.Resource,
): DevPortalChildren {
  const opts = { parent, dependsOn: [strategy] };
  const inRegion = region === undefined ? {} : { region };
  const publications = plan.publications.map(
    ({ name, entry }) =>
      new ApiPublication(
        name,
        {
          apiId: entry.apiId,
          portalId: entry.portalId,
          authStrategyIds: [strategy.id],
          ...(entry.visibility === undefined ? {} : { visibility: entry.visibility }),
          ...(entry.autoApproveRegistrations === undefined
            ? {}
            : { autoApproveRegistrations: entry.autoApproveRegistrations }),
          ...(entry.adopt === undefined ? {} : { adopt: entry.adopt }),
          ...inRegion,
        },
        opts,
      ),
  );
  const portalDefaults = plan.portalDefaults.map(
    ({ name, portalId }) =>
      new PortalDefaultAuthStrategy(name, { portalId, authStrategyId: strategy.id, ...inRegion }, opts),
  );
  return { publications, portalDefaults };
}
