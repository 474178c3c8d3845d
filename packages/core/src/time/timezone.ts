import { z } from "zod";
import { type CalendarDate, calendarDate } from "./calendar-date";
import type { Instant } from "./instant";

/** True when the runtime knows `zone` as an IANA timezone (`America/Sao_Paulo`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
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
 * The calendar day that `instant` falls on in `timeZone`: 2026-03-01T02:30Z is still
 * 2026-02-28 in São Paulo (UTC−3). This is how "today" is read for a unit.
 */
export function calendarDateInZone(instant: Instant | Date, timeZone: string): CalendarDate {
  const formatter = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const found: Record<string, number> = {};
  for (const part of formatter.formatToParts(typeof instant === "string" ? new Date(instant) : instant)) {
    if (part.type === "year" || part.type === "month" || part.type === "day")
      found[part.type] = Number(part.value);
  }
  return calendarDate(found["year"] ?? 0, found["month"] ?? 0, found["day"] ?? 0);
}
