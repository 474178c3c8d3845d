import type { RecurrenceRules } from "../ports/gateway";
import { periodStart } from "../time/billing-schedule";
import type { CalendarDate } from "../time/calendar-date";
import { instantToMillis } from "../time/instant";
import type { SandboxRecurrence } from "./sandbox-recurrence-record";

/** A declined recurrent charge is tried again this long after the attempt before it. */
export const recurrenceRetrySpacingMs = 86_400_000;

/**
 * When the sandbox makes a recurrent charge due on `day`: its morning run, 06:00 in
 * Brasília (UTC−3; Brazil has kept no daylight saving time since 2019).
 */
export function recurrenceChargeTime(day: CalendarDate): number {
  return Date.parse(`${day}T09:00:00.000Z`);
}

/**
 * The next charge an active recurrence makes, or null once it ended. After a paid charge
 * `n`, charge `n + 1` falls on period `n − 1` from `secondChargeOn` (`periodStart`: the
 * same day of each period, the month's last day when it is shorter, never drifting); after
 * a declined one, as `declinedCharge` says (`recurrenceRules.declinedCharge`): with
 * `retry_then_end`, the same charge is tried again a day later; with `next_period`, it stays
 * declined and charge `n + 1` falls on its own day, as after a paid one. Whether a charge is
 * the last is not decided here: the charge that ends a recurrence says so itself
 * (`endsRecurrence`).
 */
export function nextRecurrentCharge(
  recurrence: SandboxRecurrence,
  declinedCharge: RecurrenceRules["declinedCharge"],
): { sequence: number; attempt: number; at: number } | null {
  if (recurrence.status !== "active") return null;
  const last = recurrence.lastCharge;
  const lastAt = instantToMillis(last.at);
  if (last.status === "declined" && declinedCharge === "retry_then_end")
    return { sequence: last.sequence, attempt: last.attempt + 1, at: lastAt + recurrenceRetrySpacingMs };
  const day = periodStart(recurrence.secondChargeOn, recurrence.interval, last.sequence - 1);
  // A charge paid on a late retry may leave the next one overdue: it is made then, never before the last.
  return { sequence: last.sequence + 1, attempt: 1, at: Math.max(recurrenceChargeTime(day), lastAt) };
}

/**
 * When the next charge is due, for the ledger's index; `Infinity` once the recurrence ended.
 * The gateway's rule, not the books': a ledger file reopened with another
 * `recurrenceDeclinedCharge` runs its recurrences by the new one.
 */
export function recurrenceDueAt(
  recurrence: SandboxRecurrence,
  declinedCharge: RecurrenceRules["declinedCharge"],
): number {
  return nextRecurrentCharge(recurrence, declinedCharge)?.at ?? Number.POSITIVE_INFINITY;
}
