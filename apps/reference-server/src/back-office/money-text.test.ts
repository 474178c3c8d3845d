import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moneyTextOf, parseMoneyText } from "./money-text";

describe("amounts as staff type them", () => {
  it("reads Brazilian and English punctuation, and a leading R$", () => {
    expect(parseMoneyText("189,90")).toBe(18990);
    expect(parseMoneyText("189.90")).toBe(18990);
    expect(parseMoneyText("1.234,56")).toBe(123456);
    expect(parseMoneyText("1,234.56")).toBe(123456);
    expect(parseMoneyText("R$ 50")).toBe(5000);
    expect(parseMoneyText("50,5")).toBe(5050);
    expect(parseMoneyText("0")).toBe(0);
    expect(parseMoneyText("1.234")).toBe(123400);
  });

  it("refuses what is not an amount", () => {
    for (const typed of ["", "abc", "-10", "10,9999", "1.23.4", "12,34,56", "99999999999999", "1e5"]) {
      expect(parseMoneyText(typed), typed).toBeNull();
    }
  });

  it("reads back every amount it shows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (amount) => {
        expect(parseMoneyText(moneyTextOf(amount))).toBe(amount);
      }),
    );
  });
});
