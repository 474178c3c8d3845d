import { addDays, type CalendarDate } from "../time/calendar-date";

/**
 * The `nextAttemptOn` of an installment the billing run should never take again by itself:
 * the dunning schedule is spent (the contract is `past_due`). Staff, the customer's payment
 * link or the wallet still pay it; claims skip it, since no day reaches it.
 */
export const noMoreAttempts: CalendarDate = "9999-12-31";

/**
 * The day of the next automatic attempt at an installment due on `dueDate` after its
 * `failedAttempts`-th failure, by the unit's `retryDays` (days after the due date, in order):
 * null once every retry is spent. Never before `tomorrow`, so a run that was late (a server
 * down for days) does not try twice in one day, and one run never takes an item twice.
 */
export function nextRetryOn(
  dueDate: CalendarDate,
  failedAttempts: number,
  retryDays: readonly number[],
  tomorrow: CalendarDate,
): CalendarDate | null {
  const day = retryDays[failedAttempts - 1];
  if (day === undefined) return null;
  const scheduled = addDays(dueDate, day);
  return scheduled > tomorrow ? scheduled : tomorrow;
}

/** True when `failedAttempts` failures have spent a schedule of `retryDays` (the first try plus each retry). */
export function isScheduleSpent(failedAttempts: number, retryDays: readonly number[]): boolean {
  return failedAttempts > retryDays.length;
}
