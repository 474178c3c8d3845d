import fc from "fast-check";
import { expect, it } from "vitest";
import type { Id } from "../ids/id";
import { addMonths, type CalendarDate, calendarDate } from "../time/calendar-date";
import { orderInstallments } from "./order-installments";

const ids = (() => {
  let next = 0;
  return (kind: string) => `${kind.slice(0, 3)}_${String(++next).padStart(26, "0")}` as never;
})();
const ctx = { ids, clock: { now: () => "2026-03-10T15:00:00.000Z" as never } };

it("splits any order total into lines that add up to it, as even as a centavo allows, the larger ones first, a month apart", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 50_000_000 }),
      fc.record({
        year: fc.integer({ min: 2026, max: 2030 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      fc.boolean(),
      (count, extra, start, endOfMonth) => {
        const total = { amount: count + extra, currency: "BRL" };
        const first: CalendarDate = endOfMonth
          ? calendarDate(start.year, 1, 31)
          : calendarDate(start.year, start.month, start.day);
        const order = {
          id: "ord_1" as Id<"order">,
          unitId: "unit_1" as Id<"unit">,
          customerId: "cus_1" as Id<"customer">,
          total,
          installmentCount: count,
        };
        const lines = orderInstallments(ctx, order, first);
        expect(lines).toHaveLength(count);
        expect(lines.reduce((sum, line) => sum + line.amount.amount, 0)).toBe(total.amount);
        const amounts = lines.map((line) => line.amount.amount);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
        expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
        expect(lines.map((line) => line.dueDate)).toEqual(lines.map((_, index) => addMonths(first, index)));
        expect(lines.map((line) => line.sequence)).toEqual(lines.map((_, index) => index + 1));
        for (const line of lines)
          expect(line).toMatchObject({
            kind: "order",
            status: "awaiting",
            orderId: "ord_1",
            contractId: null,
          });
      },
    ),
  );
});
