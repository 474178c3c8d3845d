import type { Money } from "../money/money";
import { collectedOf } from "../payments/collected-amount";
import type { Payment } from "../payments/payment";
import type { Refund } from "./refund";

/** Refunds that hold money back from a payment: given back, or on their way (their answer not final). */
export const countingRefundStatuses: readonly Refund["status"][] = ["pending", "unknown", "succeeded"];

/**
 * What is left to refund of a payment to `destination`, given its refunds so far: never
 * more than it collected (`collectedOf`: a split payment's wallet part too) less what went
 * or may go back; to the original method, also never more than the provider's own part
 * less what the provider gave back — a split payment's wallet part goes back only to the
 * wallet. Zero for a payment that collected nothing.
 */
export function refundableAmount(
  payment: Payment,
  refunds: readonly Refund[],
  destination: Refund["destination"],
): Money {
  const counting = refunds.filter(
    (refund) => refund.paymentId === payment.id && countingRefundStatuses.includes(refund.status),
  );
  const sum = (list: readonly Refund[]) => list.reduce((total, refund) => total + refund.amount.amount, 0);
  const collected = payment.status === "succeeded" || payment.status === "partially_refunded";
  const left = collectedOf(payment).amount - sum(counting);
  const providerLeft =
    payment.amount.amount - sum(counting.filter((refund) => refund.destination === "original_method"));
  const amount = destination === "wallet" ? left : Math.min(left, providerLeft);
  return { amount: collected ? Math.max(amount, 0) : 0, currency: payment.amount.currency };
}
