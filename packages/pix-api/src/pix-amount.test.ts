import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centavosOfPixValor, moneyOfPixValor, pixValor } from "./pix-amount";

describe("API Pix amounts", () => {
  it("writes centavos as reais with two decimals and reads them back to the same centavos", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (amount) => {
        const valor = pixValor({ amount, currency: "BRL" });
        expect(valor).toMatch(/^\d{1,10}\.\d{2}$/);
        expect(centavosOfPixValor(valor)).toBe(amount);
      }),
    );
  });

  it("writes the edges as the spec's examples do", () => {
    expect(pixValor({ amount: 1, currency: "BRL" })).toBe("0.01");
    expect(pixValor({ amount: 3700, currency: "BRL" })).toBe("37.00");
    expect(pixValor({ amount: 123456, currency: "BRL" })).toBe("1234.56");
  });

  it("refuses what is not an amount: floats, other currencies, text that is not two decimals", () => {
    expect(() => pixValor({ amount: 1.5, currency: "BRL" })).toThrow(RangeError);
    expect(() => pixValor({ amount: 100, currency: "USD" })).toThrow(RangeError);
    for (const text of ["1.5", "1", "-1.00", "1e3", "1,00", ""]) expect(centavosOfPixValor(text)).toBeNull();
    expect(() => moneyOfPixValor("abc")).toThrow(RangeError);
    expect(moneyOfPixValor("0.01")).toEqual({ amount: 1, currency: "BRL" });
  });
});
