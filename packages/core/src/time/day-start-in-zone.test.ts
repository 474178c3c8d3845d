import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CalendarDate } from "./calendar-date";
import { dayStartInZone } from "./day-start-in-zone";
import { calendarDateInZone } from "./timezone";

describe("dayStartInZone", () => {
  it("is the zone's midnight, as UTC", () => {
    expect(dayStartInZone("2026-03-01", "America/Sao_Paulo")).toBe("2026-03-01T03:00:00.000Z");
    expect(dayStartInZone("2026-03-01", "UTC")).toBe("2026-03-01T00:00:00.000Z");
    expect(dayStartInZone("2026-03-01", "Asia/Kolkata")).toBe("2026-02-28T18:30:00.000Z");
    expect(dayStartInZone("2026-07-01", "Europe/Moscow")).toBe("2026-06-30T21:00:00.000Z");
    expect(dayStartInZone("2026-01-01", "Pacific/Kiritimati")).toBe("2025-12-31T10:00:00.000Z");
  });

  it("follows the clock change: a summer-time day is an hour shorter in UTC", () => {
    expect(dayStartInZone("2026-03-29", "Europe/Berlin")).toBe("2026-03-28T23:00:00.000Z");
    expect(dayStartInZone("2026-03-30", "Europe/Berlin")).toBe("2026-03-29T22:00:00.000Z");
  });

  it("starts a day whose midnight the clock skips when the clock resumes (Brazil's summer time, 2018)", () => {
    // 2018-11-04 00:00 did not exist in São Paulo: clocks went from 23:59:59 to 01:00.
    expect(dayStartInZone("2018-11-04", "America/Sao_Paulo")).toBe("2018-11-04T03:00:00.000Z");
    expect(calendarDateInZone("2018-11-04T02:59:59.000Z", "America/Sao_Paulo")).toBe("2018-11-03");
  });

  it("is the first second of its day in the zone, for any day and zone", () => {
    const zones = ["America/Sao_Paulo", "America/Manaus", "Europe/Moscow", "Asia/Tokyo", "America/New_York"];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1990-01-01T00:00:00Z"),
          max: new Date("2060-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (moment, zone) => {
          const day = moment.toISOString().slice(0, 10) as CalendarDate;
          const start = dayStartInZone(day, zone);
          expect(calendarDateInZone(start, zone)).toBe(day);
          const before = new Date(Date.parse(start) - 1000);
          expect(calendarDateInZone(before, zone) < day).toBe(true);
        },
      ),
    );
  });
});
