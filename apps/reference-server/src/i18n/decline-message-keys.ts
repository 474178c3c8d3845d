import type { DeclineCode } from "@tessera/core";
import type { MessageKey } from "./message-catalog";

/** The key core's declined sale outcome names in `messageKey`: `payment.declined.<code>`. */
export type DeclineMessageKey = `payment.declined.${DeclineCode}`;

/**
 * Each decline code's buyer-facing message key. Typed against core's `DeclineCode` and the
 * catalogs' keys, so a decline code core adds fails type-checking here until it has a key,
 * and a key fails until every catalog has its message.
 */
export const declineMessageKeys = {
  insufficient_funds: "payment.declined.insufficient_funds",
  card_declined: "payment.declined.card_declined",
  do_not_honor: "payment.declined.do_not_honor",
  stolen_card: "payment.declined.stolen_card",
  lost_card: "payment.declined.lost_card",
  expired_card: "payment.declined.expired_card",
  invalid_card: "payment.declined.invalid_card",
  incorrect_cvc: "payment.declined.incorrect_cvc",
  suspected_fraud: "payment.declined.suspected_fraud",
  limit_exceeded: "payment.declined.limit_exceeded",
  card_not_supported: "payment.declined.card_not_supported",
  authentication_required: "payment.declined.authentication_required",
  invalid_amount: "payment.declined.invalid_amount",
  payment_expired: "payment.declined.payment_expired",
  processing_error: "payment.declined.processing_error",
  other: "payment.declined.other",
} as const satisfies { [Code in DeclineCode]: `payment.declined.${Code}` & MessageKey };

/**
 * Narrows a declined outcome's `messageKey` (a plain string in core) to a catalog key; a key
 * of no decline code falls back to the message for `other`.
 *
 * @example
 * ```ts
 * if (outcome.status === "declined") error = t(declineMessageKey(outcome.messageKey));
 * ```
 */
export function declineMessageKey(messageKey: string): DeclineMessageKey {
  const known = Object.values(declineMessageKeys) as string[];
  return known.includes(messageKey) ? (messageKey as DeclineMessageKey) : declineMessageKeys.other;
}
