import type { Payment } from "../payments/payment";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { applyRefundResult } from "../refunds/apply-refund-result";
import type { Refund } from "../refunds/refund";
import { addWalletEntry, type WalletMovement } from "./wallet-ledger";

/** The raw status of a refund given back to the customer's wallet. */
export const refundedToWallet = "refunded_to_wallet";

/**
 * Gives a refund's money to the customer's wallet, inside the transaction that wrote the
 * refund row: a `refund_credit` line naming the refund and its payment, then the refund's
 * success applied as a provider's would be (the payment's refunded amount and status, and
 * its installments once all of it is back). No provider is asked: this is how staff give
 * back what a provider cannot (a boleto, a payment past its refund window) or what the
 * wallet itself paid.
 */
export async function refundToWallet(
  ctx: ServiceContext,
  tx: Repositories,
  refund: Refund,
  payment: Payment,
): Promise<{ refund: Refund; movement: WalletMovement }> {
  const movement = await addWalletEntry(ctx, tx, {
    customerId: payment.customerId,
    unitId: payment.unitId,
    kind: "refund_credit",
    amount: refund.amount,
    method: payment.method,
    note: refund.reason,
    actor: refund.actor,
    paymentId: payment.id,
    refundId: refund.id,
  });
  const settled = await applyRefundResult(ctx, tx, refund.id, {
    status: "succeeded",
    providerRefundReference: movement.entry.id,
    rawStatus: refundedToWallet,
  });
  return { refund: settled, movement };
}
