/**
 * The standard decline codes every adapter maps its provider's codes into (one table per
 * adapter, in its `mapping.ts`), so a page can say the same thing whatever the provider.
 */
export const declineCodes = [
  "insufficient_funds",
  "card_declined",
  "do_not_honor",
  "stolen_card",
  "lost_card",
  "expired_card",
  "invalid_card",
  "incorrect_cvc",
  "suspected_fraud",
  "limit_exceeded",
  "card_not_supported",
  "authentication_required",
  "invalid_amount",
  "payment_expired",
  "processing_error",
  "other",
] as const;
export type DeclineCode = (typeof declineCodes)[number];
