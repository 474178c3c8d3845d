import type { ActivationCode } from "../activation/activation-code";
import type { Contract } from "../contracts/contract";
import type { Customer } from "../customers/customer";
import type { Installment } from "../installments/installment";
import { type DeclineCode, declineCodes } from "../payments/decline-code";
import { isNotSentCode, type NotSentCode } from "../payments/not-sent";
import type { PayerAction } from "../payments/payer-action";
import type { Payment } from "../payments/payment";

/** What every sale made, as stored, whether or not it collected anything. */
export interface SaleRecords {
  contract: Contract;
  customer: Customer;
  /** All of the contract's installments, in due order. */
  installments: Installment[];
  activationCode: ActivationCode | null;
  /** True when this answer comes from an earlier call with the same idempotency key. */
  replayed: boolean;
}

/** Everything a sale that collects made, with the attempt this outcome is about. */
export interface SaleState extends SaleRecords {
  payment: Payment;
}

/**
 * What became of a sale, for the caller to `switch` on and show:
 * - `succeeded`: paid; the contract is active.
 * - `pending` / `requires_action`: the payer must act (`action`: PIX QR, boleto, redirect);
 *   confirmed later by webhook, refresh or recovery.
 * - `declined`: the contract waits in `pending_payment` and the customer is blocked until a
 *   payment succeeds; `messageKey` is the i18n key of what to tell the buyer.
 * - `canceled`: the attempt was dropped; the contract still waits for payment.
 * - `processing`: the provider accepted it and is still making what the payer needs (a
 *   boleto issued asynchronously); `payment.pending` follows with the action.
 * - `authorized`: a card's money is held but not captured; the contract waits until
 *   `payments.capture` (or the provider) settles it. Never shown as paid.
 * - `unknown`: nobody can tell yet whether the provider has it; recovery settles it. Never
 *   show it as a failure — the buyer may have been charged.
 * - `not_sent`: the attempt provably charged nothing because of the provider or our set-up
 *   (an outage, a rate limit, credentials): not the buyer's fault, nobody is blocked. A sale
 *   or retry answers this as a thrown `gateway_unavailable` / `gateway_invalid_request`;
 *   `outcome()` shows it to staff, and the same request sent again makes a fresh attempt.
 * - `no_charge`: the plan had nothing to collect now (free): the contract is active and no
 *   provider was called, so there is no payment.
 */
export type SaleOutcome = AttemptOutcome<SaleState> | (SaleRecords & { status: "no_charge"; payment: null });

/**
 * What became of one attempt, with the records `S` it is about (a sale's, an order's): the
 * payment statuses of `SaleOutcome`, which tells what each means.
 */
export type AttemptOutcome<S extends { payment: Payment }> =
  | (S & { status: "succeeded" })
  | (S & { status: "pending" | "requires_action"; action: PayerAction })
  | (S & { status: "declined"; declineCode: DeclineCode; failureCode: string; messageKey: string })
  | (S & { status: "canceled" })
  | (S & { status: "processing" | "authorized" })
  | (S & { status: "unknown" })
  | (S & { status: "not_sent"; failureCode: NotSentCode });

function asDeclineCode(code: string | null): DeclineCode {
  return (declineCodes as readonly string[]).includes(code ?? "")
    ? (code as DeclineCode)
    : "processing_error";
}

/** The outcome a stored sale state shows. */
export function saleOutcomeOf(state: SaleState): SaleOutcome {
  return attemptOutcomeOf(state);
}

/** The outcome the records of an attempt show, by its payment's status. */
export function attemptOutcomeOf<S extends { payment: Payment }>(state: S): AttemptOutcome<S> {
  const { payment } = state;
  switch (payment.status) {
    case "succeeded":
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
      if (isNotSentCode(payment.failureCode))
        return { ...state, status: "not_sent", failureCode: payment.failureCode };
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
    case "processing":
      return { ...state, status: "processing" };
    case "authorized":
      return { ...state, status: "authorized" };
    case "unknown":
      return { ...state, status: "unknown" };
  }
}
