import {
  type CalendarDate,
  type ContractDetail,
  calendarDateInZone,
  type Installment,
  linesToPay,
  type Money,
  openPaymentStatuses,
  type Payment,
  sumMoney,
  type Tessera,
  type Unit,
} from "@tessera/core";

/** What the contract's pay link would pay today, and what stands in its way. */
export interface DueLines {
  /** Unpaid lines due by today, in due order. */
  lines: Installment[];
  total: Money;
  /** An attempt at one of them still open (a PIX not yet paid, an answer not yet known): core then refuses a new one. */
  openAttempt: Payment | null;
}

/**
 * The lines `payments.retry({ lines: "due" })` pays, as core picks them: every unpaid
 * (`awaiting` or `denied`) line of the contract due on or before `today`, whatever its period.
 * Null when there are none — the link has nothing to pay.
 */
export function dueLinesOf(detail: ContractDetail, today: CalendarDate): DueLines | null {
  const lines = linesToPay(
    detail.installments.map(({ installment }) => installment),
    { dueOn: today },
  );
  if (lines.length === 0) return null;
  const ids = new Set(lines.map((line) => line.id));
  const openAttempt =
    detail.installments
      .filter(({ installment }) => ids.has(installment.id))
      .flatMap(({ payments }) => payments)
      .find((payment) => openPaymentStatuses.includes(payment.status)) ?? null;
  return {
    lines,
    total: sumMoney(
      lines.map((line) => line.amount),
      detail.contract.terms.price.currency,
    ),
    openAttempt,
  };
}

/** Today in the unit's timezone: the day core's retry counts lines due by. */
export function unitToday(tessera: Pick<Tessera, "clock">, unit: Unit): CalendarDate {
  return calendarDateInZone(tessera.clock.now(), unit.timeZone);
}
