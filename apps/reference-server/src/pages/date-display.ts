import type { CalendarDate, Instant, SupportedLocale } from "@tessera/core";

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const momentFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day (`2026-03-10`) as the buyer reads it (`10/03/2026`, `March 10, 2026`). */
export function formatDay(day: CalendarDate, locale: SupportedLocale): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    dayFormats.set(locale, format);
  }
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return format.format(new Date(Date.UTC(year, month - 1, date)));
}

const shortDayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day in the locale's short form (`10/03/2026`, `3/10/26`), for tables and documents. */
export function formatShortDay(day: CalendarDate, locale: SupportedLocale): string {
  let format = shortDayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" });
    shortDayFormats.set(locale, format);
  }
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return format.format(new Date(Date.UTC(year, month - 1, date)));
}

/** An instant as the unit's clock shows it (`10 de março de 2026 15:30`), for expiry times. */
export function formatMoment(instant: Instant, locale: SupportedLocale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = momentFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone });
    momentFormats.set(key, format);
  }
  return format.format(new Date(instant));
}
