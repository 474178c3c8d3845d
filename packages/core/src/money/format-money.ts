import { minorUnitDigits } from "./currency";
import type { Money } from "./money";

/** The locales Tessera ships catalogs for. */
export type SupportedLocale = "pt-BR" | "en" | "ru";

/**
 * Formats money for people, via Intl: `formatMoney({ amount: 123456, currency: "BRL" }, "pt-BR")`
 * → `"R$ 1.234,56"` (with the locale's own spaces and symbols).
 */
export function formatMoney(m: Money, locale: SupportedLocale | string): string {
  const digits = minorUnitDigits(m.currency);
  // Intl is given the exact decimal as a string: dividing by 10^digits in floating point
  // drops the last cent of large amounts (9007199254740991 → "…409,90").
  const units = String(Math.abs(m.amount)).padStart(digits + 1, "0");
  const decimal = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: m.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(`${m.amount < 0 ? "-" : ""}${decimal}` as `${number}`);
}
