import { decimalOf, type ReportCell } from "./report-cell";

/**
 * A text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * first — OWASP's CSV injection list) gets a leading `'`, so a customer named `=HYPERLINK(…)`
 * stays text.
 */
export function withoutFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field holding a quote, a comma or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell as CSV writes it: amounts as decimals (`129.90`), days as `YYYY-MM-DD`, text guarded and quoted. */
export function csvCell(cell: ReportCell): string {
  switch (cell.kind) {
    case "text":
      return csvField(withoutFormula(cell.text));
    case "money":
      return decimalOf(cell.money);
    case "day":
      return cell.day;
    case "count":
      return String(cell.value);
    case "empty":
      return "";
  }
}
