/**
 * The creation key: a label value that is stable for one resource in one stack across runs, so that a create whose
 * outcome was lost (plugin host killed after Konnect stored the POST, an unparseable 2xx, a dropped answer whose
 * recovery listing failed) is found and taken over by the next `up` instead of being posted a second time.
 *
 * ## Where the key comes from
 * - The **base key** is derived on the program side from the resource's URN-equivalent identity (organization,
 *   project, stack, the parent type chain, resource type, name; see `creationKeyInput.ts`) and hashed into a label
 *   value. The whole URN is used, not just name+type: two resources named alike under different component parents
 *   must not share a key, and dev/prod stacks (or two projects) in one Konnect organization must not either.
 * - It travels as the `__creationKey` input ({@link CREATION_KEY_INPUT}), never secret. `check` decides the
 *   **effective key** (below); `diff` ignores the input completely; `create` writes it as the value of the
 *   `pulumi-create-id` label. Outputs carry `__creationKey` = the key the object's label holds.
 *
 * ## How `check` picks the effective key (validated against the engine's step generator)
 * The engine calls Check(olds = prior inputs) for a resource in state and Check(olds = {}) for a resource that is not
 * (a first create, or the rerun of a create interrupted before state was written). On a replacement it then behaves
 * in one of two ways:
 * - a **non-targeted replace** (a `replaces` answer from diff: type change, `replaceOnChanges`, ...) calls Check a
 *   second time with **empty olds** and creates with those inputs (step_generator "recompute the default values");
 * - a **targeted replace** (`pulumi up --replace <urn>`) calls no Diff and no second Check: it creates with the
 *   inputs of the Check(olds) call.
 * So an empty `olds` alone cannot tell a first create from a replacement. The rules:
 * 1. `olds` present: key = successor(olds.__creationKey), or successor(base) for a stack written before keys existed.
 *    The successor is remembered in process memory under the base key.
 * 2. `olds` empty and this process remembers a successor for the base key (it checked the same resource with olds
 *    moments ago, so this is the engine's replacement re-check): key = that successor.
 * 3. `olds` empty otherwise: key = base.
 * The key chain base → s(base) → s(s(base)) … only moves forward, and an object keeps the key it was created with,
 * so a replacement's key is always past the key of the object it replaces: it never takes that object over. A rerun
 * of an interrupted replacement sees the same olds, derives the same successor and finds its own half-made object.
 * The price: the key input moves one step per `up` of an existing resource (state only; diff ignores it, and the
 * label on the object never changes).
 *
 * ## Rules for the handlers
 * - create: list by name (Konnect has no label filter), pick the object whose creation label equals the key, take it
 *   over (PATCH to the declared state) or POST with the label; an unknown outcome says {@link UNKNOWN_OUTCOME_HINT}.
 * - update: PATCH and the OIDC-option-removing PUT keep the object's creation label ({@link labelsKeepingCreationKey}).
 * - read: today's read returns `inputs` rebuilt from the outputs, which refresh writes into state. It must carry
 *   `__creationKey` = the object's label when that is a valid key ({@link creationKeyFromLabels}), else the prior
 *   value: a dropped key makes the next check fall back to successor(base), which is the label of an object created
 *   by a replacement from state key `base`, the live object itself.
 * - diff: ignores `__creationKey` (not an update, not a replace), so existing stacks upgrade without a replace.
 * - the memory is one module-level instance per plugin host process (the engine runs one host per deployment and
 *   calls the two Checks of a replacement back to back in it). Without it, a type-change replacement of an object
 *   created with the base key takes that object over (proved through the real host with a prototype).
 * - a name changed between an interrupted create and its rerun is not found (the lookup lists by name): the rerun
 *   posts, and the first object stays an orphan. Konnect's list endpoints have no label filter; listing every page
 *   on every create would cost the API-economy floor.
 */
import { createHash } from "node:crypto";
import { CREATE_LABEL } from "../../konnect/labelRules";

/** Label key that carries the creation key on the Konnect object (the same key the random per-attempt id used). */
export const CREATION_LABEL_KEY = CREATE_LABEL;

/**
 * Name of the input (and output) that carries the creation key. The `__` prefix keeps it out of every preview:
 * Pulumi's CLI hides property keys starting with `__` (`IsInternalPropertyKey`), and the key moves one step on every
 * `up` of an existing resource. The Node dynamic-provider host passes such keys through check/create/diff/read as-is.
 */
export const CREATION_KEY_INPUT = "__creationKey";

/** Hex characters in a creation key (160 bits): a valid Konnect label value (1-63 characters, alphanumeric). */
export const CREATION_KEY_LENGTH = 40;

/** What every error says when a create may have happened without the provider learning the object's id. */
export const UNKNOWN_OUTCOME_HINT = "the object may exist; the next `up` will find it by its creation key";

const KEY_PATTERN = new RegExp(`^[0-9a-f]{${CREATION_KEY_LENGTH}}$`);

function digest(domain: string, text: string): string {
  return createHash("sha256").update(`pulumi-konnect-dcr/${domain}/v1\u0000${text}`).digest("hex").slice(0, 40);
}

/** The identity a base key is derived from: the resource's URN and the Pulumi organization (may be empty). */
export interface CreationKeyIdentity {
  /** The resource's URN (`urn:pulumi:<stack>::<project>::<parent types$>type::name`). */
  urn: string;
  /** The Pulumi organization, or "" when the SDK does not know it (tests under mocks). */
  organization: string;
}

/** The base key of a resource: a hash of its identity. Deterministic; never depends on inputs or time. */
export function baseCreationKey(identity: CreationKeyIdentity): string {
  if (!identity.urn.startsWith("urn:pulumi:")) throw new Error(`not a Pulumi URN: ${JSON.stringify(identity.urn)}`);
  return digest("base", `${identity.organization}\u0000${identity.urn}`);
}

/** The key after `key` in the chain: what a replacement of an object created with `key` (or later) carries. */
export function successorCreationKey(key: string): string {
  return digest("successor", key);
}

/** True for a well-formed creation key. */
export function isCreationKey(value: unknown): value is string {
  return typeof value === "string" && KEY_PATTERN.test(value);
}

/** Why `value` is not a creation key (for `check` failures on `__creationKey`), or undefined when it is one. */
export function creationKeyProblem(value: unknown): string | undefined {
  if (isCreationKey(value)) return undefined;
  if (value === undefined) return "is required (set by the resource class from its URN; do not pass it yourself)";
  return `must be ${CREATION_KEY_LENGTH} lowercase hex characters derived from the resource's URN, got ${JSON.stringify(value)}`;
}

/** What `check` knows about the resource's prior inputs. */
export type PriorInputs =
  /** Empty olds: a first create, the rerun of an interrupted one, or the engine's replacement re-check. */
  | { inState: false }
  /** The resource is in state; `creationKey` is its prior input (undefined for stacks written before keys). */
  | { inState: true; creationKey: unknown };

/**
 * The effective key `check` returns (rules 1-3 of the module comment) and the successor to remember, if any.
 * `remembered` is what {@link CreationKeyMemory.recall} gave for the base key.
 */
export function effectiveCreationKey(
  base: string,
  prior: PriorInputs,
  remembered: string | undefined,
): { key: string; remember?: string } {
  if (!isCreationKey(base)) throw new Error(`invalid base creation key: ${creationKeyProblem(base)}`);
  if (prior.inState) {
    const key = successorCreationKey(isCreationKey(prior.creationKey) ? prior.creationKey : base);
    return { key, remember: key };
  }
  return { key: remembered ?? base };
}

/**
 * Process memory of the successors `check` derived for resources in state, by base key. It lets the engine's second,
 * empty-olds Check of a non-targeted replacement (same plugin host process, right after the first) find the successor.
 */
export class CreationKeyMemory {
  private readonly successors = new Map<string, string>();

  /** Remembers the successor derived for a base key. */
  remember(base: string, successor: string): void {
    this.successors.set(base, successor);
  }

  /** The successor remembered for a base key, if any. */
  recall(base: string): string | undefined {
    return this.successors.get(base);
  }
}

/**
 * The check step for the creation key: the effective key for the `__creationKey` value in `news` (the base key the
 * program derived; anything else is reported as a problem), using and updating `memory`.
 */
export function checkCreationKey(
  base: unknown,
  prior: PriorInputs,
  memory: CreationKeyMemory,
): { key: string } | { problem: string } {
  if (!isCreationKey(base)) return { problem: creationKeyProblem(base)! };
  const { key, remember } = effectiveCreationKey(base, prior, memory.recall(base));
  if (remember !== undefined) memory.remember(base, remember);
  return { key };
}

/** The labels to POST: the declared ones plus the creation label. */
export function labelsWithCreationKey(
  declared: Record<string, string> | undefined,
  key: string,
): Record<string, string> {
  return { ...(declared ?? {}), [CREATION_LABEL_KEY]: key };
}

/** The creation key an object carries, when its creation label is a creation key (not a pre-key random id). */
export function creationKeyFromLabels(labels: Record<string, string> | undefined): string | undefined {
  const value = labels?.[CREATION_LABEL_KEY];
  return isCreationKey(value) ? value : undefined;
}

/**
 * The labels an update sends so that the object keeps its creation label: the declared labels plus the creation label
 * the object carries now (whatever its value, a pre-key random id included). Never the input's current key: the label
 * keeps the key the object was created with.
 */
export function labelsKeepingCreationKey(
  declared: Record<string, string> | undefined,
  current: Record<string, string> | undefined,
): Record<string, string> {
  const kept = current?.[CREATION_LABEL_KEY];
  const { [CREATION_LABEL_KEY]: _ignored, ...rest } = declared ?? {};
  return kept === undefined ? rest : { ...rest, [CREATION_LABEL_KEY]: kept };
}

/** Outcome of looking for an object that carries a key. */
export type KeyedLookup<T> =
  /** No candidate carries the key: POST. */
  | { found: "none" }
  /** Exactly one does: take it over. */
  | { found: "one"; object: T }
  /** Several do (should never happen): stop and name them. */
  | { found: "many"; ids: string[] };

/** Picks, among listed candidates, the objects carrying `key` in their creation label. */
export function findByCreationKey<T extends { id: string; labels?: Record<string, string> }>(
  candidates: readonly T[],
  key: string,
): KeyedLookup<T> {
  const matches = candidates.filter((c) => c.labels?.[CREATION_LABEL_KEY] === key);
  if (matches.length === 0) return { found: "none" };
  if (matches.length === 1) return { found: "one", object: matches[0]! };
  return { found: "many", ids: matches.map((m) => m.id) };
}

/** An error message for a create whose outcome is unknown: the cause, then {@link UNKNOWN_OUTCOME_HINT}. */
export function unknownOutcomeMessage(cause: string): string {
  return `${cause}; ${UNKNOWN_OUTCOME_HINT}`;
}
