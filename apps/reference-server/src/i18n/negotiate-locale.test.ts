import { describe, expect, it } from "vitest";
import { matchLocale, negotiateLocale, parseAcceptLanguage } from "./negotiate-locale";

describe("negotiateLocale", () => {
  it("takes ?lang= over the cookie and the browser's languages", () => {
    expect(negotiateLocale({ query: "ru", cookie: "en", acceptLanguage: "en-US" }, "pt-BR")).toBe("ru");
  });

  it("takes the cookie over Accept-Language when there is no ?lang=", () => {
    expect(negotiateLocale({ cookie: "en", acceptLanguage: "ru" }, "pt-BR")).toBe("en");
  });

  it("skips an unsupported ?lang= and cookie instead of failing", () => {
    expect(negotiateLocale({ query: "de", cookie: "xx", acceptLanguage: "ru" }, "pt-BR")).toBe("ru");
  });

  it("follows Accept-Language by q-value, not by position", () => {
    expect(negotiateLocale({ acceptLanguage: "en;q=0.4, ru;q=0.9, pt-BR;q=0.5" }, "pt-BR")).toBe("ru");
  });

  it("ignores a language the browser refuses with q=0", () => {
    expect(negotiateLocale({ acceptLanguage: "ru;q=0, en;q=0.1" }, "pt-BR")).toBe("en");
  });

  it("skips languages it does not speak and takes the next one the browser accepts", () => {
    expect(negotiateLocale({ acceptLanguage: "de-DE, fr;q=0.9, en-GB;q=0.8" }, "pt-BR")).toBe("en");
  });

  it("falls back to the default when nothing matches", () => {
    expect(negotiateLocale({ acceptLanguage: "de, fr;q=0.5, *;q=0.1" }, "pt-BR")).toBe("pt-BR");
    expect(negotiateLocale({}, "en")).toBe("en");
  });
});

describe("matchLocale", () => {
  it("matches by language when the region differs, case-insensitively", () => {
    expect(matchLocale("pt-PT")).toBe("pt-BR");
    expect(matchLocale("PT-br")).toBe("pt-BR");
    expect(matchLocale("en-US")).toBe("en");
    expect(matchLocale("ru-RU")).toBe("ru");
    expect(matchLocale("es")).toBeNull();
  });
});

describe("parseAcceptLanguage", () => {
  it("keeps header order between equal q-values and drops unreadable weights", () => {
    expect(parseAcceptLanguage("en, ru, pt;q=0.8, de;q=abc")).toEqual(["en", "ru", "pt"]);
  });
});
