import { afterEach, describe, expect, it, vi } from "vitest";
import { createSystemClock } from "./clock";

describe("the system clock", () => {
  afterEach(() => vi.useRealTimers());

  it("answers the wall clock's instant, and a new one as soon as a millisecond passes", () => {
    vi.useFakeTimers({ now: Date.parse("2026-03-01T12:00:00.000Z") });
    const clock = createSystemClock();
    expect(clock.now()).toBe("2026-03-01T12:00:00.000Z");
    expect(clock.now()).toBe("2026-03-01T12:00:00.000Z");
    vi.setSystemTime(Date.parse("2026-03-01T12:00:00.001Z"));
    expect(clock.now()).toBe("2026-03-01T12:00:00.001Z");
    vi.setSystemTime(Date.parse("2026-02-28T23:59:59.999Z"));
    expect(clock.now()).toBe("2026-02-28T23:59:59.999Z");
  });
});
