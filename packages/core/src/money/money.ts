import { z } from "zod";
import { TesseraError } from "../errors/tessera-error";
import { type CurrencyCode, currencyCodeSchema } from "./currency";

/**
 * An amount of money: an integer of the currency's minor units (centavos for BRL) and its
 * ISO currency. Never a float: `{ amount: 1990, currency: "BRL" }` is R$ 19,90.
 */
export interface Money {
  readonly amount: number;
  readonly currency: CurrencyCode;
}

export const moneySchema = z.object({
  amount: z
    .number()
    .int("must be a whole number of minor units (centavos)")
    .refine(Number.isSafeInteger, "is too large"),
  currency: currencyCodeSchema,
});

/** An amount that must not be negative (prices, fees, payments). */
export const nonNegativeMoneySchema = moneySchema.refine((m) => m.amount >= 0, {
  message: "must not be negative",
  path: ["amount"],
});

/** Builds a Money, refusing fractions and unsafe integers. */
export function money(amount: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new TesseraError(
      "validation_failed",
      `Money amount ${amount} is not a whole number of minor units.`,
      {
        details: { issues: [{ path: ["amount"], code: "not_integer", message: "must be an integer" }] },
      },
    );
  }
  // Negative zero (from a product or a truncation) would format as "-R$ 0,00".
  return { amount: amount === 0 ? 0 : amount, currency };
}

export function zero(currency: CurrencyCode): Money {
  return { amount: 0, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new TesseraError("validation_failed", `Cannot combine ${a.currency} with ${b.currency}.`, {
      details: { issues: [{ path: ["currency"], code: "currency_mismatch", message: "currencies differ" }] },
    });
  }
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** Sum of a non-empty list, or zero of `currency` for an empty one. */
export function sumMoney(items: readonly Money[], currency: CurrencyCode): Money {
  return items.reduce((total, item) => addMoney(total, item), zero(currency));
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

export function isZero(m: Money): boolean {
  return m.amount === 0;
}

/**
 * `basisPoints` hundredths of a percent of `m` (350 = 3.5 %), rounded half away from zero
 * to the minor unit — the commercial rounding a receipt shows.
 */
export function percentOf(m: Money, basisPoints: number): Money {
  if (!Number.isInteger(basisPoints) || basisPoints < 0) {
    throw new TesseraError(
      "validation_failed",
      `A percentage must be whole basis points, got ${basisPoints}.`,
      {
        details: {
          issues: [{ path: ["basisPoints"], code: "invalid", message: "must be a non-negative integer" }],
        },
      },
    );
  }
  // BigInt: amount × basis points passes 2^53 for large amounts, where a float product
  // silently loses the units that decide the rounding.
  const scaled = BigInt(m.amount) * BigInt(basisPoints);
  const quotient = scaled / 10_000n;
  const remainder = scaled % 10_000n;
  const awayFromZero = (remainder < 0n ? -remainder : remainder) * 2n >= 10_000n;
  const rounded = awayFromZero ? quotient + (scaled < 0n ? -1n : 1n) : quotient;
  // Number(0n) is +0, so a tiny negative share is never "-0" (which formats as "-R$ 0,00").
  return money(Number(rounded), m.currency);
}
