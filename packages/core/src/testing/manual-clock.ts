import type { Clock } from "../ports/clock";
import type { Instant } from "../time/instant";

/** A clock that only moves when told: for tests of due dates, leases, expiry and backoff. */
export interface ManualClock extends Clock {
  set(instant: Instant): void;
  advance(ms: number): Instant;
}

export function createManualClock(start: Instant = "2026-01-15T12:00:00.000Z"): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current).toISOString(),
    set(instant) {
      current = new Date(instant).getTime();
    },
    advance(ms) {
      current += ms;
      return new Date(current).toISOString();
    },
  };
}
