import type { ActivationCode } from "../activation/activation-code";
import type { Contract } from "../contracts/contract";
import type { Customer } from "../customers/customer";
import type { Installment } from "../installments/installment";
import { type DeclineCode, declineCodes } from "../payments/decline-code";
import type { PayerAction } from "../payments/payer-action";
import type { Payment } from "../payments/payment";

/** Everything a sale made, as stored. */
export interface SaleState {
  contract: Contract;
  customer: Customer;
  /** All of the contract's installments, in due order. */
  installments: Installment[];
  /** The attempt this outcome is about. */
  payment: Payment;
  activationCode: ActivationCode | null;
  /** True when this answer comes from an earlier call with the same idempotency key. */
  replayed: boolean;
}

/**
 * What became of a sale, for the caller to `switch` on and show:
 * - `succeeded`: paid; the contract is active.
 * - `pending` / `requires_action`: the payer must act (`action`: PIX QR, boleto, redirect);
 *   confirmed later by webhook, refresh or recovery.
 * - `declined`: the contract waits in `pending_payment` and the customer is blocked until a
 *   payment succeeds; `messageKey` is the i18n key of what to tell the buyer.
 * - `canceled`: the attempt was dropped; the contract still waits for payment.
 * - `unknown`: nobody can tell yet whether the provider has it; recovery settles it. Never
 *   show it as a failure — the buyer may have been charged.
 */
export type SaleOutcome =
  | (SaleState & { status: "succeeded" })
  | (SaleState & { status: "pending" | "requires_action"; action: PayerAction })
  | (SaleState & { status: "declined"; declineCode: DeclineCode; failureCode: string; messageKey: string })
  | (SaleState & { status: "canceled" })
  | (SaleState & { status: "unknown" });

function asDeclineCode(code: string | null): DeclineCode {
  return (declineCodes as readonly string[]).includes(code ?? "")
    ? (code as DeclineCode)
    : "processing_error";
}

/** The outcome a stored sale state shows. */
export function saleOutcomeOf(state: SaleState): SaleOutcome {
  const { payment } = state;
  switch (payment.status) {
    case "succeeded":
    case "authorized":
    case "partially_refunded":
    case "refunded":
      return { ...state, status: "succeeded" };
    case "pending":
    case "requires_action":
      // A pending row with no answer yet is the write-ahead row of a call in flight.
      return payment.action && payment.rawStatus !== null
        ? { ...state, status: payment.status, action: payment.action }
        : { ...state, status: "unknown" };
    case "failed": {
      const declineCode = asDeclineCode(payment.failureCode);
      return {
        ...state,
        status: "declined",
        declineCode,
        failureCode: payment.failureCode ?? "other",
        messageKey: `payment.declined.${declineCode}`,
      };
    }
    case "canceled":
      return { ...state, status: "canceled" };
    case "unknown":
      return { ...state, status: "unknown" };
  }
}
