import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { currencyCodeSchema, minorUnitDigits } from "./currency";

describe("currency", () => {
  it("knows each currency's minor units: BRL 2, JPY 0, RUB 2, KWD 3", () => {
    expect(minorUnitDigits("BRL")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("RUB")).toBe(2);
    expect(minorUnitDigits("KWD")).toBe(3);
  });

  it("accepts upper-case ISO 4217 codes only", () => {
    expect(currencyCodeSchema.safeParse("BRL").success).toBe(true);
    expect(currencyCodeSchema.safeParse("brl").success).toBe(false);
    expect(currencyCodeSchema.safeParse("BR").success).toBe(false);
    expect(currencyCodeSchema.safeParse("BRLX").success).toBe(false);
  });

  it("refuses three letters that are no currency (Intl would format XXZ as if it were one)", () => {
    const result = currencyCodeSchema.safeParse("XXZ");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "is not a currency this runtime knows",
    ]);
    expect(currencyCodeSchema.safeParse("KWD").success).toBe(true);
  });

  it("refuses a malformed code with one issue, not two", () => {
    const issues = currencyCodeSchema.safeParse("real").error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual(["must be a three-letter ISO 4217 code such as BRL"]);
  });
});

describe("minorUnitDigits' wrong arguments", () => {
  it("refuses a malformed code as a validation error, not Intl's RangeError", () => {
    for (const code of ["xx", "brl", "", "BRLX", 986, null, Symbol("BRL")]) {
      try {
        minorUnitDigits(code as string);
        expect.unreachable(`${String(code)} must be refused`);
      } catch (error) {
        expect(isTesseraError(error, "validation_failed")).toBe(true);
        expect((error as { details: { issues: { path: string[] }[] } }).details.issues[0]?.path).toEqual([
          "currency",
        ]);
      }
    }
  });
});
