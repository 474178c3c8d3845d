import { z } from "zod";
import { addDays, addMonths, type CalendarDate, dateParts } from "./calendar-date";

/** A billing interval: every `count` months, or every `count` days. */
export interface BillingInterval {
  unit: "month" | "day";
  count: number;
}

export const billingIntervalSchema = z.object({
  unit: z.enum(["month", "day"]),
  count: z.number().int().min(1, "must be at least 1").max(120, "must be at most 120"),
});

/**
 * The billing day of a contract that starts on `start`: the day of the month it was
 * contracted on (Conexa FAQ: "contracted on Feb 7, due every 7th"). In months without that
 * day (a 31st) the period falls on the month's last day — see `periodStart`.
 */
export function billingDayOf(start: CalendarDate): number {
  return dateParts(start).day;
}

/**
 * The first day of period `index` (0 = the start) of a schedule starting on `start`.
 * Computed from the start each time, never from the previous period, so a 31st that was
 * clamped to Feb 28 comes back to Mar 31: the schedule never drifts, skips or repeats.
 */
export function periodStart(start: CalendarDate, interval: BillingInterval, index: number): CalendarDate {
  if (interval.unit === "day") return addDays(start, interval.count * index);
  return addMonths(start, interval.count * index, billingDayOf(start));
}

/** The last day of period `index`: the day before the next period starts. */
export function periodEnd(start: CalendarDate, interval: BillingInterval, index: number): CalendarDate {
  return addDays(periodStart(start, interval, index + 1), -1);
}
