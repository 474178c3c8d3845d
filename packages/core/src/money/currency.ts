import { z } from "zod";

/** An ISO 4217 currency code, upper case (`BRL`, `USD`, `RUB`). */
export type CurrencyCode = string & { readonly __currency?: never };

export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 code such as BRL")
  .refine((code) => {
    // A malformed code is already refused by the regex above; one issue per field.
    if (!/^[A-Z]{3}$/.test(code)) return true;
    try {
      new Intl.NumberFormat("en", { style: "currency", currency: code });
      return true;
    } catch {
      return false;
    }
  }, "is not a currency this runtime knows");

/** How many minor units a currency has (BRL 2, JPY 0), as Intl knows it. */
export function minorUnitDigits(currency: CurrencyCode): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}
