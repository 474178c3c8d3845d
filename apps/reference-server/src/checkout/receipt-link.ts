import { createHmac, timingSafeEqual } from "node:crypto";

/** What a checkout page is about: a sale's payment attempt, or a sale that had nothing to collect. */
export type ReceiptSubject = `pay_${string}` | `ctr_${string}`;

/**
 * The buyer's link to their own checkout (payment step, outcome, receipt): the payment's
 * or contract's id, and a MAC of it under the server's key. The page shows a person's name,
 * what they bought and how to pay it, so its address is a capability: an id seen in a log,
 * an e-mail to staff or the back office is not enough to open it.
 */
export interface ReceiptLinks {
  /** `/checkout/<id>/<token>`. */
  pathOf(subject: ReceiptSubject): string;
  /** Whether `token` is the one `pathOf` gives `subject` (compared in constant time). */
  verify(subject: string, token: string): subject is ReceiptSubject;
}

/** 128 bits of HMAC-SHA256, base64url: unguessable, and short enough for a link in an SMS. */
const tokenLength = 22;

export function createReceiptLinks(key: Uint8Array): ReceiptLinks {
  const tokenOf = (subject: string) =>
    createHmac("sha256", key).update(`receipt:${subject}`).digest("base64url").slice(0, tokenLength);
  return {
    pathOf: (subject) => `/checkout/${subject}/${tokenOf(subject)}`,
    verify(subject, token): subject is ReceiptSubject {
      if (!/^(pay|ctr)_[0-9A-Za-z]{10,40}$/.test(subject) || token.length !== tokenLength) return false;
      return timingSafeEqual(Buffer.from(tokenOf(subject)), Buffer.from(token));
    },
  };
}
