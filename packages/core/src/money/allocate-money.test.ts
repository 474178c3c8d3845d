import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { allocateByWeights, allocateMoney } from "./allocate-money";
import { type Money, money } from "./money";

const brl = (amount: number) => money(amount, "BRL");

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
const amounts = (parts: Money[]) => parts.map((p) => p.amount);
const total = fc.integer({ min: 0, max: 10 ** 13 });
const signedTotal = fc.integer({ min: -(10 ** 13), max: 10 ** 13 });
const partCount = fc.integer({ min: 1, max: 60 });
const weights = fc
  .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 })
  .filter((ws) => ws.some((w) => w > 0));

describe("allocateMoney", () => {
  it("puts the leftover cent on the first installment: R$ 100,00 in 3 is 33,34 + 33,33 + 33,33", () => {
    expect(amounts(allocateMoney(brl(10_000), 3))).toEqual([3334, 3333, 3333]);
  });

  it("gives the leftover units one each to the first parts", () => {
    expect(amounts(allocateMoney(brl(11), 4))).toEqual([3, 3, 3, 2]);
    expect(amounts(allocateMoney(brl(2), 5))).toEqual([1, 1, 0, 0, 0]);
  });

  it("keeps the currency", () => {
    expect(allocateMoney(money(1001, "JPY"), 2)).toEqual([money(501, "JPY"), money(500, "JPY")]);
  });

  it("splits a negative total with the larger magnitude first and no negative zero", () => {
    const parts = amounts(allocateMoney(brl(-10_000), 3));
    expect(parts).toEqual([-3334, -3333, -3333]);
    expect(amounts(allocateMoney(brl(-1), 3)).map((a) => Object.is(a, 0) || a)).toEqual([-1, true, true]);
  });

  it("refuses zero, negative or fractional part counts", () => {
    for (const parts of [0, -1, 1.5, Number.NaN]) {
      expect(() => allocateMoney(brl(100), parts)).toThrowError(
        expect.objectContaining({ code: "validation_failed" }),
      );
    }
  });

  it("parts always sum to the total exactly", () => {
    fc.assert(
      fc.property(signedTotal, partCount, (amount, n) => {
        const parts = allocateMoney(brl(amount), n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(amount);
      }),
    );
  });

  it("never yields a negative part for a non-negative total", () => {
    fc.assert(
      fc.property(total, partCount, (amount, n) => {
        for (const part of allocateMoney(brl(amount), n)) expect(part.amount).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("makes equal parts differ by at most one unit, the larger ones first", () => {
    fc.assert(
      fc.property(total, partCount, (amount, n) => {
        const parts = amounts(allocateMoney(brl(amount), n));
        const base = Math.floor(amount / n);
        const leftover = amount - base * n;
        // Exactly the first `leftover` parts carry the extra unit.
        expect(parts).toEqual(parts.map((_, i) => (i < leftover ? base + 1 : base)));
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(signedTotal, partCount, (amount, n) => {
        expect(allocateMoney(brl(amount), n)).toEqual(allocateMoney(brl(amount), n));
      }),
    );
  });
});

describe("allocateByWeights", () => {
  it("splits in proportion: R$ 100,00 at 1:2:1 is 25 + 50 + 25", () => {
    expect(amounts(allocateByWeights(brl(10_000), [1, 2, 1]))).toEqual([2500, 5000, 2500]);
  });

  it("gives the leftover to the largest remainders, ties to the earlier part", () => {
    // 10 at 1:1:1 → 3.33 each: the tie goes to the first part.
    expect(amounts(allocateByWeights(brl(10), [1, 1, 1]))).toEqual([4, 3, 3]);
    // 10 at 3:3:4 → 3, 3, 4 exactly; 11 at 3:3:4 → 3.3, 3.3, 4.4 → the leftover goes to the 4.4.
    expect(amounts(allocateByWeights(brl(11), [3, 3, 4]))).toEqual([3, 3, 5]);
    // 5 at 1:2 → 1.67, 3.33: the larger remainder (.67) takes the unit.
    expect(amounts(allocateByWeights(brl(5), [1, 2]))).toEqual([2, 3]);
  });

  it("gives nothing to a zero weight", () => {
    expect(amounts(allocateByWeights(brl(999), [0, 1, 0]))).toEqual([0, 999, 0]);
  });

  it("refuses empty, all-zero, negative or fractional weights", () => {
    for (const ws of [[], [0, 0], [1, -1], [1.5, 1]]) {
      expect(() => allocateByWeights(brl(100), ws)).toThrowError(
        expect.objectContaining({ code: "validation_failed" }),
      );
    }
  });

  it("parts always sum to the total exactly, and never go negative for a non-negative total", () => {
    fc.assert(
      fc.property(total, weights, (amount, ws) => {
        const parts = amounts(allocateByWeights(brl(amount), ws));
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((s, a) => s + a, 0)).toBe(amount);
        for (const a of parts) expect(a).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("keeps each part within one unit of its exact share", () => {
    fc.assert(
      fc.property(total, weights, (amount, ws) => {
        const weightSum = BigInt(ws.reduce((s, w) => s + w, 0));
        allocateByWeights(brl(amount), ws).forEach((part, i) => {
          const exactTimesSum = BigInt(amount) * BigInt(ws[i]!);
          const floor = exactTimesSum / weightSum;
          const ceil = floor + (exactTimesSum % weightSum === 0n ? 0n : 1n);
          expect(BigInt(part.amount) >= floor && BigInt(part.amount) <= ceil).toBe(true);
        });
      }),
    );
  });

  it("mirrors a negative total: allocating −x is minus allocating x", () => {
    fc.assert(
      fc.property(total, weights, (amount, ws) => {
        const negative = amounts(allocateByWeights(brl(-amount), ws));
        expect(negative).toEqual(amounts(allocateByWeights(brl(amount), ws)).map((a) => (a === 0 ? 0 : -a)));
      }),
    );
  });

  it("with equal weights matches allocateMoney", () => {
    fc.assert(
      fc.property(signedTotal, partCount, (amount, n) => {
        const equal = Array.from({ length: n }, () => 7);
        expect(allocateByWeights(brl(amount), equal)).toEqual(allocateMoney(brl(amount), n));
      }),
    );
  });
});

describe("allocation arguments", () => {
  it("refuses a part count that is not a whole number from 1 to 10 000, before allocating anything", () => {
    for (const parts of [0, -1, 1.5, Number.NaN, 10_001, 2 ** 31, 2 ** 53, "3"]) {
      expect(refusal(() => allocateMoney(brl(100), parts as number))).toEqual([["parts", "invalid"]]);
    }
    expect(allocateMoney(brl(1), 10_000)).toHaveLength(10_000);
  });

  it("names the weight that is wrong", () => {
    expect(refusal(() => allocateByWeights(brl(100), [1, -1]))).toEqual([["weights.1", "invalid"]]);
    expect(refusal(() => allocateByWeights(brl(100), [1, 2 ** 53]))).toEqual([["weights.1", "invalid"]]);
    expect(refusal(() => allocateByWeights(brl(100), [0, 0]))).toEqual([["weights", "invalid"]]);
    expect(refusal(() => allocateByWeights(brl(100), "1,1" as never))).toEqual([["weights", "invalid"]]);
    expect(refusal(() => allocateByWeights({ amount: 1.5, currency: "BRL" }, [1]))).toEqual([
      ["total.amount", "not_integer"],
    ]);
  });

  it("still adds up to the total, each part within one unit of its share, when the weights sum past 2^53", () => {
    const bigWeights = fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), {
      minLength: 2,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        signedTotal,
        bigWeights.filter((ws) => ws.some((w) => w > 0)),
        (amount, ws) => {
          const parts = amounts(allocateByWeights(brl(amount), ws));
          expect(parts.reduce((s, a) => s + a, 0)).toBe(amount);
          const weightSum = ws.reduce((s, w) => s + BigInt(w), 0n);
          parts.forEach((part, i) => {
            const exact = BigInt(Math.abs(amount)) * BigInt(ws[i]!);
            const floor = exact / weightSum;
            const magnitude = BigInt(Math.abs(part));
            expect(magnitude === floor || magnitude === floor + 1n).toBe(true);
          });
        },
      ),
    );
    // Found by comparing with the float version: summed in floating point, these weights lose
    // their last units, the remainders are misjudged, and the leftover unit went to the last
    // part (…980 277 and …275 158) instead of the fifth, whose exact remainder is larger.
    const ws = [
      8_673_057_138_890_241, 5, 5_274_036_956_630_993, 5_365_588_873_084_774, 8_159_854_940_793_508,
      2_090_849_714_474_554,
    ];
    expect(amounts(allocateByWeights(brl(285_799_591_138_022), ws))).toEqual([
      83_845_471_829_818, 0, 50_985_956_854_103, 51_871_021_198_666, 78_884_166_980_278, 20_212_974_275_157,
    ]);
  });
});
