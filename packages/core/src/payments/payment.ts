import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import type { Instant } from "../time/instant";
import type { PayerAction } from "./payer-action";
import type { CollectionMethod } from "./payment-method";
import type { PaymentStatus } from "./payment-status";

/** The card that paid, as the provider describes it: never the number or CVV. */
export interface CardSummary {
  brand: string;
  last4: string;
  /** A provider token to charge this card again (renewals); kept only with consent. */
  reusableToken: string | null;
}

/**
 * The part of a payment the customer's wallet paid beside the provider's: debited by the
 * line `entryId` when the attempt was written, and given back by a reversal of that line if
 * the attempt fails or is canceled.
 */
export interface BalancePart {
  amount: Money;
  entryId: Id<"walletEntry">;
}

/**
 * One attempt to collect one or more installments through one gateway. Written before the
 * gateway is called (write-ahead), with the idempotency key the provider will know it by.
 */
export interface Payment {
  id: Id<"payment">;
  unitId: Id<"unit">;
  customerId: Id<"customer">;
  gatewayId: string;
  method: CollectionMethod;
  /** What the provider is asked to collect (for a wallet payment: what the balance paid). */
  amount: Money;
  /**
   * The part the customer's wallet paid beside `amount` (a split payment: part from the
   * balance, the rest by card, PIX…); null when the wallet paid no part. The installments
   * cost `amount` plus this (`collectedOf`).
   */
  fromBalance: BalancePart | null;
  installmentIds: Id<"installment">[];
  /** Our reference at the provider (MerchantOrderId, txid, seuNumero). Unique per gateway. */
  idempotencyKey: string;
  providerReference: string | null;
  status: PaymentStatus;
  /** The provider's own status word, for support. */
  rawStatus: string | null;
  action: PayerAction | null;
  failureCode: string | null;
  failureMessage: string | null;
  card: CardSummary | null;
  refundedAmount: Money;
  /** 1 for the first attempt at these installments, 2 for the retry after it, … */
  attempt: number;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}
