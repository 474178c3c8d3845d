import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  type CalendarDate,
  calendarDate,
  daysBetween,
  daysInMonth,
} from "../time/calendar-date";
import type { ContractTerms } from "./contract";
import {
  firstScheduleStep,
  nextPeriodAfter,
  scheduleContract,
  schedulePeriod,
  scheduleTotal,
  termEndsOn,
} from "./contract-schedule";

const brl = (amount: number) => ({ amount, currency: "BRL" });

const startDate = fc
  .record({
    year: fc.integer({ min: 1999, max: 2101 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => calendarDate(year, month, Math.min(day, daysInMonth(year, month))));

const terms = fc.record({
  price: fc.integer({ min: 0, max: 10_000_000 }).map(brl),
  installmentCount: fc.option(fc.integer({ min: 1, max: 36 }), { nil: null }),
  enrollmentFee: fc.option(fc.integer({ min: 1, max: 1_000_000 }).map(brl), { nil: null }),
  clientFeeBasisPoints: fc.integer({ min: 0, max: 2_000 }),
  intervalCount: fc.integer({ min: 1, max: 12 }),
});

type GeneratedTerms = typeof terms extends fc.Arbitrary<infer T> ? T : never;

function termsOf(t: GeneratedTerms): ContractTerms {
  return {
    planName: "Plano",
    kind: "recurring",
    price: t.price,
    interval: { unit: "month", count: t.intervalCount },
    installmentCount: t.installmentCount,
    enrollmentFee: t.enrollmentFee,
    clientFeeBasisPoints: t.clientFeeBasisPoints,
    autoRenew: false,
    quotas: [],
    activationMode: "immediate",
  };
}

/** The fee a line group owes, computed here independently: bp of the base, half away from zero. */
function expectedFee(base: number, basisPoints: number): number {
  return Number((BigInt(base) * BigInt(basisPoints) * 2n + 10_000n) / 20_000n);
}

describe("scheduleContract", () => {
  it("adds up the same whether an open-ended contract's periods come one at a time (the billing run) or all at once", () => {
    fc.assert(
      fc.property(terms, startDate, fc.integer({ min: 1, max: 36 }), (t, start, months) => {
        const openEnded = termsOf({ ...t, installmentCount: null });
        // As the billing run grows it: the sale's first period, then one period each time
        // `nextPeriodOn` comes, on exactly that day.
        const grown = [...scheduleContract(openEnded, start)];
        for (let index = 1; index < months; index++) {
          const added = schedulePeriod(openEnded, start, index);
          expect(added[0]?.dueDate).toBe(nextPeriodAfter(openEnded, start, index));
          grown.push(...added);
        }
        const atOnce = scheduleContract(termsOf({ ...t, installmentCount: months }), start);
        expect(grown).toEqual(atOnce);
        expect(scheduleTotal(grown, "BRL")).toEqual(scheduleTotal(atOnce, "BRL"));
      }),
    );
  });

  it("adds up to periods × price + enrollment fee + the client fee of each due date", () => {
    fc.assert(
      fc.property(terms, startDate, (t, start) => {
        const lines = scheduleContract(termsOf(t), start);
        const periods = t.installmentCount ?? 1;
        const firstBase = t.price.amount + (t.enrollmentFee?.amount ?? 0);
        const fees =
          expectedFee(firstBase, t.clientFeeBasisPoints) +
          (periods - 1) * expectedFee(t.price.amount, t.clientFeeBasisPoints);
        const expected = periods * t.price.amount + (t.enrollmentFee?.amount ?? 0) + fees;
        expect(scheduleTotal(lines, "BRL")).toEqual(brl(expected));
        expect(lines.reduce((sum, line) => sum + line.amount.amount, 0)).toBe(expected);
      }),
    );
  });

  it("never skips or repeats a month: period i starts exactly i × interval months after the start", () => {
    fc.assert(
      fc.property(terms, startDate, (t, start) => {
        const periods = scheduleContract(termsOf(t), start).filter((line) => line.kind === "period");
        expect(periods).toHaveLength(t.installmentCount ?? 1);
        periods.forEach((line, index) => {
          const [y, m] = line.dueDate.split("-").map(Number) as [number, number];
          const [sy, sm] = start.split("-").map(Number) as [number, number];
          expect((y - sy) * 12 + (m - sm)).toBe(index * t.intervalCount);
          expect(line.sequence).toBe(index + 1);
          expect(line.periodStart).toBe(line.dueDate);
        });
      }),
    );
  });

  it("keeps periods contiguous: each ends the day before the next begins", () => {
    fc.assert(
      fc.property(terms, startDate, (t, start) => {
        const periods = scheduleContract(termsOf(t), start).filter((line) => line.kind === "period");
        for (let i = 0; i + 1 < periods.length; i++) {
          expect(
            daysBetween(periods[i]!.periodEnd as CalendarDate, periods[i + 1]!.periodStart as CalendarDate),
          ).toBe(1);
        }
        const last = periods.at(-1)!;
        expect(
          daysBetween(last.periodEnd as CalendarDate, addMonths(start, periods.length * t.intervalCount)),
        ).toBe(1);
      }),
    );
  });

  it("bills on the contracting day, clamped to the month's last day (Conexa FAQ)", () => {
    fc.assert(
      fc.property(terms, startDate, (t, start) => {
        const startDay = Number(start.slice(8));
        for (const line of scheduleContract(termsOf(t), start)) {
          const [y, m, d] = line.dueDate.split("-").map(Number) as [number, number, number];
          expect(d).toBe(Math.min(startDay, daysInMonth(y, m)));
        }
      }),
    );
  });

  it("puts the enrollment fee and the client fee on the first due date as their own lines", () => {
    const lines = scheduleContract(
      termsOf({
        price: brl(14990),
        installmentCount: 2,
        enrollmentFee: brl(5000),
        clientFeeBasisPoints: 350,
        intervalCount: 1,
      }),
      "2026-01-31",
    );
    expect(lines.map((l) => [l.sequence, l.kind, l.amount.amount, l.dueDate])).toEqual([
      [1, "period", 14990, "2026-01-31"],
      [1, "enrollment_fee", 5000, "2026-01-31"],
      [1, "fee", 700, "2026-01-31"],
      [2, "period", 14990, "2026-02-28"],
      [2, "fee", 525, "2026-02-28"],
    ]);
  });

  it("schedules only the first period of an open-ended plan", () => {
    const lines = scheduleContract(
      termsOf({
        price: brl(9900),
        installmentCount: null,
        enrollmentFee: null,
        clientFeeBasisPoints: 0,
        intervalCount: 1,
      }),
      "2026-03-10",
    );
    expect(lines.map((l) => [l.kind, l.dueDate, l.periodEnd])).toEqual([
      ["period", "2026-03-10", "2026-04-09"],
    ]);
  });
});

describe("renewal chains", () => {
  it("is the same schedule whether a fixed contract runs its periods or renews period by period on the chain's billing day", () => {
    fc.assert(
      fc.property(
        terms,
        startDate,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        (t, start, count, renewals) => {
          const fixed = termsOf({ ...t, installmentCount: count, enrollmentFee: null });
          const billingDay = Number(start.slice(8, 10));
          // A chain: each renewal starts on the day its predecessor's term ends, keeping the billing day.
          const chained: string[] = [];
          let from: CalendarDate = start;
          for (let step = 0; step <= renewals; step++) {
            const lines = scheduleContract(fixed, from, billingDay).filter((line) => line.kind === "period");
            chained.push(...lines.map((line) => `${line.periodStart}..${line.periodEnd}`));
            const ends = termEndsOn(fixed, from, billingDay)!;
            expect(ends).toBe(firstScheduleStep(fixed, from, billingDay));
            expect(addDays(ends, -1)).toBe(lines[lines.length - 1]!.periodEnd);
            from = ends;
          }
          const whole = scheduleContract({ ...fixed, installmentCount: count * (renewals + 1) }, start)
            .filter((line) => line.kind === "period")
            .map((line) => `${line.periodStart}..${line.periodEnd}`);
          expect(chained).toEqual(whole);
        },
      ),
    );
  });

  it("keeps a 31st's billing day through a renewal starting on February 28th", () => {
    const monthly = termsOf({
      price: brl(9900),
      installmentCount: 1,
      enrollmentFee: null,
      clientFeeBasisPoints: 0,
      intervalCount: 1,
    });
    expect(termEndsOn(monthly, "2027-01-31", 31)).toBe("2027-02-28");
    const renewal = scheduleContract(monthly, "2027-02-28", 31);
    expect(renewal.map((line) => [line.dueDate, line.periodEnd])).toEqual([["2027-02-28", "2027-03-30"]]);
    expect(termEndsOn(monthly, "2027-02-28", 31)).toBe("2027-03-31");
    // Without the chain's day it would drift to the 28th.
    expect(termEndsOn(monthly, "2027-02-28")).toBe("2027-03-28");
  });

  it("has no term end for an open-ended contract or a pass", () => {
    const base = termsOf({
      price: brl(9900),
      installmentCount: null,
      enrollmentFee: null,
      clientFeeBasisPoints: 0,
      intervalCount: 1,
    });
    expect(termEndsOn(base, "2026-03-10")).toBeNull();
    expect(firstScheduleStep(base, "2026-03-10")).toBe("2026-04-10");
    const pass: ContractTerms = { ...base, kind: "pass", installmentCount: 1 };
    expect(termEndsOn(pass, "2026-03-10")).toBeNull();
    expect(firstScheduleStep(pass, "2026-03-10")).toBeNull();
  });
});
