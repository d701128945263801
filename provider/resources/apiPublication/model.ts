/**
 * Pure logic of `konnect.ApiPublication` (no I/O): the resource id, the `authStrategyIds` wire mapping, effective
 * values, "is the existing publication the declared one?", the create decision, the PUT body, outputs and diff.
 * The semantics are written down in `./apiPublicationArgs.ts`.
 */
import type { ApiPublication, PutApiPublicationRequest } from "../../konnect/apiPublications/operations";
import type { ApiPublicationInputs, ApiPublicationOutputs, ApiPublicationVisibility } from "./args";
import { changedRules, regionRule, replacingProperties, updateBody, type FieldRule } from "../core/fieldRules";

/**
 * Replacement deletes first. The old and the new publication can be the same Konnect object (a `region` change from
 * unset to the stack's default region): creating first would take it over and the delete would then unpublish it.
 */
export const PUBLICATION_DELETE_BEFORE_REPLACE = true;

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

/** Two strategy id lists name the same strategies (UUIDs compared case-insensitively, order ignored). */
function sameIds(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  const norm = (ids: unknown[]) => ids.map((id) => String(id).toLowerCase()).sort();
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

/** The changed settings of a publication, in the PUT request's shape (camelCase). */
export type PublicationBody = Partial<PutApiPublicationRequest>;

/**
 * The settings rows (each an in-place update, one PUT): compared as effective values. An absent `authStrategyIds`
 * is not compared and not sent (it asks for whatever default the portal gives); ids compare as a case-insensitive
 * set. An absent `visibility` is `private`, an absent `autoApproveRegistrations` is `false`.
 */
export const PUBLICATION_SETTINGS_RULES: readonly FieldRule<
  PublicationSettings,
  ApiPublicationInputs,
  PublicationBody
>[] = [
  {
    property: "authStrategyIds",
    effect: "update",
    keptWhenAbsent: (n) => n.authStrategyIds === undefined,
    before: (o) => o.authStrategyIds,
    after: (n) => n.authStrategyIds,
    equal: sameIds,
    send: (body, _o, n) => {
      const wire = authStrategyIdsToWire(n.authStrategyIds);
      if (wire !== undefined) body.authStrategyIds = wire;
    },
  },
  {
    property: "visibility",
    effect: "update",
    before: (o) => o.visibility,
    after: (n) => effectiveVisibility(n.visibility),
    send: (body, _o, n) => (body.visibility = effectiveVisibility(n.visibility)),
  },
  {
    property: "autoApproveRegistrations",
    effect: "update",
    before: (o) => o.autoApproveRegistrations,
    after: (n) => effectiveAutoApprove(n.autoApproveRegistrations),
    send: (body, _o, n) => (body.autoApproveRegistrations = effectiveAutoApprove(n.autoApproveRegistrations)),
  },
];

/**
 * Every row of a publication: `apiId`, `portalId` and `region` replace; the settings update in place; `adopt`
 * changes nothing in Konnect (local).
 */
export const PUBLICATION_RULES: readonly FieldRule<ApiPublicationOutputs, ApiPublicationInputs, PublicationBody>[] = [
  { property: "apiId", effect: "replace", before: (o) => o.apiId, after: (n) => n.apiId },
  { property: "portalId", effect: "replace", before: (o) => o.portalId, after: (n) => n.portalId },
  regionRule(),
  ...PUBLICATION_SETTINGS_RULES,
  { property: "adopt", effect: "local", before: (o) => o.adopt ?? false, after: (n) => n.adopt ?? false },
];

/**
 * How an existing publication differs from the declared one, one line per settings row (`visibility: Konnect has
 * "public", declared "private"`); empty when it is the declared publication.
 */
export function publicationDifferences(declared: ApiPublicationInputs, existing: PublicationSettings): string[] {
  const show = (value: unknown) => JSON.stringify(value);
  return changedRules(PUBLICATION_SETTINGS_RULES, existing, declared).map(
    (rule) => `${rule.property}: Konnect has ${show(rule.before(existing))}, declared ${show(rule.after(declared))}`,
  );
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

/** Diff of prior outputs against new (checked, fully known) inputs, from the rows (what the handlers' diff reports). */
export function publicationChanges(olds: ApiPublicationOutputs, news: ApiPublicationInputs): PublicationChanges {
  const changes = changedRules(PUBLICATION_RULES, olds, news).map((r) => r.property);
  return { changes, replaces: replacingProperties(PUBLICATION_RULES, changes) };
}

/** The PUT that brings a publication from `olds` to `news`: the whole declared publication, or undefined. */
export function publicationUpdate(
  olds: ApiPublicationOutputs,
  news: ApiPublicationInputs,
): { fields: string[]; request: PutApiPublicationRequest } | undefined {
  const body = updateBody<ApiPublicationOutputs, ApiPublicationInputs, PublicationBody>(
    PUBLICATION_RULES,
    olds,
    news,
    {},
  );
  return body && { fields: Object.keys(body), request: publicationRequest(news) };
}
