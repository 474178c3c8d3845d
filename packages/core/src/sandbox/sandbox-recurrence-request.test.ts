import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { billingIntervalSchema } from "../time/billing-schedule";
import { isBillingInterval } from "./sandbox-recurrence-request";

describe("the sandbox's recurrence interval check", () => {
  it("accepts exactly the intervals billingIntervalSchema accepts", () => {
    const count = fc.oneof(
      fc.integer({ min: -5, max: 130 }),
      fc.double(),
      fc.constantFrom(0, -0, 1, 120, 121, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "3", null, undefined),
    );
    const unit = fc.oneof(fc.constantFrom("month", "day", "week", "Month", "", null, undefined), fc.string());
    const interval = fc.oneof(
      fc.record({ unit, count }, { requiredKeys: [] }),
      fc.record({ unit, count, extra: fc.anything() }),
      fc.anything(),
      fc.tuple(unit, count),
    );
    fc.assert(
      fc.property(interval, (value) => {
        expect(isBillingInterval(value)).toBe(billingIntervalSchema.safeParse(value).success);
      }),
      { numRuns: 3000 },
    );
    expect(isBillingInterval({ unit: "month", count: 1 })).toBe(true);
    expect(isBillingInterval({ unit: "day", count: 120 })).toBe(true);
  });
});
