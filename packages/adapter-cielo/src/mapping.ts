import type { CardSummary, Money, PaymentResult } from "@tessera/core";
import { storedCardToken } from "./card-token";
import { type CieloEnvironment, cieloDeclineOf } from "./return-codes";
import type { CieloPayment } from "./schemas";

/**
 * `Payment.Status` (manual "Status transacional") onto the port's statuses, in one table.
 * A sale voided after capture stays `succeeded` with what was given back in
 * `refundedAmount`; one voided before capture was never paid, so it is `canceled`.
 */
export const cieloStatusTable = {
  0: "unknown", // NotFinished: Cielo probes the issuer again after a few minutes (sandbox card 6 → ReturnCode 99)
  1: "authorized", // Authorized
  2: "succeeded", // PaymentConfirmed
  3: "declined", // Denied
  10: "voided", // Voided
  11: "voided", // Refunded
  12: "pending", // Pending (PIX)
  13: "canceled", // Aborted
  20: "processing", // Scheduled (AuthorizeNow false; not made by this adapter)
} as const;

const brl = (amount: number): Money => ({ amount, currency: "BRL" });

/** `dd/MM/yyyy HH:mm:ss` or `yyyy-MM-dd HH:mm:ss`, São Paulo wall time (UTC−3), as an instant. */
export function cieloInstant(value: string | undefined): string | null {
  if (value === undefined) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  const br = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})/.exec(value);
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
    : br
      ? [br[3], br[2], br[1], br[4], br[5], br[6]]
      : null;
  if (parts === null) return null;
  const millis = Date.parse(`${parts[0]}-${parts[1]}-${parts[2]}T${parts[3]}:${parts[4]}:${parts[5]}-03:00`);
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

function cardOf(payment: CieloPayment): CardSummary | null {
  const card = payment.CreditCard;
  if (card?.CardNumber === undefined) return null;
  return {
    brand: (card.Brand ?? "unknown").toLowerCase(),
    last4: card.CardNumber.slice(-4),
    reusableToken:
      card.CardToken !== undefined ? storedCardToken(card.Brand ?? "Visa", card.CardToken) : null,
  };
}

/** A Cielo sale as the port's `PaymentResult`. */
export function mapCieloPayment(
  payment: CieloPayment,
  context: { environment: CieloEnvironment },
): PaymentResult {
  const status = cieloStatusTable[payment.Status as keyof typeof cieloStatusTable];
  const returnCode = payment.ReturnCode ?? "";
  const rawStatus = `${payment.Status}${returnCode === "" ? "" : `/${returnCode}`}`;
  const recurrenceReference = payment.RecurrentPayment?.RecurrentPaymentId;
  const base = {
    providerReference: payment.PaymentId,
    rawStatus,
    amount: brl(payment.Amount),
    refundedAmount: brl(payment.VoidedAmount ?? 0),
    ...(recurrenceReference !== undefined ? { recurrenceReference } : {}),
  };
  switch (status) {
    case "authorized":
      return { ...base, status: "authorized", card: cardOf(payment) };
    case "succeeded":
      return {
        ...base,
        status: "succeeded",
        card: cardOf(payment),
        paidAt: cieloInstant(payment.CapturedDate ?? payment.ReceivedDate),
      };
    case "declined": {
      const decline = cieloDeclineOf(returnCode, {
        environment: context.environment,
        brand: payment.CreditCard?.Brand ?? null,
      });
      return {
        ...base,
        status: "declined",
        declineCode: decline.code,
        message: payment.ReturnMessage ?? decline.reason,
      };
    }
    case "voided":
      // Voided before capture: the issuer released the hold, nothing was paid.
      if ((payment.CapturedAmount ?? 0) === 0 && payment.Type !== "Pix")
        return { ...base, refundedAmount: brl(0), status: "canceled", reason: "by_us" };
      return {
        ...base,
        refundedAmount: brl(payment.VoidedAmount ?? payment.Amount),
        status: "succeeded",
        card: cardOf(payment),
        paidAt: cieloInstant(payment.CapturedDate ?? payment.ReceivedDate),
      };
    case "canceled":
      return { ...base, status: "canceled", reason: "by_provider" };
    case "processing":
      return { ...base, status: "processing" };
    case "pending":
      // PIX through Cielo is not offered by this adapter yet; a pending sale of another kind has nothing to show.
      return { ...base, status: "processing" };
    default:
      return {
        status: "unknown",
        providerReference: payment.PaymentId,
        rawStatus,
        reason:
          status === "unknown"
            ? `Cielo has not finished the sale (Status 0, ReturnCode ${returnCode || "none"}): it may still be authorized`
            : `Cielo answered an unknown Payment.Status ${payment.Status}`,
      };
  }
}
