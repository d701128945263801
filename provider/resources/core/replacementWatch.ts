/**
 * What the diffs of one deployment (one plugin host) saw of objects that are being replaced, and of the references
 * other resources keep to an object after the deployment. A replaced object is deleted (at the end of an `up`, or
 * first); a resource of the same stack that keeps using it makes that delete fail, with Konnect's 409, on this and
 * every later `up`. Konnect does not move such references: an API publication declared without `authStrategyIds`
 * keeps the strategy the portal's default was when it was published (F6 of issue 21).
 *
 * The two facts arrive in either order (the engine diffs resources concurrently, as their inputs resolve): whichever
 * diff comes second refuses with the message of {@link replacementConflict}, so `pulumi preview` (and the preview of
 * `pulumi up`) says what will happen and what to declare, before anything changes. Only diffs feed it: a targeted
 * `pulumi up --replace <urn>` calls none for the replaced resource, and then the delete's 409 names the holder.
 */

/** A reference a resource keeps to another object after this deployment. */
export interface KeptReference {
  /** The noun of the referenced object (the definition's `noun`: `auth strategy`). */
  noun: string;
  /** Its Konnect id. */
  id: string;
  /** What keeps it (`API publication <apiId>/<portalId>`). */
  holder: string;
  /** Why it keeps it and what to declare instead. */
  remedy: string;
}

const key = (noun: string, id: string) => `${noun}:${id.toLowerCase()}`;

/** The facts of one deployment. */
export class ReplacementWatch {
  private readonly replaced = new Map<string, string>();
  private readonly kept = new Map<string, KeptReference[]>();

  /** Notes that the object `id` (called `subject`) is replaced; returns the references kept to it so far. */
  replacing(noun: string, id: string, subject: string): KeptReference[] {
    this.replaced.set(key(noun, id), subject);
    return this.kept.get(key(noun, id)) ?? [];
  }

  /** Notes a kept reference; returns the subject of the referenced object when it is being replaced. */
  keeping(reference: KeptReference): string | undefined {
    const k = key(reference.noun, reference.id);
    this.kept.set(k, [...(this.kept.get(k) ?? []).filter((r) => r.holder !== reference.holder), reference]);
    return this.replaced.get(k);
  }

  /** Forgets everything (tests). */
  clear(): void {
    this.replaced.clear();
    this.kept.clear();
  }
}

/** Why a replacement cannot finish in one `up`, and what to declare. */
export function replacementConflict(subject: string, reference: KeptReference): string {
  return (
    `${subject} (${reference.id}) is replaced by this update, which then deletes it, but ${reference.holder} keeps ` +
    `using it, so Konnect would refuse that delete (409) on this and every later update: ${reference.remedy}`
  );
}

/** The watch of this process (one plugin host per deployment), shared by every resource. */
export const replacementWatch = new ReplacementWatch();
