import type { Money } from "../money/money";
import type { Payment } from "./payment";

/**
 * What a payment collects in all: the provider's part and the wallet's part of a split
 * payment. The most its refunds may give back.
 */
export function collectedOf(payment: Pick<Payment, "amount" | "fromBalance">): Money {
  return {
    amount: payment.amount.amount + (payment.fromBalance?.amount.amount ?? 0),
    currency: payment.amount.currency,
  };
}
