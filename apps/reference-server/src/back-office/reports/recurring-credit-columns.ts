import type { RecurringCreditRow } from "@tessera/core";
import type { MessageKey } from "../../i18n/message-catalog";
import { textCell } from "./report-cell";
import type { ReportColumn } from "./report-column";

/** BEMP's recurring-credit columns; the PDF's widths add up to landscape A4 less its margins (782pt). */
export const recurringCreditColumns: readonly ReportColumn<RecurringCreditRow>[] = [
  {
    header: "admin.reports.column.dueDate",
    pdfWidth: 62,
    cell: (row) => ({ kind: "day", day: row.dueDate }),
  },
  { header: "admin.reports.column.customer", pdfWidth: 128, cell: (row) => textCell(row.customerName) },
  { header: "admin.reports.column.plan", pdfWidth: 100, cell: (row) => textCell(row.planName) },
  {
    header: "admin.reports.column.installment",
    pdfWidth: 42,
    cell: (row) => ({ kind: "count", value: row.sequence }),
  },
  {
    header: "admin.reports.column.amount",
    pdfWidth: 78,
    cell: (row) => ({ kind: "money", money: row.amount }),
  },
  { header: "admin.reports.column.currency", pdfWidth: null, cell: (row) => textCell(row.amount.currency) },
  {
    header: "admin.reports.column.status",
    pdfWidth: 70,
    cell: (row, t) => textCell(t(`admin.reports.status.${row.status}` as MessageKey)),
  },
  {
    header: "admin.reports.column.method",
    pdfWidth: 82,
    cell: (row, t) => (row.method ? textCell(t(`method.${row.method}` as MessageKey)) : { kind: "empty" }),
  },
  {
    header: "admin.reports.column.mode",
    pdfWidth: 64,
    cell: (row, t) => textCell(t(`admin.settings.mode.${row.mode}` as MessageKey)),
  },
  { header: "admin.reports.column.unit", pdfWidth: 78, cell: (row) => textCell(row.unitName) },
  {
    header: "admin.reports.column.failure",
    pdfWidth: 78,
    cell: (row) => (row.failureMessage ? textCell(row.failureMessage) : { kind: "empty" }),
  },
];
