import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import {
  addMoney,
  compareMoney,
  isZero,
  money,
  moneySchema,
  nonNegativeMoneySchema,
  percentOf,
  subtractMoney,
  sumMoney,
  zero,
} from "./money";

const brl = (amount: number) => money(amount, "BRL");
const MAX = Number.MAX_SAFE_INTEGER;
const safeAmount = fc.oneof(
  fc.integer({ min: -MAX, max: MAX }),
  fc.constantFrom(MAX, -MAX, MAX - 1, 1, -1, 0),
);

/** The issues of the validation error `call` throws, as [path, code] pairs. */
function refusal(call: () => unknown): [string, string][] {
  try {
    call();
  } catch (error) {
    if (isTesseraError(error, "validation_failed")) {
      return (error.details.issues ?? []).map((i) => [i.path.join("."), i.code]);
    }
    throw error;
  }
  throw new Error("expected a validation error");
}

/** The rule written with BigInt, independently: round |amount × bp| / 10 000 half up, keep the sign. */
function referencePercent(amount: number, basisPoints: number): number {
  const product = BigInt(amount) * BigInt(basisPoints);
  const magnitude = product < 0n ? -product : product;
  const rounded = (magnitude * 2n + 10_000n) / 20_000n; // floor(x / 10 000 + 1/2)
  return Number(product < 0n ? -rounded : rounded);
}

describe("money", () => {
  it("keeps whole minor units and their currency", () => {
    expect(money(1990, "BRL")).toEqual({ amount: 1990, currency: "BRL" });
  });

  it("refuses fractions of a minor unit and unsafe integers", () => {
    for (const amount of [19.9, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => money(amount, "BRL")).toThrowError(expect.objectContaining({ code: "validation_failed" }));
    }
  });

  it("never stores negative zero", () => {
    expect(Object.is(money(-0, "BRL").amount, 0)).toBe(true);
  });

  it("adds and subtracts within one currency", () => {
    expect(addMoney(brl(1000), brl(250))).toEqual(brl(1250));
    expect(subtractMoney(brl(1000), brl(1250))).toEqual(brl(-250));
  });

  it("refuses to combine two currencies", () => {
    const usd = money(100, "USD");
    for (const combine of [
      () => addMoney(brl(1), usd),
      () => subtractMoney(brl(1), usd),
      () => compareMoney(brl(1), usd),
    ]) {
      try {
        combine();
        expect.unreachable("combining BRL with USD must throw");
      } catch (error) {
        expect(isTesseraError(error, "validation_failed")).toBe(true);
        expect((error as Error).message).toContain("b.currency is USD, which cannot be combined with BRL");
      }
    }
  });

  it("sums a list, and an empty list to zero of the currency", () => {
    expect(sumMoney([brl(1), brl(2), brl(3)], "BRL")).toEqual(brl(6));
    expect(sumMoney([], "JPY")).toEqual({ amount: 0, currency: "JPY" });
    expect(() => sumMoney([money(1, "USD")], "BRL")).toThrow(
      /items\.0\.currency is USD, which cannot be combined with BRL/,
    );
  });

  it("compares amounts", () => {
    expect(compareMoney(brl(1), brl(2))).toBe(-1);
    expect(compareMoney(brl(2), brl(2))).toBe(0);
    expect(compareMoney(brl(3), brl(2))).toBe(1);
    expect(isZero(zero("BRL"))).toBe(true);
    expect(isZero(brl(-1))).toBe(false);
  });
});

describe("percentOf", () => {
  it("takes basis points: 3.5 % of R$ 100,00 is R$ 3,50", () => {
    expect(percentOf(brl(10_000), 350)).toEqual(brl(350));
  });

  it("rounds a half cent away from zero", () => {
    expect(percentOf(brl(150), 100)).toEqual(brl(2)); // 1.5 → 2
    expect(percentOf(brl(-150), 100)).toEqual(brl(-2)); // −1.5 → −2
    expect(percentOf(brl(149), 100)).toEqual(brl(1)); // 1.49 → 1
    expect(percentOf(brl(-149), 100)).toEqual(brl(-1));
  });

  it("gives +0, not −0, for a tiny negative share", () => {
    expect(Object.is(percentOf(brl(-1), 1).amount, 0)).toBe(true);
  });

  it("refuses fractional or negative basis points", () => {
    expect(() => percentOf(brl(100), 2.5)).toThrowError(
      expect.objectContaining({ code: "validation_failed" }),
    );
    expect(() => percentOf(brl(100), -1)).toThrowError(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });

  it("matches a BigInt reference for every amount and rate, large amounts included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, basisPoints) => {
          expect(percentOf(brl(amount), basisPoints).amount).toBe(referencePercent(amount, basisPoints));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("is exact for amounts whose product with the rate passes 2^53", () => {
    // 9 007 199 254 740 × 9 999 = 90 062 985 348 145 260 → 9 006 298 534 814.526 → …815
    expect(percentOf(brl(9_007_199_254_740), 9_999).amount).toBe(9_006_298_534_815);
    // 900 719 925 474 099 × 5 = 4 503 599 627 370 495 → 450 359 962 737.0495 → …737
    expect(percentOf(brl(900_719_925_474_099), 5).amount).toBe(450_359_962_737);
  });

  it("is odd: the share of −x is minus the share of x", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, bp) => {
          expect(percentOf(brl(-amount), bp).amount).toBe(-percentOf(brl(amount), bp).amount || 0);
        },
      ),
    );
  });
});

describe("moneySchema", () => {
  it("accepts whole minor units of a known currency", () => {
    expect(moneySchema.parse({ amount: 1990, currency: "BRL" })).toEqual({ amount: 1990, currency: "BRL" });
  });

  it("refuses a fraction, naming the amount", () => {
    const result = moneySchema.safeParse({ amount: 19.9, currency: "BRL" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["amount"]);
    expect(result.error?.issues[0]?.message).toMatch(/whole number of minor units/);
  });

  it("refuses a lower-case or unknown currency", () => {
    expect(moneySchema.safeParse({ amount: 1, currency: "brl" }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: 1, currency: "Real" }).success).toBe(false);
  });

  it("nonNegativeMoneySchema refuses a negative amount on the amount field", () => {
    const result = nonNegativeMoneySchema.safeParse({ amount: -1, currency: "BRL" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["amount"], message: "must not be negative" });
    expect(nonNegativeMoneySchema.safeParse({ amount: 0, currency: "BRL" }).success).toBe(true);
  });
});

describe("amounts past Number.MAX_SAFE_INTEGER", () => {
  it("refuses a sum or difference that leaves the safe integers, instead of rounding it", () => {
    expect(addMoney(brl(MAX - 1), brl(1))).toEqual(brl(MAX));
    expect(refusal(() => addMoney(brl(MAX), brl(1)))).toEqual([["b", "too_large"]]);
    expect(refusal(() => subtractMoney(brl(-MAX), brl(1)))).toEqual([["b", "too_large"]]);
    expect(refusal(() => money(2 ** 53, "BRL"))).toEqual([["amount", "too_large"]]);
    expect(refusal(() => money(19.9, "BRL"))).toEqual([["amount", "not_integer"]]);
  });

  it("adds and subtracts exactly as BigInt does, or refuses exactly when the result is unsafe", () => {
    fc.assert(
      fc.property(safeAmount, safeAmount, fc.boolean(), (a, b, add) => {
        const exact = add ? BigInt(a) + BigInt(b) : BigInt(a) - BigInt(b);
        const call = () => (add ? addMoney(brl(a), brl(b)) : subtractMoney(brl(a), brl(b)));
        if (exact > BigInt(MAX) || exact < -BigInt(MAX)) expect(refusal(call)).toEqual([["b", "too_large"]]);
        else expect(BigInt(call().amount)).toBe(exact);
      }),
      { numRuns: 1000 },
    );
  });

  it("sumMoney names the item that takes the running total past the safe integers", () => {
    expect(sumMoney([brl(MAX - 2), brl(1), brl(1)], "BRL")).toEqual(brl(MAX));
    expect(refusal(() => sumMoney([brl(MAX), brl(-1), brl(2), brl(5)], "BRL"))).toEqual([
      ["items.2", "too_large"],
    ]);
  });

  it("percentOf refuses a rate whose share of the amount is past the safe integers", () => {
    expect(refusal(() => percentOf(brl(MAX), 20_000))).toEqual([["basisPoints", "too_large"]]);
    expect(refusal(() => percentOf(brl(1), 1e300))).toEqual([["basisPoints", "invalid"]]);
  });
});

describe("arguments that are not money", () => {
  it("refuses a malformed currency code wherever one is taken", () => {
    for (const code of ["brl", "BR", "", 986, null]) {
      expect(refusal(() => money(1, code as string))).toEqual([["currency", "invalid_currency"]]);
      expect(refusal(() => zero(code as string))).toEqual([["currency", "invalid_currency"]]);
      expect(refusal(() => sumMoney([], code as string))).toEqual([["currency", "invalid_currency"]]);
    }
  });

  it("names the argument and the field that is wrong", () => {
    const notMoney = [
      null,
      5,
      "R$ 5",
      { amount: "5", currency: "BRL" },
      { amount: 5 },
      { amount: 0.5, currency: "BRL" },
    ];
    const paths = notMoney.map((m) => refusal(() => addMoney(brl(1), m as never))[0]);
    expect(paths).toEqual([
      ["b", "invalid_type"],
      ["b", "invalid_type"],
      ["b", "invalid_type"],
      ["b.amount", "not_integer"],
      ["b.currency", "invalid_currency"],
      ["b.amount", "not_integer"],
    ]);
    expect(refusal(() => compareMoney(null as never, brl(1)))).toEqual([["a", "invalid_type"]]);
    expect(refusal(() => isZero({ amount: Number.NaN, currency: "BRL" }))).toEqual([
      ["m.amount", "not_integer"],
    ]);
    expect(refusal(() => percentOf(undefined as never, 100))).toEqual([["m", "invalid_type"]]);
    expect(refusal(() => sumMoney("BRL" as never, "BRL"))).toEqual([["items", "invalid_type"]]);
    expect(refusal(() => sumMoney([brl(1), null as never], "BRL"))).toEqual([["items.1", "invalid_type"]]);
  });
});
