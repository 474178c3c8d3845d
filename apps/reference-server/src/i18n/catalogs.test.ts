import { describe, expect, it } from "vitest";
import { catalogs, supportedLocales } from "./catalogs";
import { createTranslator } from "./translator";

const keysOf = (catalog: object) => Object.keys(catalog).sort();

describe("i18n catalogs", () => {
  const reference = keysOf(catalogs["pt-BR"]);

  it.each(supportedLocales)("%s has exactly the keys of pt-BR", (locale) => {
    expect(keysOf(catalogs[locale])).toEqual(reference);
  });

  it.each(supportedLocales)("%s has no empty message and uses the placeholders of pt-BR", (locale) => {
    const placeholders = (message: unknown) =>
      [...new Set(JSON.stringify(message).match(/\{\w+\}/g) ?? [])].sort();
    for (const key of reference) {
      const message = catalogs[locale][key as keyof (typeof catalogs)["pt-BR"]];
      expect(JSON.stringify(message), `${locale} ${key}`).not.toMatch(/""/);
      expect(placeholders(message), `${locale} ${key}`).toEqual(
        placeholders(catalogs["pt-BR"][key as never]),
      );
    }
  });
});

describe("createTranslator", () => {
  it("fills placeholders", () => {
    expect(createTranslator("en")("notFound.message", { path: "/x" })).toBe("There is nothing at /x.");
  });

  it("picks the plural form of each language", () => {
    expect(createTranslator("pt-BR")("plan.installments", { count: 1 })).toBe("1 parcela");
    expect(createTranslator("pt-BR")("plan.installments", { count: 12 })).toBe("12 parcelas");
    expect(createTranslator("ru")("plan.installments", { count: 2 })).toBe("2 платежа");
    expect(createTranslator("ru")("plan.installments", { count: 12 })).toBe("12 платежей");
    expect(createTranslator("ru")("plan.installments", { count: 21 })).toBe("21 платёж");
  });
});
