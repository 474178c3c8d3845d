import type { RecurringCreditRow } from "@tessera/core";
import { decodeReportCursor, encodeReportCursor } from "./report-cursor";
import { reportInputBase } from "./report-filter-query";
import type { ReportSource } from "./report-source";

/** BEMP's recurring-credit report: by due day, then installment. */
export const recurringCreditSource: ReportSource<RecurringCreditRow> = {
  kind: "recurring-credit",
  rows(tessera, actor, { unitId, filter, cursor, batchSize }) {
    const after = cursor ? decodeReportCursor(cursor, 2) : null;
    return tessera.reports.recurringCredit(actor, {
      ...reportInputBase(filter, unitId),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.mode ? { mode: filter.mode } : {}),
      ...(after ? { after: { dueDate: after[0]!, installmentId: after[1]! } } : {}),
      ...(batchSize ? { batchSize } : {}),
    });
  },
  cursorOf: (row) => encodeReportCursor([row.dueDate, row.installmentId]),
};
