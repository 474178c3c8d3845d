import {
  type CardSummary,
  type Instant,
  instantToMillis,
  type Money,
  type PaymentResult,
} from "@tessera/core";
import { storedCardToken } from "./card-token";
import { boletoPayerAction, pixPayerAction } from "./payer-action";
import { type CieloEnvironment, cieloDeclineOf } from "./return-codes";
import type { CieloPayment } from "./schemas";

/** Which of the table's columns a sale reads: Cielo's `Payment.Type`. */
export type CieloSaleKind = "card" | "pix" | "boleto";

/** `Pix` and `Boleto` are read as such; `CreditCard`, `DebitCard` and any other type as a card. */
export function cieloKindOf(type: string): CieloSaleKind {
  if (type === "Pix") return "pix";
  if (type === "Boleto") return "boleto";
  return "card";
}

/**
 * `Payment.Status` (manual "Status transacional") onto the port's statuses, in one table,
 * per kind of sale — Cielo's statuses mean different things by method:
 * - cards: a sale voided after capture stays `succeeded` with what was given back in
 *   `refundedAmount`; one voided before capture was never paid, so it is `canceled`;
 * - PIX (manual "Pix", lifecycle table): 12 is a QR code waiting on the payer, 2 paid, 11
 *   given back in full ("devolução"); 10 is a QR code removed unpaid at our request
 *   (reference "Remove a Pix QR Code": the status it leaves is not stated, Voided assumed);
 * - boletos: 1 is "apto a ser … definido como pago" — issued, waiting on the payer — and 2
 *   paid, by the bank's reconciliation; 10/13 a boleto canceled by hand in the portal.
 * A status missing from a kind's column is `unknown`, naming it.
 */
export const cieloStatusTable = {
  card: {
    0: "unknown", // NotFinished: Cielo probes the issuer again after a few minutes (sandbox card 6 → ReturnCode 99)
    1: "authorized", // Authorized
    2: "succeeded", // PaymentConfirmed
    3: "declined", // Denied
    10: "voided", // Voided
    11: "voided", // Refunded
    12: "processing", // Pending: "aguardando retorno da instituição financeira"
    13: "canceled", // Aborted
    20: "processing", // Scheduled (AuthorizeNow false; not made by this adapter)
  },
  pix: {
    0: "unknown", // NotFinished: the QR code was not generated (yet)
    2: "succeeded", // paid
    10: "removed", // QR code removed unpaid at our request
    11: "refunded", // given back in full
    12: "pending", // QR code generated, waiting on the payer (or expired: see pixPayerAction)
    13: "canceled", // Aborted
  },
  boleto: {
    0: "unknown",
    1: "pending", // issued, waiting on the payer
    2: "succeeded", // paid, reconciled with the bank
    10: "canceled", // canceled by hand ("Cancelamento manual" is notified)
    13: "canceled", // Aborted
  },
} as const satisfies Record<CieloSaleKind, Record<number, string>>;

type Outcome = {
  [Kind in CieloSaleKind]: (typeof cieloStatusTable)[Kind][keyof (typeof cieloStatusTable)[Kind]];
}[CieloSaleKind];

/**
 * What reading a sale needs besides the sale: the environment (return codes differ), the
 * time now (a PIX past its QR code's life is expired, which Cielo does not say itself) and
 * the QR code's life when the answer does not state it.
 */
export interface CieloReading {
  environment: CieloEnvironment;
  now: Instant;
  pixLifetimeSeconds: number;
}

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

/** The outcome the table gives this sale, or undefined for a status its kind does not know. */
function outcomeOf(kind: CieloSaleKind, status: number): Outcome | undefined {
  const column: Readonly<Record<number, Outcome>> = cieloStatusTable[kind];
  return column[status];
}

/** A Cielo sale as the port's `PaymentResult`. */
export function mapCieloPayment(payment: CieloPayment, context: CieloReading): PaymentResult {
  const kind = cieloKindOf(payment.Type);
  const outcome = outcomeOf(kind, payment.Status);
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
  const pix =
    kind === "pix"
      ? pixPayerAction(payment, {
          now: context.now,
          lifetimeSeconds: context.pixLifetimeSeconds,
          instantOf: cieloInstant,
        })
      : null;
  const expired = pix !== null && instantToMillis(context.now) >= instantToMillis(pix.expiresAt);
  // Cielo says when a PIX was made, not when it was paid: a card's capture date is its own.
  const paidAt = kind === "card" ? cieloInstant(payment.CapturedDate ?? payment.ReceivedDate) : null;
  switch (outcome) {
    case "authorized":
      return { ...base, status: "authorized", card: cardOf(payment) };
    case "succeeded":
      return { ...base, status: "succeeded", card: cardOf(payment), paidAt };
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
      if ((payment.CapturedAmount ?? 0) === 0)
        return { ...base, refundedAmount: brl(0), status: "canceled", reason: "by_us" };
      return {
        ...base,
        refundedAmount: brl(payment.VoidedAmount ?? payment.Amount),
        status: "succeeded",
        card: cardOf(payment),
        paidAt,
      };
    case "refunded":
      return {
        ...base,
        refundedAmount: brl(payment.VoidedAmount ?? payment.Amount),
        status: "succeeded",
        card: null,
        paidAt,
      };
    case "removed":
      return { ...base, refundedAmount: brl(0), status: "canceled", reason: "by_us" };
    case "canceled":
      return { ...base, status: "canceled", reason: expired ? "expired" : "by_provider" };
    case "processing":
      return { ...base, status: "processing" };
    case "pending": {
      if (kind === "pix") {
        if (pix === null) return { ...base, status: "processing" };
        // Cielo keeps an unpaid QR code Pending past its life: expired is ours to tell.
        if (expired) return { ...base, status: "canceled", reason: "expired" };
        return { ...base, status: "pending", action: pix };
      }
      const boleto = boletoPayerAction(payment);
      if (boleto !== null) return { ...base, status: "pending", action: boleto };
      if (payment.Url !== undefined)
        return {
          ...base,
          status: "pending",
          action: { type: "redirect", url: payment.Url, expiresAt: null },
        };
      return { ...base, status: "processing" };
    }
    default:
      return {
        status: "unknown",
        providerReference: payment.PaymentId,
        rawStatus,
        reason:
          outcome === "unknown"
            ? `Cielo has not finished the sale (Status 0, ReturnCode ${returnCode || "none"}): it may still be made`
            : `Cielo answered Payment.Status ${payment.Status} for a ${payment.Type} sale, which it does not document`,
      };
  }
}
