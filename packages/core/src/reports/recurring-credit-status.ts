import type { InstallmentStatus } from "../installments/installment-status";
import type { PaymentStatus } from "../payments/payment-status";

/** The four statuses of the recurring-credit report (BEMP seed: Aguardando, Confirmado, Cancelado, Negado). */
export const recurringCreditStatuses = ["awaiting", "confirmed", "canceled", "denied"] as const;
export type RecurringCreditStatus = (typeof recurringCreditStatuses)[number];

/**
 * The report's status of an installment, from its own status and its latest attempt's.
 * A declined card at checkout leaves the installment `awaiting` (DESIGN §2) but BEMP shows the
 * charge as "Negado": an `awaiting` installment whose latest attempt `failed` is `denied`. A
 * refunded installment's charge was reversed: `canceled`. Everything else keeps its name.
 */
export function recurringCreditStatus(
  installment: InstallmentStatus,
  latestPayment: PaymentStatus | null,
): RecurringCreditStatus {
  switch (installment) {
    case "confirmed":
      return "confirmed";
    case "denied":
      return "denied";
    case "canceled":
    case "refunded":
      return "canceled";
    case "awaiting":
      return latestPayment === "failed" ? "denied" : "awaiting";
  }
}
