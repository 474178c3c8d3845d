import {
  type CalendarDate,
  calendarDateInZone,
  resolveReportPeriod,
  type Tessera,
  type Unit,
} from "@tessera/core";
import { type ReportFilter, reportPeriodOf } from "./report-filter-query";

/**
 * The days a filter's period covers, as core reads them (`resolveReportPeriod`, today in the
 * timezone of the unit asked from): for the file names, the documents' headings and the API's
 * answer.
 */
export function resolvedPeriod(
  tessera: Pick<Tessera, "clock">,
  unit: Pick<Unit, "timeZone">,
  filter: ReportFilter,
): { from: CalendarDate; to: CalendarDate } {
  return resolveReportPeriod(reportPeriodOf(filter), calendarDateInZone(tessera.clock.now(), unit.timeZone));
}
