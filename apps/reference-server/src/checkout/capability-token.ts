import { createHmac, timingSafeEqual } from "node:crypto";

/** 128 bits of HMAC-SHA256, base64url: unguessable, and short enough for a link in an SMS. */
export const capabilityTokenLength = 22;

/** The tokens of one kind of capability link: made and checked under the server's key. */
export interface CapabilityTokens {
  tokenOf(subject: string): string;
  /** Whether `token` is `subject`'s (compared in constant time). */
  matches(subject: string, token: string): boolean;
}

/**
 * Tokens that open one kind of page for one subject (a payment, a contract): a MAC of
 * `<purpose>:<subject>` under the server's key. The purpose keeps each kind of link to its
 * own page — a receipt's token for a contract never opens the page that charges it.
 */
export function createCapabilityTokens(key: Uint8Array, purpose: string): CapabilityTokens {
  const tokenOf = (subject: string) =>
    createHmac("sha256", key)
      .update(`${purpose}:${subject}`)
      .digest("base64url")
      .slice(0, capabilityTokenLength);
  return {
    tokenOf,
    matches(subject, token) {
      if (token.length !== capabilityTokenLength) return false;
      return timingSafeEqual(Buffer.from(tokenOf(subject)), Buffer.from(token));
    },
  };
}
