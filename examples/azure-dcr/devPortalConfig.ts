/**
 * The root stack's Dev Portal config, parsed: `publications` entries are strings (Pulumi project config has no
 * object type), `<apiId>/<portalId>` optionally followed by `?visibility=public&autoApproveRegistrations=true&adopt=true`;
 * `defaultForPortals` is a list of portal ids; the `testApplication*` keys make the component's `testApplication`.
 * Errors name the config key and entry.
 */
import type { AzureKonnectDcrPublication, AzureKonnectDcrTestApplication } from "pulumi-konnect-dcr";

/** What one `publications` entry looks like, for error messages and docs. */
export const PUBLICATION_ENTRY_FORMAT =
  "<apiId>/<portalId>[?visibility=public|private&autoApproveRegistrations=true|false&adopt=true|false]";

const FLAGS = ["autoApproveRegistrations", "adopt"] as const;

function flag(value: string, where: string): boolean {
  if (value === "true") return true;
  if (value === "false") return false;
  throw new Error(`${where}: must be true or false, got ${JSON.stringify(value)}`);
}

/** One `publications` entry; ids are checked by the component (UUIDs), options here. */
export function parsePublicationEntry(entry: unknown, index: number): AzureKonnectDcrPublication {
  const where = `publications[${index}]`;
  if (typeof entry !== "string") throw new Error(`${where}: expected a string "${PUBLICATION_ENTRY_FORMAT}"`);
  const [path = "", query, ...rest] = entry.split("?");
  const ids = path.split("/");
  if (rest.length > 0 || ids.length !== 2 || ids[0] === "" || ids[1] === "") {
    throw new Error(`${where}: expected "${PUBLICATION_ENTRY_FORMAT}", got ${JSON.stringify(entry)}`);
  }
  const publication: AzureKonnectDcrPublication = { apiId: ids[0]!, portalId: ids[1]! };
  for (const [key, value] of new URLSearchParams(query ?? "")) {
    if (key === "visibility") {
      if (value !== "public" && value !== "private") {
        throw new Error(`${where}: visibility must be public or private, got ${JSON.stringify(value)}`);
      }
      publication.visibility = value;
    } else if ((FLAGS as readonly string[]).includes(key)) {
      publication[key as (typeof FLAGS)[number]] = flag(value, `${where}: ${key}`);
    } else {
      throw new Error(`${where}: unknown option "${key}"; expected visibility, autoApproveRegistrations or adopt`);
    }
  }
  return publication;
}

/** Every `publications` entry (the config value, or undefined when not set). */
export function parsePublications(entries: unknown[] | undefined): AzureKonnectDcrPublication[] {
  return (entries ?? []).map(parsePublicationEntry);
}

/** The root stack's `testApplication*` config values (plain, as `pulumi.Config` reads them). */
export interface TestApplicationConfig {
  /** `testApplicationPortalId`: setting it adds the test application. */
  portalId?: string;
  /** `testApplicationApiIds`: a list of API ids. */
  apiIds?: unknown;
  /** `testApplicationOwner`: `team:<teamId>` or `developer:<developerId>`. */
  owner?: string;
  /** `testApplicationName`. */
  name?: string;
  /** `testApplicationRoute`: the gateway URL to call. */
  route?: string;
  /** `testApplicationResource`: the resource of the token. */
  resource?: string;
  /** `testApplicationLoginUrl`: the Azure AD login host. */
  loginUrl?: string;
  /** `testApplicationTimeoutSeconds`. */
  timeoutSeconds?: number;
}

/** What `testApplicationOwner` looks like. */
export const OWNER_FORMAT = "team:<teamId> or developer:<developerId>";

/** Config key of each test application setting. */
const TEST_APPLICATION_KEYS: Record<keyof TestApplicationConfig, string> = {
  portalId: "testApplicationPortalId",
  apiIds: "testApplicationApiIds",
  owner: "testApplicationOwner",
  name: "testApplicationName",
  route: "testApplicationRoute",
  resource: "testApplicationResource",
  loginUrl: "testApplicationLoginUrl",
  timeoutSeconds: "testApplicationTimeoutSeconds",
};

/**
 * The component's `testApplication` from the root stack's config, or undefined when `testApplicationPortalId` is not
 * set (then no other `testApplication*` key may be). Ids are checked by the component; shapes here, naming the key.
 */
export function parseTestApplication(config: TestApplicationConfig): AzureKonnectDcrTestApplication | undefined {
  const given = (Object.keys(TEST_APPLICATION_KEYS) as (keyof TestApplicationConfig)[]).filter(
    (k) => config[k] !== undefined,
  );
  if (config.portalId === undefined) {
    if (given.length === 0) return undefined;
    const keys = given.map((k) => TEST_APPLICATION_KEYS[k]).join(", ");
    throw new Error(`testApplicationPortalId: required with ${keys} (it turns the test application on)`);
  }
  const entry: AzureKonnectDcrTestApplication = { portalId: config.portalId };
  if (config.apiIds !== undefined) {
    if (!Array.isArray(config.apiIds)) throw new Error("testApplicationApiIds: expected a list of API ids");
    entry.apiIds = config.apiIds.map((id: unknown, i) => {
      if (typeof id !== "string") throw new Error(`testApplicationApiIds[${i}]: expected an API id (a string)`);
      return id;
    });
  }
  if (config.owner !== undefined) {
    const match = /^(team|developer):(.+)$/.exec(config.owner);
    if (match === null) {
      throw new Error(`testApplicationOwner: expected "${OWNER_FORMAT}", got ${JSON.stringify(config.owner)}`);
    }
    entry.owner = match[1] === "team" ? { teamId: match[2]! } : { developerId: match[2]! };
  }
  for (const key of ["name", "route", "resource", "loginUrl"] as const) {
    const value = config[key];
    if (value !== undefined) entry[key] = value;
  }
  if (config.timeoutSeconds !== undefined) entry.timeoutSeconds = config.timeoutSeconds;
  return entry;
}
