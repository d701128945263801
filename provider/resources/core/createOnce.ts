/**
 * Creates a Konnect object exactly once, even when a POST's outcome is unknown (the connection dropped after
 * Konnect stored the object, a timeout, a 5xx, or a 2xx whose body does not parse). Each create carries a creation
 * label: the resource's creation key (see `creationKey.ts`), stable across runs, or a random id when the caller has
 * none. When the outcome is unknown, the provider lists objects with the same name and looks for that label before it
 * tries again, so a retry never makes a duplicate and a committed create is never lost. When the outcome stays
 * unknown (the recovery listing fails, or every attempt is lost) a keyed create says so: the next `up` finds the
 * object by its key.
 */
import { randomUUID } from "node:crypto";
import { CREATE_LABEL, KonnectResponseError, isOutcomeUnknown, sleep } from "../../konnect";
import { labelsWithCreationKey, unknownOutcomeMessage } from "./creationKey";

export { CREATE_LABEL };

/** Attempts at a create whose outcome stays unknown. */
export const MAX_CREATE_ATTEMPTS = 3;

/**
 * True when a create's outcome is unknown: the transport's rule (a lost answer, a timeout, a 5xx), plus a 2xx whose
 * body does not parse (Konnect stored the object, but its id is unknown).
 */
export function isCreateOutcomeUnknown(error: unknown): boolean {
  return error instanceof KonnectResponseError || isOutcomeUnknown(error);
}

/** A create whose outcome is unknown: the object may exist; the message says how the next `up` finds it. */
export class CreateOutcomeUnknownError extends Error {
  override readonly name = "CreateOutcomeUnknownError";
}

/** The error to throw when a keyed create ends without knowing its outcome (the cause's message plus the hint). */
function outcomeUnknown(error: unknown, keyed: boolean): unknown {
  if (!keyed) return error;
  return new CreateOutcomeUnknownError(unknownOutcomeMessage((error as Error).message), { cause: error });
}

/**
 * Runs `post` with a creation label until it succeeds or fails for sure. After an unknown outcome, `findByName`
 * lists candidates and the one carrying this create's label is returned instead of posting again.
 */
export async function createOnce<T>(options: {
  /** POSTs with the given labels (the declared ones plus the creation label). */
  post: (labels: Record<string, string>) => Promise<T>;
  /** Lists existing objects with the declared name. */
  findByName: () => Promise<T[]>;
  /** The labels of an object. */
  labelsOf: (object: T) => Record<string, string>;
  /** The declared labels. */
  labels: Record<string, string> | undefined;
  /** The resource's creation key (the creation label's value); a random id when absent (no cross-run recovery). */
  creationKey?: string;
  /** Receives progress lines. */
  log: (message: string) => void;
  /** Wait between attempts (doubles each time). */
  retryDelayMs?: number;
}): Promise<T> {
  const keyed = options.creationKey !== undefined;
  const token = options.creationKey ?? randomUUID();
  const labels = labelsWithCreationKey(options.labels, token);
  let delay = options.retryDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await options.post(labels);
    } catch (error) {
      if (!isCreateOutcomeUnknown(error)) throw error;
      let candidates: T[];
      try {
        candidates = await options.findByName();
      } catch (listingError) {
        if (!keyed) throw listingError;
        throw outcomeUnknown(
          new Error(
            `${(error as Error).message}; looking for the object then failed: ${(listingError as Error).message}`,
          ),
          keyed,
        );
      }
      const found = candidates.find((o) => options.labelsOf(o)[CREATE_LABEL] === token);
      if (found) {
        options.log("the create was applied although its answer was lost; using the object it made");
        return found;
      }
      if (attempt >= MAX_CREATE_ATTEMPTS) throw outcomeUnknown(error, keyed);
      options.log(`the create was not applied (${(error as Error).message}); trying again`);
      await sleep(delay);
      delay *= 2;
    }
  }
}
