/**
 * What the handler tests of ApiPublication and PortalDefaultAuthStrategy share (the Dev Portal resources that publish
 * an API and set a portal's default): the serialized provider code, a timestamp matcher, an id no object has, and the
 * testbed of their handler steps.
 */
import { createTransport, resolveConnection, type KonnectTransport } from "../../provider/konnect";
import { TEST_TOKEN, forwarding, useProviderTestbed } from "./support";

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
