import type { OnlineSignUpRow } from "@tessera/core";
import type { MessageKey } from "../../i18n/message-catalog";
import { textCell } from "./report-cell";
import type { ReportColumn } from "./report-column";

/** Conexa's online sign-ups columns; the PDF's widths add up to landscape A4 less its margins (782pt). */
export const onlineSignUpColumns: readonly ReportColumn<OnlineSignUpRow>[] = [
  {
    header: "admin.reports.column.startDate",
    pdfWidth: 64,
    cell: (row) => ({ kind: "day", day: row.startDate }),
  },
  { header: "admin.reports.column.customer", pdfWidth: 130, cell: (row) => textCell(row.customerName) },
  { header: "admin.reports.column.email", pdfWidth: 150, cell: (row) => textCell(row.customerEmail) },
  { header: "admin.reports.column.plan", pdfWidth: 110, cell: (row) => textCell(row.planName) },
  {
    header: "admin.reports.column.price",
    pdfWidth: 76,
    cell: (row) => ({ kind: "money", money: row.price }),
  },
  {
    header: "admin.reports.column.enrollmentFee",
    pdfWidth: 76,
    cell: (row) => (row.enrollmentFee ? { kind: "money", money: row.enrollmentFee } : { kind: "empty" }),
  },
  { header: "admin.reports.column.currency", pdfWidth: null, cell: (row) => textCell(row.price.currency) },
  {
    header: "admin.reports.column.status",
    pdfWidth: 90,
    cell: (row, t) => textCell(t(`admin.contracts.status.${row.status}` as MessageKey)),
  },
  { header: "admin.reports.column.unit", pdfWidth: 86, cell: (row) => textCell(row.unitName) },
];
