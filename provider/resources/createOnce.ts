/**
 * Creates a Konnect object exactly once, even when a POST's outcome is unknown (the connection dropped after
 * Konnect stored the object, a timeout, or a 5xx). Each create carries a random creation label; when the outcome is
 * unknown, the provider lists objects with the same name and looks for that label before it tries again, so a
 * retry never makes a duplicate and a committed create is never lost.
 */
import { randomUUID } from "node:crypto";
import { CREATE_LABEL, isOutcomeUnknown, sleep } from "../konnect";

export { CREATE_LABEL };

/** Attempts at a create whose outcome stays unknown. */
export const MAX_CREATE_ATTEMPTS = 3;

/**
 * Runs `post` with a creation label until it succeeds or fails for sure. After an unknown outcome, `findByName`
 * lists candidates and the one carrying this create's label is returned instead of posting again.
 */
export async function createOnce<T extends { labels: Record<string, string> }>(options: {
  /** POSTs with the given labels (the declared ones plus the creation label). */
  post: (labels: Record<string, string>) => Promise<T>;
  /** Lists existing objects with the declared name. */
  findByName: () => Promise<T[]>;
  /** The declared labels. */
  labels: Record<string, string> | undefined;
  /** Receives progress lines. */
  log: (message: string) => void;
  /** Wait between attempts (doubles each time). */
  retryDelayMs?: number;
}): Promise<T> {
  const token = randomUUID();
  const labels = { ...(options.labels ?? {}), [CREATE_LABEL]: token };
  let delay = options.retryDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await options.post(labels);
    } catch (error) {
      if (!isOutcomeUnknown(error)) throw error;
      const found = (await options.findByName()).find((o) => o.labels[CREATE_LABEL] === token);
      if (found) {
        options.log("the create was applied although its answer was lost; using the object it made");
        return found;
      }
      if (attempt >= MAX_CREATE_ATTEMPTS) throw error;
      options.log(`the create was not applied (${(error as Error).message}); trying again`);
      await sleep(delay);
      delay *= 2;
    }
  }
}
