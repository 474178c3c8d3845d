import { z } from "zod";
import { argumentError } from "../errors/argument-error";
import { isTesseraError } from "../errors/tessera-error";
import { addDays, addMonths, type CalendarDate, dateParts, isCalendarDate } from "./calendar-date";

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
  return startParts(start, "billingDayOf").day;
}

/**
 * The first day of period `index` (0 = the start) of a schedule starting on `start`.
 * Computed from the start each time, never from the previous period, so a 31st that was
 * clamped to Feb 28 comes back to Mar 31: the schedule never drifts, skips or repeats.
 * `billingDay` is the day of the month monthly periods fall on, the start's own day unless
 * given: a renewal starting on Feb 28 of a chain contracted on a 31st keeps the 31st.
 */
export function periodStart(
  start: CalendarDate,
  interval: BillingInterval,
  index: number,
  billingDay?: number,
): CalendarDate {
  const { day: startDay } = startParts(start, "periodStart");
  const day = billingDay === undefined ? startDay : checkedBillingDay(billingDay, "periodStart");
  const steps = checkedInterval(interval, "periodStart").count * checkedIndex(index, "periodStart");
  try {
    return interval.unit === "day" ? addDays(start, steps) : addMonths(start, steps, day);
  } catch (error) {
    // start, interval and index are valid by now: only the calendar's end (9999) is left.
    if (!isTesseraError(error, "validation_failed")) throw error;
    throw argumentError("periodStart", "index", "out_of_range", "puts the period outside years 0001–9999", {
      got: index,
      cause: error,
    });
  }
}

/** The last day of period `index`: the day before the next period starts. */
export function periodEnd(
  start: CalendarDate,
  interval: BillingInterval,
  index: number,
  billingDay?: number,
): CalendarDate {
  startParts(start, "periodEnd");
  checkedInterval(interval, "periodEnd");
  if (billingDay !== undefined) checkedBillingDay(billingDay, "periodEnd");
  const next = checkedIndex(index, "periodEnd") + 1;
  try {
    return addDays(periodStart(start, interval, next, billingDay), -1);
  } catch (error) {
    if (!isTesseraError(error, "validation_failed")) throw error;
    throw argumentError("periodEnd", "index", "out_of_range", "puts the period outside years 0001–9999", {
      got: index,
      cause: error,
    });
  }
}

function startParts(start: CalendarDate, fn: string): { year: number; month: number; day: number } {
  if (!isCalendarDate(start)) {
    throw argumentError(fn, "start", "invalid_date", "must be a real date written YYYY-MM-DD", {
      got: start,
    });
  }
  return dateParts(start);
}

/** The interval as the schema allows it, whole units from 1 up (the 120 cap is the form's). */
function checkedInterval(interval: BillingInterval, fn: string): BillingInterval {
  const valid =
    typeof interval === "object" &&
    interval !== null &&
    (interval.unit === "month" || interval.unit === "day") &&
    Number.isSafeInteger(interval.count) &&
    interval.count >= 1;
  if (!valid) {
    throw argumentError(
      fn,
      "interval",
      "invalid_interval",
      'must be { unit: "month" | "day", count: 1 or more }',
    );
  }
  return interval;
}

function checkedBillingDay(day: number, fn: string): number {
  if (!(Number.isInteger(day) && day >= 1 && day <= 31)) {
    throw argumentError(fn, "billingDay", "invalid_day", "must be a whole number from 1 to 31", { got: day });
  }
  return day;
}

function checkedIndex(index: number, fn: string): number {
  if (!Number.isSafeInteger(index)) {
    throw argumentError(fn, "index", "not_integer", "must be a whole number", { got: index });
  }
  return index;
}
