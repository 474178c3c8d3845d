import type { Payment } from "../payments/payment";
import type { Repositories } from "../ports/storage";
import type { Refund } from "../refunds/refund";
import type { Installment } from "./installment";

/** One installment with every attempt to collect it, newest first. */
export interface InstallmentWithPayments {
  installment: Installment;
  payments: Payment[];
}

/**
 * Installments (of a contract or an order) as staff open them: each with its attempts,
 * newest first, and the refunds of all those payments, oldest payment first.
 */
export async function installmentHistory(
  repos: Repositories,
  installments: readonly Installment[],
): Promise<{ installments: InstallmentWithPayments[]; refunds: Refund[] }> {
  const seen = new Map<string, Payment>();
  const withPayments: InstallmentWithPayments[] = [];
  for (const installment of installments) {
    const payments = (await repos.payments.listByInstallment(installment.id)).reverse();
    for (const payment of payments) seen.set(payment.id, payment);
    withPayments.push({ installment, payments });
  }
  const refunds: Refund[] = [];
  for (const payment of [...seen.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    refunds.push(...(await repos.refunds.listByPayment(payment.id)));
  }
  return { installments: withPayments, refunds };
}
