import type { CalendarDate, Clock } from "@tessera/core";

/**
 * Inter runs on Brasília time: "today" for a due date, and the 19:59 cutoff for a charge due
 * today, are read in America/Sao_Paulo from the mock's clock (never the machine's zone).
 */
const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/Sao_Paulo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export interface SaoPauloNow {
  date: CalendarDate;
  /** Minutes since local midnight. */
  minutes: number;
}

export function saoPauloNow(clock: Clock): SaoPauloNow {
  const values = Object.fromEntries(
    parts.formatToParts(new Date(clock.now())).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return {
    date: `${values["year"]}-${values["month"]}-${values["day"]}` as CalendarDate,
    minutes: Number(values["hour"]) * 60 + Number(values["minute"]),
  };
}

/** 19:59 is the last minute a charge due today may be issued. */
export const lastMinuteForToday = 19 * 60 + 59;
