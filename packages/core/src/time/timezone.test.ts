import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { dateParts, daysInMonth } from "./calendar-date";
import { calendarDateInZone, isTimeZone, timeZoneSchema } from "./timezone";

const hour = 3_600_000;

/** The UTC calendar day of `millis`, by days-from-epoch arithmetic (Hinnant's civil_from_days), not Intl. */
function utcDay(millis: number): string {
  const z = Math.floor(millis / 86_400_000) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day at a fixed offset from UTC: shift the instant by the offset, read the UTC day. */
const dayAtOffset = (millis: number, offsetHours: number) => utcDay(millis + offsetHours * hour);

const at = (iso: string) => new Date(iso).toISOString();

describe("calendarDateInZone", () => {
  it("reads 02:30 UTC as the previous day in São Paulo (UTC−3)", () => {
    expect(calendarDateInZone("2026-03-01T02:30:00.000Z", "America/Sao_Paulo")).toBe("2026-02-28");
    expect(calendarDateInZone("2026-03-01T02:59:59.999Z", "America/Sao_Paulo")).toBe("2026-02-28");
    expect(calendarDateInZone("2026-03-01T03:00:00.000Z", "America/Sao_Paulo")).toBe("2026-03-01");
  });

  it("accepts a Date as well as an instant string", () => {
    expect(calendarDateInZone(new Date("2026-03-01T02:30:00.000Z"), "America/Sao_Paulo")).toBe("2026-02-28");
  });

  it("follows São Paulo's 2018–19 summer time (UTC−2): midnight came an hour earlier in UTC", () => {
    // DST began 2018-11-04 at 00:00 local (03:00Z), clocks jumping to 01:00.
    expect(calendarDateInZone(at("2018-11-04T02:59:59Z"), "America/Sao_Paulo")).toBe("2018-11-03");
    expect(calendarDateInZone(at("2018-11-04T03:00:00Z"), "America/Sao_Paulo")).toBe("2018-11-04");
    // In summer time 02:30Z is 00:30 local: already the next day, which UTC−3 would miss.
    expect(calendarDateInZone(at("2018-12-01T02:30:00Z"), "America/Sao_Paulo")).toBe("2018-12-01");
    expect(calendarDateInZone(at("2018-12-01T01:59:59Z"), "America/Sao_Paulo")).toBe("2018-11-30");
    // DST ended 2019-02-17 at 00:00 local (02:00Z), clocks falling back to 23:00 on the 16th.
    expect(calendarDateInZone(at("2019-02-17T01:59:59Z"), "America/Sao_Paulo")).toBe("2019-02-16");
    expect(calendarDateInZone(at("2019-02-17T02:30:00Z"), "America/Sao_Paulo")).toBe("2019-02-16");
    expect(calendarDateInZone(at("2019-02-17T03:00:00Z"), "America/Sao_Paulo")).toBe("2019-02-17");
  });

  it("reads the last hour before and the first after the edges of the calendar's widest zones", () => {
    // Kiritimati (UTC+14) is already on the next day from 10:00 UTC.
    expect(calendarDateInZone(at("2026-12-31T09:59:59Z"), "Pacific/Kiritimati")).toBe("2026-12-31");
    expect(calendarDateInZone(at("2026-12-31T10:00:00Z"), "Pacific/Kiritimati")).toBe("2027-01-01");
    // Pago Pago (UTC−11) is still on the previous day until 11:00 UTC.
    expect(calendarDateInZone(at("2027-01-01T10:59:59Z"), "Pacific/Pago_Pago")).toBe("2026-12-31");
    expect(calendarDateInZone(at("2027-01-01T11:00:00Z"), "Pacific/Pago_Pago")).toBe("2027-01-01");
    // The same instant is three different days around the world.
    const instant = at("2024-02-29T10:30:00Z");
    expect(
      ["Pacific/Pago_Pago", "UTC", "Pacific/Kiritimati"].map((zone) => calendarDateInZone(instant, zone)),
    ).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
  });

  it("matches São Paulo's offsets of 2017–2019, summer time (UTC−2) included, near midnight", () => {
    // Summer-time windows, in UTC, from the IANA history for America/Sao_Paulo.
    const summer = [
      [Date.UTC(2017, 9, 15, 3), Date.UTC(2018, 1, 18, 2)],
      [Date.UTC(2018, 10, 4, 3), Date.UTC(2019, 1, 17, 2)],
    ] as const;
    const offsetAt = (millis: number) =>
      summer.some(([from, to]) => millis >= from && millis < to) ? -2 : -3;
    const days = fc.integer({
      min: Date.UTC(2017, 2, 1) / 86_400_000,
      max: Date.UTC(2019, 11, 31) / 86_400_000,
    });
    const nearMidnight = fc
      .tuple(days, fc.constantFrom(-2, -3), fc.integer({ min: -90 * 60_000, max: 90 * 60_000 }))
      .map(([day, offset, ms]) => day * 86_400_000 - offset * hour + ms);
    fc.assert(
      fc.property(nearMidnight, (millis) => {
        expect(calendarDateInZone(new Date(millis), "America/Sao_Paulo")).toBe(
          dayAtOffset(millis, offsetAt(millis)),
        );
      }),
      { numRuns: 500 },
    );
  });

  const fixedOffsetZones: [zone: string, offsetHours: number, fromYear: number][] = [
    ["America/Sao_Paulo", -3, 2020], // no summer time since 2019
    ["America/Manaus", -4, 2000],
    ["Europe/Moscow", 3, 2015], // UTC+3 since October 2014
    ["Pacific/Kiritimati", 14, 1996],
    ["Pacific/Pago_Pago", -11, 1996],
  ];

  for (const [zone, offset, fromYear] of fixedOffsetZones) {
    it(`matches UTC${offset > 0 ? "+" : "−"}${Math.abs(offset)} offset arithmetic in ${zone}, around midnight above all`, () => {
      const from = Date.UTC(fromYear, 0, 1);
      const to = Date.UTC(2037, 0, 1);
      // Instants within a minute of local midnight, where a wrong offset shows.
      const nearMidnight = fc
        .tuple(
          fc.integer({ min: Math.ceil(from / 86_400_000), max: Math.floor(to / 86_400_000) }),
          fc.integer({ min: -60_000, max: 59_999 }),
        )
        .map(([day, ms]) => day * 86_400_000 - offset * hour + ms);
      const anytime = fc.integer({ min: from, max: to });
      fc.assert(
        fc.property(fc.oneof(nearMidnight, anytime), (millis) => {
          expect(calendarDateInZone(new Date(millis).toISOString(), zone)).toBe(dayAtOffset(millis, offset));
        }),
        { numRuns: 300 },
      );
    });
  }

  it("answers from its memo what a fresh formatter reads, however calls hop between zones and seconds", () => {
    // The memo keeps each zone's last day by UTC second: calls in the same second, the
    // millisecond before a midnight and the one at it, DST edges and LMT offsets with
    // seconds in them (São Paulo's −03:06:28 until 1914) must all read as Intl does afresh.
    const zones = ["America/Sao_Paulo", "Europe/Moscow", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"];
    const fresh = (millis: number, timeZone: string) => {
      const parts = new Intl.DateTimeFormat("en-US", {
        timeZone,
        calendar: "gregory",
        numberingSystem: "latn",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).formatToParts(millis);
      const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return `${String(part("year")).padStart(4, "0")}-${String(part("month")).padStart(2, "0")}-${String(part("day")).padStart(2, "0")}`;
    };
    const second = fc.integer({ min: Date.UTC(1900, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 });
    // Each step: a zone, a second (often the one before, so the memo answers), a millisecond.
    const steps = fc.array(
      fc.tuple(fc.constantFrom(...zones), fc.option(second, { nil: null }), fc.integer({ min: 0, max: 999 })),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(second, steps, (first, walk) => {
        let current = first;
        for (const [zone, next, ms] of walk) {
          if (next !== null) current = next;
          const millis = current * 1000 + ms;
          expect(calendarDateInZone(new Date(millis), zone)).toBe(fresh(millis, zone));
        }
      }),
      { numRuns: 300 },
    );
    // Across local midnights in São Paulo, whose LMT offset had seconds: one millisecond apart.
    for (const midnight of [
      Date.UTC(1913, 11, 31, 3, 6, 28),
      Date.UTC(2018, 10, 4, 3),
      Date.UTC(2026, 2, 1, 3),
    ]) {
      for (const millis of [midnight - 1, midnight, midnight - 1, midnight + 999, midnight + 1000]) {
        expect(calendarDateInZone(new Date(millis), "America/Sao_Paulo")).toBe(
          fresh(millis, "America/Sao_Paulo"),
        );
      }
    }
  });

  it("always returns a real calendar date", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }), (millis) => {
        const { year, month, day } = dateParts(calendarDateInZone(new Date(millis), "America/Sao_Paulo"));
        expect(day).toBeLessThanOrEqual(daysInMonth(year, month));
      }),
      { numRuns: 200 },
    );
  });
});

describe("timezones", () => {
  it("knows IANA zones and refuses made-up ones", () => {
    expect(isTimeZone("America/Sao_Paulo")).toBe(true);
    expect(isTimeZone("Europe/Moscow")).toBe(true);
    expect(isTimeZone("America/Rio")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(timeZoneSchema.safeParse("Mars/Olympus").error?.issues[0]?.message).toMatch(/IANA timezone/);
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

describe("calendarDateInZone's wrong arguments", () => {
  it("refuses an unknown zone as a validation error on timeZone, not Intl's RangeError", () => {
    for (const zone of ["Mars/Olympus", "", "+01:00", 42, null, undefined]) {
      expect(refusal(() => calendarDateInZone("2026-03-01T02:30:00.000Z", zone as string))).toEqual([
        ["timeZone", "invalid_time_zone"],
      ]);
    }
  });

  it("refuses an instant that is not one: Feb 30, an Invalid Date, a number, a look-alike Date", () => {
    for (const instant of [
      "2026-02-30T00:00:00.000Z",
      "2026-03-01",
      new Date(Number.NaN),
      Object.create(Date.prototype),
      1_700_000_000_000,
    ]) {
      expect(refusal(() => calendarDateInZone(instant, "America/Sao_Paulo"))).toEqual([
        ["instant", "invalid_instant"],
      ]);
    }
  });

  it("reads the calendar's first and last days, and refuses an instant whose day in some zone is outside them", () => {
    // São Paulo kept its local mean time (UTC−3:06) before 1914.
    expect(calendarDateInZone("0001-01-02T00:00:00.000Z", "America/Sao_Paulo")).toBe("0001-01-01");
    expect(calendarDateInZone("9999-12-30T23:59:59.999Z", "Pacific/Kiritimati")).toBe("9999-12-31");
    for (const instant of ["0001-01-01T23:59:59.999Z", "9999-12-31T00:00:00.000Z", new Date(8.64e15)]) {
      expect(refusal(() => calendarDateInZone(instant, "UTC"))).toEqual([["instant", "out_of_range"]]);
    }
  });

  it("gives the same day as a formatter built on the spot, for every zone the runtime knows (more than it memoizes)", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    expect(zones.length).toBeGreaterThan(100);
    const instant = new Date("2026-07-01T23:30:00.000Z");
    for (const round of [1, 2]) {
      for (const zone of zones) {
        const parts = new Intl.DateTimeFormat("en-US", {
          timeZone: zone,
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
        }).formatToParts(instant);
        const part = (type: string) => parts.find((p) => p.type === type)?.value;
        expect(calendarDateInZone(instant, zone), `${zone}, round ${round}`).toBe(
          `${part("year")}-${part("month")}-${part("day")}`,
        );
      }
    }
  });

  it("isTimeZone says false for a non-string instead of reading its text", () => {
    expect(isTimeZone({ toString: () => "UTC" } as never)).toBe(false);
    expect(isTimeZone(Symbol("UTC") as never)).toBe(false);
    expect(isTimeZone("UTC")).toBe(true);
  });
});
