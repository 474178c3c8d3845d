import { describe, expect, it } from "vitest";
import { csvCell, csvField, withoutFormula } from "./csv-cell";
import { decimalOf } from "./report-cell";

describe("a CSV cell", () => {
  it("keeps a text a spreadsheet would run as a formula as text, with a leading quote (OWASP's list)", () => {
    for (const text of ['=HYPERLINK("http://x")', "+1", "-1+2", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(withoutFormula(text)).toBe(`'${text}`);
    }
    expect(withoutFormula("Ana = Souza")).toBe("Ana = Souza");
    expect(csvCell({ kind: "text", text: "=1+2" })).toBe("'=1+2");
    // An amount is a number, never guarded: a negative one stays a number.
    expect(csvCell({ kind: "money", money: { amount: -5, currency: "BRL" } })).toBe("-0.05");
  });

  it("quotes a field with a quote, a comma or a line break, doubling its quotes (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('Ana "Aninha" Souza')).toBe('"Ana ""Aninha"" Souza"');
    expect(csvField("Souza, Ana")).toBe('"Souza, Ana"');
    expect(csvField("line\r\nbreak")).toBe('"line\r\nbreak"');
    expect(csvCell({ kind: "text", text: '=A1,"x"' })).toBe('"\'=A1,""x"""');
  });
});

describe("an amount as a decimal", () => {
  it("turns minor units into the currency's decimals exactly", () => {
    expect(decimalOf({ amount: 12_990, currency: "BRL" })).toBe("129.90");
    expect(decimalOf({ amount: 5, currency: "BRL" })).toBe("0.05");
    expect(decimalOf({ amount: 0, currency: "BRL" })).toBe("0.00");
    expect(decimalOf({ amount: -123_456, currency: "USD" })).toBe("-1234.56");
    expect(decimalOf({ amount: 1234, currency: "JPY" })).toBe("1234");
    expect(decimalOf({ amount: 1234, currency: "KWD" })).toBe("1.234");
    expect(decimalOf({ amount: 9_007_199_254_740_991, currency: "BRL" })).toBe("90071992547409.91");
  });
});
