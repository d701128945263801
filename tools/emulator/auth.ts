/**
 * Bearer-token checks: 401 without `Authorization: Bearer <token>` or with a token not shaped like a Konnect personal
 * (`kpat_`) or system-account (`spat_`) token; 403 for a write with a token listed in `readOnlyTokens`.
 */
import { ProblemError } from "./problem";
import { type EmulatorOptions } from "./types";

const TOKEN_SHAPE = /^(kpat|spat)_[A-Za-z0-9]{20,}$/;
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

/** Throws the 401 or 403 problem a request deserves; returns when it may proceed. Never echoes the token. */
export function authenticate(
  authorization: string | undefined,
  method: string,
  options: Pick<EmulatorOptions, "readOnlyTokens" | "acceptedTokens">,
): void {
  if (authorization === undefined || authorization === "") throw new ProblemError(401, "Unauthorized");
  const match = /^Bearer (.+)$/.exec(authorization);
  const token = match?.[1];
  if (token === undefined || !TOKEN_SHAPE.test(token)) throw new ProblemError(401, "Invalid credentials");
  if (options.acceptedTokens !== null && !options.acceptedTokens.includes(token)) {
    throw new ProblemError(401, "Invalid credentials");
  }
  if (WRITE_METHODS.includes(method) && options.readOnlyTokens.includes(token)) {
    throw new ProblemError(403, "You do not have permission to perform this action");
  }
}
