import { z } from "zod";
import {
  addDays,
  addMonths,
  type CalendarDate,
  calendarDateSchema,
  compareDates,
  lastDayOfMonth,
} from "../time/calendar-date";

/** The period presets of the seeds' report filters (BEMP: "períodos pré-estabelecidos"). */
export const reportPeriodPresets = [
  "today",
  "this_month",
  "last_month",
  "last_7_days",
  "last_30_days",
] as const;
export type ReportPeriodPreset = (typeof reportPeriodPresets)[number];

/** A preset, or a range of calendar days (both included) in the unit's timezone. */
export const reportPeriodSchema = z.union([
  z.object({ preset: z.enum(reportPeriodPresets) }),
  z
    .object({ from: calendarDateSchema, to: calendarDateSchema })
    .refine((range) => compareDates(range.from, range.to) <= 0, {
      message: "must not end before it starts",
      path: ["to"],
    }),
]);
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** The first and last day a period covers, given today in the unit's timezone. */
export function resolveReportPeriod(
  period: ReportPeriod,
  today: CalendarDate,
): { from: CalendarDate; to: CalendarDate } {
  if ("from" in period) return { from: period.from as CalendarDate, to: period.to as CalendarDate };
  const monthStart = `${today.slice(0, 8)}01` as CalendarDate;
  switch (period.preset) {
    case "today":
      return { from: today, to: today };
    case "this_month":
      return { from: monthStart, to: lastDayOfMonth(today) };
    case "last_month": {
      const start = addMonths(monthStart, -1);
      return { from: start, to: lastDayOfMonth(start) };
    }
    case "last_7_days":
      return { from: addDays(today, -6), to: today };
    case "last_30_days":
      return { from: addDays(today, -29), to: today };
  }
}
