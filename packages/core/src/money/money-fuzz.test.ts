import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyValue as anything, coercionTrap, type FuzzCase, fuzzEveryExport } from "../testing/fuzz-values";
import * as allocate from "./allocate-money";
import * as currency from "./currency";
import * as formatting from "./format-money";
import * as money from "./money";

/**
 * Every function the money modules export, called with anything at all: each call returns
 * a value of the right shape (amounts safe integers, never −0) or throws a
 * `validation_failed` TesseraError whose first issue names one of the function's
 * arguments — never a TypeError or RangeError from Intl, BigInt or a coercion.
 */

/** Values that break code which coerces its argument to a string or a number. */
const hostile = fc.constantFrom<unknown>(Symbol("BRL"), coercionTrap, Object.create(null), [], 10n);
const MAX = Number.MAX_SAFE_INTEGER;
const numbers = fc.oneof(
  fc.integer(),
  fc.integer({ min: -MAX, max: MAX }),
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    MAX,
    -MAX,
    MAX + 1,
    2 ** 53,
    1e308,
    0.5,
  ),
);
const codes = fc.oneof(
  fc.constantFrom("BRL", "JPY", "KWD", "USD", "XXX", "AAA", "brl", "BR", "BRLX", ""),
  fc.stringMatching(/^[A-Z]{3}$/),
  fc.string(),
);
const locales = fc.oneof(
  fc.constantFrom(
    "pt-BR",
    "en",
    "ru",
    "xx-invalid-",
    "",
    "en_US",
    "en-u-nu-arab",
    "zh-Hant-TW",
    "i-klingon",
    "x-private",
    "root",
  ),
  fc.string(),
);
/** What to pass for one argument: mostly values of the right kind, then anything. */
const arg = (...targeted: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.oneof(...targeted) }, anything, hostile);
const brlOrUsd = fc.constantFrom("BRL", "USD");
const monies = fc.oneof(
  fc.record({ amount: fc.integer({ min: -MAX, max: MAX }), currency: brlOrUsd }),
  fc.record({ amount: fc.constantFrom(MAX, -MAX, 0, -0, 1), currency: brlOrUsd }),
  fc.record({ amount: arg(numbers), currency: arg(codes) }),
  fc.record({ amount: numbers }),
);

const isMoney = (result: unknown) => {
  const { amount, currency: code } = result as { amount: number; currency: string };
  expect(Number.isSafeInteger(amount) && !Object.is(amount, -0)).toBe(true);
  expect(code).toMatch(/^[A-Z]{3}$/);
};
const areMonies = (result: unknown) => {
  expect(Array.isArray(result)).toBe(true);
  for (const m of result as unknown[]) isMoney(m);
};

const cases: Record<string, FuzzCase> = {
  money: { names: ["amount", "currency"], args: fc.tuple(arg(numbers), arg(codes)), check: isMoney },
  zero: { names: ["currency"], args: fc.tuple(arg(codes)), check: isMoney },
  addMoney: { names: ["a", "b"], args: fc.tuple(arg(monies), arg(monies)), check: isMoney },
  subtractMoney: { names: ["a", "b"], args: fc.tuple(arg(monies), arg(monies)), check: isMoney },
  sumMoney: {
    names: ["items", "currency"],
    args: fc.tuple(
      arg(fc.array(monies, { maxLength: 8 }), fc.array(arg(monies), { maxLength: 4 })),
      arg(brlOrUsd, codes),
    ),
    check: isMoney,
  },
  compareMoney: {
    names: ["a", "b"],
    args: fc.tuple(arg(monies), arg(monies)),
    check: (r) => expect([-1, 0, 1]).toContain(r),
  },
  isZero: { names: ["m"], args: fc.tuple(arg(monies)), check: (r) => expect(typeof r).toBe("boolean") },
  percentOf: {
    names: ["m", "basisPoints"],
    args: fc.tuple(arg(monies), arg(numbers, fc.integer({ min: 0, max: 1_000_000 }))),
    check: isMoney,
  },
  checkedMoney: {
    names: ["m"],
    args: fc.tuple(arg(monies), fc.constant("fuzz"), fc.constant(["m"])),
    // It hands back the Money it was given, −0 included; the functions above never return one.
    check: (r) => isMoney({ ...(r as object), amount: (r as { amount: number }).amount || 0 }),
  },
  checkedCurrency: {
    names: ["currency"],
    args: fc.tuple(arg(codes), fc.constant("fuzz"), fc.constant(["currency"])),
    check: (r) => expect(r).toMatch(/^[A-Z]{3}$/),
  },
  minorUnitDigits: {
    names: ["currency"],
    args: fc.tuple(arg(codes)),
    check: (r) => expect([0, 1, 2, 3, 4]).toContain(r),
  },
  formatMoney: {
    names: ["m", "locale"],
    args: fc.tuple(arg(monies), arg(locales)),
    check: (r) => expect(typeof r === "string" && r.length > 0).toBe(true),
  },
  allocateMoney: {
    names: ["total", "parts"],
    args: fc.tuple(
      arg(monies),
      arg(numbers, fc.integer({ min: -2, max: 100 }), fc.constantFrom(10_000, 10_001, 2 ** 32)),
    ),
    check: areMonies,
  },
  allocateByWeights: {
    names: ["total", "weights"],
    args: fc.tuple(
      arg(monies),
      arg(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 6 }),
        fc.array(arg(numbers), { maxLength: 4 }),
      ),
    ),
    check: areMonies,
  },
};

const modules = { ...money, ...currency, ...formatting, ...allocate } as Record<string, unknown>;

describe("money functions, fuzzed", () => {
  fuzzEveryExport(modules, cases);

  it("the schemas never throw, whatever they are given", () => {
    const schemas = [currency.currencyCodeSchema, money.moneySchema, money.nonNegativeMoneySchema];
    fc.assert(
      fc.property(arg(monies, codes), (value) => {
        for (const schema of schemas) expect(typeof schema.safeParse(value).success).toBe("boolean");
      }),
      { numRuns: 400 },
    );
  });
});
