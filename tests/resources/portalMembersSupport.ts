/**
 * What the handler tests of PortalTeam, PortalApplication and ApplicationRegistration (a portal's members) share: the
 * handlers, a testbed seeding what a DCR application and its registration need before each test (`seedDcrTargets`),
 * the request log as readable lines, and the diff-then-update step the engine runs.
 */
import { handlers } from "../../provider/resources/runtime";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { seedDcrTargets, type DcrTargets } from "../../tools/emulator/testSupport";
import { forwarding, useProviderTestbed } from "./support";

/** A timestamp as Konnect writes it (ISO 8601). */
export const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export const team = handlers.portalTeam;
export const app = handlers.portalApplication;
export const registration = handlers.applicationRegistration;

/**
 * The handler tests' testbed (`useProviderTestbed`), with the targets of a DCR flow seeded before each test (their
 * request log cleared). Returns stand-ins for the emulator and the targets, `takeRequests` (the requests since the
 * last call, as `METHOD path status` with ids as `{id}`, no region prefix or query) and `where` (the location the
 * outputs record for the us region).
 */
export function usePortalMembersTestbed(): {
  emulator: KonnectEmulator;
  targets: DcrTargets;
  takeRequests: () => string[];
  where: () => { effectiveRegion: string; serverUrl: string };
} {
  const emulator = useProviderTestbed();
  let seeded: DcrTargets | undefined;
  beforeEach(() => {
    seeded = seedDcrTargets(emulator, { publication: { auto_approve_registrations: true } });
    emulator.clearRequestLog();
  });
  function takeRequests(): string[] {
    const list = emulator.requestLog().map(
      (e) =>
        `${e.method} ${e.path
          .replace(/^\/[a-z]{2}(?=\/)/, "")
          .replace(/\?.*$/, "")
          .replace(UUID, "{id}")} ${e.status}`,
    );
    emulator.clearRequestLog();
    return list;
  }
  const where = () => ({ effectiveRegion: "us", serverUrl: `${emulator.url}/us` });
  return { emulator, targets: forwarding(() => seeded, "the seeded targets"), takeRequests, where };
}

/** The handlers' diff, then the update it leads to, as the engine runs them; the update's requests are returned. */
export async function diffAndUpdate<O>(
  handler: typeof team | typeof app | typeof registration,
  id: string,
  olds: O,
  news: object,
): Promise<{ changes: boolean; replaces: string[]; outs: O }> {
  const diff = await handler.diff(id, olds as never, news as never);
  const { outs } = await handler.update(id, olds as never, news as never);
  return { changes: diff.changes ?? false, replaces: diff.replaces ?? [], outs: outs as O };
}
