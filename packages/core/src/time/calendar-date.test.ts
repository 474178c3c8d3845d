import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import {
  addDays,
  addMonths,
  type CalendarDate,
  calendarDate,
  calendarDateSchema,
  compareDates,
  dateParts,
  daysBetween,
  daysInMonth,
  isCalendarDate,
  isLeapYear,
  lastDayOfMonth,
} from "./calendar-date";

/**
 * Days since 1970-01-01 by Howard Hinnant's `days_from_civil`, integer arithmetic only — an
 * independent path from the Date-based code under test.
 */
function referenceEpochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const referenceMonthLength = (year: number, month: number) =>
  month === 2
    ? year % 400 === 0 || (year % 4 === 0 && year % 100 !== 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

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

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dateArb = (minYear = 1, maxYear = 9999) =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => ({ year, month, day: Math.min(day, referenceMonthLength(year, month)) }))
    .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}` as CalendarDate);

describe("leap years", () => {
  it("follows the Gregorian rule: 2000 yes, 1900 no, 2024 yes, 2100 no, 2023 no", () => {
    expect([2000, 1900, 2024, 2100, 2023].map(isLeapYear)).toEqual([true, false, true, false, false]);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it("gives every month its length", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        expect(daysInMonth(year, month)).toBe(referenceMonthLength(year, month));
      }),
    );
  });
});

describe("calendar dates", () => {
  it("accepts real days and refuses impossible ones", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    for (const bad of [
      "2023-02-29",
      "1900-02-29",
      "2024-04-31",
      "2024-13-01",
      "2024-00-10",
      "2024-01-00",
      "0000-01-01",
    ]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
    for (const bad of ["2024-1-05", "2024/01/05", "20240105", "2024-01-05T00:00:00Z", " 2024-01-05"]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it("builds a date from its parts and refuses Feb 30", () => {
    expect(calendarDate(2026, 3, 7)).toBe("2026-03-07");
    expect(calendarDate(50, 1, 1)).toBe("0050-01-01");
    expect(() => calendarDate(2026, 2, 30)).toThrowError(
      expect.objectContaining({ code: "validation_failed" }),
    );
    expect(dateParts("2026-03-07")).toEqual({ year: 2026, month: 3, day: 7 });
  });

  it("calendarDateSchema refuses a non-date with a message", () => {
    expect(calendarDateSchema.parse("2024-02-29")).toBe("2024-02-29");
    expect(calendarDateSchema.safeParse("2024-02-30").error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
  });

  it("orders dates and finds the last day of the month", () => {
    expect(compareDates("2024-01-31", "2024-02-01")).toBe(-1);
    expect(compareDates("2024-02-01", "2024-02-01")).toBe(0);
    expect(compareDates("2025-01-01", "2024-12-31")).toBe(1);
    expect(lastDayOfMonth("2024-02-10")).toBe("2024-02-29");
    expect(lastDayOfMonth("2100-02-10")).toBe("2100-02-28");
  });
});

describe("addDays and daysBetween", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2100-01-01", "2101-01-01")).toBe(365);
  });

  it("counts days like an independent days-from-civil reference, years 1 to 9999", () => {
    fc.assert(
      fc.property(dateArb(), dateArb(), (from, to) => {
        const a = dateParts(from);
        const b = dateParts(to);
        const expected =
          referenceEpochDay(b.year, b.month, b.day) - referenceEpochDay(a.year, a.month, a.day);
        expect(daysBetween(from, to)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("works in the first century too (Date.UTC would read year 50 as 1950)", () => {
    expect(addDays("0050-01-01", 1)).toBe("0050-01-02");
    expect(daysBetween("0099-12-31", "0100-01-01")).toBe(1);
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
  });

  it("addDays then daysBetween gives back the days added, and adding back returns the date", () => {
    fc.assert(
      fc.property(dateArb(1, 9000), fc.integer({ min: -300_000, max: 300_000 }), (date, days) => {
        fc.pre(dateParts(date).year + days / 365 > 2 && dateParts(date).year + days / 365 < 9990);
        const moved = addDays(date, days);
        expect(isCalendarDate(moved)).toBe(true);
        expect(daysBetween(date, moved)).toBe(days);
        expect(addDays(moved, -days)).toBe(date);
      }),
      { numRuns: 500 },
    );
  });
});

describe("addMonths", () => {
  it("clamps to the month's last day and keeps the anchor: Jan 31 → Feb 28/29 → Mar 31", () => {
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 2)).toBe("2023-03-31");
    expect(addMonths("2023-02-28", 1, 31)).toBe("2023-03-31");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2024-12-15", 1)).toBe("2025-01-15");
    expect(addMonths("2025-01-15", -1)).toBe("2024-12-15");
  });

  it("result day is min(anchor, days in month) and the month index advances exactly n", () => {
    fc.assert(
      fc.property(
        dateArb(1900, 2200),
        fc.integer({ min: -1200, max: 1200 }),
        fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
        (date, n, anchor) => {
          const before = dateParts(date);
          const after = dateParts(addMonths(date, n, anchor));
          expect(after.year * 12 + after.month - (before.year * 12 + before.month)).toBe(n);
          expect(after.day).toBe(
            Math.min(anchor ?? before.day, referenceMonthLength(after.year, after.month)),
          );
        },
      ),
    );
  });

  it("never skips or repeats a month when stepping from the same anchor", () => {
    fc.assert(
      fc.property(dateArb(1900, 2200), fc.integer({ min: 1, max: 120 }), (start, count) => {
        const anchor = dateParts(start).day;
        let previous = start;
        for (let n = 1; n <= count; n++) {
          const next = addMonths(start, n, anchor);
          const p = dateParts(previous);
          const q = dateParts(next);
          expect(q.year * 12 + q.month - (p.year * 12 + p.month)).toBe(1);
          expect(compareDates(previous, next)).toBe(-1);
          previous = next;
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe("the calendar's ends and wrong arguments", () => {
  const firstDay = referenceEpochDay(1, 1, 1);
  const lastDay = referenceEpochDay(9999, 12, 31);

  it("reaches 0001-01-01 and 9999-12-31 and refuses to go past them, naming the argument", () => {
    expect(addDays("0001-01-02", -1)).toBe("0001-01-01");
    expect(addDays("9999-12-30", 1)).toBe("9999-12-31");
    expect(refusal(() => addDays("0001-01-01", -1))).toEqual([["days", "out_of_range"]]);
    expect(refusal(() => addDays("9999-12-31", 1))).toEqual([["days", "out_of_range"]]);
    expect(addMonths("9999-11-30", 1)).toBe("9999-12-30");
    expect(refusal(() => addMonths("9999-12-01", 1))).toEqual([["months", "out_of_range"]]);
    expect(refusal(() => addMonths("0001-01-31", -1))).toEqual([["months", "out_of_range"]]);
  });

  it("addDays gives the days-from-civil date or refuses, for any date and any whole number of days", () => {
    fc.assert(
      fc.property(
        dateArb(),
        fc.oneof(fc.integer({ min: -4_000_000, max: 4_000_000 }), fc.maxSafeInteger(), fc.maxSafeNat()),
        (date, days) => {
          const { year, month, day } = dateParts(date);
          const target = referenceEpochDay(year, month, day) + days;
          if (target < firstDay || target > lastDay) {
            expect(refusal(() => addDays(date, days))).toEqual([["days", "out_of_range"]]);
          } else {
            const moved = dateParts(addDays(date, days));
            expect(referenceEpochDay(moved.year, moved.month, moved.day)).toBe(target);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("addMonths stays in years 1–9999 or refuses, for any whole number of months", () => {
    fc.assert(
      fc.property(
        dateArb(),
        fc.oneof(fc.integer({ min: -130_000, max: 130_000 }), fc.maxSafeInteger()),
        (date, n) => {
          const { year, month } = dateParts(date);
          const index = year * 12 + month - 1 + n;
          if (index < 12 || index >= 10_000 * 12) {
            expect(refusal(() => addMonths(date, n))).toEqual([["months", "out_of_range"]]);
          } else {
            const after = dateParts(addMonths(date, n));
            expect(after.year * 12 + after.month - 1).toBe(index);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses fractional, NaN and infinite day and month counts, and a bad anchor", () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "1"]) {
      expect(refusal(() => addDays("2024-01-31", bad as number))).toEqual([["days", "not_integer"]]);
      expect(refusal(() => addMonths("2024-01-31", bad as number))).toEqual([["months", "not_integer"]]);
    }
    for (const anchor of [0, 32, 1.5, Number.NaN]) {
      expect(refusal(() => addMonths("2024-01-31", 1, anchor))).toEqual([["anchorDay", "invalid_day"]]);
    }
  });

  it("refuses a date that is not a real YYYY-MM-DD day wherever one is taken, naming the argument", () => {
    for (const bad of [
      "2024-02-30",
      "2024-13-01",
      "0000-01-01",
      "2024-1-5",
      "",
      20240105,
      null,
      {},
      Symbol("d"),
    ]) {
      const date = bad as string;
      expect(refusal(() => dateParts(date))).toEqual([["date", "invalid_date"]]);
      expect(refusal(() => addDays(date, 1))).toEqual([["date", "invalid_date"]]);
      expect(refusal(() => addMonths(date, 1))).toEqual([["date", "invalid_date"]]);
      expect(refusal(() => lastDayOfMonth(date))).toEqual([["date", "invalid_date"]]);
      expect(refusal(() => daysBetween(date, "2024-01-01"))).toEqual([["from", "invalid_date"]]);
      expect(refusal(() => daysBetween("2024-01-01", date))).toEqual([["to", "invalid_date"]]);
      expect(refusal(() => compareDates(date, "2024-01-01"))).toEqual([["a", "invalid_date"]]);
      expect(refusal(() => compareDates("2024-01-01", date))).toEqual([["b", "invalid_date"]]);
      expect(isCalendarDate(date)).toBe(false);
    }
  });

  it("calendarDate names the part that is wrong; the year, month and day helpers refuse non-integers", () => {
    expect(refusal(() => calendarDate(2026, 2, 30))).toEqual([["day", "invalid_day"]]);
    expect(refusal(() => calendarDate(2026, 13, 1))).toEqual([["month", "invalid_month"]]);
    expect(refusal(() => calendarDate(10_000, 1, 1))).toEqual([["year", "invalid_year"]]);
    expect(refusal(() => calendarDate(0, 1, 1))).toEqual([["year", "invalid_year"]]);
    expect(refusal(() => calendarDate(2026.5, 1, 1))).toEqual([["year", "invalid_year"]]);
    expect(refusal(() => daysInMonth(2024, 13))).toEqual([["month", "invalid_month"]]);
    expect(refusal(() => daysInMonth(Number.NaN, 1))).toEqual([["year", "not_integer"]]);
    expect(refusal(() => isLeapYear(2024.5))).toEqual([["year", "not_integer"]]);
    expect(isLeapYear(-4)).toBe(true);
  });
});
