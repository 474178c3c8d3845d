import type { MessageKey } from "../../i18n/message-catalog";
import type { Translate } from "../../i18n/translator";
import type { ReportCell } from "./report-cell";

/**
 * One column of a report, for the page and every export: its translated header, its cell for a
 * row, and its width on the PDF's landscape A4 (null: left out of the PDF, as the currency
 * code is — the PDF writes it in each amount).
 */
export interface ReportColumn<Row> {
  header: MessageKey;
  cell(row: Row, t: Translate): ReportCell;
  pdfWidth: number | null;
}
