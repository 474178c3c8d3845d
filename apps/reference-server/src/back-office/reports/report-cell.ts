import { type CalendarDate, type Money, minorUnitDigits } from "@tessera/core";

/**
 * One cell of a report, typed, so each export writes it as its format should: a money cell is
 * a number in CSV and XLSX (minor units turned to the currency's decimals) and the unit's
 * currency as the locale writes it in PDF; a day is `YYYY-MM-DD` in CSV, a date in XLSX, the
 * locale's short date in PDF.
 */
export type ReportCell =
  | { kind: "text"; text: string }
  | { kind: "money"; money: Money }
  | { kind: "day"; day: CalendarDate }
  | { kind: "count"; value: number }
  | { kind: "empty" };

export const textCell = (text: string): ReportCell => ({ kind: "text", text });

/** Minor units as a decimal string, exactly (no float): `{ 12990, BRL }` → `"129.90"`, `-5` → `"-0.05"`. */
export function decimalOf(money: Money): string {
  const digits = minorUnitDigits(money.currency);
  const sign = money.amount < 0 ? "-" : "";
  const units = String(Math.abs(money.amount)).padStart(digits + 1, "0");
  if (digits === 0) return `${sign}${units}`;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}
