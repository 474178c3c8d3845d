import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateByWeights, allocateMoney } from "./allocate-money";
import { type Money, money } from "./money";

const brl = (amount: number) => money(amount, "BRL");
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
