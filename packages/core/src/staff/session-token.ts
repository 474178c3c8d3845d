import { createHash, timingSafeEqual } from "node:crypto";

/** Random bytes in a session token or an API key's secret: 256 bits, beyond any guessing. */
export const secretTokenBytes = 32;

/** 32 bytes in base64url, without padding, are 43 characters. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** A fresh secret: `secretTokenBytes` random bytes, base64url. */
export function newSecretToken(randomBytes: (size: number) => Uint8Array): string {
  return Buffer.from(randomBytes(secretTokenBytes)).toString("base64url");
}

/** True when `value` is shaped like a `newSecretToken` result (so worth looking up). */
export function isSecretToken(value: unknown): value is string {
  return typeof value === "string" && tokenPattern.test(value);
}

/**
 * What storage keeps of a token or secret: its SHA-256, in hex. A fast hash is enough here —
 * unlike a password, the token has 256 random bits, so nobody can try candidates against a
 * leaked hash; and a database dump alone opens no session.
 */
export function secretHash(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Compares two hex hashes in constant time (no early exit on the first differing byte). */
export function sameSecretHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Whether a secret someone presented is the expected one, in constant time whatever their
 * lengths (both are hashed first): for fixed secrets a provider sends back, such as Cielo's
 * notification header or PagoLivre's callback token.
 */
export function secretsMatch(given: string, expected: string): boolean {
  return sameSecretHash(secretHash(given), secretHash(expected));
}
