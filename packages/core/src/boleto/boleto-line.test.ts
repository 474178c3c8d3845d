import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../time/calendar-date";
import { boletoCodes, dueDateFactor, isConsistentBoleto, mod10, mod11 } from "./boleto-line";

describe("dueDateFactor", () => {
  it("counts days from 1997-10-07: 1000 on 2000-07-03", () => {
    expect(dueDateFactor("2000-07-03")).toBe(1000);
  });

  it("reaches 9999 on 2025-02-21 and restarts at 1000 on 2025-02-22 (FEBRABAN reset)", () => {
    expect(dueDateFactor("2025-02-21")).toBe(9999);
    expect(dueDateFactor("2025-02-22")).toBe(1000);
    expect(dueDateFactor("2026-03-13")).toBe(1384);
  });
});

describe("boletoCodes", () => {
  // A Banco do Brasil boleto that boleto libraries use as their worked example.
  const published = {
    barcode: "00193373700000001000500940144816060680935031",
    digitableLine: "00190500954014481606906809350314337370000000100",
  };

  it("builds a published boleto's barcode and digitable line from its parts", () => {
    const codes = boletoCodes({
      bankCode: "001",
      amount: 100,
      dueDate: addDays("1997-10-07", 3737),
      freeField: "0500940144816060680935031",
    });
    expect(codes).toEqual(published);
  });

  it("checks the published pair as consistent", () => {
    expect(isConsistentBoleto(published.digitableLine, published.barcode)).toBe(true);
    expect(mod10("001905009")).toBe(5);
    expect(mod11("0019373700000001000500940144816060680935031")).toBe(3);
  });

  it("always yields a consistent 47-digit line and 44-digit barcode", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999_999 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.stringMatching(/^\d{25}$/),
        (amount, days, freeField) => {
          const codes = boletoCodes({
            bankCode: "999",
            amount,
            dueDate: addDays("2000-07-03", days),
            freeField,
          });
          expect(codes.digitableLine).toMatch(/^\d{47}$/);
          expect(codes.barcode).toMatch(/^\d{44}$/);
          expect(isConsistentBoleto(codes.digitableLine, codes.barcode)).toBe(true);
        },
      ),
    );
  });

  it("catches a mistyped digit in the line's first three fields", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 31 }), fc.integer({ min: 1, max: 9 }), (at, shift) => {
        const line = published.digitableLine;
        const typo = `${line.slice(0, at)}${(Number(line[at]) + shift) % 10}${line.slice(at + 1)}`;
        expect(isConsistentBoleto(typo, published.barcode)).toBe(false);
      }),
    );
  });

  it("refuses an amount over ten digits of centavos", () => {
    expect(() =>
      boletoCodes({
        bankCode: "999",
        amount: 10_000_000_000,
        dueDate: "2026-03-13",
        freeField: "0".repeat(25),
      }),
    ).toThrow(RangeError);
  });
});
