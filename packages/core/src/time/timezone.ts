import { z } from "zod";
import { argumentError } from "../errors/argument-error";
import { type CalendarDate, calendarDate } from "./calendar-date";
import { type Instant, millisOfDate, millisOfInstant } from "./instant";

/**
 * One `Intl.DateTimeFormat` per timezone, built on first use: building one costs far more
 * than formatting with it, and built on every call it took 5–6 % of a sale. With it, the
 * last day it gave and the UTC second that day was read for: a sale asks for "today" in the
 * same zone several times within a millisecond or two, and formatting, cold, costs some
 * microseconds each time. The day cannot change inside a UTC second: a zone's offsets and
 * the instants it changes them are whole seconds (tz data has no finer unit), so its
 * midnights fall on whole seconds too.
 *
 * Module-level, yet not the mutable state STYLE 15 rules out: it is a pure memo of immutable
 * values. A formatter has no setters, a zone always builds an equivalent one, and the day of
 * a second is that second's whatever asked, so whether a zone is cached changes how fast a
 * call returns, never what it returns; no caller can reach a cached formatter, so two
 * Tessera instances sharing the memo cannot affect each other. Only zones Intl accepts are
 * stored (an unknown zone throws before it is), and at most `maxCachedZones` of them — zones
 * come from configuration, but nothing stops a caller from passing thousands, so the oldest
 * entry goes when the memo is full.
 */
interface ZoneMemo {
  formatter: Intl.DateTimeFormat;
  /** The UTC second (`floor(ms / 1000)`) `day` was read for; NaN before the first. */
  second: number;
  day: CalendarDate;
}
const zones = new Map<string, ZoneMemo>();
const maxCachedZones = 100;

/** The memo of `timeZone`; throws Intl's RangeError for a zone it does not know. */
function zoneMemo(timeZone: string): ZoneMemo {
  let memo = zones.get(timeZone);
  if (memo === undefined) {
    const formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory", // proleptic Gregorian, as CalendarDate
      numberingSystem: "latn",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    memo = { formatter, second: Number.NaN, day: "" as CalendarDate };
    if (zones.size >= maxCachedZones) zones.delete(zones.keys().next().value as string);
    zones.set(timeZone, memo);
  }
  return memo;
}

/** True when the runtime knows `zone` as an IANA timezone (`America/Sao_Paulo`). */
export function isTimeZone(zone: string): boolean {
  if (typeof zone !== "string") return false;
  try {
    zoneMemo(zone);
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .min(1)
  .refine(isTimeZone, "must be an IANA timezone such as America/Sao_Paulo");

/**
 * 0001-01-02T00:00Z and 9999-12-31T00:00Z: a day inside each end of the calendar, so that
 * the day an instant falls on in any zone (offsets stay well under 24 hours) is a
 * CalendarDate, years 0001–9999.
 */
const minMillis = -62_135_510_400_000;
const maxMillis = 253_402_214_400_000;

/**
 * The calendar day that `instant` falls on in `timeZone`: 2026-03-01T02:30Z is still
 * 2026-02-28 in São Paulo (UTC−3). This is how "today" is read for a unit.
 */
export function calendarDateInZone(instant: Instant | Date, timeZone: string): CalendarDate {
  const millis = typeof instant === "string" ? millisOfInstant(instant) : millisOfDate(instant);
  if (Number.isNaN(millis)) {
    throw argumentError(
      "calendarDateInZone",
      "instant",
      "invalid_instant",
      "must be an ISO-8601 UTC instant or a valid Date",
      { got: instant },
    );
  }
  if (!(millis >= minMillis && millis < maxMillis)) {
    throw argumentError(
      "calendarDateInZone",
      "instant",
      "out_of_range",
      "must fall between 0001-01-02 and 9999-12-30 (UTC)",
      { got: instant },
    );
  }
  const memo = memoInZone(timeZone);
  const second = Math.floor(millis / 1000);
  if (memo.second !== second) {
    memo.day = dayOf(memo.formatter, millis);
    memo.second = second;
  }
  return memo.day;
}

function dayOf(formatter: Intl.DateTimeFormat, millis: number): CalendarDate {
  // `format` is several times cheaper than `formatToParts` (no part objects): en-US with
  // Latin digits writes "MM/DD/Y…". Should a runtime ever write it otherwise, the parts decide.
  const text = /^(\d{2})\/(\d{2})\/(\d{1,4})$/.exec(formatter.format(millis));
  if (text) return calendarDate(Number(text[3]), Number(text[1]), Number(text[2]));
  const found = { year: 0, month: 0, day: 0 };
  for (const part of formatter.formatToParts(millis)) {
    if (part.type === "year" || part.type === "month" || part.type === "day")
      found[part.type] = Number(part.value);
  }
  return calendarDate(found.year, found.month, found.day);
}

function memoInZone(timeZone: string): ZoneMemo {
  if (typeof timeZone === "string") {
    try {
      return zoneMemo(timeZone);
    } catch (error) {
      throw argumentError(
        "calendarDateInZone",
        "timeZone",
        "invalid_time_zone",
        "must be an IANA timezone such as America/Sao_Paulo",
        { got: timeZone, cause: error },
      );
    }
  }
  throw argumentError(
    "calendarDateInZone",
    "timeZone",
    "invalid_time_zone",
    "must be an IANA timezone such as America/Sao_Paulo",
    { got: timeZone },
  );
}
