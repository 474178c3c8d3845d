import type { CalendarDate, Instant, SupportedLocale } from "@tessera/core";

/**
 * A calendar day as people of `locale` write it: `15/01/2026` (pt-BR), `01/15/2026` (en),
 * `15.01.2026` (ru). A day has no time zone (it is already the unit's day), so it is
 * formatted at UTC midnight, where it cannot shift to the day before.
 */
export function formatCalendarDate(date: CalendarDate, locale: SupportedLocale): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "UTC",
  }).format(Date.UTC(year, month - 1, day));
}

/**
 * An instant in `timeZone` (the unit's), with the zone named, since a buyer may read the
 * mail elsewhere: `15/01/2026, 10:30 BRT`.
 */
export function formatInstant(instant: Instant, locale: SupportedLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(instant));
}
