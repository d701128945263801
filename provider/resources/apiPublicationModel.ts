/**
 * Pure logic of `konnect.ApiPublication` (no I/O): the resource id, the `authStrategyIds` wire mapping, effective
 * values, "is the existing publication the declared one?", the create decision, the PUT body, outputs and diff.
 * The semantics are written down in `./apiPublicationArgs.ts`.
 */
import type { ApiPublication, PutApiPublicationRequest } from "../konnect/apiPublications";
import type { ApiPublicationInputs, ApiPublicationOutputs, ApiPublicationVisibility } from "./apiPublicationArgs";

/** Input properties whose change replaces the publication. */
export const PUBLICATION_REPLACE_PROPERTIES = ["apiId", "portalId", "region"] as const;
/**
 * Replacement deletes first. The old and the new publication can be the same Konnect object (a `region` change from
 * unset to the stack's default region): creating first would take it over and the delete would then unpublish it.
 */
export const PUBLICATION_DELETE_BEFORE_REPLACE = true;
/** Input properties whose change is one PUT. */
export const PUBLICATION_UPDATE_PROPERTIES = ["authStrategyIds", "visibility", "autoApproveRegistrations"] as const;

/** The resource id of a publication: `<apiId>/<portalId>` (Konnect gives a publication no id of its own). */
export function publicationId(apiId: string, portalId: string): string {
  return `${apiId}/${portalId}`;
}

/** The API and portal ids in a publication's resource id; throws on anything else. */
export function parsePublicationId(id: string): { apiId: string; portalId: string } {
  const parts = id.split("/");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") {
    throw new Error(`API publication id "${id}": expected "<apiId>/<portalId>"`);
  }
  return { apiId: parts[0]!, portalId: parts[1]! };
}

/**
 * Declared `authStrategyIds` on the wire: absent → undefined (the field is not sent, Konnect uses the portal's
 * default), `[]` → null (no application auth), `[id]` → `[id]`.
 */
export function authStrategyIdsToWire(declared: readonly string[] | undefined): string[] | null | undefined {
  if (declared === undefined) return undefined;
  return declared.length === 0 ? null : [...declared];
}

/** Konnect's `auth_strategy_ids` in the input shape: null (no application auth) → `[]`. */
export function authStrategyIdsFromWire(wire: readonly string[] | null): string[] {
  return wire === null ? [] : [...wire];
}

/** Visibility in effect: absent is Konnect's default, `private`. */
export function effectiveVisibility(declared: ApiPublicationVisibility | undefined): ApiPublicationVisibility {
  return declared ?? "private";
}

/** Auto approval in effect: absent is false (the portal's setting decides). */
export function effectiveAutoApprove(declared: boolean | undefined): boolean {
  return declared ?? false;
}

/** Two strategy id lists name the same strategies (UUIDs compared case-insensitively). */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const norm = (ids: readonly string[]) => ids.map((id) => id.toLowerCase()).sort();
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** What Konnect holds of a publication, in the input shape (from a GET or from prior outputs). */
export interface PublicationSettings {
  authStrategyIds: string[];
  visibility: string;
  autoApproveRegistrations: boolean;
}

/** Konnect's publication in the input shape. */
export function settingsFromKonnect(publication: ApiPublication): PublicationSettings {
  return {
    authStrategyIds: authStrategyIdsFromWire(publication.authStrategyIds),
    visibility: publication.visibility,
    autoApproveRegistrations: publication.autoApproveRegistrations ?? false,
  };
}

/**
 * How an existing publication differs from the declared one, one line per field (`visibility: Konnect has
 * "public", declared "private"`); empty when it is the declared publication. An absent `authStrategyIds` is not
 * compared: it asks for whatever default the portal gives.
 */
export function publicationDifferences(declared: ApiPublicationInputs, existing: PublicationSettings): string[] {
  const differences: string[] = [];
  const show = (value: unknown) => JSON.stringify(value);
  if (declared.authStrategyIds !== undefined && !sameIds(declared.authStrategyIds, existing.authStrategyIds)) {
    differences.push(
      `authStrategyIds: Konnect has ${show(existing.authStrategyIds)}, declared ${show(declared.authStrategyIds)}`,
    );
  }
  const visibility = effectiveVisibility(declared.visibility);
  if (visibility !== existing.visibility) {
    differences.push(`visibility: Konnect has ${show(existing.visibility)}, declared ${show(visibility)}`);
  }
  const autoApprove = effectiveAutoApprove(declared.autoApproveRegistrations);
  if (autoApprove !== existing.autoApproveRegistrations) {
    differences.push(
      `autoApproveRegistrations: Konnect has ${show(existing.autoApproveRegistrations)}, declared ${show(autoApprove)}`,
    );
  }
  return differences;
}

/** What create does after its GET. */
export type PublicationCreateDecision =
  /** Not published yet: PUT. */
  | { kind: "publish" }
  /** Published exactly as declared: take it over, no PUT. */
  | { kind: "take-over" }
  /** Published differently and `adopt: true`: PUT the declared settings over it. */
  | { kind: "overwrite"; differences: string[] }
  /** Published differently without `adopt`: fail with this message. */
  | { kind: "conflict"; message: string };

/** Decides create from the declared inputs and the publication the GET found (undefined on 404). */
export function createDecision(
  declared: ApiPublicationInputs,
  existing: PublicationSettings | undefined,
): PublicationCreateDecision {
  if (existing === undefined) return { kind: "publish" };
  const differences = publicationDifferences(declared, existing);
  if (differences.length === 0) return { kind: "take-over" };
  if (declared.adopt === true) return { kind: "overwrite", differences };
  return {
    kind: "conflict",
    message:
      `API ${declared.apiId} is already published to portal ${declared.portalId} with other settings ` +
      `(${differences.join("; ")}). Set adopt: true to take it over and apply the declared settings, ` +
      "declare the settings it has, or unpublish it first.",
  };
}

/** The PUT body for the declared publication: effective visibility and auto approval, strategies as declared. */
export function publicationRequest(declared: ApiPublicationInputs): PutApiPublicationRequest {
  const authStrategyIds = authStrategyIdsToWire(declared.authStrategyIds);
  return {
    visibility: effectiveVisibility(declared.visibility),
    ...(authStrategyIds === undefined ? {} : { authStrategyIds }),
    autoApproveRegistrations: effectiveAutoApprove(declared.autoApproveRegistrations),
  };
}

/** Outputs: the declared identity and flags, Konnect's settings in the input shape, and the read-only fields. */
export function publicationOutputs(declared: ApiPublicationInputs, publication: ApiPublication): ApiPublicationOutputs {
  const settings = settingsFromKonnect(publication);
  return {
    apiId: declared.apiId,
    portalId: declared.portalId,
    authStrategyIds: settings.authStrategyIds,
    // A visibility Konnect adds later is passed through as reported.
    visibility: settings.visibility as ApiPublicationVisibility,
    autoApproveRegistrations: settings.autoApproveRegistrations,
    ...(declared.adopt === undefined ? {} : { adopt: declared.adopt }),
    ...(declared.region === undefined ? {} : { region: declared.region }),
    warnings: [...publication.warnings],
    createdAt: publication.createdAt,
    updatedAt: publication.updatedAt,
  };
}

/** What `diff` reports: changed properties, and those of them that replace. */
export interface PublicationChanges {
  /** Every changed input property. */
  changes: string[];
  /** The changed properties that force a replacement. */
  replaces: string[];
}

/**
 * Diff of prior outputs against new (checked, fully known) inputs, on effective values; `adopt` changes nothing in
 * Konnect and is not reported.
 */
export function publicationChanges(olds: ApiPublicationOutputs, news: ApiPublicationInputs): PublicationChanges {
  const replaces = PUBLICATION_REPLACE_PROPERTIES.filter((p) => olds[p] !== news[p]);
  const updates = publicationDifferences(news, olds).map((line) => line.slice(0, line.indexOf(":")));
  return { changes: [...replaces, ...updates], replaces: [...replaces] };
}
