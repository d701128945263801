/**
 * Decoding of a JWT's payload. No signature check: the tool only reads the claims Azure put in a token it has just
 * received over TLS from the token endpoint; the gateway is what validates signatures.
 */

/** Claims of a decoded JWT payload. */
export type JwtClaims = Record<string, unknown>;

/** Result of decoding: the claims, or why the text is not a JWT (the message never contains the token). */
export type DecodeResult = { ok: true; claims: JwtClaims } | { ok: false; reason: string };

/** Decodes the payload (second part) of a compact JWT `header.payload.signature`. */
export function decodeJwtPayload(token: string): DecodeResult {
  const parts = token.split(".");
  if (parts.length !== 3)
    return { ok: false, reason: `not a JWT: expected 3 dot-separated parts, got ${parts.length}` };
  const payload = parts[1] ?? "";
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(payload)) return { ok: false, reason: "not a JWT: the payload is not base64url" };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "not a JWT: the payload is not JSON" };
  }
  if (claims === null || typeof claims !== "object" || Array.isArray(claims)) {
    return { ok: false, reason: "not a JWT: the payload is not a JSON object" };
  }
  return { ok: true, claims: claims as JwtClaims };
}
