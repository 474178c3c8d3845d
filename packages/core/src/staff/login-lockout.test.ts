import { describe, expect, it } from "vitest";
import { createManualClock } from "../testing/manual-clock";
import { isLocked, loginLockout, retryAfterSeconds } from "./login-lockout";

describe("login lock-out", () => {
  it("locks after five wrong passwords within fifteen minutes, for fifteen minutes", () => {
    expect(loginLockout).toEqual({ maxFailures: 5, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 });
  });

  it("holds a lock until its instant, and not at or after it", () => {
    const clock = createManualClock("2026-03-10T15:00:00.000Z");
    const lockedUntil = "2026-03-10T15:15:00.000Z";
    expect(isLocked(lockedUntil, clock.now())).toBe(true);
    clock.advance(15 * 60 * 1000 - 1);
    expect(isLocked(lockedUntil, clock.now())).toBe(true);
    clock.advance(1);
    expect(isLocked(lockedUntil, clock.now())).toBe(false);
    expect(isLocked(null, clock.now())).toBe(false);
  });

  it("rounds the wait up to whole seconds, never below one while locked", () => {
    const clock = createManualClock("2026-03-10T15:00:00.000Z");
    const lockedUntil = "2026-03-10T15:15:00.000Z";
    expect(retryAfterSeconds(lockedUntil, clock.now())).toBe(900);
    clock.advance(1500);
    expect(retryAfterSeconds(lockedUntil, clock.now())).toBe(899);
    clock.advance(15 * 60 * 1000 - 1501);
    expect(retryAfterSeconds(lockedUntil, clock.now())).toBe(1);
  });
});
