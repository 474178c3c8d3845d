import { type CalendarDate, dateParts } from "./calendar-date";
import type { Instant } from "./instant";
import { calendarDateInZone } from "./timezone";

/** No zone's offset reaches 18 hours (tz data stays within ±15), so a day starts within this of UTC's. */
const maxOffsetSeconds = 18 * 3600;

/**
 * The first instant of `date` in `timeZone`: 2026-03-01 in São Paulo (UTC−3) starts at
 * 2026-03-01T03:00:00.000Z. A day whose midnight a clock change skips starts when the clock
 * resumes (Brazil's old summer time started days at 01:00). It is how a period typed as days
 * ("from 1 to 31 March") becomes the instants an audit log or any stamped record is read by.
 *
 * Found by bisecting whole seconds (a zone's midnights fall on whole seconds: tz data has no
 * finer unit) between UTC's midnight ± 18 hours, asking `calendarDateInZone` — so it agrees
 * with how "today" is read for a unit, by construction.
 */
export function dayStartInZone(date: CalendarDate, timeZone: string): Instant {
  const { year, month, day } = dateParts(date);
  const utcMidnight = new Date(0);
  utcMidnight.setUTCFullYear(year, month - 1, day);
  const midnightSecond = Math.floor(utcMidnight.getTime() / 1000);
  // The first second whose day (in the zone) is `date` or later lies in (low, high].
  let low = midnightSecond - maxOffsetSeconds - 1;
  let high = midnightSecond + maxOffsetSeconds;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (calendarDateInZone(new Date(middle * 1000), timeZone) >= date) high = middle;
    else low = middle;
  }
  return new Date(high * 1000).toISOString() as Instant;
}
