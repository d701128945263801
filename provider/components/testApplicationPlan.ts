/**
 * The plan of {@link AzureKonnectDcr}'s `testApplication`: its arguments, validated, and the names of its children,
 * before anything is registered. Child names derive from the component name and the API ids, never from list
 * positions, so reordering `apiIds` changes nothing; the ids are therefore plain strings (an Output cannot name a
 * resource).
 */
import type * as pulumi from "@pulumi/pulumi";
import { isGuid } from "../azure/graphPermissions";
import type { AzureKonnectDcrPublication } from "./devPortal";

/** An existing team of the portal that owns the test application (it must be able to own applications). */
export interface TestApplicationTeamOwner {
  /** Id (UUID) of the portal team. Changing it moves the application to that team (one PATCH). */
  teamId: pulumi.Input<string>;
}

/** An existing developer of the portal who owns the test application. */
export interface TestApplicationDeveloperOwner {
  /** Id (UUID) of the portal developer. Changing it moves the application to that developer (one PATCH). */
  developerId: pulumi.Input<string>;
}

/** Who owns the test application: an existing team or developer of the portal. */
export type TestApplicationOwner = TestApplicationTeamOwner | TestApplicationDeveloperOwner;

/**
 * A Dev Portal application the stack creates to prove DCR works, ending `pulumi up` with Kong's "make a successful
 * request": an Azure client app owned by the DCR admin app's service principal, a Konnect application linked to it
 * (`dcr_client_id`), its registrations, and a request check (a v1 token, then the gateway route).
 */
export interface AzureKonnectDcrTestApplication {
  /**
   * Id (UUID) of the Dev Portal the application lives in, as a plain string (it selects the default `apiIds` among
   * `publications`). Changing it replaces the team, the application and its registrations.
   */
  portalId: string;
  /**
   * APIs (UUIDs, plain strings: they name the registration children) to register the application for, each approved.
   * Default: every API this component publishes in `portalId` (`publications`); with none there, it must be given.
   * `[]` registers none (only the token is checked then; a `route` would be denied). Adding or removing an id adds or
   * deletes that registration; reordering changes nothing.
   */
  apiIds?: string[];
  /**
   * Owner of the application: `{ teamId }` or `{ developerId }` of the portal. Default: a team this component creates
   * (`<component> test team`, able to own applications). Changing it is one PATCH of the application; the component's
   * own team is then deleted (or created, when the owner is removed).
   */
  owner?: TestApplicationOwner;
  /**
   * Name of the Konnect application and of its Azure client app registration. Default
   * `<component name> test application`. Changing it replaces the application (Kong allows only owner changes) and
   * renames the Azure app in place.
   */
  name?: pulumi.Input<string>;
  /**
   * Gateway URL of an API in `apiIds` (https; http only on loopback) that the check calls with the bearer token,
   * expecting 2xx. Default: none (only the token is checked). Changing it re-runs the check.
   */
  route?: pulumi.Input<string>;
  /**
   * Resource (App ID URI) the v1 token is requested for. Default `https://graph.microsoft.com`, as `npm run verify`.
   * Changing it re-runs the check.
   */
  resource?: pulumi.Input<string>;
  /**
   * Azure AD login host of the token request. Default `https://login.microsoftonline.com` (other clouds have their
   * own host; tests use a local stand-in). Changing it re-runs the check.
   */
  loginUrl?: pulumi.Input<string>;
  /**
   * How long the check retries before it fails the `up` (a new Azure secret takes seconds to work, a new registration
   * takes time to reach the gateway). Default: the request check's own default. Changing it changes nothing remote.
   */
  timeoutSeconds?: pulumi.Input<number>;
  /**
   * Only with `existingApplication` (whose service principal is not in the stack): the object id (GUID) of that app's
   * service principal, made an owner of the test client so Konnect can reach it with
   * `Application.ReadWrite.OwnedBy` (`az ad sp show --id <clientId> --query id -o tsv`). Required then; rejected
   * otherwise (the component's own admin app's service principal is used). Changing it updates the owners in place.
   */
  adminServicePrincipalObjectId?: pulumi.Input<string>;
}

/** One planned registration. */
export interface PlannedRegistration {
  /** Child name: `<component>-test-registration-<apiId lower-case>`. */
  name: string;
  /** The API id as given. */
  apiId: string;
  /** Name of the component's publication of this API in the portal, when there is one (the registration waits). */
  publication?: string;
}

/** The validated test application and its children's names. */
export interface TestApplicationPlan {
  /** The arguments as given. */
  entry: AzureKonnectDcrTestApplication;
  /** Azure client component: `<component>-test-client`. */
  clientName: string;
  /** Team child (`<component>-test-team`), absent when `owner` is given. */
  teamName?: string;
  /** Application child: `<component>-test-application`. */
  applicationName: string;
  /** Registration children, in the order of the API ids. */
  registrations: PlannedRegistration[];
  /** Request check child: `<component>-test-check`. */
  checkName: string;
  /** Default Konnect and Azure name of the application. */
  defaultName: string;
}

/** A plain UUID, lower-cased for names and duplicate checks; throws naming `property` otherwise. */
function plainId(value: unknown, property: string): string {
  if (typeof value !== "string") {
    throw new Error(
      `${property}: must be a plain string UUID (it names or selects child resources, so it cannot be an Output or a Promise)`,
    );
  }
  if (!isGuid(value)) throw new Error(`${property}: must be a UUID, got ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

/** A known id input (a plain string) that is not a GUID; Outputs are left to the resource's own check. */
function badKnownGuid(value: unknown): boolean {
  return typeof value === "string" && !isGuid(value);
}

/** Name of the registration child for an API (id lower-cased). */
export function testRegistrationChildName(component: string, apiId: string): string {
  return `${component}-test-registration-${apiId.toLowerCase()}`;
}

/** What the plan needs from the component's other arguments. */
export interface TestApplicationContext {
  /** The component's publications, planned (names and entries). */
  publications: readonly { name: string; entry: AzureKonnectDcrPublication }[];
  /** Whether the component brings its own Azure application (`existingApplication`). */
  existingApplication: boolean;
}

/**
 * Validates `testApplication` and names its children; throws naming the property (`testApplication.apiIds[1]: ...`).
 */
export function planTestApplication(
  component: string,
  entry: AzureKonnectDcrTestApplication,
  context: TestApplicationContext,
): TestApplicationPlan {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    throw new Error("testApplication: must be an object with at least portalId");
  }
  const portalId = plainId(entry.portalId, "testApplication.portalId");
  const published = context.publications.filter((p) => p.entry.portalId.toLowerCase() === portalId);
  let apiIds: string[];
  if (entry.apiIds === undefined) {
    apiIds = published.map((p) => p.entry.apiId);
    if (apiIds.length === 0) {
      throw new Error(
        `testApplication.apiIds: this component publishes no API in portal ${portalId}; list the APIs to register ` +
          "(testApplication.apiIds), or publish one there (publications)",
      );
    }
  } else {
    if (!Array.isArray(entry.apiIds)) throw new Error("testApplication.apiIds: must be a list of plain string UUIDs");
    apiIds = entry.apiIds;
    if (apiIds.length === 0 && entry.route !== undefined) {
      throw new Error(
        "testApplication.apiIds: is empty but route is set: the gateway lets an application through only for APIs " +
          "it is registered for",
      );
    }
  }
  const seen = new Map<string, number>();
  const registrations = apiIds.map((apiId, i) => {
    const id = plainId(apiId, `testApplication.apiIds[${i}]`);
    const first = seen.get(id);
    if (first !== undefined) {
      throw new Error(`testApplication.apiIds[${i}]: API ${id} is listed twice (see testApplication.apiIds[${first}])`);
    }
    seen.set(id, i);
    const publication = published.find((p) => p.entry.apiId.toLowerCase() === id)?.name;
    return {
      name: testRegistrationChildName(component, id),
      apiId,
      ...(publication === undefined ? {} : { publication }),
    };
  });
  checkOwner(entry.owner);
  if (context.existingApplication) {
    const admin = entry.adminServicePrincipalObjectId as unknown;
    if (admin === undefined || admin === null) {
      throw new Error(
        "testApplication.adminServicePrincipalObjectId: required with existingApplication: the object id of that " +
          "app's service principal, which must own the test client so Konnect can reach it with " +
          "Application.ReadWrite.OwnedBy (az ad sp show --id <clientId> --query id -o tsv)",
      );
    }
    if (badKnownGuid(admin)) throw new Error("testApplication.adminServicePrincipalObjectId: must be a GUID");
  } else if (entry.adminServicePrincipalObjectId !== undefined) {
    throw new Error(
      "testApplication.adminServicePrincipalObjectId: only with existingApplication; the component's own DCR admin " +
        "app's service principal owns the test client",
    );
  }
  return {
    entry,
    clientName: `${component}-test-client`,
    ...(entry.owner === undefined ? { teamName: `${component}-test-team` } : {}),
    applicationName: `${component}-test-application`,
    registrations,
    checkName: `${component}-test-check`,
    defaultName: `${component} test application`,
  };
}

/** Exactly one of `teamId` / `developerId`, a GUID when known. */
function checkOwner(owner: unknown): void {
  if (owner === undefined) return;
  if (typeof owner !== "object" || owner === null || Array.isArray(owner)) {
    throw new Error("testApplication.owner: must be { teamId } or { developerId }");
  }
  const keys = Object.keys(owner).filter((k) => (owner as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || (keys[0] !== "teamId" && keys[0] !== "developerId")) {
    throw new Error(
      `testApplication.owner: must have exactly one of teamId and developerId, got ${JSON.stringify(keys)}`,
    );
  }
  const key = keys[0];
  if (badKnownGuid((owner as Record<string, unknown>)[key])) {
    throw new Error(`testApplication.owner.${key}: must be a UUID`);
  }
}
