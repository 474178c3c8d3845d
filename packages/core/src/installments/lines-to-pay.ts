import type { CalendarDate } from "../time/calendar-date";
import type { Installment } from "./installment";

/** An installment still to be paid: `awaiting`, or `denied` by its last attempt. */
export function isUnpaid(installment: Pick<Installment, "status">): boolean {
  return installment.status === "awaiting" || installment.status === "denied";
}

/**
 * The lines a new attempt at a contract pays, as `payments.retry`, `wallet.payFromBalance`
 * and the billing run pick them: with `dueOn`, every unpaid line due on or before that day,
 * whatever its period (the link that pays all open installments); otherwise the unpaid
 * lines of `sequence`, or of the first unpaid sequence (the lines due together, as the
 * enrollment fee with the first month). Empty when nothing is left to pay.
 */
export function linesToPay(
  installments: readonly Installment[],
  pick: { dueOn?: CalendarDate; sequence?: number } = {},
): Installment[] {
  const unpaid = installments.filter(isUnpaid);
  if (pick.dueOn !== undefined) {
    const dueOn = pick.dueOn;
    return unpaid.filter((line) => line.dueDate <= dueOn);
  }
  if (unpaid.length === 0) return [];
  const sequence = pick.sequence ?? Math.min(...unpaid.map((line) => line.sequence));
  return unpaid.filter((line) => line.sequence === sequence);
}
