/**
 * What the handler tests of ApiPublication and PortalDefaultAuthStrategy share (the Dev Portal resources that publish
 * an API and set a portal's default): the serialized provider code, a timestamp matcher, an id no object has, the
 * testbed of their handler steps, and the ids and emulator set-up of their table property tests.
 */
import fc from "fast-check";
import { createTransport, resolveConnection, type KonnectTransport } from "../../provider/konnect";
import { oidcBody, seedPublicationTargets } from "../../tools/emulator/testSupport";
import type { Region } from "./propertySupport";
import { TEST_TOKEN, callShapes, forwarding, useProviderTestbed } from "./support";

/** The provider code Pulumi hands to check with the inputs. */
export const CODE = { __provider: "code-v1" };

/** A timestamp as Konnect writes it (ISO 8601). */
export const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);

/** An id no object in the emulator has. */
export const MISSING = "0b0b0b0b-1111-4222-8333-444455556666";

/**
 * The handler tests' testbed (`useProviderTestbed`) plus a client transport to the emulator's us region (to seed and
 * look at Konnect's side). Returns `bed`, holding stand-ins for the emulator and the transport, `takeRequests` (the
 * requests since the last call, as `METHOD status`; paths are checked where they matter) and `where` (the location the
 * outputs record for the us region).
 */
export function useDevPortalHandlerTestbed() {
  const emulator = useProviderTestbed();
  let client: KonnectTransport | undefined;
  beforeAll(() => {
    client = createTransport(resolveConnection({ stack: { token: TEST_TOKEN, serverUrl: `${emulator.url}/us` } }));
  });
  const transport = forwarding(() => client, "the transport");
  const bed = { emulator, transport };
  function takeRequests(): string[] {
    const list = bed.emulator.requestLog().map((e) => `${e.method} ${e.status}`);
    bed.emulator.clearRequestLog();
    return list;
  }
  const where = () => ({ effectiveRegion: "us", serverUrl: `${emulator.url}/us` });
  return { bed, takeRequests, where };
}

/** The table property tests' portal and two strategy ids (their own, not those of `../support/validInputs`). */
export const PORTAL = "66666666-7777-4888-8999-aaaaaaaaaaaa";
export const S1 = "0a0a0a0a-1111-4222-8333-444444444444";
export const S2 = "0b0b0b0b-1111-4222-8333-444444444444";

/**
 * For the describe block of the table property tests' create(old), update(new) runs: the emulator (started for the
 * block, not reset between tests: each run resets it), `writes` (the PATCH and PUT requests the emulator saw since the
 * log was cleared), `resetKonnect` (empties Konnect and seeds two strategies, a portal whose default is strategy
 * `portalDefault` (0, 1 or none) and an API) and `index` (a strategy index or none).
 */
export function usePublicationPropertyTestbed() {
  const emulator = useProviderTestbed({ resetEachTest: false });
  const writes = () => callShapes(emulator).filter((c) => /^(PATCH|PUT) /.test(c));
  function resetKonnect(region: Region, portalDefault: number | undefined) {
    emulator.reset();
    const where = { region: region ?? "us" } as const;
    const strategies = [0, 1].map((i) => emulator.seedAuthStrategy(oidcBody(undefined, { name: `s${i}` }), where).id);
    const fallback = portalDefault === undefined ? null : strategies[portalDefault]!;
    const targets = seedPublicationTargets(emulator, {
      region: where.region,
      portal: { default_application_auth_strategy_id: fallback },
    });
    return { strategies, fallback, ...targets };
  }
  const index = fc.constantFrom<number | undefined>(undefined, 0, 1);
  return { emulator, writes, resetKonnect, index };
}
