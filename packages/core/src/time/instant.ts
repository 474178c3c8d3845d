import { z } from "zod";
import { argumentError } from "../errors/argument-error";
import { daysInMonth } from "./calendar-date";

/**
 * A moment in time, as an ISO-8601 UTC string with milliseconds
 * (`2026-11-24T13:05:00.000Z`). Instants sort as strings and survive JSON unchanged, which
 * holds for years 0000–9999: beyond them `toISOString` writes six-digit years (`+010000-…`).
 */
export type Instant = string & { readonly __instant?: never };

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z, in milliseconds since 1970. */
const minMillis = -62_167_219_200_000;
const maxMillis = 253_402_300_799_999;

const isoUtc = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

/**
 * The milliseconds of an instant, or NaN when `value` is not an ISO-8601 UTC date-time of
 * a real moment: `Date.parse` alone reads "2026-02-30T00:00:00Z" as March 2.
 */
export function millisOfInstant(value: unknown): number {
  if (typeof value !== "string") return Number.NaN;
  const match = isoUtc.exec(value);
  if (!match) return Number.NaN;
  const month = Number(match[2]);
  const real =
    month >= 1 &&
    month <= 12 &&
    Number(match[3]) >= 1 &&
    Number(match[3]) <= daysInMonth(Number(match[1]), month) &&
    Number(match[4]) <= 23 &&
    Number(match[5]) <= 59 &&
    Number(match[6]) <= 59;
  return real ? Date.parse(value) : Number.NaN;
}

/** The milliseconds of a valid `Date` (not an Invalid Date, not a look-alike), or NaN. */
export function millisOfDate(value: unknown): number {
  if (!(value instanceof Date)) return Number.NaN;
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    // Object.create(Date.prototype) passes instanceof, yet has no time.
    return Number.NaN;
  }
}

function checkedInstant(instant: Instant, fn: string): number {
  const millis = millisOfInstant(instant);
  if (Number.isNaN(millis)) {
    throw argumentError(fn, "instant", "invalid_instant", "must be an ISO-8601 UTC instant", {
      got: instant,
    });
  }
  return millis;
}

function format(millis: number, fn: string, argument: string): Instant {
  if (!(millis >= minMillis && millis <= maxMillis)) {
    throw argumentError(fn, argument, "out_of_range", "is outside years 0000–9999");
  }
  return new Date(millis).toISOString();
}

export function toInstant(date: Date): Instant {
  const millis = millisOfDate(date);
  if (Number.isNaN(millis)) {
    throw argumentError("toInstant", "date", "invalid_date", "must be a valid Date", { got: date });
  }
  return format(millis, "toInstant", "date");
}

/** `instant` moved by `ms` (negative to go back); instants keep whole milliseconds. */
export function addMilliseconds(instant: Instant, ms: number): Instant {
  const millis = checkedInstant(instant, "addMilliseconds");
  if (typeof ms !== "number" || !Number.isFinite(ms)) {
    throw argumentError("addMilliseconds", "ms", "invalid_number", "must be a finite number", {
      got: ms,
    });
  }
  // new Date() drops the fraction of a millisecond, as it always did here.
  return format(new Date(millis + ms).getTime(), "addMilliseconds", "ms");
}

export function instantToMillis(instant: Instant): number {
  return checkedInstant(instant, "instantToMillis");
}

export const instantSchema = z.iso
  .datetime({ offset: false })
  .transform((v) => new Date(v).toISOString() as Instant);
