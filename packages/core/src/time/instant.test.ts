import { describe, expect, it } from "vitest";
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
