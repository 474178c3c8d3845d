import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { formatMoney } from "./format-money";
import { money } from "./money";

/** Intl separates with NBSP (U+00A0) or narrow NBSP (U+202F); compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

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

describe("formatMoney's wrong arguments", () => {
  it("refuses a malformed locale as a validation error on locale, not Intl's RangeError", () => {
    for (const locale of ["xx-invalid-", "", "en_US", 42, null, ["pt-BR"]]) {
      expect(refusal(() => formatMoney(money(100, "BRL"), locale as string))).toEqual([
        ["locale", "invalid_locale"],
      ]);
    }
  });

  it("refuses what is not money, naming the field", () => {
    expect(refusal(() => formatMoney({ amount: 1.5, currency: "BRL" }, "en"))).toEqual([
      ["m.amount", "not_integer"],
    ]);
    expect(refusal(() => formatMoney({ amount: 2 ** 60, currency: "BRL" }, "en"))).toEqual([
      ["m.amount", "too_large"],
    ]);
    expect(refusal(() => formatMoney({ amount: 1, currency: "real" }, "en"))).toEqual([
      ["m.currency", "invalid_currency"],
    ]);
    expect(refusal(() => formatMoney(null as never, "en"))).toEqual([["m", "invalid_type"]]);
  });

  it("formats as a formatter built on the spot does, for many locales and currencies (more pairs than it memoizes)", () => {
    const locales = ["pt-BR", "en", "ru", "de", "fr", "ja", "ar-EG", "hi-IN", "zh-Hant-TW", "en-u-nu-arab"];
    const currencies = ["BRL", "USD", "EUR", "JPY", "KWD", "RUB", "CLF", "XXX", "GBP", "CHF", "INR", "CNY"];
    for (const round of [1, 2]) {
      for (const locale of locales) {
        for (const currency of currencies) {
          const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
            .maximumFractionDigits!;
          const fresh = new Intl.NumberFormat(locale, {
            style: "currency",
            currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(123_456 / 10 ** digits);
          expect(formatMoney(money(123_456, currency), locale), `${locale} ${currency}, round ${round}`).toBe(
            fresh,
          );
        }
      }
    }
  });
});
