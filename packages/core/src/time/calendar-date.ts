import { z } from "zod";
import { argumentError } from "../errors/argument-error";

/**
 * A day on the calendar, `YYYY-MM-DD`, in some unit's timezone. Due dates and start dates
 * are days, never instants: a due date does not move when it is read in another zone.
 * Years run from 0001 to 9999, the years four digits can write.
 */
export type CalendarDate = string & { readonly __calendarDate?: never };

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const minYear = 1;
const maxYear = 9999;
/** Days from 1970-01-01 to 0001-01-01 and to 9999-12-31: the range date arithmetic stays in. */
const minEpochDay = -719_162;
const maxEpochDay = 2_932_896;

/** The parts of a real date, or null for anything else (Feb 30, `2024-1-5`, a number). */
function partsOrNull(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== "string") return null;
  const match = pattern.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < minYear || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) return null;
  return { year, month, day };
}

/** The parts of `date`, the argument `argument` of `fn`, or a validation error naming it. */
function parts(
  date: CalendarDate,
  fn: string,
  argument: string,
): { year: number; month: number; day: number } {
  const found = partsOrNull(date);
  if (found === null) {
    throw argumentError(fn, argument, "invalid_date", "must be a real date written YYYY-MM-DD", {
      got: date,
    });
  }
  return found;
}

function wholeNumber(value: unknown, fn: string, argument: string, message: string): number {
  if (!Number.isSafeInteger(value)) {
    throw argumentError(fn, argument, "not_integer", message, { got: value });
  }
  return value as number;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in `month` (1–12, already checked) of `year`. */
function monthLength(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : monthLengths[month - 1]!;
}

/** Gregorian (proleptic: the rule runs back before 1582 too). */
export function isLeapYear(year: number): boolean {
  return isLeap(wholeNumber(year, "isLeapYear", "year", "must be a whole number"));
}

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  wholeNumber(year, "daysInMonth", "year", "must be a whole number");
  if (!(Number.isInteger(month) && month >= 1 && month <= 12)) {
    throw argumentError("daysInMonth", "month", "invalid_month", "must be a whole number from 1 to 12", {
      got: month,
    });
  }
  return monthLength(year, month);
}

/** True when `value` is a real day written `YYYY-MM-DD` (not Feb 30, not `2024-1-5`). */
export function isCalendarDate(value: string): value is CalendarDate {
  return partsOrNull(value) !== null;
}

export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, "must be a real date written YYYY-MM-DD")
  .transform((value) => value as CalendarDate);

/** Builds a date from its parts, refusing impossible days (Feb 30) and years outside 1–9999. */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  if (!(Number.isInteger(year) && year >= minYear && year <= maxYear)) {
    throw argumentError(
      "calendarDate",
      "year",
      "invalid_year",
      `must be a whole number from ${minYear} to ${maxYear}`,
    );
  }
  if (!(Number.isInteger(month) && month >= 1 && month <= 12)) {
    throw argumentError("calendarDate", "month", "invalid_month", "must be a whole number from 1 to 12", {
      got: month,
    });
  }
  const length = monthLength(year, month);
  if (!(Number.isInteger(day) && day >= 1 && day <= length)) {
    throw argumentError(
      "calendarDate",
      "day",
      "invalid_day",
      `must be a whole number from 1 to ${length} in ${year}-${String(month).padStart(2, "0")}`,
      { got: day },
    );
  }
  return format(year, month, day);
}

function format(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  return parts(date, "dateParts", "date");
}

/** Days since 1970-01-01 (proleptic Gregorian), for arithmetic. */
function toEpochDay({ year, month, day }: { year: number; month: number; day: number }): number {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.floor(utc.getTime() / 86_400_000);
}

/** The date `epochDay` days after 1970-01-01; the caller keeps it within years 1–9999. */
function fromEpochDay(epochDay: number): CalendarDate {
  const d = new Date(epochDay * 86_400_000);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Moves `date` by whole `days` (negative to go back); refuses to leave years 1–9999. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const from = toEpochDay(parts(date, "addDays", "date"));
  const target = from + wholeNumber(days, "addDays", "days", "must be a whole number of days");
  if (!(target >= minEpochDay && target <= maxEpochDay)) {
    throw argumentError("addDays", "days", "out_of_range", "moves the date outside years 0001–9999");
  }
  return fromEpochDay(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(parts(to, "daysBetween", "to")) - toEpochDay(parts(from, "daysBetween", "from"));
}

/**
 * Adds whole months. When the target month is shorter than `anchorDay` (default: the
 * date's own day), the result is that month's last day: Jan 31 + 1 month = Feb 28 (29 in a
 * leap year); Jan 31 + 2 months = Mar 31 — the anchor is kept, so the day never drifts.
 */
export function addMonths(date: CalendarDate, months: number, anchorDay?: number): CalendarDate {
  const { year, month, day } = parts(date, "addMonths", "date");
  const index =
    year * 12 + (month - 1) + wholeNumber(months, "addMonths", "months", "must be a whole number of months");
  if (anchorDay !== undefined && !(Number.isInteger(anchorDay) && anchorDay >= 1 && anchorDay <= 31)) {
    throw argumentError("addMonths", "anchorDay", "invalid_day", "must be a whole number from 1 to 31", {
      got: anchorDay,
    });
  }
  const targetYear = Math.floor(index / 12);
  if (!(targetYear >= minYear && targetYear <= maxYear)) {
    throw argumentError("addMonths", "months", "out_of_range", "moves the date outside years 0001–9999");
  }
  const targetMonth = index - targetYear * 12 + 1;
  return format(targetYear, targetMonth, Math.min(anchorDay ?? day, monthLength(targetYear, targetMonth)));
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  parts(a, "compareDates", "a");
  parts(b, "compareDates", "b");
  // Four-digit years, two-digit months and days: string order is date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function lastDayOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = parts(date, "lastDayOfMonth", "date");
  return format(year, month, monthLength(year, month));
}
