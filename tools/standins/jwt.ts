/**
 * JWTs for the stand-ins: crafted ones for scripted tests (`makeJwt`, well-formed, not verifiable) and HS256-signed
 * ones for the emulator-backed token endpoint and gateway (`signJwt` / `verifyJwt`, with a key only they share).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A crafted, unsigned-but-well-formed JWT with the given claims (RS256 header, a fixed fake signature). */
export function makeJwt(claims: Record<string, unknown>): string {
  return `${part({ typ: "JWT", alg: "RS256", kid: "test" })}.${part(claims)}.${Buffer.from("signature-bytes-for-tests").toString("base64url")}`;
}

function hmac(key: Buffer, signingInput: string): Buffer {
  return createHmac("sha256", key).update(signingInput).digest();
}

/** An HS256 JWT over `claims` with `key`. */
export function signJwt(claims: Record<string, unknown>, key: Buffer): string {
  const signingInput = `${part({ typ: "JWT", alg: "HS256", kid: "emulated" })}.${part(claims)}`;
  return `${signingInput}.${hmac(key, signingInput).toString("base64url")}`;
}

/**
 * The claims of a JWT `signJwt` made with `key`, when the signature holds and `nowSeconds` lies within `nbf`..`exp`
 * (when present); undefined otherwise.
 */
export function verifyJwt(
  token: string,
  key: Buffer,
  nowSeconds = Date.now() / 1000,
): Record<string, unknown> | undefined {
  const [header, payload, signature, ...rest] = token.split(".");
  if (header === undefined || payload === undefined || signature === undefined || rest.length > 0) return undefined;
  const expected = hmac(key, `${header}.${payload}`);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof claims !== "object" || claims === null || Array.isArray(claims)) return undefined;
  const { exp, nbf } = claims as { exp?: unknown; nbf?: unknown };
  if (typeof exp === "number" && nowSeconds >= exp) return undefined;
  if (typeof nbf === "number" && nowSeconds < nbf) return undefined;
  return claims as Record<string, unknown>;
}
