import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proRata } from "./cancel-contract";

describe("proRata", () => {
  it("is the whole price for a whole period, nothing for none, and never more than the price", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 366 }),
        (price, days) => {
          expect(proRata(price, days, days)).toBe(price);
          expect(proRata(price, 0, days)).toBe(0);
          const used = Math.floor(days / 2);
          const share = proRata(price, used, days);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(price);
          // Half up, within a centavo of the exact share.
          expect(Math.abs(share - (price * used) / days)).toBeLessThanOrEqual(0.5);
        },
      ),
    );
  });

  it("rounds half up: 16 of 30 days of R$ 99,90 is R$ 53,28", () => {
    expect(proRata(9_990, 16, 30)).toBe(5_328);
    expect(proRata(1, 1, 2)).toBe(1);
  });
});
