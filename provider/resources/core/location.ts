/**
 * Where a Konnect object lives, recorded in its outputs at create: the effective region and the server URL the
 * create went to. Konnect objects are regional, so:
 * - `diff` compares the recorded region with the effective region of the new inputs (the resource's `region`, else
 *   the stack's `konnect:region` / `KONNECT_REGION`, else `us`): declaring the region an object already lives in
 *   changes nothing, and a changed stack-level region shows as a replace in preview instead of orphaning the object;
 * - `read` and `delete` go to the recorded region and server URL, so a changed stack config never makes a refresh
 *   lose the object or a destroy "succeed" on a 404 while the object stays;
 * - writes (create, update) use the current configuration and record what they used.
 * A state written before the location was recorded counts as living where its `region` (or the current default)
 * points: no replace on upgrade; the next read or update records it.
 */
import type { KonnectRegion } from "./types";
import { containsUnknown } from "./unknowns";

/** Read-only outputs that say where the object lives. */
export interface RecordedLocation {
  /** The region the object was created in (its own `region`, or the stack's default at create). */
  effectiveRegion?: KonnectRegion;
  /** The Konnect API base URL the object was created through (`https://<region>.api.konghq.com` or the override). */
  serverUrl?: string;
}

/** Outputs with the location of the call that produced them. */
export function withLocation<O extends object>(outs: O, where: { region: string; serverUrl: string }): O {
  return { ...outs, effectiveRegion: where.region, serverUrl: where.serverUrl };
}

/** A copy without the location outputs (the declared-input view of outputs). */
export function withoutLocation<T extends object>(value: T): T {
  const { effectiveRegion: _r, serverUrl: _s, ...rest } = value as T & RecordedLocation;
  return rest as T;
}

/** Where to send a read or delete: the recorded region and server URL, else the declared region (old states). */
export function recordedLocation(props: { region?: string } & RecordedLocation): {
  region: string | undefined;
  serverUrl: string | undefined;
} {
  return { region: props.effectiveRegion ?? props.region, serverUrl: props.serverUrl };
}

/**
 * Olds and news for the field rows of `diff` with `region` replaced by the effective region on both sides: the
 * recorded one for olds (an old state without it: its declared region, else where the news go), the resolved one for
 * news. An unknown new region stays unknown (a change).
 */
export function withEffectiveRegions<O extends { region?: string } & RecordedLocation, N extends { region?: string }>(
  olds: O,
  news: N,
  effectiveRegion: (declared: string | undefined) => string,
): { olds: O; news: N } {
  if (containsUnknown(news.region)) return { olds, news };
  const after = effectiveRegion(news.region);
  const before = olds.effectiveRegion ?? olds.region ?? after;
  return { olds: { ...olds, region: before }, news: { ...news, region: after } };
}
