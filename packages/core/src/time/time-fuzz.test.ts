import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyValue as anything, coercionTrap, type FuzzCase, fuzzEveryExport } from "../testing/fuzz-values";
import * as billingSchedule from "./billing-schedule";
import * as calendarDate from "./calendar-date";
import * as instant from "./instant";
import * as timezone from "./timezone";

/**
 * Every function the time modules export, called with anything at all: each call returns
 * a value of the right shape or throws a `validation_failed` TesseraError whose first issue
 * names one of the function's arguments — never a TypeError or RangeError from Date, Intl
 * or a coercion. (Errors thrown by the caller's own code, such as a getter, are theirs.)
 */

/** Values that break code which coerces its argument to a string or a number. */
const hostile = fc.constantFrom<unknown>(
  Symbol("date"),
  coercionTrap,
  Object.create(null),
  Object.create(Date.prototype),
  new Date(Number.NaN),
  [],
  10n,
);
const numbers = fc.oneof(
  fc.integer(),
  fc.integer({ min: -20_000, max: 20_000 }),
  fc.double(),
  fc.maxSafeInteger(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_SAFE_INTEGER,
    2 ** 53,
    1e308,
    8.64e15,
    0.5,
  ),
);
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dates = fc.oneof(
  fc
    .record({
      year: fc.integer({ min: 1, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  fc.constantFrom(
    "0001-01-01",
    "9999-12-31",
    "0000-01-01",
    "2024-02-29",
    "2023-02-29",
    "2024-02-30",
    "2024-1-5",
    " 2024-01-05",
    "10000-01-01",
  ),
);
const instants = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .date({
      min: new Date("0001-01-01T00:00:00Z"),
      max: new Date("9999-12-31T23:59:59Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,4})?Z$/),
  fc.constantFrom(
    "2026-02-30T00:00:00.000Z",
    "0000-01-01T00:00:00.000Z",
    "9999-12-31T23:59:59.999Z",
    "2026-03-01",
    "2026-03-01T02:30:00-03:00",
    "+275760-09-13T00:00:00.000Z",
  ),
);
const jsDates = fc.oneof(fc.date(), fc.constant(new Date(Number.NaN)), fc.date({ noInvalidDate: true }));
const zones = fc.oneof(
  fc.constantFrom(
    "America/Sao_Paulo",
    "UTC",
    "utc",
    "Pacific/Kiritimati",
    "Etc/GMT+12",
    "Mars/Olympus",
    "",
    "+01:00",
    "America/Rio",
  ),
  fc.string(),
);
const intervals = fc.oneof(
  fc.record({ unit: fc.constantFrom("month", "day", "week"), count: numbers }),
  fc.record({ unit: fc.constantFrom("month", "day"), count: fc.integer({ min: 1, max: 120 }) }),
);
/** What to pass for one argument: mostly values of the right kind, then anything. */
const arg = (...targeted: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.oneof(...targeted) }, anything, hostile);

const isDate = (result: unknown) => expect(calendarDate.isCalendarDate(result as string)).toBe(true);
const isInstant = (result: unknown) => expect(instant.instantSchema.safeParse(result).success).toBe(true);
const isBoolean = (result: unknown) => expect(typeof result).toBe("boolean");
const isWholeNumber = (result: unknown) => expect(Number.isSafeInteger(result)).toBe(true);
const isOrder = (result: unknown) => expect([-1, 0, 1]).toContain(result);

const cases: Record<string, FuzzCase> = {
  isLeapYear: { names: ["year"], args: fc.tuple(arg(numbers)), check: isBoolean },
  daysInMonth: {
    names: ["year", "month"],
    args: fc.tuple(arg(numbers), arg(numbers, fc.integer({ min: 0, max: 13 }))),
    check: (r) => expect([28, 29, 30, 31]).toContain(r),
  },
  isCalendarDate: { names: ["value"], args: fc.tuple(arg(dates, fc.string())), check: isBoolean },
  calendarDate: {
    names: ["year", "month", "day"],
    args: fc.tuple(
      arg(numbers, fc.integer({ min: 0, max: 10_000 })),
      arg(numbers, fc.integer({ min: 0, max: 13 })),
      arg(numbers, fc.integer({ min: 0, max: 32 })),
    ),
    check: isDate,
  },
  dateParts: {
    names: ["date"],
    args: fc.tuple(arg(dates)),
    check: (r) =>
      expect(
        calendarDate.isCalendarDate(
          Object.values(r as object)
            .map((n, i) => pad(n, i ? 2 : 4))
            .join("-"),
        ),
      ).toBe(true),
  },
  addDays: { names: ["date", "days"], args: fc.tuple(arg(dates), arg(numbers)), check: isDate },
  daysBetween: { names: ["from", "to"], args: fc.tuple(arg(dates), arg(dates)), check: isWholeNumber },
  addMonths: {
    names: ["date", "months", "anchorDay"],
    args: fc.tuple(
      arg(dates),
      arg(numbers),
      fc.oneof(fc.constant(undefined), arg(numbers, fc.integer({ min: 0, max: 32 }))),
    ),
    check: isDate,
  },
  compareDates: { names: ["a", "b"], args: fc.tuple(arg(dates), arg(dates)), check: isOrder },
  lastDayOfMonth: { names: ["date"], args: fc.tuple(arg(dates)), check: isDate },
  billingDayOf: {
    names: ["start"],
    args: fc.tuple(arg(dates)),
    check: (r) => expect(r).toBeGreaterThanOrEqual(1),
  },
  periodStart: {
    names: ["start", "interval", "index"],
    args: fc.tuple(arg(dates), arg(intervals), arg(numbers, fc.integer({ min: -5, max: 200 }))),
    check: isDate,
  },
  periodEnd: {
    names: ["start", "interval", "index"],
    args: fc.tuple(arg(dates), arg(intervals), arg(numbers, fc.integer({ min: -5, max: 200 }))),
    check: isDate,
  },
  toInstant: { names: ["date"], args: fc.tuple(arg(jsDates)), check: isInstant },
  addMilliseconds: {
    names: ["instant", "ms"],
    args: fc.tuple(arg(instants), arg(numbers)),
    check: isInstant,
  },
  instantToMillis: { names: ["instant"], args: fc.tuple(arg(instants)), check: isWholeNumber },
  millisOfInstant: {
    names: [],
    args: fc.tuple(arg(instants)),
    check: (r) => expect(Number.isNaN(r) || Number.isSafeInteger(r)).toBe(true),
  },
  millisOfDate: {
    names: [],
    args: fc.tuple(arg(jsDates)),
    check: (r) => expect(Number.isNaN(r) || Number.isSafeInteger(r)).toBe(true),
  },
  isTimeZone: { names: ["zone"], args: fc.tuple(arg(zones)), check: isBoolean },
  calendarDateInZone: {
    names: ["instant", "timeZone"],
    args: fc.tuple(arg(instants, jsDates), arg(zones)),
    check: isDate,
  },
};

const modules = { ...calendarDate, ...billingSchedule, ...instant, ...timezone } as Record<string, unknown>;

describe("time functions, fuzzed", () => {
  fuzzEveryExport(modules, cases);

  it("the schemas never throw, whatever they are given", () => {
    const schemas = [
      calendarDate.calendarDateSchema,
      instant.instantSchema,
      timezone.timeZoneSchema,
      billingSchedule.billingIntervalSchema,
    ];
    fc.assert(
      fc.property(arg(dates, instants, zones, intervals), (value) => {
        for (const schema of schemas) expect(typeof schema.safeParse(value).success).toBe("boolean");
      }),
      { numRuns: 400 },
    );
  });
});
