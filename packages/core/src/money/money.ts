import { z } from "zod";
import { argumentError } from "../errors/argument-error";
import { type CurrencyCode, checkedCurrency, currencyCodeSchema } from "./currency";

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

/** An amount that must be more than zero (a credit, a debit, a refund, a wallet part). */
export const positiveMoneySchema = moneySchema.refine((m) => m.amount > 0, {
  message: "must be more than zero",
  path: ["amount"],
});

/** Builds a Money, refusing fractions, unsafe integers and malformed currency codes. */
export function money(amount: number, currency: CurrencyCode): Money {
  const code = checkedCurrency(currency, "money", ["currency"]);
  return { amount: checkedAmount(amount, "money", ["amount"]), currency: code };
}

export function zero(currency: CurrencyCode): Money {
  return { amount: 0, currency: checkedCurrency(currency, "zero", ["currency"]) };
}

const largest = "9 007 199 254 740 991 minor units (Number.MAX_SAFE_INTEGER)";

/**
 * A whole, safe number of minor units. Negative zero (from a product or a truncation) is
 * made zero: it would format as "-R$ 0,00".
 */
function checkedAmount(amount: unknown, fn: string, path: (string | number)[]): number {
  if (typeof amount !== "number" || !Number.isInteger(amount)) {
    throw argumentError(fn, path, "not_integer", "must be a whole number of minor units", {
      got: amount,
    });
  }
  if (!Number.isSafeInteger(amount)) {
    throw argumentError(fn, path, "too_large", `must lie within ±${largest}`, {
      got: amount,
    });
  }
  return amount === 0 ? 0 : amount;
}

/**
 * `value` when it is a Money, checked as `moneySchema` would (a safe whole amount, a
 * three-letter code); else a validation error on `path` (the argument's name first) of `fn`.
 */
export function checkedMoney(value: unknown, fn: string, path: (string | number)[]): Money {
  if (typeof value !== "object" || value === null) {
    throw argumentError(fn, path, "invalid_type", "must be a Money { amount, currency }", {
      got: value,
    });
  }
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  checkedAmount(amount, fn, [...path, "amount"]);
  checkedCurrency(currency, fn, [...path, "currency"]);
  return value as Money;
}

function sameCurrency(a: Money, b: Money, fn: string, path: (string | number)[]): void {
  if (a.currency !== b.currency) {
    throw argumentError(
      fn,
      path,
      "currency_mismatch",
      `is ${b.currency}, which cannot be combined with ${a.currency}`,
    );
  }
}

/** The amount of a sum or difference, refused when it leaves the safe integers (no silent rounding). */
function checkedResult(amount: number, fn: string, path: (string | number)[]): number {
  if (!Number.isSafeInteger(amount)) {
    throw argumentError(fn, path, "too_large", `takes the result past ±${largest}`);
  }
  return amount === 0 ? 0 : amount;
}

export function addMoney(a: Money, b: Money): Money {
  checkedMoney(a, "addMoney", ["a"]);
  checkedMoney(b, "addMoney", ["b"]);
  sameCurrency(a, b, "addMoney", ["b", "currency"]);
  return { amount: checkedResult(a.amount + b.amount, "addMoney", ["b"]), currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  checkedMoney(a, "subtractMoney", ["a"]);
  checkedMoney(b, "subtractMoney", ["b"]);
  sameCurrency(a, b, "subtractMoney", ["b", "currency"]);
  return { amount: checkedResult(a.amount - b.amount, "subtractMoney", ["b"]), currency: a.currency };
}

/**
 * Sum of a list, or zero of `currency` for an empty one. Refused, naming the item, when an
 * item is in another currency or the running total leaves the safe integers.
 */
export function sumMoney(items: readonly Money[], currency: CurrencyCode): Money {
  const code = checkedCurrency(currency, "sumMoney", ["currency"]);
  if (!Array.isArray(items)) {
    throw argumentError("sumMoney", ["items"], "invalid_type", "must be an array of Money", {
      got: items,
    });
  }
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    const item = checkedMoney(items[i], "sumMoney", ["items", i]);
    if (item.currency !== code) {
      throw argumentError(
        "sumMoney",
        ["items", i, "currency"],
        "currency_mismatch",
        `is ${item.currency}, which cannot be combined with ${code}`,
      );
    }
    total = checkedResult(total + item.amount, "sumMoney", ["items", i]);
  }
  return { amount: total, currency: code };
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  checkedMoney(a, "compareMoney", ["a"]);
  checkedMoney(b, "compareMoney", ["b"]);
  sameCurrency(a, b, "compareMoney", ["b", "currency"]);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

export function isZero(m: Money): boolean {
  return checkedMoney(m, "isZero", ["m"]).amount === 0;
}

/**
 * `basisPoints` hundredths of a percent of `m` (350 = 3.5 %), rounded half away from zero
 * to the minor unit — the commercial rounding a receipt shows.
 */
export function percentOf(m: Money, basisPoints: number): Money {
  checkedMoney(m, "percentOf", ["m"]);
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw argumentError("percentOf", ["basisPoints"], "invalid", "must be a non-negative whole number", {
      got: basisPoints,
    });
  }
  // BigInt: amount × basis points passes 2^53 for large amounts, where a float product
  // silently loses the units that decide the rounding.
  const scaled = BigInt(m.amount) * BigInt(basisPoints);
  const quotient = scaled / 10_000n;
  const remainder = scaled % 10_000n;
  const awayFromZero = (remainder < 0n ? -remainder : remainder) * 2n >= 10_000n;
  const rounded = awayFromZero ? quotient + (scaled < 0n ? -1n : 1n) : quotient;
  // Number(0n) is +0, so a tiny negative share is never "-0" (which formats as "-R$ 0,00").
  return { amount: checkedResult(Number(rounded), "percentOf", ["basisPoints"]), currency: m.currency };
}
