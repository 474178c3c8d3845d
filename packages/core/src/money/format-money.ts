import { argumentError } from "../errors/argument-error";
import { minorUnitDigits } from "./currency";
import { checkedMoney, type Money } from "./money";

/** The locales Tessera ships catalogs for. */
export type SupportedLocale = "pt-BR" | "en" | "ru";

/**
 * One `Intl.NumberFormat` per locale and currency, built on first use: building one costs
 * far more than formatting with it. Module-level, yet not the mutable state STYLE 15 rules
 * out: a pure memo of an immutable value — a formatter has no setters and a locale and
 * currency always build an equivalent one, so whether a pair is cached changes only how
 * fast `formatMoney` returns, never what it returns, and nothing outside this file can
 * reach a cached formatter. Only pairs Intl accepts are stored (a refused locale throws
 * before it is), and at most `maxCachedFormatters`: locales can come from a request's
 * `Accept-Language`, so the oldest entry goes when the memo is full.
 */
const formatters = new Map<string, Intl.NumberFormat>();
const maxCachedFormatters = 100;

function formatterFor(locale: string, currency: string): Intl.NumberFormat {
  // A currency code is three letters, so "<locale> <code>" names one pair only.
  const key = `${locale} ${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    const digits = minorUnitDigits(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    if (formatters.size >= maxCachedFormatters) formatters.delete(formatters.keys().next().value as string);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats money for people, via Intl: `formatMoney({ amount: 123456, currency: "BRL" }, "pt-BR")`
 * → `"R$ 1.234,56"` (with the locale's own spaces and symbols). Any BCP 47 locale works;
 * a malformed one (`"xx-invalid-"`) is a validation error on `locale`.
 */
export function formatMoney(m: Money, locale: SupportedLocale | string): string {
  const { amount, currency } = checkedMoney(m, "formatMoney", ["m"]);
  const formatter = localeFormatter(locale, currency);
  const digits = minorUnitDigits(currency);
  // Intl is given the exact decimal as a string: dividing by 10^digits in floating point
  // drops the last cent of large amounts (9007199254740991 → "…409,90").
  const units = String(Math.abs(amount)).padStart(digits + 1, "0");
  const decimal = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  return formatter.format(`${amount < 0 ? "-" : ""}${decimal}` as `${number}`);
}

function localeFormatter(locale: unknown, currency: string): Intl.NumberFormat {
  const refused = (cause?: unknown) =>
    argumentError(
      "formatMoney",
      ["locale"],
      "invalid_locale",
      "must be a BCP 47 language tag such as pt-BR",
      {
        got: locale,
        cause,
      },
    );
  if (typeof locale !== "string") throw refused();
  try {
    return formatterFor(locale, currency);
  } catch (error) {
    // The currency is well-formed by now, so what Intl refuses is the locale.
    throw refused(error);
  }
}
