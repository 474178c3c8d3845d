import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { addMilliseconds, instantSchema, instantToMillis, toInstant } from "./instant";

describe("instants", () => {
  it("are UTC ISO strings with milliseconds that sort as strings", () => {
    const a = toInstant(new Date(Date.UTC(2026, 10, 24, 13, 5)));
    expect(a).toBe("2026-11-24T13:05:00.000Z");
    const b = addMilliseconds(a, 1);
    expect(b).toBe("2026-11-24T13:05:00.001Z");
    expect(a < b).toBe(true);
    expect(instantToMillis(b) - instantToMillis(a)).toBe(1);
    expect(addMilliseconds(a, -86_400_000)).toBe("2026-11-23T13:05:00.000Z");
  });

  it("instantSchema normalises to milliseconds and refuses offsets and bare dates", () => {
    expect(instantSchema.parse("2026-11-24T13:05:00Z")).toBe("2026-11-24T13:05:00.000Z");
    expect(instantSchema.safeParse("2026-11-24T10:05:00-03:00").success).toBe(false);
    expect(instantSchema.safeParse("2026-11-24").success).toBe(false);
    expect(instantSchema.safeParse("yesterday").success).toBe(false);
  });
});

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

describe("instants that are not", () => {
  it("refuses a string that is not an ISO-8601 UTC moment, where Date would roll Feb 30 over to March 2", () => {
    for (const bad of [
      "2026-02-30T00:00:00.000Z",
      "2026-11-24T24:00:00.000Z",
      "2026-11-24T13:60:00.000Z",
      "2026-11-24T10:05:00-03:00",
      "2026-11-24",
      "yesterday",
      "",
      1_700_000_000_000,
      null,
    ]) {
      expect(refusal(() => instantToMillis(bad as string))).toEqual([["instant", "invalid_instant"]]);
      expect(refusal(() => addMilliseconds(bad as string, 1))).toEqual([["instant", "invalid_instant"]]);
    }
    expect(instantToMillis("2026-11-24T13:05:00Z")).toBe(Date.UTC(2026, 10, 24, 13, 5));
  });

  it("refuses a non-finite shift and a result outside years 0000–9999, which would not sort as a string", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "1"]) {
      expect(refusal(() => addMilliseconds("2026-11-24T13:05:00.000Z", bad as number))).toEqual([
        ["ms", "invalid_number"],
      ]);
    }
    expect(addMilliseconds("9999-12-31T23:59:59.998Z", 1)).toBe("9999-12-31T23:59:59.999Z");
    expect(refusal(() => addMilliseconds("9999-12-31T23:59:59.999Z", 1))).toEqual([["ms", "out_of_range"]]);
    expect(refusal(() => addMilliseconds("0000-01-01T00:00:00.000Z", -1))).toEqual([["ms", "out_of_range"]]);
    expect(refusal(() => addMilliseconds("2026-11-24T13:05:00.000Z", 1e300))).toEqual([
      ["ms", "out_of_range"],
    ]);
  });

  it("toInstant refuses an Invalid Date, a look-alike and a year past 9999", () => {
    expect(refusal(() => toInstant(new Date(Number.NaN)))).toEqual([["date", "invalid_date"]]);
    expect(refusal(() => toInstant(Object.create(Date.prototype)))).toEqual([["date", "invalid_date"]]);
    expect(refusal(() => toInstant("2026-11-24" as never))).toEqual([["date", "invalid_date"]]);
    expect(refusal(() => toInstant(new Date(Date.UTC(10_000, 0, 1))))).toEqual([["date", "out_of_range"]]);
  });

  it("every instant toInstant writes is read back to the same millisecond, and sorts as its time", () => {
    const moment = fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 });
    fc.assert(
      fc.property(moment, moment, (a, b) => {
        const x = toInstant(new Date(a));
        const y = toInstant(new Date(b));
        expect(instantToMillis(x)).toBe(a);
        expect(x < y).toBe(a < b);
        expect(instantSchema.parse(x)).toBe(x);
      }),
      { numRuns: 500 },
    );
  });
});
