/**
 * Makes a recording reproducible: the values the emulator makes up (ids of the objects the stack created, creation and
 * update times, portal domains) become fixed ones, replaced consistently in the state and the store. Konnect could
 * have answered exactly these values, so the state means the same; recording the same version twice gives the same
 * files. Values a program computes (Azure mock ids and dates) are left alone: replay runs the program again and must
 * get what the state holds.
 */
import type { StoreSnapshot } from "./storeSnapshot";

/** The n-th fixed id (1-based): a well-formed UUID (version 4 layout) that reads as made up. */
export function fixedId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

/** The n-th fixed timestamp (0-based): one second apart from 2026-01-01, in Konnect's millisecond ISO form. */
export function fixedTime(n: number): string {
  return new Date(Date.UTC(2026, 0, 1) + (n + 1) * 1000).toISOString();
}

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Recorded value → fixed value for everything the emulator generated: ids of objects that are in `after` but not in
 * `before` (in creation order), every timestamp of both snapshots (order kept), and portal domains.
 */
export function deterministicValues(before: StoreSnapshot, after: StoreSnapshot): Map<string, string> {
  const mapping = new Map<string, string>();
  const seededIds = new Set(Object.values(before.objects).flatMap((objects) => objects.map((o) => o.id)));
  let ids = 0;
  for (const objects of Object.values(after.objects)) {
    for (const object of objects) if (!seededIds.has(object.id)) mapping.set(object.id, fixedId(++ids));
  }
  const records = [before, after].flatMap((s) => [...Object.values(s.objects).flat(), ...s.publications]);
  const times = new Set<string>();
  const domains = new Set<string>();
  for (const record of records as unknown as Record<string, unknown>[]) {
    for (const key of ["created_at", "updated_at"]) {
      const value = record[key];
      if (typeof value === "string" && ISO_MILLIS.test(value)) times.add(value);
    }
    for (const key of ["default_domain", "canonical_domain"]) {
      const value = record[key];
      if (typeof value === "string") domains.add(value);
    }
  }
  [...times].sort().forEach((time, i) => mapping.set(time, fixedTime(i)));
  [...domains].sort().forEach((domain, i) => mapping.set(domain, domain.replace(/^[0-9a-f]+\./, `portal${i + 1}.`)));
  return mapping;
}
