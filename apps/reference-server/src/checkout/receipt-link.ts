import { createCapabilityTokens } from "./capability-token";

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

export function createReceiptLinks(key: Uint8Array): ReceiptLinks {
  const tokens = createCapabilityTokens(key, "receipt");
  return {
    pathOf: (subject) => `/checkout/${subject}/${tokens.tokenOf(subject)}`,
    verify(subject, token): subject is ReceiptSubject {
      return /^(pay|ctr)_[0-9A-Za-z]{10,40}$/.test(subject) && tokens.matches(subject, token);
    },
  };
}
