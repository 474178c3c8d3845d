import { z } from "zod";
import { argumentError } from "../errors/argument-error";

/** An ISO 4217 currency code, upper case (`BRL`, `USD`, `RUB`). */
export type CurrencyCode = string & { readonly __currency?: never };

const currencyPattern = /^[A-Z]{3}$/;

/**
 * The codes this runtime has currency data for. `Intl.NumberFormat` takes any three letters
 * (`XXZ` formats as "XXZ 1.00"), so it cannot tell a currency from a typo; this list can. A
 * fixed fact of the runtime, read once.
 */
const knownCurrencies = new Set(Intl.supportedValuesOf("currency"));

export const currencyCodeSchema = z
  .string()
  .regex(currencyPattern, "must be a three-letter ISO 4217 code such as BRL")
  .refine((code) => {
    // A malformed code is already refused by the regex above; one issue per field.
    return !currencyPattern.test(code) || knownCurrencies.has(code);
  }, "is not a currency this runtime knows");

/** `currency`, argument `path` of `fn`, when it is three upper-case letters; else a validation error. */
export function checkedCurrency(currency: unknown, fn: string, path: (string | number)[]): CurrencyCode {
  if (typeof currency !== "string" || !currencyPattern.test(currency)) {
    throw argumentError(fn, path, "invalid_currency", "must be a three-letter ISO 4217 code such as BRL", {
      got: currency,
    });
  }
  return currency;
}

/**
 * Minor-unit digits per currency, asked of Intl once per code: building a NumberFormat
 * costs far more than reading the memo. Module-level, yet not the mutable state STYLE 15
 * rules out: a pure memo of a fixed fact (the runtime's currency data does not change while
 * it runs), so whether a code is cached never changes a result, and nothing outside this
 * file can reach it. Bounded by its keys: only codes of three upper-case letters are
 * stored, 17 576 at most.
 */
const digitsByCurrency = new Map<string, number>();

/** How many minor units a currency has (BRL 2, JPY 0), as Intl knows it. */
export function minorUnitDigits(currency: CurrencyCode): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    const code = checkedCurrency(currency, "minorUnitDigits", ["currency"]);
    digits =
      new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsByCurrency.set(code, digits);
  }
  return digits;
}
