/**
 * The root stack's Dev Portal config, parsed: `publications` entries are strings (Pulumi project config has no
 * object type), `<apiId>/<portalId>` optionally followed by `?visibility=public&autoApproveRegistrations=true&adopt=true`;
 * `defaultForPortals` is a list of portal ids. Errors name the config key and entry.
 */
import type { AzureKonnectDcrPublication } from "pulumi-konnect-dcr";

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
