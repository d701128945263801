/**
 * The Konnect emulator's store as plain data, and back: what an upgrade fixture records next to a stack's state, so a
 * later version can replay the state against the same Konnect objects (same ids, labels, creation labels, timestamps,
 * secrets). Taking a snapshot reads the control surface only; restoring seeds each object through the control surface
 * (validated like a create) and then overwrites it with the recorded object, so every field, timestamps included, is
 * exactly as recorded.
 */
import type { EmulatorControl, ObjectKind, StoredObject, StoredPublication } from "../emulator/emulator";
import { OBJECT_KINDS } from "../emulator/types";

/** Every object the emulator holds, in every region. */
export interface StoreSnapshot {
  /** Objects stored by id, per kind, in creation order (each carries its `region`). */
  objects: Record<ObjectKind, StoredObject[]>;
  /** API publications, in creation order. */
  publications: StoredPublication[];
}

/** Kinds in the order a restore seeds them (each may reference the ones before it). */
export const RESTORE_ORDER: readonly ObjectKind[] = ["dcr-providers", "application-auth-strategies", "apis", "portals"];

/** A copy of everything the emulator stores. */
export function takeSnapshot(emulator: EmulatorControl): StoreSnapshot {
  const unrecorded = OBJECT_KINDS.filter((kind) => !RESTORE_ORDER.includes(kind)).filter(
    (kind) => emulator.list(kind).length > 0,
  );
  if (unrecorded.length > 0) throw new Error(`the upgrade snapshot does not record ${unrecorded.join(", ")} yet`);
  const objects = Object.fromEntries(RESTORE_ORDER.map((kind) => [kind, emulator.list(kind)])) as Record<
    ObjectKind,
    StoredObject[]
  >;
  return { objects, publications: emulator.publications() };
}

/** The smallest create body the emulator accepts for a recorded object; the restore then writes every field. */
function seedBody(kind: ObjectKind, object: StoredObject): Record<string, unknown> {
  const o = object as unknown as Record<string, unknown>;
  switch (kind) {
    case "dcr-providers":
      return { name: o.name, provider_type: o.provider_type, issuer: o.issuer, dcr_config: o.dcr_config };
    case "application-auth-strategies":
      return { name: o.name, display_name: o.display_name, strategy_type: o.strategy_type, configs: o.configs };
    case "apis":
      return { name: o.name, ...(typeof o.version === "string" ? { version: o.version } : {}) };
    case "portals":
      return { name: o.name };
    default:
      // Teams, developers, applications and registrations live under a portal: the first recording with them adds
      // them here (and to RESTORE_ORDER); until then a snapshot refuses them instead of dropping them.
      throw new Error(`the upgrade snapshot does not record ${kind} yet`);
  }
}

function seed(emulator: EmulatorControl, kind: ObjectKind, object: StoredObject): void {
  const options = { id: object.id, region: object.region };
  const body = seedBody(kind, object);
  if (kind === "dcr-providers") emulator.seedDcrProvider(body, options);
  else if (kind === "application-auth-strategies") emulator.seedAuthStrategy(body, options);
  else if (kind === "apis") emulator.seedApi(body, options);
  else emulator.seedPortal(body, options);
  emulator.updateStored(kind, object.id, structuredClone(object) as unknown as Record<string, unknown>);
}

/**
 * Empties the emulator (objects, request log, faults) and stores exactly the snapshot's objects and publications.
 * Throws when the emulator rejects a recorded object (the emulator changed in a way the fixture does not fit).
 */
export function restoreSnapshot(emulator: EmulatorControl, snapshot: StoreSnapshot): void {
  emulator.reset();
  for (const kind of RESTORE_ORDER) {
    for (const object of snapshot.objects[kind] ?? []) seed(emulator, kind, object);
  }
  for (const publication of snapshot.publications) {
    const { api_id, portal_id, region } = publication;
    emulator.seedPublication(api_id, portal_id, {}, { region });
    emulator.updateStoredPublication(
      api_id,
      portal_id,
      structuredClone(publication) as unknown as Record<string, unknown>,
    );
  }
  emulator.clearRequestLog();
}
