import { randomInt, randomUUID } from "node:crypto";
import { cardOutcome } from "./card-outcome";
import type { CieloCard, CieloSale } from "./cielo-books";
import type { CieloContext } from "./cielo-context";

const digits = (length: number) => Array.from({ length }, () => randomInt(10)).join("");

/** A card authorization, captured at once when `capture`: Status 1/ReturnCode 4, or 2/6; denials 3; timeouts 0/99. */
export function makeCardSale(
  context: CieloContext,
  input: {
    merchantOrderId: string;
    customerName: string;
    amount: number;
    capture: boolean;
    card: CieloCard;
    saveCard: boolean;
    recurrentPaymentId?: string;
    outside?: boolean;
    /** A recurrent charge of a card the mock declines in recurrences. */
    declineAsRecurrent?: boolean;
  },
): CieloSale {
  const outcome = input.declineAsRecurrent
    ? { status: 3 as const, returnCode: "51", returnMessage: "Insufficient Funds" }
    : cardOutcome(input.card, context.returnCodes);
  const approved = outcome.status === 1;
  const captured = approved && input.capture;
  let cardToken: string | null = null;
  if (approved && input.saveCard) {
    cardToken = randomUUID();
    context.books.cards.set(cardToken, { ...input.card });
  }
  const sale: CieloSale = {
    paymentId: randomUUID(),
    merchantOrderId: input.merchantOrderId,
    type: "CreditCard",
    amount: input.amount,
    capture: input.capture,
    capturedAmount: captured ? input.amount : 0,
    voidedAmount: 0,
    voids: [],
    status: captured ? 2 : outcome.status,
    returnCode: captured ? "6" : outcome.returnCode,
    returnMessage: outcome.returnMessage,
    card: { ...input.card },
    cardToken,
    receivedAt: context.clock.now(),
    customerName: input.customerName,
    tid: digits(13),
    proofOfSale: digits(6),
    authorizationCode: approved ? digits(6) : null,
    recurrentPaymentId: input.recurrentPaymentId ?? null,
    paidAmount: 0,
    paidAt: null,
    pix: null,
    boleto: null,
    outside: input.outside ?? false,
  };
  context.books.sales.set(sale.paymentId, sale);
  return sale;
}

export type SaleChange = { ok: true } | { ok: false; code: number; message: string };

/** `PUT /1/sales/{id}/capture[?amount=]`: once, for at most what was authorized. */
export function captureSale(context: CieloContext, sale: CieloSale, amount: number | null): SaleChange {
  if (sale.status !== 1) return { ok: false, code: 308, message: "Transaction not available to capture" };
  const captured = amount ?? sale.amount;
  if (captured <= 0 || captured > sale.amount)
    return { ok: false, code: 308, message: "Transaction not available to capture" };
  sale.status = 2;
  sale.capturedAmount = captured;
  sale.returnCode = "6";
  sale.returnMessage = "Operation Successful";
  context.notifier.send({ PaymentId: sale.paymentId, ChangeType: 1 });
  return { ok: true };
}

/** How many days after the sale Cielo still voids a card sale (manual: 330 days; 690 with instalments). */
export const voidWindowDays = 330;

export type VoidOutcome =
  | { kind: "done"; returnCode: string; message: string }
  | { kind: "refused"; returnCode: string; message: string }
  | { kind: "error"; code: number; message: string };

/**
 * `PUT /1/sales/{id}/void[?amount=]`: an authorization only in full (→ 10); a captured sale
 * in part (stays 2, ReturnCode 0, VoidedAmount adds up) or for what is left (→ 10 the same
 * day, 11 after); never more than is left, never past the window (ReturnCode 40).
 */
export function voidSale(context: CieloContext, sale: CieloSale, amount: number | null): VoidOutcome {
  if (context.faults.refuseNextVoid) {
    context.faults.refuseNextVoid = false;
    return { kind: "refused", returnCode: "5", message: "Erro de efetivação" };
  }
  const now = context.clock.now();
  if (Date.parse(now) - Date.parse(sale.receivedAt) > voidWindowDays * 86_400_000)
    return {
      kind: "refused",
      returnCode: "40",
      message: "O cancelamento não pode ser realizado, pois o prazo esta vencido",
    };
  if (sale.status === 1) {
    if (amount !== null && amount !== sale.amount)
      return { kind: "error", code: 309, message: "Transaction not available to void" };
    sale.status = 10;
    sale.voidedAmount = sale.amount;
    sale.voids.push({ amount: sale.amount, at: now });
    sale.returnCode = "9";
    context.notifier.send({ PaymentId: sale.paymentId, ChangeType: 1 });
    return { kind: "done", returnCode: "9", message: "Operation Successful" };
  }
  const left = sale.capturedAmount - sale.voidedAmount;
  const voided = amount ?? left;
  if (sale.status !== 2 || left <= 0 || voided <= 0 || voided > left)
    return { kind: "error", code: 309, message: "Transaction not available to void" };
  sale.voidedAmount += voided;
  sale.voids.push({ amount: voided, at: now });
  if (voided === left) {
    const sameDay = now.slice(0, 10) === sale.receivedAt.slice(0, 10);
    sale.status = sameDay ? 10 : 11;
    sale.returnCode = "9";
  } else {
    sale.returnCode = "0";
  }
  context.notifier.send({ PaymentId: sale.paymentId, ChangeType: 1 });
  return voided === left
    ? { kind: "done", returnCode: "9", message: "Operation Successful" }
    : { kind: "done", returnCode: "0", message: "Operation Successful" };
}
