import { z } from "zod";
import { TesseraError } from "../errors/tessera-error";

/**
 * A day on the calendar, `YYYY-MM-DD`, in some unit's timezone. Due dates and start dates
 * are days, never instants: a due date does not move when it is read in another zone.
 */
export type CalendarDate = string & { readonly __calendarDate?: never };

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: CalendarDate): { year: number; month: number; day: number } {
  const match = pattern.exec(date);
  if (!match) throw invalidDate(date);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function invalidDate(value: string): TesseraError {
  return new TesseraError("validation_failed", `"${value}" is not a calendar date (YYYY-MM-DD).`, {
    details: { issues: [{ path: [], code: "invalid_date", message: "must be a real YYYY-MM-DD date" }] },
  });
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isCalendarDate(value: string): value is CalendarDate {
  const match = pattern.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, "must be a real date written YYYY-MM-DD")
  .transform((value) => value as CalendarDate);

/** Builds a date from its parts, refusing impossible days (Feb 30). */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!isCalendarDate(value)) throw invalidDate(value);
  return value;
}

export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  return parts(date);
}

/** Days since 1970-01-01 (proleptic Gregorian), for arithmetic. */
function toEpochDay(date: CalendarDate): number {
  const { year, month, day } = parts(date);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.floor(utc.getTime() / 86_400_000);
}

function fromEpochDay(epochDay: number): CalendarDate {
  const d = new Date(epochDay * 86_400_000);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * Adds whole months. When the target month is shorter than `anchorDay` (default: the
 * date's own day), the result is that month's last day: Jan 31 + 1 month = Feb 28 (29 in a
 * leap year); Jan 31 + 2 months = Mar 31 — the anchor is kept, so the day never drifts.
 */
export function addMonths(date: CalendarDate, months: number, anchorDay?: number): CalendarDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const wanted = anchorDay ?? day;
  return calendarDate(targetYear, targetMonth, Math.min(wanted, daysInMonth(targetYear, targetMonth)));
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function lastDayOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = parts(date);
  return calendarDate(year, month, daysInMonth(year, month));
}
