import { writeNextAttempt, writeOrderAttempt } from "../checkout/next-attempt";
import type { Contract } from "../contracts/contract";
import type { Id } from "../ids/id";
import { orderNote } from "../orders/order-note";
import { type AppliedNews, applyPaymentResult } from "../payments/apply-payment-result";
import type { Payment } from "../payments/payment";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import type { CalendarDate } from "../time/calendar-date";
import { addWalletEntry, type WalletMovement } from "./wallet-ledger";

/**
 * The gateway id of payments paid from a customer's wallet. No gateway is registered under
 * it: a wallet payment is settled in the transaction that writes it, and refunded to the wallet.
 */
export const walletGatewayId = "wallet";

/** The raw status of a payment paid from the balance (imprimaSTORE seed: "Descontado do saldo"). */
export const paidFromBalance = "paid_from_balance";

/** A contract's installments paid from the balance: the payment, the debit, and what the payment changed. */
export interface BalancePayment {
  payment: Payment;
  movement: WalletMovement;
  applied: AppliedNews;
}

/**
 * Pays a contract's first unpaid installments from the customer's wallet, inside the caller's
 * transaction: a payment row (method `wallet`) as any attempt is written — refused with
 * `payment_in_progress` while another attempt at them is open — then the debit naming it,
 * then the payment's success applied as any provider's answer is (installments confirmed,
 * the contract activated, the customer's block lifted). A balance that does not cover the
 * whole amount throws `insufficient_balance`, and the transaction writes nothing.
 */
export async function payContractFromBalance(
  ctx: ServiceContext,
  tx: Repositories,
  input: { contractId: Id<"contract">; actor: string; note?: string; sequence?: number },
): Promise<BalancePayment & { contract: Contract }> {
  // Without `after`, writeNextAttempt either writes or throws.
  const next = (await writeNextAttempt(ctx, tx, {
    contractId: input.contractId,
    method: "wallet",
    gatewayId: walletGatewayId,
    ...(input.sequence !== undefined ? { sequence: input.sequence } : {}),
  }))!;
  const paid = await settleFromBalance(ctx, tx, next.payment, next.contract, {
    actor: input.actor,
    note: input.note ?? next.contract.terms.planName,
  });
  return { ...paid, contract: paid.applied.effects?.contract ?? next.contract };
}

/**
 * As `payContractFromBalance`, for a one-off order's first unpaid installments (or those of
 * `sequence`, or every one due by `dueOn`); the order is `paid`, marked paid from the balance, once none is left.
 */
export async function payOrderFromBalance(
  ctx: ServiceContext,
  tx: Repositories,
  input: { orderId: Id<"order">; actor: string; note?: string; sequence?: number; dueOn?: CalendarDate },
): Promise<BalancePayment> {
  // Without `after`, writeOrderAttempt either writes or throws.
  const next = (await writeOrderAttempt(ctx, tx, {
    orderId: input.orderId,
    method: "wallet",
    gatewayId: walletGatewayId,
    ...(input.sequence !== undefined ? { sequence: input.sequence } : {}),
    ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
  }))!;
  return settleFromBalance(ctx, tx, next.payment, null, {
    actor: input.actor,
    note: input.note ?? orderNote(next.order),
  });
}

/**
 * Settles a written wallet payment (method `wallet`, not yet answered) inside the caller's
 * transaction: the debit naming it — `insufficient_balance` when the balance does not cover
 * it, and the transaction writes nothing — then its success applied as any provider's
 * answer is. A sale paid all from the balance writes its own payment row and comes here.
 */
export async function settleFromBalance(
  ctx: ServiceContext,
  tx: Repositories,
  payment: Payment,
  contract: Contract | null,
  input: { actor: string; note: string },
): Promise<BalancePayment> {
  const movement = await addWalletEntry(ctx, tx, {
    customerId: payment.customerId,
    unitId: payment.unitId,
    kind: "debit",
    amount: { amount: -payment.amount.amount, currency: payment.amount.currency },
    method: null,
    note: input.note,
    actor: input.actor,
    paymentId: payment.id,
  });
  const applied = await applyPaymentResult(
    ctx,
    tx,
    payment.id,
    {
      status: "succeeded",
      providerReference: movement.entry.id,
      rawStatus: paidFromBalance,
      amount: payment.amount,
      refundedAmount: { amount: 0, currency: payment.amount.currency },
      card: null,
      paidAt: ctx.clock.now(),
    },
    { payment, contract },
  );
  return { payment: applied.payment, movement, applied };
}
