import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import {
  type BillingInterval,
  billingDayOf,
  billingIntervalSchema,
  periodEnd,
  periodStart,
} from "./billing-schedule";
import { addDays, calendarDate, compareDates, dateParts, daysInMonth } from "./calendar-date";

const monthly: BillingInterval = { unit: "month", count: 1 };
const startArb = fc
  .record({
    year: fc.integer({ min: 1950, max: 2150 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => calendarDate(year, month, Math.min(day, daysInMonth(year, month))));
const intervalArb: fc.Arbitrary<BillingInterval> = fc.record({
  unit: fc.constantFrom("month" as const, "day" as const),
  count: fc.integer({ min: 1, max: 120 }),
});

describe("billing schedule", () => {
  it("bills on the contracting day: contracted Feb 7, due every 7th", () => {
    expect(billingDayOf("2026-02-07")).toBe(7);
    expect([0, 1, 2].map((i) => periodStart("2026-02-07", monthly, i))).toEqual([
      "2026-02-07",
      "2026-03-07",
      "2026-04-07",
    ]);
    expect(periodEnd("2026-02-07", monthly, 0)).toBe("2026-03-06");
  });

  it("starting Jan 31 goes to Feb 28, then back to Mar 31", () => {
    expect([0, 1, 2, 3].map((i) => periodStart("2023-01-31", monthly, i))).toEqual([
      "2023-01-31",
      "2023-02-28",
      "2023-03-31",
      "2023-04-30",
    ]);
    expect(periodEnd("2023-01-31", monthly, 0)).toBe("2023-02-27");
    expect(periodEnd("2023-01-31", monthly, 1)).toBe("2023-03-30");
  });

  it("falls on Feb 29 in leap years: 2024 and 2000, not 2100 or 1900", () => {
    expect(periodStart("2024-01-31", monthly, 1)).toBe("2024-02-29");
    expect(periodStart("2000-01-31", monthly, 1)).toBe("2000-02-29");
    expect(periodStart("2100-01-31", monthly, 1)).toBe("2100-02-28");
    expect(periodStart("1900-01-31", monthly, 1)).toBe("1900-02-28");
    expect(periodStart("2024-02-29", { unit: "month", count: 12 }, 1)).toBe("2025-02-28");
    expect(periodStart("2024-02-29", { unit: "month", count: 12 }, 4)).toBe("2028-02-29");
  });

  it("a start on the 29th, 30th or 31st keeps its day in every month that has it, for decades", () => {
    for (const day of [29, 30, 31]) {
      const start = calendarDate(2001, 1, day);
      for (let i = 0; i < 12 * 40; i++) {
        const { year, month, day: billed } = dateParts(periodStart(start, monthly, i));
        expect(year * 12 + month).toBe(2001 * 12 + 1 + i);
        expect(billed).toBe(Math.min(day, daysInMonth(year, month)));
      }
    }
  });

  it("steps by days for a day interval", () => {
    expect(periodStart("2024-02-25", { unit: "day", count: 7 }, 1)).toBe("2024-03-03");
    expect(periodEnd("2024-02-25", { unit: "day", count: 7 }, 0)).toBe("2024-03-02");
  });

  it("consecutive periods are contiguous: end(i) + 1 day = start(i + 1)", () => {
    fc.assert(
      fc.property(startArb, intervalArb, fc.integer({ min: 0, max: 60 }), (start, interval, i) => {
        expect(addDays(periodEnd(start, interval, i), 1)).toBe(periodStart(start, interval, i + 1));
        expect(
          compareDates(periodStart(start, interval, i), periodEnd(start, interval, i)),
        ).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("period 0 starts on the start date, and every monthly period starts on the billing day or the month's end", () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 100 }),
        (start, count, i) => {
          expect(periodStart(start, { unit: "month", count }, 0)).toBe(start);
          const { year, month, day } = dateParts(periodStart(start, { unit: "month", count }, i));
          expect(day).toBe(Math.min(billingDayOf(start), daysInMonth(year, month)));
          const s = dateParts(start);
          expect(year * 12 + month - (s.year * 12 + s.month)).toBe(count * i);
        },
      ),
    );
  });

  it("billingIntervalSchema takes 1 to 120 whole months or days", () => {
    expect(billingIntervalSchema.safeParse({ unit: "month", count: 1 }).success).toBe(true);
    expect(billingIntervalSchema.safeParse({ unit: "month", count: 0 }).error?.issues[0]?.path).toEqual([
      "count",
    ]);
    expect(billingIntervalSchema.safeParse({ unit: "week", count: 1 }).error?.issues[0]?.path).toEqual([
      "unit",
    ]);
    expect(billingIntervalSchema.safeParse({ unit: "day", count: 1.5 }).success).toBe(false);
    expect(billingIntervalSchema.safeParse({ unit: "day", count: 121 }).success).toBe(false);
  });
});

describe("billing schedule arguments", () => {
  const refusal = (call: () => unknown): [string, string][] => {
    try {
      call();
    } catch (error) {
      if (isTesseraError(error, "validation_failed")) {
        return (error.details.issues ?? []).map((i) => [i.path.join("."), i.code]);
      }
      throw error;
    }
    throw new Error("expected a validation error");
  };

  it("refuses a start that is not a real date, a bad interval and a fractional index, naming each", () => {
    expect(refusal(() => periodStart("2026-02-30", monthly, 0))).toEqual([["start", "invalid_date"]]);
    expect(refusal(() => billingDayOf("07/02/2026"))).toEqual([["start", "invalid_date"]]);
    for (const interval of [
      { unit: "week", count: 1 },
      { unit: "month", count: 0 },
      { unit: "day", count: 1.5 },
      null,
    ]) {
      expect(refusal(() => periodEnd("2026-02-07", interval as BillingInterval, 0))).toEqual([
        ["interval", "invalid_interval"],
      ]);
    }
    for (const index of [0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(refusal(() => periodStart("2026-02-07", monthly, index))).toEqual([["index", "not_integer"]]);
    }
  });

  it("refuses a billing day that is not a whole day of a month, and keeps a given one", () => {
    for (const day of [0, 32, 7.5, Number.NaN]) {
      expect(refusal(() => periodStart("2027-02-28", monthly, 1, day))).toEqual([
        ["billingDay", "invalid_day"],
      ]);
      expect(refusal(() => periodEnd("2027-02-28", monthly, 1, day))).toEqual([
        ["billingDay", "invalid_day"],
      ]);
    }
    expect(periodStart("2027-02-28", monthly, 1, 31)).toBe("2027-03-31");
    expect(periodEnd("2027-02-28", monthly, 0, 30)).toBe("2027-03-29");
  });

  it("refuses, on the index, a period that would fall past 9999-12-31", () => {
    expect(periodStart("9999-01-31", monthly, 11)).toBe("9999-12-31");
    expect(refusal(() => periodStart("9999-01-31", monthly, 12))).toEqual([["index", "out_of_range"]]);
    expect(refusal(() => periodEnd("9999-01-31", monthly, 11))).toEqual([["index", "out_of_range"]]);
    expect(refusal(() => periodStart("2026-02-07", { unit: "day", count: 120 }, 2 ** 52))).toEqual([
      ["index", "out_of_range"],
    ]);
  });
});
