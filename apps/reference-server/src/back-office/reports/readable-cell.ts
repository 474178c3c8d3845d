import { formatMoney, type SupportedLocale } from "@tessera/core";
import { formatShortDay } from "../../pages/date-display";
import type { ReportCell } from "./report-cell";

/** A cell as a person reads it (the page, the PDF): amounts in their currency as the locale writes money, days in its short form. */
export function readableCellText(cell: ReportCell, locale: SupportedLocale): string {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "money":
      return formatMoney(cell.money, locale);
    case "day":
      return formatShortDay(cell.day, locale);
    case "count":
      return String(cell.value);
    case "empty":
      return "";
  }
}
