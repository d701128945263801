/**
 * What the handler tests of PortalTeam, PortalApplication and ApplicationRegistration (a portal's members) share: the
 * handlers, a testbed seeding what a DCR application and its registration need before each test (`seedDcrTargets`),
 * the request log as readable lines, the diff-then-update step the engine runs, and the ids and emulator set-up of
 * their table property tests.
 */
import { providers } from "../../provider";
import { handlers } from "../../provider/resources/runtime";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { DEVELOPER_BODY, seedDcrTargets, type DcrTargets } from "../../tools/emulator/testSupport";
import { withCode, type Region } from "./propertySupport";
import { callShapes, declaredView, forwarding, useProviderTestbed } from "./support";

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

/** The table property tests' portal, two ids and a timestamp (their own, not those of `../support/validInputs`). */
export const PORTAL = "66666666-7777-4888-8999-aaaaaaaaaaaa";
export const A = "0a0a0a0a-1111-4222-8333-444444444444";
export const B = "0b0b0b0b-1111-4222-8333-444444444444";
export const T = "2026-05-20T08:30:00.000Z";

/**
 * For the describe block of the table property tests' create(old), update(new) runs: the emulator (started for the
 * block, not reset between tests: each run resets it), `writes` (the PATCH requests the emulator saw since the log was
 * cleared), `resetKonnect` (empties Konnect and seeds a portal with what the members need, in the region) and
 * `settled` (after the update: no diff from its outputs, none after a refresh, and the refresh hands back the
 * declared view).
 */
export function useMembersPropertyTestbed() {
  const emulator = useProviderTestbed({ resetEachTest: false });
  const writes = () => callShapes(emulator).filter((c) => c.startsWith("PATCH "));
  function resetKonnect(region: Region) {
    emulator.reset();
    const targets = seedDcrTargets(emulator, {
      region: region ?? "us",
      publication: { auto_approve_registrations: true },
    });
    const developerId = emulator.seedDeveloper(targets.portalId, DEVELOPER_BODY, { region: region ?? "us" }).id;
    return { ...targets, developerId };
  }
  async function settled(provider: keyof typeof providers, id: string, outs: object, news: object, table: object) {
    const after = await providers[provider].diff!(id, withCode(outs), withCode(news));
    expect(after.changes).toBe(false);
    const refreshed = await providers[provider].read!(id, outs as never);
    const afterRefresh = await providers[provider].diff!(id, withCode(refreshed.props), withCode(news));
    expect(afterRefresh.changes).toBe(false);
    expect(refreshed.props).toEqual(outs);
    expect(refreshed.inputs).toEqual(declaredView(refreshed.props, table as Record<string, unknown>));
  }
  return { emulator, writes, resetKonnect, settled };
}
