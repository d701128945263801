/**
 * A scripted gateway route for `startStandIn`: 200 to the accepted Bearer or Basic credentials, `rejectStatus`
 * otherwise. For a gateway that decides from the emulator's applications and registrations, see emulatorGateway.ts.
 */
import type * as http from "node:http";
import { type Canned } from "./standIn";

/** Gateway behaviour: which credentials pass, and the status for rejected ones. */
export interface GatewayRules {
  bearer: string | undefined;
  basic: string | undefined;
  rejectStatus: number;
}

/** A gateway route that answers 200 to accepted credentials and `rejectStatus` otherwise. */
export function gateway(rules: () => GatewayRules): (req: http.IncomingMessage) => Canned {
  return (req): Canned => {
    const auth = req.headers.authorization ?? "";
    const { bearer, basic, rejectStatus } = rules();
    const ok =
      (bearer !== undefined && auth === `Bearer ${bearer}`) || (basic !== undefined && auth === `Basic ${basic}`);
    if (ok) return { status: 200, body: { hello: "world", authorization: auth } };
    return {
      status: rejectStatus,
      body: { message: "Unauthorized", echo: auth },
      headers: rejectStatus === 401 ? { "WWW-Authenticate": 'Bearer realm="kong", error="invalid_token"' } : undefined,
    };
  };
}
