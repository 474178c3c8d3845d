import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money";
import { money } from "./money";

/** Intl separates with NBSP (U+00A0) or narrow NBSP (U+202F); compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it('writes BRL the Brazilian way: "R$ 1.234,56"', () => {
    expect(plain(formatMoney(money(123_456, "BRL"), "pt-BR"))).toBe("R$ 1.234,56");
  });

  it("writes BRL in English with a dot for cents", () => {
    expect(formatMoney(money(123_456, "BRL"), "en")).toBe("R$1,234.56");
  });

  it("writes RUB the Russian way, the sign after the number", () => {
    expect(plain(formatMoney(money(123_456, "RUB"), "ru"))).toBe("1 234,56 ₽");
  });

  it("writes JPY with no minor units: 1234 is ¥1,234", () => {
    expect(formatMoney(money(1234, "JPY"), "en")).toBe("¥1,234");
    expect(plain(formatMoney(money(1234, "JPY"), "pt-BR"))).toBe("JP¥ 1.234");
  });

  it("writes cents below one real with a leading zero", () => {
    expect(plain(formatMoney(money(5, "BRL"), "pt-BR"))).toBe("R$ 0,05");
    expect(plain(formatMoney(money(-5, "BRL"), "pt-BR"))).toBe("-R$ 0,05");
  });

  it("writes zero without a minus sign, even for negative zero", () => {
    expect(plain(formatMoney({ amount: -0, currency: "BRL" }, "pt-BR"))).toBe("R$ 0,00");
  });

  it("keeps every digit of any safe amount, the last cent included", () => {
    expect(formatMoney(money(Number.MAX_SAFE_INTEGER, "BRL"), "en")).toBe("R$90,071,992,547,409.91");
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const text = formatMoney(money(amount, "BRL"), "en");
        const digits = text.replace(/\D/g, "");
        expect(BigInt(digits)).toBe(BigInt(Math.abs(amount)));
        expect(text.startsWith("-")).toBe(amount < 0);
      }),
      { numRuns: 500 },
    );
  });
});
