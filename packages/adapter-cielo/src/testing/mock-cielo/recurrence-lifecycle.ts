import { randomUUID } from "node:crypto";
import { addDays, addMonths, type CalendarDate, dateParts } from "@tessera/core";
import type { CieloCard, CieloRecurrence, CieloSale } from "./cielo-books";
import { type CieloContext, saoPauloDay } from "./cielo-context";
import { makeCardSale } from "./sale-lifecycle";

/** Tries of one recurrent charge before Cielo disables the recurrence (status 4): the manual's "up to 4" (check). */
export const recurrentTries = 4;

/** The day of the recurrence's own charge `number` (1-based). */
export function chargeDay(recurrence: CieloRecurrence, number: number): CalendarDate {
  return addMonths(recurrence.startDate, (number - 1) * recurrence.intervalMonths);
}

/**
 * `RecurrentPayment` with `AuthorizeNow` true: the create's sale is charge 0 of the
 * recurrence (PaymentNumber 0), and the first own charge falls `StartDate`, or one interval
 * after today.
 */
export function startRecurrence(
  context: CieloContext,
  sale: CieloSale,
  input: {
    intervalMonths: number;
    startDate: CalendarDate | null;
    endDate: CalendarDate | null;
    card: CieloCard;
  },
): CieloRecurrence {
  const today = saoPauloDay(context.clock.now());
  const startDate = input.startDate ?? addMonths(today, input.intervalMonths);
  const recurrence: CieloRecurrence = {
    recurrentPaymentId: randomUUID(),
    merchantOrderId: sale.merchantOrderId,
    customerName: sale.customerName,
    amount: sale.amount,
    intervalMonths: input.intervalMonths,
    recurrencyDay: dateParts(startDate).day,
    nextRecurrency: startDate,
    startDate,
    nextCharge: 1,
    endDate: input.endDate,
    status: 1,
    card: { ...input.card },
    transactions: [{ paymentId: sale.paymentId, paymentNumber: 0, tryNumber: 1 }],
    currentTry: 1,
    successfulRecurrences: 0,
    createdAt: context.clock.now(),
  };
  context.books.recurrences.set(recurrence.recurrentPaymentId, recurrence);
  sale.recurrentPaymentId = recurrence.recurrentPaymentId;
  return recurrence;
}

/** Moves the next charge to `day`; later charges follow from it (the mock's reading of `NextPaymentDate`). */
export function rescheduleRecurrence(recurrence: CieloRecurrence, day: CalendarDate): void {
  recurrence.startDate = addMonths(day, -(recurrence.nextCharge - 1) * recurrence.intervalMonths);
  recurrence.nextRecurrency = day;
  recurrence.recurrencyDay = dateParts(day).day;
}

function tryCharge(context: CieloContext, recurrence: CieloRecurrence, today: CalendarDate): void {
  const sale = makeCardSale(context, {
    merchantOrderId: recurrence.merchantOrderId,
    customerName: recurrence.customerName,
    amount: recurrence.amount,
    capture: true,
    card: recurrence.card,
    saveCard: false,
    recurrentPaymentId: recurrence.recurrentPaymentId,
    declineAsRecurrent: context.books.decliningRecurrentCards.has(recurrence.card.number),
  });
  recurrence.transactions.push({
    paymentId: sale.paymentId,
    paymentNumber: recurrence.nextCharge,
    tryNumber: recurrence.currentTry,
  });
  if (sale.status === 2) {
    recurrence.successfulRecurrences += 1;
    recurrence.nextCharge += 1;
    recurrence.currentTry = 1;
    recurrence.nextRecurrency = chargeDay(recurrence, recurrence.nextCharge);
    if (recurrence.endDate !== null && recurrence.nextRecurrency > recurrence.endDate) recurrence.status = 2;
  } else if (recurrence.currentTry >= recurrentTries) {
    recurrence.status = 4;
  } else {
    recurrence.currentTry += 1;
    recurrence.nextRecurrency = addDays(today, 1);
  }
  context.notifier.send({
    RecurrentPaymentId: recurrence.recurrentPaymentId,
    PaymentId: sale.paymentId,
    ChangeType: 2,
  });
}

/** Makes every recurrent charge that has fallen due by the mock's today, in order. */
export function runDueRecurrences(context: CieloContext): void {
  const today = saoPauloDay(context.clock.now());
  for (const recurrence of context.books.recurrences.values()) {
    while (recurrence.status === 1 && recurrence.nextRecurrency <= today) {
      // The loop only runs for a day not after today: each missed try happens on its own day.
      tryCharge(context, recurrence, recurrence.nextRecurrency);
    }
  }
}
