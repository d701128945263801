/**
 * The test application end of {@link AzureKonnectDcr}: the Azure client (`AzureDcrTestClient`), a portal team that
 * owns the application (unless `owner` is given), the application linked to the client with `dcrClientId`, one
 * registration per API, and the request check depending on all of it.
 *
 * Dependencies give the order both ways: the team depends on the strategy; the application on the strategy, the team
 * and the client; each registration on the application and on its publication; the check on every registration, the
 * application and the publications of the portal. So `up` creates them in that order and `destroy` deletes the check, the registrations,
 * the application, the team, and only then the strategy (no 409). The application is replaced delete-first (Kong lets
 * only its owner change): one IdP client is never linked to two applications at once.
 */
import * as pulumi from "@pulumi/pulumi";
import { AzureDcrTestClient } from "../azure/testClientApp";
import type { SecretScheduleSettings } from "../azure/secretSchedule";
import type { KonnectRegion } from "../resources/core/types";
import { ApplicationRegistration } from "../resources/applicationRegistration/resource";
import { DcrRequestCheck } from "../resources/dcrRequestCheck/resource";
import { PortalApplication } from "../resources/portalApplication/resource";
import { PortalTeam } from "../resources/portalTeam/resource";
import type { TestApplicationPlan } from "./testApplicationPlan";

/** What the test application is built from, besides its plan. */
export interface TestApplicationContext {
  /** The component's auth strategy (the application uses it). */
  strategy: pulumi.CustomResource & { id: pulumi.Output<string> };
  /** The component's publications by child name (a registration waits for the publication of its API). */
  publications: ReadonlyMap<string, pulumi.Resource>;
  /** The component's portal defaults (the check waits for them). */
  portalDefaults: readonly pulumi.Resource[];
  /** Object id of the DCR admin app's service principal (the component's, or `adminServicePrincipalObjectId`). */
  adminServicePrincipalObjectId: pulumi.Input<string>;
  /** The tenant of the DCR provider's issuer. */
  tenantId: pulumi.Input<string>;
  /** Secret schedule of the admin app (the test client's secret follows it). */
  secretSchedule: SecretScheduleSettings;
  /** Labels of the component's Konnect objects (the application carries them). */
  labels: Record<string, pulumi.Input<string>>;
  /** The component's region, when set. */
  region: pulumi.Input<KonnectRegion> | undefined;
  /** The component (parent of every child). */
  parent: pulumi.Resource;
  /** Name of the component (team names say which component made them). */
  component: string;
}

/** The created children. */
export interface TestApplicationChildren {
  client: AzureDcrTestClient;
  team: PortalTeam | undefined;
  application: PortalApplication;
  registrations: ApplicationRegistration[];
  check: DcrRequestCheck;
}

/** Creates the planned test application and its check. */
export function createTestApplication(
  plan: TestApplicationPlan,
  context: TestApplicationContext,
): TestApplicationChildren {
  const { entry } = plan;
  const parent = context.parent;
  const inRegion = context.region === undefined ? {} : { region: context.region };
  const name = entry.name ?? plan.defaultName;

  const client = new AzureDcrTestClient(
    plan.clientName,
    {
      adminServicePrincipalObjectId: context.adminServicePrincipalObjectId,
      displayName: name,
      tenantId: context.tenantId,
      ...context.secretSchedule,
    },
    { parent },
  );

  const team =
    plan.teamName === undefined
      ? undefined
      : new PortalTeam(
          plan.teamName,
          {
            portalId: entry.portalId,
            // Team names are not keyed in Konnect: the stack in the name keeps dev and prod stacks apart in a portal.
            name: `${context.component} test team (${pulumi.getProject()}/${pulumi.getStack()})`,
            description: `Owns the test application of ${context.component} (pulumi-konnect-dcr), managed by Pulumi.`,
            canOwnApplications: true,
            ...inRegion,
          },
          // After the strategy, so that destroy removes all of the test application before the strategy.
          { parent, dependsOn: [context.strategy] },
        );
  const owner = team === undefined ? entry.owner! : { teamId: team.id };

  const application = new PortalApplication(
    plan.applicationName,
    {
      portalId: entry.portalId,
      name,
      description: "Test application: proves Dev Portal DCR end to end in pulumi up (pulumi-konnect-dcr).",
      labels: { ...context.labels },
      authStrategyId: context.strategy.id,
      owner,
      dcrClientId: client.clientId,
      ...inRegion,
    },
    { parent, deleteBeforeReplace: true },
  );

  const registrations = plan.registrations.map((planned) => {
    const publication = planned.publication === undefined ? undefined : context.publications.get(planned.publication);
    return new ApplicationRegistration(
      planned.name,
      { portalId: entry.portalId, applicationId: application.id, apiId: planned.apiId, ...inRegion },
      { parent, dependsOn: publication === undefined ? [] : [publication] },
    );
  });

  const published = plan.registrations.flatMap((r) =>
    r.publication === undefined ? [] : [context.publications.get(r.publication)!],
  );
  const check = new DcrRequestCheck(
    plan.checkName,
    {
      tenantId: client.tenantId,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      ...(entry.route === undefined ? {} : { route: entry.route }),
      ...(entry.resource === undefined ? {} : { resource: entry.resource }),
      ...(entry.loginUrl === undefined ? {} : { loginUrl: entry.loginUrl }),
      ...(entry.timeoutSeconds === undefined ? {} : { timeoutSeconds: entry.timeoutSeconds }),
      // Any change of what the request goes through runs the check again: a new application, a registration made
      // again or changed (its update time), the strategy.
      triggers: {
        applicationId: application.id,
        authStrategyId: context.strategy.id,
        registrations: registrations.map((r) => pulumi.all([r.id, r.status, r.updatedAt])),
      },
    },
    { parent, dependsOn: [application, ...registrations, ...published, ...context.portalDefaults] },
  );

  return { client, team, application, registrations, check };
}
